#!/usr/bin/env python3
"""Print the book pages here to PDF with Chromium and extract their text with pdftotext, as an
editor would with a book of their own:

    python tests/generator/extractions/make.py [--fonts DIR]

yecao-24em.html is written from yecao-30em.html (the same text in a column of 24 em); each page is
printed (Chromium's --print-to-pdf, no header or footer) and extracted (pdftotext, UTF-8) into the
.txt of the same name. The tests read the committed .txt files and never run this.

Needs Debian's chromium, pdftotext (apt-get install poppler-utils) and a Simplified Chinese font
the pages name (Noto Serif CJK SC: apt-get install fonts-noto-cjk). --fonts DIR makes Chromium
also see the fonts in DIR (fontconfig), on a machine where none is installed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "yecao-30em.html"
#: The CSS rule that sets the column, and the widths printed.
COLUMN = "main { width: 30em; }"
WIDTHS = (30, 24)
CHROMIUM = ("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer")


def page(width: int) -> Path:
    """The book page at `width` em: yecao-30em.html itself, the others written from it."""
    target = HERE / f"yecao-{width}em.html"
    if target != SOURCE:
        html = SOURCE.read_text(encoding="utf-8")
        assert COLUMN in html, f"{SOURCE.name} no longer sets its column with {COLUMN!r}"
        target.write_text(html.replace(COLUMN, f"main {{ width: {width}em; }}").replace(
            "a column of 30 em", f"a column of {width} em"), encoding="utf-8")
    return target


def environment(fonts: Path | None, folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    if fonts:
        config = folder / "fonts.conf"
        config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                          '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
                          f"  <dir>{fonts.resolve()}</dir>\n  <cachedir>{folder / 'fontcache'}</cachedir>\n"
                          "</fontconfig>\n", encoding="utf-8")
        env["FONTCONFIG_FILE"] = str(config)
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts", type=Path, help="a folder of fonts for Chromium (if none is installed)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        env = environment(args.fonts, Path(folder))
        for width in WIDTHS:
            html = page(width)
            pdf = Path(folder) / html.with_suffix(".pdf").name
            subprocess.run([*CHROMIUM, f"--user-data-dir={folder}/profile", f"--print-to-pdf={pdf}",
                            html.as_uri()], check=True, env=env, capture_output=True, timeout=300)
            text = html.with_suffix(".txt")
            subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(text)], check=True, timeout=300)
            pages = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
            count = next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))
            print(f"{html.name}: {count} pages -> {text.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

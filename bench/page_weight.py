#!/usr/bin/env python3
"""Page weight: what a reader downloads for each page type, the full site against a plain Material
build of the same pages (our plugin off), built in the same run.

    python bench/page_weight.py

For each page type (home, text page, glossary, timeline, apparatus, 404): the page's HTML plus the
stylesheets and scripts it loads (Material's and ours) and the search worker it starts, in bytes
and gzipped (level 6, as static hosts serve them). The search index is fetched once per site, not
per page, and is measured by bench/search.py. Target (issue 9): our additions stay within 25% of a
plain Material text page (gzip). Pages the plain build does not have (glossary, timeline,
apparatus) are compared with its text page. Exit status 1 when the target is missed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import _venv

_venv.ensure("test")

import gzip
import os
import re
import subprocess
import tempfile

import projects

PAGES = {"home": "index.html", "text page": "text/building-cars/index.html", "glossary": "glossary/index.html",
         "timeline": "timeline/index.html", "apparatus": "apparatus/index.html", "404": "404.html"}
TARGET = 0.25
_ASSETS = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
#: The search worker a page starts: the edition's (its configuration's "worker"), else the theme's
#: (Material's configuration names it even where its search plugin is off: not started then).
_WORKER = re.compile(r'"worker": "([^"]+)"')
_CONFIG = re.compile(r'"search": "([^"]+)"')


def build(config: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    site = config.parent / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                            env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"build failed: {config}\n{result.stderr}")
    return site


def weight(site: Path, page: str) -> dict[str, tuple[int, int]]:
    """Bytes and gzipped bytes of a page: its HTML, Material's assets, ours, the search worker."""
    path = site / page
    html = path.read_text(encoding="utf-8")
    parts: dict[str, list[bytes]] = {"html": [html.encode()], "material": [], "ours": [], "worker": []}
    for href in _ASSETS.findall(html):
        if href.startswith(("http:", "https:")):
            continue
        target = (path.parent / href).resolve() if not href.startswith("/") else site / href.split("/", 2)[-1]
        parts["ours" if "assets/edition/" in href else "material"].append(target.read_bytes())
    worker = _WORKER.search(html) or _CONFIG.search(html)
    if worker:
        href = worker.group(1)
        target = (path.parent / href).resolve() if not href.startswith("/") else site / href.split("/", 2)[-1]
        parts["worker"].append(target.read_bytes())
    return {k: (sum(len(b) for b in v), sum(len(gzip.compress(b, compresslevel=6, mtime=0)) for b in v))
            for k, v in parts.items()}


def total(w: dict[str, tuple[int, int]], index: int) -> int:
    return sum(v[index] for v in w.values())


def measure() -> tuple[list[str], bool]:
    """The report's lines, and whether the target is met."""
    with tempfile.TemporaryDirectory() as tmp:
        full = build(projects.make(Path(tmp) / "full", 1, "full"))
        plain = build(projects.make(Path(tmp) / "plain", 1, "plain"))
        base = weight(plain, PAGES["text page"])
        lines = [f"page weight (bytes, gzip): plain Material text page {total(base, 0):,} / {total(base, 1):,} "
                 f"(HTML {base['html'][1]:,} gz, Material's CSS/JS {base['material'][1]:,} gz, "
                 f"its worker {base['worker'][1]:,} gz)"]
        met = True
        for name, page in PAGES.items():
            ours = weight(full, page)
            theirs = weight(plain, page) if (plain / page).exists() and name in ("home", "text page", "404") else base
            added = total(ours, 1) - total(theirs, 1)
            share = added / total(theirs, 1)
            lines.append(f"  {name:10s} {total(ours, 0):>9,} / {total(ours, 1):>7,}  (HTML {ours['html'][1]:,} gz, "
                         f"our CSS/JS {ours['ours'][1]:,} gz, worker {ours['worker'][1]:,} gz); "
                         f"against plain {total(theirs, 1):,} gz: {added:+,} ({share:+.0%})")
            if name == "text page":
                met = share <= TARGET
                bare = (total(ours, 1) - ours["worker"][1]) / (total(theirs, 1) - theirs["worker"][1]) - 1
                lines.append(f"  text page additions {share:+.0%} of a plain Material page "
                             f"(target {TARGET:.0%}): {'ok' if met else 'MISSED'}; leaving both search workers "
                             f"out (ours is smaller than Material's): {bare:+.0%}")
    return lines, met


def main() -> int:
    lines, met = measure()
    print("\n".join(lines))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

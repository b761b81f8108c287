"""Small edition projects made for a test: a source text, its pages, its layout, its fixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.core import project
from edition.core.errors import EditionError
from edition.core.text import ingest

SOURCE = "source/text.txt"
#: The line of mkdocs.yml where the first layout setting is (see write).
FIRST_SETTING = 5


def write(root: Path, source: str | bytes, pages: list[str], layout: dict[str, object] | None = None,
          fixes: str | None = None, emendations: str = "emendations: []\n") -> Path:
    """A project at `root`: `source` as its text, one page per title in `pages`, the layout settings
    written one a line from mkdocs.yml:5 on, `fixes` as annotations/layout.yml (none if None)."""
    (root / "source").mkdir(parents=True)
    (root / "annotations").mkdir()
    data = source.encode("utf-8") if isinstance(source, str) else source
    (root / SOURCE).write_bytes(data)
    settings = "".join(f"        {key}: {_yaml(value)}\n" for key, value in (layout or {}).items())
    (root / "mkdocs.yml").write_text("site_name: 测试\nplugins:\n  - edition:\n      layout:\n" + settings
                                     if settings else "site_name: 测试\nplugins:\n  - edition\n", encoding="utf-8")
    structure = "pages:\n" + "".join(f"  - slug: page-{n}\n    title: {title}\n" for n, title in enumerate(pages, 1))
    (root / "annotations" / "structure.yml").write_text(structure, encoding="utf-8")
    (root / "annotations" / "emendations.yml").write_text(emendations, encoding="utf-8")
    if fixes is not None:
        (root / "annotations" / "layout.yml").write_text(fixes, encoding="utf-8")
    return root


def _yaml(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) and value != "auto" and value not in ("page", "paragraphs") \
        else str(value)


def paths(root: Path) -> ingest.Paths:
    return project.inputs(root / "mkdocs.yml").paths


def load(root: Path) -> ingest.Edition:
    """Ingest the project, with the layout its mkdocs.yml declares (as every command reads it)."""
    found = project.inputs(root / "mkdocs.yml")
    return ingest.load(found.paths, found.settings.layout)


def message(root: Path) -> str:
    """The error of ingesting the project (it must fail)."""
    with pytest.raises(EditionError) as caught:
        load(root)
    return str(caught.value)


def paragraphs(edition: ingest.Edition) -> list[list[str]]:
    """Each page's paragraphs and items (marker and text), in order."""
    return [[b.source_text for b in page.blocks if b.kind != "heading"] for page in edition.document.pages]


#: Characters for made-up text (the Thousand Character Classic), none of them punctuation.
CHARS = ("天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙"
         "珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇始制文字乃服衣裳推位让国有虞陶唐")


def made_up(count: int, lengths: tuple[int, ...] = (23, 7, 41, 16, 30, 12, 55, 9)) -> list[str]:
    """`count` made-up paragraphs of various lengths, each ending with a full stop."""
    out = []
    for n in range(count):
        length = lengths[n % len(lengths)]
        text = "".join(CHARS[(n * 7 + k) % len(CHARS)] for k in range(length - 1))
        out.append(text + "。")
    return out


def typeset(paragraphs: list[str], column: int, indent: int = 2, page: int = 0) -> str:
    """The paragraphs set as a printed page's lines would be extracted: `column` characters a line
    (the first `indent` fewer), no line beginning with the full stop (it pulls the character
    before it down), and with `page`, pdftotext's page breaks every `page` lines: a blank line,
    then a form feed before the next page's first line."""
    lines: list[str] = []
    for text in paragraphs:
        room = column - indent
        while text:
            cut = room
            if cut < len(text) and text[cut] == "。":
                cut -= 1
            lines.append(text[:cut])
            text, room = text[cut:], column
    if page:
        lines = [("\f" if n and n % page == 0 else "") + line for n, line in enumerate(lines)]
        lines = [part for n, line in enumerate(lines) for part in ([""] if n and n % page == 0 else []) + [line]]
    return "\n".join(lines) + "\n"

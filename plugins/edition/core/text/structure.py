"""The edition's structure: which headings the text has, and how it is divided into pages.

The source has no markup, so headings are declared (annotations/structure.yml) rather than guessed:
one page per top-level section, each page's sections by their exact title as the emended source
prints them. The untitled opening gets an editorial title, marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import yamlfile
from ..errors import EditionError, Problem, quote

SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"

SECTION_FIELDS = (
    yamlfile.Field("id", str, pattern=SLUG, doc="the heading's ASCII anchor"),
    yamlfile.Field("title", str, doc="the subsection title exactly as the text prints it"),
)

PAGE_FIELDS = (
    yamlfile.Field("slug", str, pattern=SLUG, doc="the page's ASCII file name, like three-iron-rules"),
    yamlfile.Field("title", str, doc="the section title exactly as the text prints it"),
    yamlfile.Field("editorial", bool, required=False,
                   doc="true when the text has no title here and the title is the editors'"),
    yamlfile.Field("sections", list, required=False, record=SECTION_FIELDS, doc="the page's subsections"),
)


@dataclass(frozen=True)
class Heading:
    """A declared heading: level 1 is a page's title, level 2 a subsection."""

    id: str
    title: str
    level: int
    editorial: bool
    file_line: int


@dataclass(frozen=True)
class PageSpec:
    """A declared page: its slug, its title heading and its subsection headings, in text order."""

    slug: str
    number: int
    title: Heading
    sections: tuple[Heading, ...]


def load(path: Path, display: str) -> tuple[PageSpec, ...]:
    """Read and check the structure file; raises EditionError with every problem."""
    pages, problems = read(path, display)
    if problems:
        raise EditionError(problems)
    return pages


def read(path: Path, display: str, schema: str = "") -> tuple[tuple[PageSpec, ...], list[Problem]]:
    """Read and check the structure file: the pages declared well, and every problem. `schema`:
    the path of its JSON Schema from the file, for the hint of an empty file."""
    entries = yamlfile.entries(path, display, "pages", schema)
    items, problems = entries.items, list(entries.problems)
    pages: list[PageSpec] = []
    ids: dict[str, int] = {}

    def claim(ident: str, line: int) -> None:
        if ident in ids:
            problems.append(Problem(display, line, f"duplicate id {quote(ident)} (first on line {ids[ident]})",
                                    "every page slug and section id must be unique"))
        ids.setdefault(ident, line)

    for number, (item, line) in enumerate(zip(items, items.item_lines, strict=True)):
        values, found = yamlfile.read_record(item, PAGE_FIELDS, display, line, f"page {number}")
        problems += found
        if found:
            continue
        claim(values["slug"], item.key_lines["slug"])
        sections: list[Heading] = []
        raw = values.get("sections", [])
        for section, section_line in zip(raw, getattr(raw, "item_lines", []), strict=True):
            claim(section["id"], section.key_lines["id"])
            sections.append(Heading(section["id"], section["title"], 2, False, section_line))
        title = Heading(values["slug"], values["title"], 1, values.get("editorial", False), line)
        pages.append(PageSpec(values["slug"], number, title, tuple(sections)))
    if not pages and not problems:
        problems.append(Problem(display, 1, "no pages declared", "list at least one page under 'pages:'"))
    return tuple(pages), problems

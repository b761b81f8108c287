"""Fidelity: nothing of the source is lost. The text of the generated pages, whitespace aside and
every emendation undone, is the source, whitespace aside (the edition changes nothing else)."""

from __future__ import annotations

from . import emendations, markdown_pages
from .chars import without_whitespace
from .ingest import Edition, Paths


def pages_text(paths: Paths, edition: Edition) -> str:
    """The text of the generated pages as a Markdown reader reads them back, in reading order
    (editorial headings, which the source does not have, left out)."""
    out = []
    for spec in edition.pages:
        read = markdown_pages.read((paths / paths.pages / f"{spec.slug}.md").read_text(encoding="utf-8"))
        out += [block.source_text for block in (read[1:] if spec.title.editorial else read)]
    return "".join(out)


def faithful(text: str, edition: Edition) -> bool:
    """Does undoing every emendation on `text` give the source, whitespace aside?"""
    try:
        return emendations.restore(text, edition.source, edition.emendations) == without_whitespace(edition.source)
    except ValueError:
        return False

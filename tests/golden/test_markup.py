"""Golden cases of the markup we render: permalinks, emendation marks, apparatus entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.core import anchors, apparatus, bodies, html_text, ingest, notes, project

from ..conftest import ROOT
from .fixtures import cases, check

FIXTURE = Path(__file__).with_name("markup.txt")
PROJECT = project.load(ingest.Paths(ROOT))
EDITION = PROJECT.edition


def render(given: str) -> str:
    if given.startswith("insert "):
        _, count, markup = given.split(" ", 2)
        return html_text.insert_after_text(markup, [(int(count), "<MARK>")])
    if given.startswith("emendation "):
        wanted = given.split()[1]
        placement = next(p for p in apparatus.placements(EDITION) if p.emendation.id == wanted)
        return (f"block {placement.block.id}, after character {placement.offset}\n"
                + apparatus.mark(placement, "../../apparatus/") + "\n"
                + apparatus.entry(placement, f"../text/{placement.page.slug}/") + "\n")
    if given.startswith("note "):
        wanted = given.split()[1]
        found = next(n for page in PROJECT.edition.document.pages for n in PROJECT.notes_on(page)
                     if n.annotation.id == wanted)
        return notes.marker(found, 0) + "\n" + notes.note_html(found) + "\n"
    if given.startswith("body "):
        return bodies.render(given.removeprefix("body ")) + "\n"
    return anchors.add_permalinks(given)


@pytest.mark.parametrize(("line", "title"), cases(FIXTURE), ids=[t for _, t in cases(FIXTURE)])
def test_markup(line: int, title: str, update_golden: bool) -> None:
    check(FIXTURE, line, render, update_golden)

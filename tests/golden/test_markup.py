"""Golden cases of the markup we render: permalinks, emendation marks, apparatus entries."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from edition.core import project
from edition.core.render import (
    apparatus,
    bodies,
    event_refs,
    glossary_page,
    html_text,
    notes,
    page_html,
    permalinks,
    timeline_page,
)
from edition.core.text import ingest

from ..conftest import LAYOUT, ROOT
from .fixtures import cases, check

FIXTURE = Path(__file__).with_name("markup.txt")
PROJECT = project.load(ingest.Paths(ROOT), LAYOUT)
EDITION = PROJECT.edition


def render(given: str) -> str:
    if given.startswith("insert "):
        _, count, markup = given.split(" ", 2)
        return html_text.edit(markup, [(int(count), "<MARK>")], [])
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
    if given.startswith("wrap "):
        # wrap START END MARKUP: can the characters be wrapped, and how
        _, start, end, markup = given.split(" ", 3)
        _, gaps, sealed = html_text.layout(markup)
        if not html_text.can_wrap(int(start), int(end), gaps, sealed, set()):
            return "cannot wrap\n"
        return html_text.edit(markup, [], [(int(start), int(end), "<A>", "</A>")]) + "\n"
    if given.startswith("decorate "):
        # decorate BLOCK-ID: the block as its page renders it, with marks, markers and term links
        block_id = given.split()[1]
        page = next(p for p, b in EDITION.document.blocks() if b.id == block_id)
        markup = "".join(f'<h{b.level} id="{b.id}">{html.escape(b.text)}</h{b.level}>' if b.kind == "heading"
                         else f'<p id="{b.id}">{html.escape(b.text)}</p>' for b in page.blocks)
        decorated = page_html.decorate(markup, page, PROJECT.placements_on(page), PROJECT.notes_on(page),
                                       page_html.Hrefs("../../apparatus/", "../../glossary/", "../../timeline/"),
                                       PROJECT.glossary, PROJECT.timeline.on(page))
        start = decorated.index(f'<p id="{block_id}">')
        return decorated[start:decorated.index("</p>", start) + 4] + "\n"
    if given.startswith("entry "):
        entry = PROJECT.glossary.by_id[given.split()[1]]
        return glossary_page.entry_html(entry, PROJECT.glossary, lambda p, b: f"../text/{p.slug}/#{b.id}") + "\n"
    if given.startswith("event "):
        event = PROJECT.timeline.by_id[given.split()[1]]
        return (event_refs.marker(event, 0, "../../timeline/") + "\n"
                + timeline_page.event_html(event, PROJECT.glossary, lambda p, b: f"../text/{p.slug}/#{b.id}",
                                           "../glossary/") + "\n")
    if given.startswith("events on "):
        page = EDITION.document.by_slug[given.split()[2]]
        return event_refs.page_list_html(PROJECT.timeline.on(page), page, "../../timeline/") + "\n"
    if given.startswith("body "):
        return bodies.render(given.removeprefix("body ")) + "\n"
    return permalinks.add_permalinks(given)


@pytest.mark.parametrize(("line", "title"), cases(FIXTURE), ids=[t for _, t in cases(FIXTURE)])
def test_markup(line: int, title: str, update_golden: bool) -> None:
    check(FIXTURE, line, render, update_golden)

"""A text page's rendered HTML, decorated: emendation marks, note markers, the notes at the end of
each section, and paragraph permalinks. One entry point for any site generator."""

from __future__ import annotations

import re

from . import anchors, apparatus, html_text, notes
from .apparatus import Placement
from .document import Page
from .notes import PageNote


def decorate(markup: str, page: Page, placements: list[Placement], page_notes: list[PageNote],
             apparatus_href: str) -> str:
    """Decorate one page. Raises ValueError when the HTML lacks a block the page has."""
    by_block: dict[str, list[tuple[int, str]]] = {}
    for block_id, count, snippet in (*apparatus.insertions(placements, apparatus_href),
                                     *notes.insertions(page_notes)):
        by_block.setdefault(block_id, []).append((count, snippet))
    for block_id, items in by_block.items():
        span = html_text.element_span(markup, block_id)
        if span is None:
            raise ValueError(f"block {block_id} of page {page.slug} is not in the HTML")
        inner = html_text.insert_after_text(markup[span[0]:span[1]], items)
        markup = markup[:span[0]] + inner + markup[span[1]:]
    markup = _place_notes(markup, page, page_notes)
    return anchors.add_permalinks(markup)


def _place_notes(markup: str, page: Page, page_notes: list[PageNote]) -> str:
    headings = [b.id for b in page.blocks if b.kind == "heading"]
    for index, section in reversed(list(enumerate(headings))):
        mine = [n for n in page_notes if n.section == section]
        if not mine:
            continue
        following = headings[index + 1] if index + 1 < len(headings) else None
        match = re.search(rf'<h[1-6]\b[^>]*\bid="{re.escape(following)}"', markup) if following else None
        at = match.start() if match else len(markup)
        markup = markup[:at] + notes.section_html(mine) + "\n" + markup[at:]
    return markup

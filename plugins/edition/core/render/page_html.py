"""A text page's rendered HTML, decorated: emendation marks, note markers, glossary links, the
notes at the end of each section, timeline marks and the page's events, the terms' previews, and
paragraph permalinks. One entry point for any site generator."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..annotations.glossary import Glossary, Occurrence
from ..annotations.timeline import Event
from ..render import apparatus, event_refs, html_text, notes, permalinks, suggestions, term_links
from ..text.document import Document, Page
from .apparatus import Placement
from .notes import PageNote


@dataclass(frozen=True)
class Hrefs:
    """URLs of the generated pages, relative to the page being decorated."""

    apparatus: str
    glossary: str = ""
    timeline: str = ""
    #: The repository's "create a file" form (e.g. https://github.com/owner/repo/new/main/), for
    #: the suggest-a-note link on each paragraph; none when empty.
    new_file: str = ""


def decorate(markup: str, page: Page, placements: list[Placement], page_notes: list[PageNote], hrefs: Hrefs,
             glossary: Glossary | None = None, events: list[Event] | None = None,
             document: Document | None = None, note_categories: tuple[str, ...] = ()) -> str:
    """Decorate one page. Raises ValueError when the HTML lacks a block the page has. With
    `document` and hrefs.new_file, each paragraph gets a suggest-a-note link (whose skeleton
    offers `note_categories`)."""
    events = events or []
    inserts: dict[str, list[tuple[int, str]]] = {}
    for block_id, count, snippet in (*apparatus.insertions(placements, hrefs.apparatus),
                                     *notes.insertions(page_notes),
                                     *event_refs.insertions(events, page, hrefs.timeline)):
        inserts.setdefault(block_id, []).append((count, snippet))
    on_page = glossary.on(page) if glossary else []
    occurrences: dict[str, list[Occurrence]] = {}
    for o in on_page:
        occurrences.setdefault(o.block.id, []).append(o)
    spans = html_text.element_spans(markup, {b.id for b in page.blocks if b.id in inserts or b.id in occurrences})
    edited: list[tuple[int, int, str]] = []
    linked: set[str] = set()
    for block in page.blocks:
        if block.kind == "heading":
            linked = set()  # a new section: link each term visibly once more
        if block.id not in inserts and block.id not in occurrences:
            continue
        span = spans.get(block.id)
        if span is None:
            raise ValueError(f"block {block.id} of page {page.slug} is not in the HTML")
        inner = markup[span[0]:span[1]]
        items = inserts.get(block.id, [])
        wraps = term_links.wraps(occurrences.get(block.id, []), html_text.layout(inner),
                                 {count for count, _ in items}, hrefs.glossary, linked)
        edited.append((*span, html_text.edit(inner, items, wraps)))
    markup = _splice(markup, edited)
    markup = _place_notes(markup, page, page_notes)
    if events:
        markup += "\n" + event_refs.page_list_html(events, page, hrefs.timeline)
    if glossary and on_page:
        markup += "\n" + term_links.preview_data(glossary, on_page)
    if not (document and hrefs.new_file):
        return permalinks.add_permalinks(markup)
    blocks = {b.id: b for b in page.blocks}
    markup += "\n" + suggestions.page_data(hrefs.new_file, note_categories)
    return permalinks.add_permalinks(markup, lambda ident: suggestions.link(hrefs.new_file, document, page,
                                                                        blocks[ident]) if ident in blocks else "")


def _splice(markup: str, edits: list[tuple[int, int, str]]) -> str:
    """The markup with each (start, end) replaced by its new text; the spans must not overlap."""
    out: list[str] = []
    at = 0
    for start, end, text in sorted(edits):
        if start < at:
            raise ValueError("two blocks of the page overlap in the HTML (one inside the other)")
        out += [markup[at:start], text]
        at = end
    out.append(markup[at:])
    return "".join(out)


#: A heading's opening tag, and an id in it.
_HEADING = re.compile(r"<h[1-6]\b[^>]*")
_ID = re.compile(r'\bid="([^"]*)"')


def _place_notes(markup: str, page: Page, page_notes: list[PageNote]) -> str:
    """Each section's notes before the next section's heading (the last section's at the end)."""
    headings = [b.id for b in page.blocks if b.kind == "heading"]
    starts: dict[str, int] = {}  # where the first heading with each id begins
    for m in _HEADING.finditer(markup):
        for ident in _ID.findall(m.group()):
            starts.setdefault(ident, m.start())
    inserts = []
    for index, section in enumerate(headings):
        mine = [n for n in page_notes if n.section == section]
        if mine:
            following = headings[index + 1] if index + 1 < len(headings) else None
            at = starts.get(following, len(markup)) if following else len(markup)
            inserts.append((at, notes.section_html(mine) + "\n"))
    out, done = [], 0
    for at, section_html in sorted(inserts, key=lambda i: i[0]):  # stable: sections before one heading in order
        out += [markup[done:at], section_html]
        done = at
    out.append(markup[done:])
    return "".join(out)

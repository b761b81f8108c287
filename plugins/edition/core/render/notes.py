"""Notes in the text: a numbered marker after each anchored passage, and the notes themselves at
the end of their section.

The markup is that of footnotes (`a.footnote-ref` pointing at the note's id), so Material's own
footnote tooltips (`content.footnote.tooltips`) show the whole note, sources included, on hover
and keyboard focus; a click or tap follows the link to the note, which links back. Without
JavaScript the markers are plain links and the notes plain lists: nothing is lost. Roles from
DPUB-ARIA (doc-noteref, doc-endnotes, doc-backlink) tell screen readers what each part is.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .. import strings
from ..annotations.anchoring import Anchor
from ..annotations.model import Annotation, Source
from ..render import bodies
from ..text.document import Page


@dataclass(frozen=True)
class PageNote:
    """A note as it appears on one page: its number there, its anchors, its section."""

    annotation: Annotation
    number: int
    anchors: tuple[Anchor, ...]
    section: str  # id of the heading whose section ends with this note

    def ref_id(self, index: int) -> str:
        base = f"ref-{self.annotation.id}"
        return base if index == 0 else f"{base}-{index + 1}"


def page_notes(page: Page, anchors: list[Anchor]) -> list[PageNote]:
    """The notes anchored on one page, numbered in reading order."""
    order = {block.id: i for i, block in enumerate(page.blocks)}
    mine = sorted((a for a in anchors if a.page.slug == page.slug and a.annotation.kind == "note"),
                  key=lambda a: (order[a.block.id], a.end, a.start))
    grouped: dict[str, list[Anchor]] = {}
    for a in mine:
        grouped.setdefault(a.annotation.id, []).append(a)
    out = []
    for number, group in enumerate(grouped.values(), 1):
        first = order[group[0].block.id]
        section = next(b.id for b in reversed(page.blocks[:first + 1]) if b.kind == "heading")
        out.append(PageNote(group[0].annotation, number, tuple(group), section))
    return out


def label(note: PageNote) -> str:
    """What a screen reader announces for the marker."""
    a = note.annotation
    return f"注释 {note.number}：{a.title or bodies.plain(a.body)[:30]}"


def marker(note: PageNote, index: int) -> str:
    """The marker after the anchored passage."""
    return (f'<sup class="edition-note-ref" id="{note.ref_id(index)}" data-search-exclude>'
            f'<a class="footnote-ref" href="#{note.annotation.id}" role="doc-noteref" '
            f'aria-label="{html.escape(label(note))}">{note.number}</a></sup>')


def insertions(notes: list[PageNote]) -> list[tuple[str, int, str]]:
    """(block id, non-whitespace characters before, HTML) for every marker of a page."""
    out = []
    for note in notes:
        for index, anchor in enumerate(note.anchors):
            out.append((anchor.block.id, anchor.block.position(anchor.end), marker(note, index)))
    return out


def sources_html(sources: tuple[Source, ...]) -> str:
    """The list of sources, every value escaped; links only to http(s) addresses (the only ones
    the model accepts). Each: its title (linked to its url), publisher, date and citation, then
    where it was read if that was a repost: （转载：<a>publisher</a>，title）."""
    items = []
    for s in sources:
        title = _link(s.title, s.url)
        extra = "，".join(html.escape(x) for x in (s.publisher, s.date, s.citation) if x)
        item = title + (f"，{extra}" if extra else "")
        if s.repost:
            repost = _link(s.repost.publisher, s.repost.url)
            item += f"（转载：{repost}{'，' + html.escape(s.repost.title) if s.repost.title else ''}）"
        items.append(item)
    return '<p class="edition-note-sources">来源：' + "；".join(items) + "。</p>" if items else ""


def _link(text: str, url: str) -> str:
    if not url.startswith(("https://", "http://")):
        return html.escape(text)
    return f'<a href="{html.escape(url)}" rel="noopener noreferrer nofollow">{html.escape(text)}</a>'


def note_html(note: PageNote) -> str:
    """One note in its section's list."""
    a = note.annotation
    words = strings.source()
    back = "".join(
        f'<a href="#{note.ref_id(i)}" role="doc-backlink" aria-label="'
        f'{html.escape(words.back_to_text if i == 0 else words.back_to_text_nth.format(n=i + 1))}">'
        f'↩{"" if i == 0 else i + 1}</a>' for i in range(len(note.anchors)))
    title = f'<p class="edition-note-title"><strong>{html.escape(a.title)}</strong></p>' if a.title else ""
    return (f'<li id="{a.id}" class="edition-note edition-note--{a.category}" value="{note.number}">'
            f"{title}{bodies.render(a.body)}{sources_html(a.sources)}"
            f'<p class="edition-note-back">{back}</p></li>')


def section_html(notes: list[PageNote]) -> str:
    """The notes of one section, placed where the section ends. Accessibility: a <section>, the
    element the doc-endnotes role is allowed on (not <aside>), named after its section's heading,
    as a page has several and landmarks of one role are told apart by their names."""
    items = "".join(note_html(n) for n in notes)
    page = notes[0].anchors[0].page
    heading = next(b.text for b in page.blocks if b.id == notes[0].section)
    label = html.escape(strings.source().section_notes.format(heading=heading))
    return (f'<section class="edition-notes" role="doc-endnotes" aria-label="{label}">'
            f'<p class="edition-notes-title">注释</p><ol>{items}</ol></section>')

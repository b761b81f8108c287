"""Glossary terms in the text: each occurrence a link to its entry, with a preview of the definition.

Link density: the first occurrence of a term in each section is a visible link; later ones in the
same section are links too, in the text's colour with a faint dotted underline, and are skipped by
the Tab key (a reader tabbing through a section meets each term once). A paragraph about a company
named in every sentence would otherwise be a row of blue.

An occurrence is not linked where a link cannot go: across the edge of an element (a note marker
or an emendation mark inside the term, inline markup) or inside a link, code or a marker. It
still counts as an occurrence for the glossary's backlinks.

Previews: the page carries the definitions of its terms once, as JSON in a script element that the
search index skips; edition.js shows them on hover, keyboard focus and a first tap. Without
JavaScript each occurrence is a plain link to the entry.
"""

from __future__ import annotations

import html
import json

from ..annotations.glossary import Glossary, Occurrence
from ..render import html_text

PREVIEW_DATA_ID = "edition-terms"


def wraps(occurrences: list[Occurrence], layout: tuple[int, frozenset[int], frozenset[int]], inserts: set[int],
          href: str, linked: set[str]) -> list[tuple[int, int, str, str]]:
    """The links of one block's occurrences. `linked` holds the terms already linked visibly in
    this section, and is updated."""
    _, gaps, sealed = layout
    out = []
    for o in occurrences:
        start, end = o.block.position(o.start), o.block.position(o.end)
        if not html_text.can_wrap(start, end, gaps, sealed, inserts):
            continue
        first = o.term.id not in linked
        linked.add(o.term.id)
        out.append((start, end, opening(o, href, first), "</a>"))
    return out


def opening(o: Occurrence, href: str, first: bool) -> str:
    """The link's opening tag."""
    if first:
        return f'<a class="edition-term" href="{html.escape(href)}#{o.term.id}">'
    return f'<a class="edition-term edition-term--again" href="{html.escape(href)}#{o.term.id}" tabindex="-1">'


def preview_data(glossary: Glossary, occurrences: list[Occurrence]) -> str:
    """The script element with the definitions of the terms on a page (JSON, safe inside HTML)."""
    ids = sorted({o.term.id for o in occurrences})
    data = {}
    for ident in ids:
        e = glossary.by_id[ident]
        data[ident] = [e.term.term, e.reading, glossary.label(e.term.category), e.term.definition]
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Inside <script>, "</script>" or "<!--" in a definition would end or change the element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # The link label travels with the data, so that each edition shows it in its own script.
    return f'<script type="application/json" id="{PREVIEW_DATA_ID}" data-more="查看词条 →">{text}</script>'

"""The glossary page (术语表): entries grouped by category, in pinyin order, each with its anchor,
pinyin, definition, aliases, see-also links, sources, and backlinks to every paragraph that uses it.

Written as Markdown headings (so the table of contents and the search index see each term as a
section of its own: a term is a search result) followed by one line of HTML built here, every
contributed value escaped or sanitised. Backlinks are kept out of the search index: their
snippets repeat the text, which readers should find on the text pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from .. import strings
from ..annotations.glossary import Entry, Glossary, Occurrence
from ..render import bodies
from ..text.document import Block, Page
from .notes import sources_html

#: Entries used in more paragraphs than this show their backlinks folded (<details>).
FOLD_AFTER = 6

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&])")


def category_id(category: str) -> str:
    return f"cat-{category}"


def paragraph_label(page: Page, block: Block) -> str:
    """How a backlink names a paragraph: the page title and its number on the page."""
    return f"{page.title} · 第{block.number}段"


def intro(glossary: Glossary) -> str:
    """The page's introduction, made from what the glossary holds (its categories)."""
    words = strings.source()
    labels = [glossary.label(c) for c, _ in glossary.by_category()]
    if not labels:
        return words.glossary_empty
    listed = labels[0] if len(labels) == 1 else "、".join(labels[:-1]) + words.list_and + labels[-1]
    return words.glossary_intro.format(categories=listed)


def page_markdown(glossary: Glossary, block_url: Callable[[Page, Block], str], introduction: str = "") -> str:
    """The whole page. `block_url(page, block)` is the URL of a paragraph, from this page;
    `introduction` (Markdown) replaces the one made from the glossary."""
    uses = len(glossary.occurrences)
    out = [
        "# 术语表",
        "",
        introduction.strip() or intro(glossary),
        "",
        f"共 {len(glossary.entries)} 条，正文中出现 {uses} 处。",
        "",
    ]
    for category, entries in glossary.by_category():
        out += [f"## {glossary.label(category)} {{ #{category_id(category)} }}", ""]
        for e in entries:
            out += [f"### {_escape_markdown(e.term.term)} {{ #{e.term.id} }}", "",
                    entry_html(e, glossary, block_url), ""]
    return "\n".join(out)


def _escape_markdown(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def entry_html(e: Entry, glossary: Glossary, block_url: Callable[[Page, Block], str]) -> str:
    """One entry's content (after its heading), as one line of HTML."""
    t = e.term
    meta = []
    if e.reading:
        meta.append(f'<span class="edition-term-pinyin" lang="zh-Latn-pinyin">{html.escape(e.reading)}</span>')
    if t.aliases:
        meta.append("又作" + "、".join(f"“{html.escape(a)}”" for a in t.aliases))
    parts = [
        '<div class="edition-term-entry">',
        f'<p class="edition-term-meta">{" · ".join(meta)}</p>',
        f'<p class="edition-term-definition">{html.escape(t.definition)}</p>',
        bodies.render(t.body) if t.body else "",
    ]
    if t.see_also:
        links = "、".join(f'<a href="#{ident}">{html.escape(glossary.by_id[ident].term.term)}</a>'
                         for ident in t.see_also if ident in glossary.by_id)
        parts.append(f'<p class="edition-term-see">参见：{links}</p>')
    # An entry without sources of its own rests on the text alone: say so, and the backlinks show where.
    parts.append(sources_html(t.sources) or '<p class="edition-note-sources">来源：本书正文，见下列各段。</p>')
    parts.append(backlinks_html(e, block_url))
    parts.append("</div>")
    return "".join(parts)


#: Characters of the paragraph shown on either side of a term in a backlink.
SNIPPET_WIDTH = 12


def snippet_html(text: str, start: int, end: int) -> str:
    """A backlink's snippet: the term (text[start:end]) in up to SNIPPET_WIDTH characters of its
    paragraph on either side. A further edition cuts it from its own conversion of the paragraph
    (variant_site.snippet_fields): converted alone, its edges can read otherwise (上游 → 上遊)."""
    before, exact, after = text[max(0, start - SNIPPET_WIDTH):start], text[start:end], text[end:end + SNIPPET_WIDTH]
    return (f'<span class="edition-term-snippet">{"…" if start > len(before) else ""}{html.escape(before)}'
            f'<strong>{html.escape(exact)}</strong>{html.escape(after)}{"…" if end + len(after) < len(text) else ""}'
            "</span>")


def snippets(entries: Iterable[Entry]) -> list[tuple[Block, int, int]]:
    """Every backlink snippet the glossary page shows: the paragraph and the term's place in it."""
    out = []
    for e in entries:
        firsts: dict[str, Occurrence] = {}
        for o in e.occurrences:
            firsts.setdefault(o.block.id, o)
        for _, block, _ in e.blocks:
            first = firsts[block.id]
            out.append((block, first.start, first.end))
    return out


def backlinks_html(e: Entry, block_url: Callable[[Page, Block], str]) -> str:
    """Every paragraph the term occurs in: a link, a snippet, and the count there."""
    blocks = e.blocks
    if not blocks:
        return '<p class="edition-term-uses" data-search-exclude>正文中没有直接出现。</p>'
    items = []
    firsts: dict[str, Occurrence] = {}
    for o in e.occurrences:
        firsts.setdefault(o.block.id, o)
    for page, block, count in blocks:
        first = firsts[block.id]
        times = f"（{count} 次）" if count > 1 else ""
        items.append(f'<li><a href="{html.escape(block_url(page, block))}">'
                     f"{html.escape(paragraph_label(page, block))}</a>{times}："
                     f"{snippet_html(block.text, first.start, first.end)}</li>")
    summary = f"正文中出现 {len(e.occurrences)} 次，见 {len(blocks)} 段"
    listing = f'<ul class="edition-term-backlinks">{"".join(items)}</ul>'
    if len(blocks) > FOLD_AFTER:
        return (f'<details class="edition-term-uses" data-search-exclude><summary>{summary}</summary>'
                f"{listing}</details>")
    return f'<div class="edition-term-uses" data-search-exclude><p>{summary}：</p>{listing}</div>'

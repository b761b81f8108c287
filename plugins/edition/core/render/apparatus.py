"""The critical apparatus (校勘记): where each emendation stands in the edition, its mark in the
text, and the page that lists them all, with the layout fixes (no mark: they change no text) in a
section of their own.

Marks are placed late, on rendered HTML, from the emendation data: the Markdown pages carry only
the edition's text, so headings and the table of contents never see a mark.
"""

from __future__ import annotations

import bisect
import html
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..text.chars import visible, without_whitespace
from ..text.document import Block, Page
from ..text.emendations import KINDS, Emendation, edition_spans
from ..text.ingest import Edition
from ..text.layout_fixes import Break, WhitespaceFix


@dataclass(frozen=True)
class Placement:
    """Where an emendation's mark goes: after `offset` text characters of a block."""

    emendation: Emendation
    number: int
    page: Page
    block: Block
    offset: int

    @property
    def mark_id(self) -> str:
        return f"ref-{self.emendation.id}"


def placements(edition: Edition) -> list[Placement]:
    """Every emendation's place in the document, in text order."""
    spans = edition_spans(edition.source, edition.emendations)
    blocks: list[tuple[int, int, Page, Block]] = []
    at = 0
    for page, block in edition.document.blocks():
        if block.editorial:
            continue
        size = len(without_whitespace(block.source_text))
        blocks.append((at, at + size, page, block))
        at += size
    out: list[Placement] = []
    ends = [b[1] for b in blocks]
    for number, e in enumerate(edition.emendations, 1):
        end = spans[e.id][1]
        # The first block with start < end <= its end (blocks are contiguous and in order).
        index = bisect.bisect_left(ends, end)
        while index < len(blocks) and not blocks[index][0] < end:
            index += 1
        if index == len(blocks):
            raise ValueError(f"emendation {e.id} lies past the end of the text")
        start, _, page, block = blocks[index]
        offset = end - start - len(without_whitespace(block.marker))
        out.append(Placement(e, number, page, block, offset))
    return out


def describe(e: Emendation) -> str:
    """One line of plain text explaining an emendation (the mark's tooltip)."""
    return f"校勘（{e.label}）：底本作“{_show(e.source)}”，今作“{_show(e.reading)}”。{e.reason}"


def _show(text: str) -> str:
    return visible(text)


def mark(p: Placement, href: str) -> str:
    """The small mark after an emended passage, linking to its apparatus entry."""
    label = html.escape(describe(p.emendation))
    # data-search-exclude: the mark is apparatus, not text; Material's search indexer skips it.
    return (f'<sup class="edition-emendation" id="{p.mark_id}" data-search-exclude>'
            f'<a href="{html.escape(href)}#{p.emendation.id}" title="{label}" aria-label="{label}">'
            f'校</a></sup>')


def insertions(page_placements: list[Placement], href: str) -> list[tuple[str, int, str]]:
    """(block id, non-whitespace characters before, HTML) for every mark of a page."""
    return [(p.block.id, p.offset, mark(p, href)) for p in page_placements]


INTRO = ("本版正文据底本整理。底本中凡不止于换行的问题，都在这里逐条记录。"
         "正文中改动之处有上标“校”字，指向本页相应条目；每条列出底本原貌（⏎ 表示底本换行）、"
         "本版读法和理由。把每条改动还原，即得底本全文（空白除外），测试逐字核对这一点。")


def page_markdown(edition: Edition, link: Callable[[Page], str], introduction: str = "") -> str:
    """The apparatus page, as Markdown with escaped HTML lists. `link(page)` is a page's URL;
    `introduction` (Markdown) replaces the generic one (INTRO)."""
    found = placements(edition)
    counts = Counter(p.emendation.kind for p in found)
    summary = "、".join(f"{KINDS[k]} {counts[k]} 条" for k in KINDS if counts[k])
    out = [
        "# 校勘记",
        "",
        introduction.strip() or INTRO,
        "",
        f"共 {len(found)} 条：{summary}。" if found else "底本没有需要校勘之处。",
        "",
    ]
    for page in edition.document.pages:
        entries = [p for p in found if p.page.slug == page.slug]
        if not entries:
            continue
        out += [f"## {html.escape(page.title)}", "", f'<ol class="edition-apparatus" start="{entries[0].number}">']
        out += [entry(p, link(page)) for p in entries]
        out += ["</ol>", ""]
    out += _layout_section(edition, link)
    return "\n".join(out)


def _layout_section(edition: Edition, link: Callable[[Page], str]) -> list[str]:
    """The layout fixes, where each is in the edition: a section of the page, if there are any."""
    listed: list[Break | WhitespaceFix] = [*edition.fixes.breaks, *edition.fixes.whitespace]
    fixes = sorted(listed, key=lambda f: (f.line, f.file_line))
    if not fixes:
        return []
    # Blocks by their first source line, to find the one each fix is in without a scan per fix.
    blocks = [(block.lines[0], page, block) for page, block in edition.document.blocks() if not block.editorial]
    firsts = [first for first, _, _ in blocks]
    out = ["## 版式处理", "",
           "以下各处只涉及分段与空白，不改动文字，正文中不加“校”字；列在这里，供核对底本。", "",
           '<ul class="edition-apparatus-layout">']
    for fix in fixes:
        _, page, block = blocks[max(0, bisect.bisect_right(firsts, fix.line) - 1)]
        out.append(layout_entry(fix, page, block, link(page)))
    out += ["</ul>", ""]
    return out


def layout_entry(fix: Break | WhitespaceFix, page: Page, block: Block, page_url: str) -> str:
    """One layout fix on the apparatus page."""
    where = f"{page.title} · {block.id}"
    head = (f'<p><span class="edition-apparatus-kind">{fix.label}</span> '
            f'<a href="{html.escape(page_url)}#{block.id}">{html.escape(where)}</a> '
            f'<span class="edition-apparatus-meta">底本第 {fix.line} 行</span></p>')
    passages = ""
    if isinstance(fix, WhitespaceFix):
        passages = (f'<p>底本：<span class="edition-apparatus-text">{_passage(fix.source)}</span></p>'
                    f'<p>今作：<span class="edition-apparatus-text">{_passage(fix.reading)}</span></p>')
    return f"<li>{head}{passages}<p>{html.escape(fix.reason)}</p></li>"


def entry(p: Placement, page_url: str) -> str:
    e = p.emendation
    lines = e.line if "\n" not in e.source else f"{e.line}–{e.line + e.source.count(chr(10))}"
    where = f"{p.page.title} · {p.block.id}"
    return (
        f'<li id="{e.id}">'
        f'<p><span class="edition-apparatus-kind">{e.label}</span> '
        f'<a href="{html.escape(page_url)}#{p.mark_id}">{html.escape(where)}</a> '
        f'<span class="edition-apparatus-meta">{e.id} · 底本第 {lines} 行</span></p>'
        f'<p>底本：<span class="edition-apparatus-text">{_passage(e.source)}</span></p>'
        f'<p>今作：<span class="edition-apparatus-text">{_passage(e.reading)}</span></p>'
        f"<p>{html.escape(e.reason)}</p>"
        "</li>"
    )


def _passage(text: str) -> str:
    """A passage of the source, its line breaks marked and every other control character visible
    (a form feed as ␌): none reaches the page as it is."""
    return '<span class="edition-linebreak" title="底本换行">⏎</span>'.join(
        html.escape(visible(part)) for part in text.split("\n"))

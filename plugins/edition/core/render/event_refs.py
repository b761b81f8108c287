"""Timeline events in the text: a small mark 纪 after each passage that mentions an event, linking
to it on the timeline, and at the end of the page the list of the events it mentions.

The mark's `title` (styled by Material's `content.tooltips`) and `aria-label` give the event's
date and title; the link goes to the event's anchor on the 年表 page, which links back to the
paragraph. Marks are kept out of the search index, like the emendation marks.
"""

from __future__ import annotations

import html

from .. import strings
from ..annotations.timeline import Event
from ..text.document import Page


def label(event: Event) -> str:
    return f"年表：{event.span.chinese()}　{event.annotation.title}"


def marker(event: Event, index: int, href: str) -> str:
    """The mark after a passage that mentions the event."""
    text = html.escape(label(event))
    return (f'<sup class="edition-event-ref" id="{event.ref_id(index)}" data-search-exclude>'
            f'<a href="{html.escape(href)}#{event.id}" title="{text}" aria-label="{text}">纪</a></sup>')


def insertions(events: list[Event], page: Page, href: str) -> list[tuple[str, int, str]]:
    """(block id, non-whitespace characters before, HTML) for every mark of a page."""
    out = []
    for event in events:
        for index, anchor in enumerate(a for a in event.anchors if a.page.slug == page.slug):
            out.append((anchor.block.id, anchor.block.position(anchor.end), marker(event, index, href)))
    return out


def page_list_html(events: list[Event], page: Page, href: str) -> str:
    """The events the page mentions, in the order it mentions them, at the end of the page."""
    items = []
    for event in events:
        blocks = list(dict.fromkeys(a.block for a in event.anchors if a.page.slug == page.slug))
        where = "、".join(f'<a href="#{b.id}">第{b.number}段</a>' for b in blocks)
        items.append(f'<li><a href="{html.escape(href)}#{event.id}">'
                     f'<time datetime="{event.span.start.iso()}">{html.escape(event.span.chinese())}</time>　'
                     f"{html.escape(event.annotation.title)}</a>（{where}）</li>")
    label = html.escape(strings.source().events_on_page)
    return (f'<aside class="edition-events" aria-label="{label}" data-search-exclude>'
            f'<p class="edition-events-title">{label}</p><ol>{"".join(items)}</ol></aside>')

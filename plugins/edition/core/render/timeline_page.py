"""The timeline page (年表): events in date order, grouped by year, each with its anchor,
date, category, body, the paragraphs that mention it, its glossary terms and its sources.

Plain static HTML: a year navigation at the top, one section per year. The category filter is a
set of checkboxes that edition.js reveals and operates; without JavaScript it stays hidden and
the page is the grouped list, every event shown.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from .. import strings
from ..annotations.glossary import Glossary
from ..annotations.timeline import Event, Timeline
from ..render import bodies
from ..text.document import Block, Page
from .glossary_page import paragraph_label
from .notes import sources_html


def year_id(year: int) -> str:
    return f"y{year}"


def intro(timeline: Timeline) -> str:
    """The page's introduction, made from what the timeline holds."""
    words = strings.source()
    years = timeline.years()
    if not years:
        return words.timeline_empty
    mentioned = sum(bool(e.anchors) for e in timeline.events)
    rest = len(timeline.events) - mentioned
    span = f"{years[0]}—{years[-1]} 年" if years[0] != years[-1] else f"{years[0]} 年"
    if rest:
        return words.timeline_intro_background.format(span=span, count=len(timeline.events), mentioned=mentioned,
                                                      background=rest)
    return words.timeline_intro.format(span=span, count=len(timeline.events), mentioned=mentioned)


def page_markdown(timeline: Timeline, glossary: Glossary, block_url: Callable[[Page, Block], str],
                  glossary_url: str, introduction: str = "") -> str:
    """The whole page. `block_url(page, block)` is a paragraph's URL and `glossary_url` the
    glossary page's, both from this page; `introduction` (Markdown) replaces the one made from
    the timeline."""
    words = strings.source()
    years = timeline.years()
    counts = {c: sum(e.annotation.category == c for e in timeline.events) for c, _ in timeline.categories}
    nav = "".join(f'<li><a href="#{year_id(y)}">{y}</a></li>' for y in years)
    boxes = "".join(f'<label><input type="checkbox" name="category" value="{c}" checked> '
                    f"{name}（{counts[c]}）</label>" for c, name in timeline.categories if counts[c])
    out = [
        "# 年表",
        "",
        introduction.strip() or intro(timeline),
        "",
        f'<nav class="edition-timeline-years" aria-label="{html.escape(words.timeline_years)}"><ol>{nav}</ol></nav>',
        "",
        f'<fieldset class="edition-timeline-filter" hidden><legend>{html.escape(words.timeline_filter)}</legend>'
        f"{boxes}"
        # The status line's wording is in the page (data-format), so each edition has it in its script.
        '<p class="edition-timeline-shown" role="status" aria-live="polite" '
        f'data-format="{html.escape(words.timeline_shown)}"></p>'
        "</fieldset>",
        "",
    ]
    for year in years:
        events = [e for e in timeline.events if e.span.year == year]
        items = "".join(event_html(e, timeline, glossary, block_url, glossary_url) for e in events)
        out += [f"## {year} {{ #{year_id(year)} }}", "",
                f'<ol class="edition-timeline" data-year="{year}">{items}</ol>', ""]
    return "\n".join(out)


def _time(event: Event) -> str:
    span = event.span
    start = f'<time datetime="{span.start.iso()}">{span.start.chinese()}</time>'
    if not span.end:
        return start
    end = span.end.chinese(with_year=span.end.year != span.start.year)
    return f'{start}—<time datetime="{span.end.iso()}">{end}</time>'


def event_html(event: Event, timeline: Timeline, glossary: Glossary, block_url: Callable[[Page, Block], str],
               glossary_url: str) -> str:
    """One event of the timeline, as one line of HTML."""
    a = event.annotation
    entry_link = html.escape(strings.source().entry_link.format(id=a.id))
    parts = [
        f'<li id="{a.id}" class="edition-event" data-category="{a.category}">',
        f'<p class="edition-event-head">{_time(event)}'
        f'<span class="edition-event-category">{timeline.label(a.category)}</span>'
        # The event's permalink, as a paragraph has (data-search-exclude: not part of its text).
        f'<a class="edition-permalink" href="#{a.id}" data-search-exclude title="{entry_link}" '
        f'aria-label="{entry_link}">¶</a></p>',
        f'<p class="edition-event-title"><strong>{html.escape(a.title)}</strong></p>',
        bodies.render(a.body) if a.body else "",
    ]
    if event.anchors:
        # In reading order, whatever the order of the targets in the file.
        blocks = sorted(dict.fromkeys((x.page, x.block) for x in event.anchors),
                        key=lambda pb: (pb[0].number, pb[0].blocks.index(pb[1])))
        links = "、".join(f'<a href="{html.escape(block_url(p, b))}">{html.escape(paragraph_label(p, b))}</a>'
                         for p, b in blocks)
        parts.append(f'<p class="edition-event-text">正文：{links}</p>')
    if a.terms:
        links = "、".join(f'<a href="{html.escape(glossary_url)}#{t}">{html.escape(glossary.by_id[t].term.term)}</a>'
                         for t in a.terms if t in glossary.by_id)
        parts.append(f'<p class="edition-event-terms">术语：{links}</p>')
    parts += [sources_html(a.sources), "</li>"]
    return "".join(parts)

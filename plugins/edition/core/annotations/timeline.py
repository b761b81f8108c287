"""The timeline: dated events in date order, each with the passages of the text that mention it
and the glossary terms it concerns. The years an event may have (if any bound) and the categories
come from the settings.

Dates have the precision their sources give: a year (2013), a month (2013-08) or a day
(2013-08-16), or a range of those (2021-01-15/2021-03-30). Order: by start date, a less precise
date before a more precise one that it contains (2021 before 2021-01 before 2021-01-15: the year
is the heading of what happens in it), then by end date, then by id.
"""

from __future__ import annotations

import calendar
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem, quote
from ..render import bodies
from ..text.document import Page
from .anchoring import Anchor
from .model import Annotation

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@dataclass(frozen=True, order=True)
class Date:
    """A date of year, month or day precision (month and day 0 when not known)."""

    year: int
    month: int = 0
    day: int = 0

    def iso(self) -> str:
        return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate((self.year, self.month, self.day)) if n)

    def chinese(self, with_year: bool = True) -> str:
        """2021年3月30日, 2021年3月, 2021年 (without the year: 3月30日)."""
        out = f"{self.year}年" if with_year or not self.month else ""
        if self.month:
            out += f"{self.month}月"
        if self.day:
            out += f"{self.day}日"
        return out

    def latest(self) -> tuple[int, int, int]:
        """The last day the date may mean (for comparing a range's ends)."""
        month = self.month or 12
        return self.year, month, self.day or calendar.monthrange(self.year, month)[1]

    def earliest(self) -> tuple[int, int, int]:
        return self.year, self.month or 1, self.day or 1


@dataclass(frozen=True, order=True)
class Span:
    """When an event happened: one date, or a range."""

    start: Date
    end: Date | None = None

    def iso(self) -> str:
        return self.start.iso() + (f"/{self.end.iso()}" if self.end else "")

    def chinese(self) -> str:
        """2021年1月15日—3月30日 (the year is not repeated)."""
        if not self.end:
            return self.start.chinese()
        return f"{self.start.chinese()}—{self.end.chinese(with_year=self.end.year != self.start.year)}"

    @property
    def year(self) -> int:
        return self.start.year


def parse_date(value: str) -> Date | str:
    """A Date, or the reason the value is not one (a message fragment)."""
    match = _DATE.fullmatch(value)
    if not match:
        return "is not a date"
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if match.group(2) and not 1 <= month <= 12:
        return "is not a calendar date: there is no month " + match.group(2)
    if match.group(3) and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return (f"is not a calendar date: {year}-{month:02d} has "
                f"{calendar.monthrange(year, month)[1]} days")
    return Date(year, month, day)


def parse_span(value: str, years: tuple[int, int] | None = None) -> tuple[Span | None, str, str]:
    """(Span, "", "") or (None, what is wrong, how to fix it). `years`: the first and last year
    the timeline covers, if it is bounded."""
    parts = value.split("/")
    if len(parts) > 2:
        return None, "is not a date", "write YYYY, YYYY-MM or YYYY-MM-DD, or a range start/end"
    dates = []
    for part in parts:
        parsed = parse_date(part)
        if isinstance(parsed, str):
            return None, parsed, "write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day"
        if years and not years[0] <= parsed.year <= years[1]:
            return None, f"is outside the timeline's years {years[0]}–{years[1]}", \
                (f"the timeline covers {years[0]}–{years[1]} (timeline_years in mkdocs.yml); tell of earlier "
                 "or later things in the body of an event inside it")
        dates.append(parsed)
    if len(dates) == 2:
        if dates[1].latest() < dates[0].earliest() or dates[1].earliest() < dates[0].earliest():
            return None, "ends before it starts", "write the earlier date first: start/end"
        if dates[0] == dates[1]:
            return None, "starts and ends on the same date", "write the date once"
    return Span(dates[0], dates[1] if len(dates) == 2 else None), "", ""


@dataclass(frozen=True)
class Event:
    """A dated event, with the places the text mentions it."""

    annotation: Annotation
    span: Span
    anchors: tuple[Anchor, ...]

    @property
    def id(self) -> str:
        return self.annotation.id

    def ref_id(self, index: int) -> str:
        """The id of its index-th marker in the text."""
        return f"ref-{self.id}" if index == 0 else f"ref-{self.id}-{index + 1}"


def sort_key(event: Event) -> tuple[Any, ...]:
    span = event.span
    end = span.end or span.start
    return span.start.year, span.start.month, span.start.day, end.year, end.month, end.day, event.id


@dataclass(frozen=True)
class Timeline:
    """Every event, in date order; the categories (key, label) in the order the settings declare them."""

    events: tuple[Event, ...]
    categories: tuple[tuple[str, str], ...] = ()
    by_id: dict[str, Event] = field(init=False, repr=False, compare=False)

    _on_page: dict[str, list[Event]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {e.id: e for e in self.events})
        on_page: dict[str, list[Event]] = {}
        for e in self.events:
            for slug in dict.fromkeys(a.page.slug for a in e.anchors):
                on_page.setdefault(slug, []).append(e)
        object.__setattr__(self, "_on_page", on_page)

    def label(self, category: str) -> str:
        """A category's label (its key when the settings give none)."""
        return dict(self.categories).get(category, category)

    def years(self) -> list[int]:
        return sorted({e.span.year for e in self.events})

    def on(self, page: Page) -> list[Event]:
        """The events a page mentions, in the order the page first mentions them."""
        order = {block.id: i for i, block in enumerate(page.blocks)}
        mine = self._on_page.get(page.slug, [])
        return sorted(mine, key=lambda e: min((order[a.block.id], a.end) for a in e.anchors
                                              if a.page.slug == page.slug))


def build(events: list[Annotation], anchors: list[Anchor], years: tuple[int, int] | None = None,
          categories: tuple[tuple[str, str], ...] = ()) -> tuple[Timeline, list[Problem]]:
    """Check every event's date (inside `years`, when given) and put the events in order."""
    problems = []
    out = []
    for a in events:
        span, what, hint = parse_span(a.date, years)
        if span is None:
            problems.append(Problem(a.file, a.line_of("date"), f"event {quote(a.id)}: date {quote(a.date)} {what}",
                                    hint))
            continue
        out.append(Event(a, span, tuple(x for x in anchors if x.annotation is a)))
    return Timeline(tuple(sorted(out, key=sort_key)), categories), problems


def timelinejs(timeline: Timeline, headline: str, intro: str, event_url: Callable[[str], str],
               term_name: Callable[[str], str]) -> dict[str, Any]:
    """The timeline in TimelineJS 3's JSON format (https://timeline.knightlab.com/docs/json-format.html)."""
    slides = []
    for e in timeline.events:
        a = e.annotation
        text = bodies.render(a.body) if a.body else ""
        if a.terms:
            text += "<p>术语：" + "、".join(html.escape(term_name(t)) for t in a.terms) + "</p>"
        text += f'<p><a href="{html.escape(event_url(e.id))}">在年表中查看</a></p>'
        slide: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _timelinejs_date(e.span.start),
            "display_date": e.span.chinese(),
            "text": {"headline": html.escape(a.title), "text": text},
            "group": timeline.label(a.category),
        }
        if e.span.end:
            slide["end_date"] = _timelinejs_date(e.span.end)
        slides.append(slide)
    return {"title": {"text": {"headline": html.escape(headline), "text": html.escape(intro)}}, "events": slides}


def _timelinejs_date(date: Date) -> dict[str, Any]:
    out: dict[str, Any] = {"year": date.year}
    if date.month:
        out["month"] = date.month
    if date.day:
        out["day"] = date.day
    return out

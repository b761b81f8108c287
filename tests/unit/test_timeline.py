"""The timeline: dates and their checks, word for word, and the order of events."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.core import project
from edition.core.annotations import timeline
from edition.core.annotations.model import Annotation

from . import projects
from .projects import load_with

HEAD = "# yaml-language-server: $schema=schema/timeline.schema.json\nevents:\n"
EVENT = """  - id: ev-car
    date: "2021-03-30"
    title: 小米宣布造车
    category: company
    targets:
      - page: building-cars
        quote: 2021年3月30日，公告正式进军智能电动汽车行业之后
    sources:
      - title: 公告
        url: https://example.org/ev
        publisher: 小米集团
"""


def load(base: Path, tmp_path: Path, events: str) -> project.Project:
    return load_with(base, tmp_path, HEAD + events, "timeline.yml")


def message(base: Path, tmp_path: Path, events: str) -> str:
    return projects.message(base, tmp_path, HEAD + events, "timeline.yml")


def test_an_event_anchors_in_its_paragraph(base: Path, tmp_path: Path) -> None:
    (event,) = load(base, tmp_path, EVENT).timeline.events
    assert (event.span.chinese(), [a.block.id for a in event.anchors]) == ("2021年3月30日", ["p-3-29"])


def _date(value: str) -> str:
    return EVENT.replace('"2021-03-30"', f'"{value}"')


@pytest.mark.parametrize(("events", "expected"), [
    pytest.param(_date("2021-13-01"),
                 "annotations/timeline.yml:4: event 'ev-car': date '2021-13-01' is not a calendar date: there is no "
                 "month 13\n  hint: write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day", id="month"),
    pytest.param(_date("2021-02-29"),
                 "annotations/timeline.yml:4: event 'ev-car': date '2021-02-29' is not a calendar date: 2021-02 has "
                 "28 days\n  hint: write YYYY, YYYY-MM or YYYY-MM-DD with a real month and day", id="day"),
    pytest.param(_date("2009-12-31"),
                 "annotations/timeline.yml:4: event 'ev-car': date '2009-12-31' is outside the timeline's years "
                 "2010–2022\n  hint: the timeline covers 2010–2022 (timeline_years in mkdocs.yml); tell of earlier "
                 "or later things in the body of an event inside it", id="before"),
    pytest.param(_date("2021-12/2023"),
                 "annotations/timeline.yml:4: event 'ev-car': date '2021-12/2023' is outside the timeline's years "
                 "2010–2022\n  hint: the timeline covers 2010–2022 (timeline_years in mkdocs.yml); tell of earlier "
                 "or later things in the body of an event inside it", id="range-after"),
    pytest.param(_date("2021-03-30/2021-01-15"),
                 "annotations/timeline.yml:4: event 'ev-car': date '2021-03-30/2021-01-15' ends before it starts\n"
                 "  hint: write the earlier date first: start/end", id="backwards"),
    pytest.param(_date("2021-03/2021"),
                 "annotations/timeline.yml:4: event 'ev-car': date '2021-03/2021' ends before it starts\n"
                 "  hint: write the earlier date first: start/end", id="backwards-precision"),
    pytest.param(_date("2021/2021"),
                 "annotations/timeline.yml:4: event 'ev-car': date '2021/2021' starts and ends on the same date\n"
                 "  hint: write the date once", id="same"),
    pytest.param(_date("30.3.2021"),
                 "annotations/timeline.yml:4: event 'ev-car': field 'date' value '30.3.2021' is malformed\n"
                 "  hint: write YYYY, YYYY-MM or YYYY-MM-DD, or a range a/b", id="malformed"),
    pytest.param(EVENT.replace("之后", "以后"),
                 "annotations/timeline.yml:8: event 'ev-car': quote '2021年3月30日，公告正式进军智能电动汽车行业以后' "
                 "not found on page 'building-cars'\n  hint: the closest passage is "
                 "'2021年3月30日，公告正式进军智能电动汽车行业之后' in p-3-29; "
                 "copy the quote exactly from docs/text/building-cars.md", id="quote"),
    pytest.param(EVENT.replace("    category: company\n", "    category: company\n    terms: [t-xiaomi]\n"),
                 "annotations/timeline.yml:3: event 'ev-car': unknown term 't-xiaomi'\n"
                 "  hint: add the term to annotations/glossary.yml or remove the reference", id="unknown-term"),
])
def test_event_messages(base: Path, tmp_path: Path, events: str, expected: str) -> None:
    assert message(base, tmp_path, events) == expected


def event(ident: str, date: str) -> timeline.Event:
    span, _, _ = timeline.parse_span(date)
    assert span
    return timeline.Event(Annotation("event", ident, "company", "", (), (), date=date), span, ())


def test_events_are_ordered_by_date_less_precise_first_then_by_end() -> None:
    events = [event("ev-a", "2021-03-30"), event("ev-b", "2021"), event("ev-c", "2021-01-15/2021-03-30"),
              event("ev-d", "2021-01"), event("ev-e", "2020-12-31"), event("ev-f", "2021-01-15"),
              event("ev-g", "2021-01-15/2021-02"), event("ev-h", "2022"), event("ev-i", "2021-03-30")]
    ordered = sorted(events, key=timeline.sort_key)
    assert [(e.id, e.span.iso()) for e in ordered] == [
        ("ev-e", "2020-12-31"), ("ev-b", "2021"), ("ev-d", "2021-01"), ("ev-f", "2021-01-15"),
        ("ev-g", "2021-01-15/2021-02"), ("ev-c", "2021-01-15/2021-03-30"), ("ev-a", "2021-03-30"),
        ("ev-i", "2021-03-30"), ("ev-h", "2022")]


@pytest.mark.parametrize(("date", "chinese"), [
    ("2021", "2021年"), ("2021-03", "2021年3月"), ("2021-03-30", "2021年3月30日"),
    ("2021-01-15/2021-03-30", "2021年1月15日—3月30日"), ("2020-12/2021-02", "2020年12月—2021年2月"),
    ("2021-01/2021-03-30", "2021年1月—3月30日"),
])
def test_dates_read_in_chinese(date: str, chinese: str) -> None:
    span, _, _ = timeline.parse_span(date)
    assert span and span.chinese() == chinese

"""The timeline in the built site: the page, its links both ways with the text, the export."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from edition.core import project
from edition.core.text import ingest

from ..conftest import LAYOUT, ROOT, Build
from .test_site import TEXT_PAGES, article, html

PROJECT = project.load(ingest.Paths(ROOT), LAYOUT)


def timeline_page(build: Build) -> str:
    page = html(build, "timeline/index.html")
    return page[page.index("<article"):page.index("</article>")]


def test_events_cover_every_year_in_date_order(built_site: Build) -> None:
    page = timeline_page(built_site)
    events = PROJECT.timeline.events
    assert len(events) >= 40
    assert {e.span.year for e in events} == set(range(2010, 2023))
    assert re.findall(r'<li id="(ev-[a-z0-9-]+)" class="edition-event"', page) == [e.id for e in events]
    years = re.findall(r'<h2 id="y(\d{4})">', page)
    assert years == [str(y) for y in range(2010, 2023)]
    assert re.findall(r'<nav class="edition-timeline-years"[^>]*><ol>(.*?)</ol></nav>', page)[0].count("<a href=") == 13


def test_every_event_links_to_its_paragraphs_and_terms(built_site: Build) -> None:
    page = timeline_page(built_site)
    glossary = html(built_site, "glossary/index.html")
    for e in PROJECT.timeline.events:
        entry = page[page.index(f'<li id="{e.id}"'):]
        entry = entry[:entry.index("</li>")]
        for anchor in e.anchors:
            assert f'href="../text/{anchor.page.slug}/#{anchor.block.id}"' in entry, e.id
        for term in e.annotation.terms:
            assert f'href="../glossary/#{term}"' in entry
            assert f'<h3 id="{term}">' in glossary
        assert "来源：" in entry


def test_paragraphs_link_to_their_events_and_pages_list_them(built_site: Build) -> None:
    mentioned = {e.id for e in PROJECT.timeline.events if e.anchors}
    found = set()
    for slug in TEXT_PAGES:
        page = article(built_site, slug)
        marks = []
        for mark in re.finditer(r'<sup class="edition-event-ref" id="ref-(ev-[a-z0-9-]+?)(?:-\d+)?" '
                                r'data-search-exclude><a href="\.\./\.\./timeline/#\1"', page):
            block = re.findall(r'<(?:p|li) id="(p-\d+-\d+)">', page[:mark.start()])[-1]
            marks.append((block, mark.group(1)))
        end_list = page.split('class="edition-events"')[-1]
        listed = re.findall(r'<li><a href="\.\./\.\./timeline/#(ev-[a-z0-9-]+)">', end_list)
        assert sorted(set(listed)) == sorted({ident for _, ident in marks}), slug
        for block, ident in marks:
            event = PROJECT.timeline.by_id[ident]
            assert block in {a.block.id for a in event.anchors}
        found |= {ident for _, ident in marks}
    assert found == mentioned


def test_timelinejs_export(built_site: Build) -> None:
    data = json.loads(html(built_site, "timeline.json"))
    assert data["title"]["text"]["headline"]
    slides = data["events"]
    assert [s["unique_id"] for s in slides] == [e.id for e in PROJECT.timeline.events]
    for slide, event in zip(slides, PROJECT.timeline.events, strict=True):
        start = slide["start_date"]
        assert isinstance(start["year"], int) and set(start) <= {"year", "month", "day"}
        assert slide["text"]["headline"] and slide["group"]
        assert (slide.get("end_date") is not None) == (event.span.end is not None)
        link = re.search(r'<a href="([^"]+)">在年表中查看</a>', slide["text"]["text"])
        assert link and urlsplit(link.group(1)).fragment == event.id

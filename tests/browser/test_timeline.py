"""A reader moves through the timeline by year, filters it by category, follows an event both
ways; and the export renders in TimelineJS itself."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from ..conftest import ROOT

pytestmark = pytest.mark.browser

URL = "timeline/"
# TimelineJS from the npm registry, pinned by version and checksum (the registry's shasum).
TIMELINEJS = "https://registry.npmjs.org/@knight-lab/timelinejs/-/timelinejs-3.9.11.tgz"
TIMELINEJS_SHA1 = "9b087cbac3cbe423e7e4c4f7e849cf08c4185ee8"


def test_year_navigation(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + URL)
    page.screenshot(path=Path(os.environ.get("EDITION_SCREENSHOTS", tmp_path)) / "timeline.png")
    years = page.locator("nav.edition-timeline-years a")
    expect(years).to_have_count(13)
    page.get_by_role("navigation", name="年份").get_by_role("link", name="2018").click()
    page.wait_for_url("**/timeline/#y2018")
    expect(page.locator("h2#y2018")).to_be_in_viewport()


def test_filtering_by_category(page: Page, site_url: str) -> None:
    page.goto(site_url + URL)
    filter_ = page.get_by_role("group", name="按类别筛选")
    expect(filter_).to_be_visible()
    total = page.locator("li.edition-event").count()
    expect(filter_.get_by_role("status")).to_have_text("")
    for box in filter_.get_by_role("checkbox").all():
        if box.get_attribute("value") != "policy":
            box.uncheck()
    visible = page.locator("li.edition-event:visible")
    expect(visible).to_have_count(page.locator('li.edition-event[data-category="policy"]').count())
    policy = visible.count()
    assert policy < total
    expect(filter_.get_by_role("status")).to_have_text(f"显示 {policy} 件事")
    # A year with no policy event is hidden, and its link greyed.
    expect(page.locator("h2#y2010")).to_be_hidden()
    expect(page.locator('.edition-timeline-years li:has(a[href="#y2010"])')).to_have_class(
        "edition-timeline-years--empty")
    filter_.get_by_role("checkbox").first.check()
    assert page.locator("li.edition-event:visible").count() > policy


def test_without_javascript_every_event_shows_grouped_by_year(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + URL)
    expect(page.locator("fieldset.edition-timeline-filter")).to_be_hidden()
    assert page.locator("li.edition-event:visible").count() == page.locator("li.edition-event").count() >= 40
    assert page.locator("h2[id^=y]:visible").count() == 13
    context.close()


def test_an_event_links_both_ways(page: Page, site_url: str) -> None:
    page.goto(site_url + "text/building-cars/")
    mark = page.locator("#ref-ev-car-announcement a")
    expect(mark).to_have_attribute("title", "年表：2021年3月30日　小米宣布进军智能电动汽车行业")
    mark.click()
    page.wait_for_url("**/timeline/#ev-car-announcement")
    event = page.locator("li#ev-car-announcement")
    expect(event).to_be_in_viewport()
    event.get_by_role("link", name="小米造车的思考 · 第29段").click()
    page.wait_for_url("**/text/building-cars/#p-3-29")
    expect(page.locator("#p-3-29")).to_be_in_viewport()


@pytest.fixture(scope="session")
def timelinejs() -> Path:
    """TimelineJS's built files, downloaded once into .cache/ and checked."""
    folder = ROOT / ".cache" / "timelinejs-3.9.11"
    if not (folder / "timeline.js").exists():
        data = urllib.request.urlopen(TIMELINEJS, timeout=60).read()
        assert hashlib.sha1(data).hexdigest() == TIMELINEJS_SHA1, "TimelineJS download does not match its checksum"
        folder.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            for name in ("timeline.js", "timeline.css"):
                kind = name.rsplit(".", 1)[1]
                member = archive.extractfile(f"package/dist/{kind}/{name}")
                assert member
                (folder / name).write_bytes(member.read())
    return folder


def test_the_export_renders_in_timelinejs(page: Page, site_url: str, timelinejs: Path) -> None:
    # A page of our own beside the built site (served by the browser itself, the site is not
    # touched), loading TimelineJS and the site's timeline.json as is.
    html = ('<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="timeline.css">'
            '<script src="timeline.js"></script></head><body><div id="timeline" style="width:1000px;height:600px">'
            '</div><script>window.timeline = new TL.Timeline("timeline", "../timeline.json");</script></body></html>')
    files = {"": ("text/html", html.encode()),
             "timeline.js": ("text/javascript", (timelinejs / "timeline.js").read_bytes()),
             "timeline.css": ("text/css", (timelinejs / "timeline.css").read_bytes())}

    def serve(route: Route) -> None:
        kind, body = files[route.request.url.rsplit("/_timelinejs/", 1)[1]]
        route.fulfill(status=200, content_type=kind, body=body)

    page.route("**/_timelinejs/*", serve)
    page.goto(site_url + "_timelinejs/")
    slides = page.locator(".tl-slide")
    events = page.evaluate("fetch('../timeline.json').then(r => r.json()).then(d => d.events.length)")
    expect(slides).to_have_count(events + 1)  # the title slide, then one per event
    expect(page.locator(".tl-timemarker")).to_have_count(events)
    expect(page.locator(".tl-slide-titleslide .tl-headline")).to_contain_text("年表")

"""A reader opens a note by keyboard, by click, and reads the notes without JavaScript."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

URL = "text/building-cars/"


def test_note_opens_on_keyboard_focus(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + URL)
    marker = page.locator("#ref-n-kezhou-qiujian a")
    expect(marker).to_have_attribute("aria-label", "注释 9：刻舟求剑")
    marker.focus()
    tooltip = page.locator(".md-tooltip2").filter(has_text="典出《吕氏春秋·慎大览·察今》")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("来源：")
    page.wait_for_timeout(400)  # let the tooltip finish fading in before the picture
    page.screenshot(path=Path(os.environ.get("EDITION_SCREENSHOTS", tmp_path)) / "note.png")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + URL + "#n-kezhou-qiujian")  # navigation may still be under way


def test_note_opens_on_click_and_links_back(page: Page, site_url: str) -> None:
    page.goto(site_url + URL)
    page.locator("#ref-n-kezhou-qiujian a").click()
    page.wait_for_url("**#n-kezhou-qiujian")  # navigation may still be under way
    note = page.locator("li#n-kezhou-qiujian")
    expect(note).to_be_in_viewport()
    expect(note.locator(".edition-note-sources a").first).to_have_attribute(
        "href", "https://dict.idioms.moe.edu.tw/bookView.jsp?ID=43")
    note.get_by_role("link", name="回到正文").click()
    page.wait_for_url("**#ref-n-kezhou-qiujian")  # navigation may still be under way
    expect(page.locator("#ref-n-kezhou-qiujian")).to_be_in_viewport()


def test_notes_are_readable_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + URL)
    notes = page.locator("section.edition-notes li.edition-note")
    assert notes.count() >= 5
    note = page.locator("li#n-kezhou-qiujian")
    expect(note).to_be_visible()
    expect(note).to_contain_text("比喻拘泥固执")
    page.locator("#ref-n-kezhou-qiujian a").click()
    page.wait_for_url("**#n-kezhou-qiujian")  # navigation may still be under way
    context.close()

"""A reader previews a glossary term by mouse, keyboard and tap, and follows it to its entry."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

URL = "text/scale-diseconomies/"
TERM = '#p-1-15 a.edition-term[href$="#t-liuliang-bihuan"]'


def test_preview_on_hover_links_to_the_entry(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + URL)
    term = page.locator(TERM).first
    term.hover()
    preview = page.locator("#edition-term-preview")
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("流量闭环")
    expect(preview).to_contain_text("liú liàng bì huán")
    expect(preview.locator("a")).to_have_attribute("href", "../../glossary/#t-liuliang-bihuan")
    page.screenshot(path=Path(os.environ.get("EDITION_SCREENSHOTS", tmp_path)) / "term.png")
    # The mouse can travel into the preview and use its link.
    preview.locator("a").click()
    page.wait_for_url("**/glossary/#t-liuliang-bihuan")
    expect(page.locator("h3#t-liuliang-bihuan")).to_be_in_viewport()


def test_preview_on_keyboard_focus_and_escape(page: Page, site_url: str) -> None:
    page.goto(site_url + URL)
    term = page.locator(TERM).first
    term.focus()
    preview = page.locator("#edition-term-preview")
    expect(preview).to_be_visible()
    expect(term).to_have_attribute("aria-describedby", "edition-term-preview-definition")
    expect(page.locator("#edition-term-preview-definition")).not_to_be_empty()
    page.keyboard.press("Escape")
    expect(preview).to_be_hidden()
    term.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/#t-liuliang-bihuan")


def test_tab_meets_each_term_once_per_section(page: Page, site_url: str) -> None:
    page.goto(site_url + URL)
    again = page.locator("a.edition-term--again").first
    expect(again).to_have_attribute("tabindex", "-1")
    focusable = page.locator("#p-1-15 a.edition-term:not([tabindex])")
    assert focusable.count() >= 1


def test_first_tap_previews_second_tap_follows(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + URL)
    term = page.locator(TERM).first
    term.scroll_into_view_if_needed()
    term.tap()
    preview = page.locator("#edition-term-preview")
    expect(preview).to_be_visible()
    # Still on the page (its path).
    assert urlsplit(page.url).path.endswith("/" + URL)
    term.tap()
    page.wait_for_url("**/glossary/#t-liuliang-bihuan")
    context.close()


def test_terms_are_plain_links_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + URL)
    page.locator(TERM).first.click()
    page.wait_for_url("**/glossary/#t-liuliang-bihuan")
    context.close()

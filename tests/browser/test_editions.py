"""A reader on a paragraph link switches edition and lands on the same paragraph."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_switching_edition_keeps_the_paragraph(page: Page, site_url: str) -> None:
    page.goto(site_url + "text/building-cars/#p-3-12")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    page.get_by_role("button", name="选择当前语言").hover()
    page.get_by_role("link", name="繁體中文").click()
    page.wait_for_url("**/zh-Hant/text/building-cars/#p-3-12")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    paragraph = page.locator("#p-3-12")
    expect(paragraph).to_be_in_viewport()
    expect(page.locator("h1")).to_contain_text("小米造車的思考")
    # And back, from the Traditional edition's own switcher (its label in Traditional).
    page.get_by_role("button", name="選擇語言").hover()
    page.get_by_role("link", name="简体中文").click()
    page.wait_for_url("**/text/building-cars/#p-3-12")
    assert "/zh-Hant/" not in page.url
    expect(page.locator("h1")).to_contain_text("小米造车的思考")


def test_term_previews_read_in_the_edition_script(page: Page, site_url: str) -> None:
    page.goto(site_url + "zh-Hant/text/scale-diseconomies/")
    page.locator('#p-1-15 a.edition-term[href$="#t-liuliang-bihuan"]').hover()
    preview = page.locator("#edition-term-preview")
    expect(preview).to_contain_text("流量閉環")
    expect(preview).to_contain_text("沉澱在企業自有體系內")
    expect(preview.locator("a")).to_have_text("查看詞條 →")


def test_the_timeline_filter_speaks_the_edition_script(page: Page, site_url: str) -> None:
    page.goto(site_url + "zh-Hant/timeline/")
    filter_ = page.get_by_role("group", name="按類別篩選")
    filter_.get_by_role("checkbox").first.uncheck()
    expect(filter_.get_by_role("status")).to_contain_text("顯示 ")


def test_switching_edition_after_scrolling_keeps_the_place(page: Page, site_url: str) -> None:
    # The URL has no fragment after scrolling (the theme's navigation.tracking, which wrote the
    # section heading's, is off: it raced the tests' URL checks and replaced paragraph links); the
    # switcher carries the first paragraph that begins on screen.
    page.goto(site_url + "text/building-cars/")
    page.evaluate("""() => { const p = document.getElementById('p-3-20');
                             window.scrollTo(0, p.getBoundingClientRect().top + scrollY - 60); }""")
    page.wait_for_timeout(300)  # let the scroll settle
    # A click in the page (element.click), so that nothing scrolls before it.
    page.evaluate("() => document.querySelector('a.md-select__link[hreflang=zh-Hant]').click()")
    page.wait_for_url("**/zh-Hant/text/building-cars/#p-3-20")
    expect(page.locator("#p-3-20")).to_be_in_viewport()

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

"""A reader opens the home page and a section page, follows an emendation mark, uses a permalink."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_home_page(page: Page, site_url: str) -> None:
    page.goto(site_url)
    expect(page.locator("article h1")).to_have_text("小米模式 2010—2022 · 校注本¶")
    nav = page.locator(".md-sidebar--primary")
    for title in ["开篇", "警惕“规模不经济”陷阱", "制定“三大铁律”", "小米造车的思考", "小米的高端化战略",
                  "小米方法论的成长考验", "校勘记"]:
        expect(nav.get_by_role("link", name=title, exact=True).first).to_be_attached()


def test_section_page_renders_headings_paragraphs_and_anchors(page: Page, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + "text/scale-diseconomies/")
    # What a reader sees first; EDITION_SCREENSHOTS=folder keeps it (the README's pictures are made so).
    page.screenshot(path=Path(os.environ.get("EDITION_SCREENSHOTS", tmp_path)) / "section-page.png")
    expect(page.locator("article h1")).to_have_text("警惕“规模不经济”陷阱¶")
    expect(page.locator("article h2")).to_have_count(2)
    paragraph = page.locator("#p-1-3")
    expect(paragraph).to_contain_text("不过，随着业务拓展、规模扩大")
    # The first line is indented like a printed Chinese book.
    assert paragraph.evaluate("p => getComputedStyle(p).textIndent") != "0px"
    permalink = paragraph.locator("a.edition-permalink")
    expect(permalink).to_have_attribute("href", "#p-1-3")
    assert permalink.evaluate("a => getComputedStyle(a).opacity") == "0"
    paragraph.hover()
    expect(permalink).to_have_css("opacity", "1")
    permalink.click()
    page.wait_for_url("**/text/scale-diseconomies/#p-1-3")  # navigation may still be under way
    assert paragraph.evaluate("p => p.matches(':target')")
    # prev/next at the foot of the page
    expect(page.locator(".md-footer__link--prev")).to_contain_text("开篇")
    expect(page.locator(".md-footer__link--next")).to_contain_text("制定“三大铁律”")


def test_lists_render_as_lists(page: Page, site_url: str) -> None:
    page.goto(site_url + "text/building-cars/")
    items = page.locator("article ol > li[id^='p-']")
    expect(items).to_have_count(6)
    expect(items.nth(4)).to_contain_text("有全球米粉的信赖和支持。")
    page.goto(site_url + "text/going-premium/")
    expect(page.locator("article ul > li[id^='p-']")).to_have_count(6)


def test_emendation_mark_explains_and_links_both_ways(page: Page, site_url: str) -> None:
    page.goto(site_url + "text/scale-diseconomies/")
    mark = page.locator("#ref-e-002 a")
    expect(mark).to_have_text("校")
    expect(mark).to_have_attribute("title", (
        "校勘（乙正）：底本作“之所以用“潜在”⏎些用户转化成购买用户。⏎，是因为企业需要付出各种成本才能最终将这”，"
        "今作“之所以用“潜在”，是因为企业需要付出各种成本才能最终将这⏎些用户转化成购买用户。”。"
        "底本两行次序颠倒：“些用户转化成购买用户。”应接在“才能最终将这”之后。乙正后文意通顺，改正后的一行宽度也恰好是满行。"))
    mark.click()
    page.wait_for_url("**/apparatus/#e-002")  # navigation may still be under way
    entry = page.locator("#e-002")
    expect(entry).to_contain_text("乙正")
    expect(entry).to_be_in_viewport()
    entry.get_by_role("link", name="警惕“规模不经济”陷阱 · p-1-4").click()
    page.wait_for_url("**/text/scale-diseconomies/#ref-e-002")  # navigation may still be under way
    expect(page.locator("#ref-e-002")).to_be_in_viewport()

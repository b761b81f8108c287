"""Search, typed into Material's own search box in Chromium: the query set's recall in both
editions and both scripts, results that link to the passage and mark the match, annotations as
results of their own. This is also the test that fails when a Material update changes what the
edition's worker relies on (plugins/edition/mkdocs_plugin/material_search.py)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from ..build.test_editions import SIMPLIFIED_ONLY
from ..search.queries import Query, load

pytestmark = pytest.mark.browser

EDITIONS = {"zh-Hans": "", "zh-Hant": "zh-Hant/"}
RECALL = 0.95
QUERIES = load()

# Mark the rendered list, type, and wait for Material to render the worker's answer anew.
_MARK = """() => { const list = document.querySelector('.md-search-result__list');
                   for (const li of list.children) li.dataset.stale = ''; }"""
_FRESH = """() => { const list = document.querySelector('.md-search-result__list');
                    const meta = document.querySelector('.md-search-result__meta');
                    return (list.firstElementChild && !('stale' in list.firstElementChild.dataset))
                           || (!list.firstElementChild && meta.textContent.includes('%s')); }"""
# The first result: the best section of the first page (Material shows a page's best sections
# under its title and folds the others), or the page itself when only its title matched.
_TOP = """() => { const item = document.querySelector('.md-search-result__list > li');
                  if (!item) return null;
                  const links = item.querySelectorAll(':scope > a.md-search-result__link');
                  const top = links.length > 1 ? links[1] : links[0];
                  return {href: top.getAttribute('href'), text: top.innerText}; }"""

NONE = {"zh-Hans": "没有找到符合条件的结果", "zh-Hant": "沒有符合的項目"}


def open_search(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("input.md-search__input").click()


def search(page: Page, query: str, edition: str = "zh-Hans") -> dict | None:
    """Type a query as a reader does (the value, then a key: an IME commits text without key
    presses, and Material reads the box on keyup) and return the first result."""
    page.evaluate(_MARK)
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    page.wait_for_function(_FRESH % NONE[edition], timeout=5000)
    return page.evaluate(_TOP)


def location(href: str, base: str) -> str:
    """A result's location relative to the edition's root, without the highlight parameters."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    path = path[path.index(base) + len(base):] if base else path.lstrip("/")
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def recall(page: Page, site_url: str, edition: str, queries: list[Query]) -> tuple[float, list[str]]:
    base = "/" + EDITIONS[edition] if EDITIONS[edition] else ""
    open_search(page, site_url + EDITIONS[edition])
    misses = []
    for q in queries:
        top = search(page, q.text, edition)
        found = location(top["href"], base) if top else "(nothing)"
        if found != q.location:
            misses.append(f"queries.txt:{q.line} {q.kind} {q.text!r}: {found}, not {q.location}")
        elif edition == "zh-Hant":
            assert not {c for c in top["text"] if c in SIMPLIFIED_ONLY}, (q.text, top["text"])
    return 1 - len(misses) / len(queries), misses


def test_the_query_set_is_what_the_issue_asks_for() -> None:
    kinds = {q.kind for q in QUERIES}
    assert len(QUERIES) >= 60
    assert {"word", "phrase", "name", "number", "mixed", "symbol", "idiom", "partial", "traditional",
            "annotation", "form"} <= kinds
    assert len({q.text for q in QUERIES}) == len(QUERIES)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("script", ["as written", "other script"])
def test_recall_at_one(page: Page, site_url: str, edition: str, script: str) -> None:
    queries = QUERIES if script == "as written" else [q.other_script() for q in QUERIES]
    found, misses = recall(page, site_url, edition, queries)
    print(f"quality: search recall@1, {edition} edition, queries {script}: {found:.1%} of {len(queries)}",
          *misses, sep="\n  ")
    assert found >= RECALL, misses


def test_a_result_leads_to_its_paragraph_and_marks_the_match(page: Page, site_url: str, tmp_path: Path) -> None:
    open_search(page, site_url)
    search(page, "如火如荼")
    first = page.locator(".md-search-result__list > li").first
    expect(first.locator("mark").first).to_have_text("如火如荼")  # in the result's teaser
    page.wait_for_timeout(400)  # the README's picture: after the search panel's transition
    page.screenshot(path=Path(os.environ.get("EDITION_SCREENSHOTS", tmp_path)) / "search.png")
    first.locator(":scope > a").nth(1).click()
    page.wait_for_url("**/text/building-cars/?h=*#p-3-31")
    assert parse_qs(urlsplit(page.url).query)["h"] == ["如火如荼"]
    expect(page.locator("#p-3-31 mark[data-md-highlight]")).to_have_text("如火如荼")
    expect(page.locator("#p-3-31")).to_be_in_viewport()


def test_a_match_across_a_term_link_is_marked_whole(page: Page, site_url: str) -> None:
    # 极致爆品: 极致 is text, 爆品 a link to its glossary entry.
    page.goto(site_url + "text/scale-diseconomies/?h=%E6%9E%81%E8%87%B4%E7%88%86%E5%93%81#p-1-2")
    marks = page.locator("#p-1-2 mark[data-md-highlight]")
    expect(marks).to_have_count(2)
    assert "".join(marks.all_inner_texts()) == "极致爆品"
    expect(page.locator('#p-1-2 a.edition-term mark[data-md-highlight]')).to_have_text("爆品")


def test_the_traditional_edition_finds_a_simplified_query_and_shows_traditional(page: Page, site_url: str) -> None:
    open_search(page, site_url + "zh-Hant/")
    top = search(page, "你们敢造，我就必买", "zh-Hant")
    assert location(top["href"], "/zh-Hant/") == "text/building-cars/#p-3-16"
    assert "你們敢造，我就必買" in top["text"]
    expect(page.locator(".md-search-result__meta")).to_contain_text("個符合的項目")  # Material's zh-TW words
    page.locator(".md-search-result__list > li").first.locator(":scope > a").nth(1).click()
    page.wait_for_url("**/zh-Hant/text/building-cars/?h=*#p-3-16")
    expect(page.locator("#p-3-16 mark[data-md-highlight]")).to_have_text("你們敢造，我就必買")


def test_terms_notes_and_events_are_results_of_their_own(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    search(page, "信息茧房")
    hrefs = [unquote(h) for h in page.locator(".md-search-result__list a.md-search-result__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")]
    assert any("glossary/?h=信息茧房#t-xinxi-jianfang" in h for h in hrefs)  # the term
    assert any("text/scale-diseconomies/?h=信息茧房#n-information-cocoon" in h for h in hrefs)  # the note
    assert any(h.endswith("#p-1-8") for h in hrefs)  # the paragraph
    top = search(page, "徕卡")
    assert location(top["href"], "") == "timeline/#ev-leica-partnership"  # an event
    expect(page.locator(".md-search-result__list > li").first).to_contain_text("小米发布与徕卡合作的小米12S系列")


def test_words_that_match_nothing_are_shown_struck_out(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    search(page, "性价比 喵喵喵")
    expect(page.locator(".md-search-result__list > li").first.locator("del").first).to_have_text("喵喵喵")
    assert search(page, "量子纠缠") is None
    expect(page.locator(".md-search-result__meta")).to_have_text("没有找到符合条件的结果")


def test_enter_goes_to_the_best_result(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    search(page, "刻舟求剑")
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_url("**/text/building-cars/?h=*#p-3-36")
    expect(page.locator("#p-3-36 mark[data-md-highlight]")).to_have_text("刻舟求剑")

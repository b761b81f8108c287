"""Search, typed into the edition's own search box (assets/search.js) in Chromium: the query
set's recall in both editions and both scripts, the text first whenever it matches, results that
link to the passage and mark the match, a term's definition right after the passage, annotations
as results of their own, the keyboard, the worker folding as core/search/index.py does."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from edition.core.search import index as search_index

from ..build.test_editions import SIMPLIFIED_ONLY
from ..build.test_generators import built_with
from ..conftest import ROOT, Build
from ..search.queries import Query, load
from .conftest import _Quiet

pytestmark = pytest.mark.browser

EDITIONS = {"zh-Hans": "", "zh-Hant": "zh-Hant/"}
RECALL = 0.95
QUERIES = load()

# The first result: the best result (the lead) of the first group (the first page's).
_TOP = """() => { const top = document.querySelector('#edition-search-results > li[data-first] a[data-lead]');
                  return top ? {href: top.href, text: top.innerText} : null; }"""
_ANSWERED = "() => Number(document.getElementById('edition-search').dataset.answered || 0)"

NONE = {"zh-Hans": "没有找到符合条件的结果", "zh-Hant": "沒有符合的項目"}
BOX = "input.edition-search__input"
RESULTS = "#edition-search-results > li"


def open_search(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("button.edition-search-open").click()


def search(page: Page, query: str, edition: str = "zh-Hans") -> dict | None:
    """Type a query as a reader does (the value, then a key: an IME commits text without key
    presses) and return the first result, once the list shows the answer to this query."""
    before = page.evaluate(_ANSWERED)
    box = page.locator(BOX)
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"() => ({_ANSWERED})() > {before}", timeout=10000)
    return page.evaluate(_TOP)


def location(href: str, base: str) -> str:
    """A result's location relative to the edition's root, without the highlight parameters."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    path = path[path.index(base) + len(base):] if base else path.lstrip("/")
    return path + (f"#{parts.fragment}" if parts.fragment else "")


def queries(script: str) -> list[Query]:
    return QUERIES if script == "as written" else [q.other_script() for q in QUERIES]


@dataclass(frozen=True)
class Top:
    """A query's first result: its location relative to the edition's root, and its text."""

    location: str
    text: str


def first_results(browser: Browser, url: str, edition: str, script: str) -> dict[int, Top]:
    """The first result of every query of the set (by its line), typed into the search box of the
    site at `url`, in one edition and script."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    base = "/" + EDITIONS[edition] if EDITIONS[edition] else ""
    open_search(page, url + EDITIONS[edition])
    out = {}
    for q in queries(script):
        top = search(page, q.text, edition)
        out[q.line] = Top(location(top["href"], base), top["text"]) if top else Top("(nothing)", "")
    context.close()
    assert errors == [], errors
    return out


@pytest.fixture(scope="module")
def typed(browser: Browser, site_url: str) -> Callable[[str, str], dict[int, Top]]:
    """The first results, typed once per edition and script: the recall test and the text-first
    test read the same answers."""
    answers: dict[tuple[str, str], dict[int, Top]] = {}

    def get(edition: str, script: str) -> dict[int, Top]:
        if (edition, script) not in answers:
            answers[(edition, script)] = first_results(browser, site_url, edition, script)
        return answers[(edition, script)]

    return get


def misses(answers: dict[int, Top], edition: str, script: str) -> list[str]:
    out = []
    for q in queries(script):
        top = answers[q.line]
        if top.location != q.location:
            out.append(f"queries.txt:{q.line} {q.kind} {q.text!r}: {top.location}, not {q.location}")
        elif edition == "zh-Hant":
            assert not {c for c in top.text if c in SIMPLIFIED_ONLY}, (q.text, top.text)
    return out


def test_the_query_set_is_what_the_issues_ask_for() -> None:
    kinds = [q.kind for q in QUERIES]
    assert len(QUERIES) >= 108  # issue 7's 88, and issue 17's 20 more of what readers type
    assert {"word", "phrase", "name", "number", "mixed", "symbol", "idiom", "partial", "traditional",
            "annotation", "form", "term-in-text", "event-in-text"} <= set(kinds)
    assert kinds.count("term-in-text") + kinds.count("event-in-text") >= 20
    assert len({q.text for q in QUERIES}) == len(QUERIES)


# --- The text first ---------------------------------------------------------------------------


@cache
def _index(site: Path, edition: str) -> dict:
    return json.loads((site / EDITIONS[edition] / "search/search_index.json").read_text(encoding="utf-8"))


def _table(index: dict) -> dict[str, str]:
    pairs = index["config"]["edition"]["fold"]
    return dict(zip(pairs[::2], pairs[1::2], strict=True))


def _folded(text: str, table: dict[str, str]) -> tuple[str, set[int]]:
    """The text folded, and the offsets in it where no word can begin: a Latin letter or digit
    right after a Latin letter or digit (folded), as the worker reads it (in is no word of Tmall)."""
    out: list[str] = []
    inside: set[int] = set()
    after = False
    for char in text:
        folded = search_index.fold(char, table)
        for k, c in enumerate(folded):
            if bool(_ALNUM.fullmatch(folded[k - 1])) if k else after:
                inside.add(len(out))
            out.append(c)
        after = bool(folded) and bool(_ALNUM.fullmatch(folded[-1]))
    return "".join(out), inside


_ALNUM = re.compile(r"[a-z0-9]")


def _occurs(word: str, text: str, inside: set[int]) -> bool:
    at = text.find(word)
    while at != -1:
        if not _ALNUM.match(word) or at not in inside:
            return True
        at = text.find(word, at + 1)
    return False


def in_the_text(query: str, index: dict) -> bool:
    """Do the query's words occur in the text: every one of them in a passage (a heading's title,
    a paragraph's or list item's text), as the worker finds words? (Words spread over several
    passages are not the text's answer when a note has them all: 徕卡 小米 is the event's.)"""
    table = _table(index)
    passages = [_folded(d["title"] if d["kind"] == "heading" else d["text"], table)
                for d in index["docs"] if d["kind"] in ("text", "heading")]
    words = [w for w in (search_index.fold(w, table) for w in query.split()) if w]
    return bool(words) and any(all(_occurs(w, text, inside) for w in words) for text, inside in passages)


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("script", ["as written", "other script"])
def test_recall_at_one(typed: Callable[[str, str], dict[int, Top]], edition: str, script: str) -> None:
    missed = misses(typed(edition, script), edition, script)
    found = 1 - len(missed) / len(QUERIES)
    print(f"quality: search recall@1, {edition} edition, queries {script}: {found:.1%} of {len(QUERIES)}",
          *missed, sep="\n  ")
    assert found >= RECALL, missed


@pytest.fixture(scope="module")
def zensical_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The edition built with Zensical (the same build as tests/build/test_generators.py's), served."""
    handler = functools.partial(_Quiet, directory=str(built_with("zensical", tmp_path_factory)))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_recall_at_one_on_zensical(browser: Browser, zensical_url: str, edition: str) -> None:
    """The same search on the site Zensical built: its own search is off, the edition's button
    sits in Zensical's header."""
    missed = misses(first_results(browser, zensical_url, edition, "as written"), edition, "as written")
    found = 1 - len(missed) / len(QUERIES)
    print(f"quality: search recall@1 on Zensical, {edition} edition: {found:.1%} of {len(QUERIES)}",
          *missed, sep="\n  ")
    assert found >= RECALL, missed


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("script", ["as written", "other script"])
def test_the_text_comes_first(typed: Callable[[str, str], dict[int, Top]], page: Page, site_url: str,
                              built_site: Build, edition: str, script: str) -> None:
    """Whenever the query's words occur in the text, the first result is a passage of the text:
    not the glossary, a note or an event (issue 17). And where they do not, an annotation that has
    them all comes before a passage that has some."""
    index = _index(built_site.site, edition)
    passages = {d["location"] for d in index["docs"] if d["kind"] in ("text", "heading")}
    answers = typed(edition, script)
    in_text = [q for q in queries(script) if in_the_text(q.text, index)]
    assert len(in_text) >= 0.8 * len(QUERIES)
    elsewhere = [f"queries.txt:{q.line} {q.text!r}: {answers[q.line].location}" for q in in_text
                 if answers[q.line].location not in passages]
    assert elsewhere == []
    open_search(page, site_url + EDITIONS[edition])
    top = search(page, "徕卡 小米" if edition == "zh-Hans" else "徠卡 小米", edition)
    assert top and location(top["href"], "/" + EDITIONS[edition] if EDITIONS[edition] else "") == \
        "timeline/#ev-leica-partnership"


def test_a_result_leads_to_its_paragraph_and_marks_the_match(page: Page, site_url: str, tmp_path: Path) -> None:
    open_search(page, site_url)
    search(page, "如火如荼")
    first = page.locator(RESULTS).first.locator("a[data-lead]")
    expect(first.locator(".edition-search__teaser mark").first).to_have_text("如火如荼")  # in the teaser
    page.screenshot(path=Path(os.environ.get("EDITION_SCREENSHOTS", tmp_path)) / "search.png")
    first.click()
    page.wait_for_url("**/text/building-cars/?h=*#p-3-31")
    assert parse_qs(urlsplit(page.url).query)["h"] == ["如火如荼"]
    expect(page.locator("#p-3-31 mark.edition-hit")).to_have_text("如火如荼")
    expect(page.locator("#p-3-31")).to_be_in_viewport()


def test_a_match_across_a_term_link_is_marked_whole(page: Page, site_url: str) -> None:
    # 极致爆品: 极致 is text, 爆品 a link to its glossary entry.
    page.goto(site_url + "text/scale-diseconomies/?h=%E6%9E%81%E8%87%B4%E7%88%86%E5%93%81#p-1-2")
    marks = page.locator("#p-1-2 mark.edition-hit")
    expect(marks).to_have_count(2)
    assert "".join(marks.all_inner_texts()) == "极致爆品"
    expect(page.locator('#p-1-2 a.edition-term mark.edition-hit')).to_have_text("爆品")


def test_the_traditional_edition_finds_a_simplified_query_and_shows_traditional(page: Page, site_url: str) -> None:
    open_search(page, site_url + "zh-Hant/")
    top = search(page, "你们敢造，我就必买", "zh-Hant")
    assert location(top["href"], "/zh-Hant/") == "text/building-cars/#p-3-16"
    assert "你們敢造，我就必買" in top["text"]
    expect(page.locator("#edition-search-status")).to_have_text(re.compile(r"^找到 \d+ 筆結果$"))  # its own words
    expect(page.locator("#edition-search")).to_have_attribute("aria-label", "搜尋")
    expect(page.locator(BOX)).to_have_attribute("placeholder", "搜尋正文、註釋、術語和年表")
    page.locator(RESULTS).first.locator("a[data-lead]").click()
    page.wait_for_url("**/zh-Hant/text/building-cars/?h=*#p-3-16")
    expect(page.locator("#p-3-16 mark.edition-hit")).to_have_text("你們敢造，我就必買")


def test_terms_notes_and_events_are_results_of_their_own(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    top = search(page, "信息茧房")
    assert location(top["href"], "") == "text/scale-diseconomies/#p-1-8"  # the passage first
    hrefs = [unquote(h) for h in page.locator("#edition-search-results a.edition-search__result").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")]
    assert any("glossary/?h=信息茧房#t-xinxi-jianfang" in h for h in hrefs)  # the term
    assert any("text/scale-diseconomies/?h=信息茧房#n-information-cocoon" in h for h in hrefs)  # the note
    top = search(page, "徕卡")  # not in the text: the event is the first result
    assert location(top["href"], "") == "timeline/#ev-leica-partnership"
    expect(page.locator(RESULTS).first).to_contain_text("小米发布与徕卡合作的小米12S系列")


DEFINITION = "商品性能（品质）与价格之比；在小米语境中指以接近成本的价格提供高品质产品的经营原则。"  # 性价比's


def test_a_terms_definition_comes_right_after_the_passage(page: Page, site_url: str, built_site: Build) -> None:
    term = next(d for d in _index(built_site.site, "zh-Hans")["docs"] if d["location"] == "glossary/#t-xingjiabi")
    definition = term["text"][:term["lead"]]
    assert definition == DEFINITION
    open_search(page, site_url)
    top = search(page, "性价比")
    assert location(top["href"], "") == "text/three-iron-rules/#value-for-money"
    second = page.locator(RESULTS).nth(1).locator("a[data-lead]")
    assert location(second.evaluate("a => a.href"), "") == "glossary/#t-xingjiabi"
    expect(second.locator(".edition-search__teaser")).to_have_text(definition + "…")  # at a glance: the definition


def test_words_that_match_nothing_are_shown_struck_out(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    search(page, "性价比 喵喵喵")
    expect(page.locator(RESULTS).first.locator("del").first).to_have_text("喵喵喵")
    assert search(page, "量子纠缠") is None
    expect(page.locator("#edition-search-status")).to_have_text("没有找到符合条件的结果")


def test_enter_goes_to_the_best_result(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    search(page, "刻舟求剑")
    page.locator(BOX).press("Enter")
    page.wait_for_url("**/text/building-cars/?h=*#p-3-36")
    expect(page.locator("#p-3-36 mark.edition-hit")).to_have_text("刻舟求剑")


def test_the_keyboard_opens_moves_and_closes(page: Page, site_url: str) -> None:
    page.goto(site_url + "text/opening/")
    page.keyboard.press("/")
    expect(page.locator("#edition-search")).to_be_visible()
    expect(page.locator(BOX)).to_be_focused()
    search(page, "刻舟求剑")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#edition-search-results a").first).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.press("Shift+Tab")  # focus stays in the dialog
    assert page.evaluate("() => document.getElementById('edition-search').contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(page.locator("#edition-search")).to_be_hidden()
    expect(page.locator("button.edition-search-open")).to_be_focused()
    expect(page.locator("button.edition-search-open")).to_have_attribute("aria-expanded", "false")


# --- The worker itself, in the page (its functions, as from file://) ---------------------------


def worker(page: Page, site_url: str, edition: str = "zh-Hans", data: dict | None = None) -> None:
    """The edition's worker loaded as a script of a page of the site, set up with the edition's
    index (or `data`): its functions (setup, search, foldText, index) are the page's, as the
    page has them from file://."""
    page.goto(site_url + EDITIONS[edition] + "search/search_index.json")
    page.add_script_tag(content=(ROOT / "plugins/edition/assets/search-worker.js").read_text(encoding="utf-8"))
    page.evaluate("""() => { for (const name of ["setup", "search", "foldText"]) window[name] = EditionSearch[name];
                             Object.defineProperty(window, "index", {get: () => EditionSearch.index}); }""")
    if data is None:
        page.evaluate("async () => setup(await (await fetch(location.href)).json())")
    else:
        page.evaluate("data => setup(data)", data)


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_worker_folds_as_the_index_module_does(page: Page, site_url: str, built_site: Build,
                                                   edition: str) -> None:
    index = _index(built_site.site, edition)
    worker(page, site_url, edition)
    texts = [d["title"] + " " + d["text"] + " ".join(d.get("keys", [])) for d in index["docs"]]
    texts.append("“互联网＋制造”，ＧＭＶ Open Day！15~20年、80%，後來發現這裡有颱風，㎡ ｶﾀｶﾅ 𠀀 \u200b\ufeff")
    folded = page.evaluate("texts => texts.map(t => foldText(index.fold, t))", texts)
    table = _table(index)
    assert folded == [search_index.fold(t, table) for t in texts]


def test_the_worker_says_which_term_the_query_names(page: Page, site_url: str) -> None:
    worker(page, site_url)
    data = page.evaluate("() => search('性价比')")
    assert data["items"][0][1]["location"].endswith("#value-for-money") and data["items"][0][1]["kind"] == "heading"
    card = data["card"]
    assert (unquote(card["location"]), card["title"], card["kind"]) == ("glossary/?h=性价比#t-xingjiabi",
                                                                         "<mark>性价比</mark>", "term")
    assert card["text"] == f"<p>{DEFINITION}…</p>"
    assert "card" not in page.evaluate("() => search('性价')")  # no term is named 性价


def test_at_book_length_every_page_is_counted_and_what_is_sent_is_bounded(page: Page, site_url: str) -> None:
    # 300 pages of 40 paragraphs that all match: every page is a result (Material counts them);
    # at most 30 results come with a teaser (SECTIONS in the worker): the first page's best 29,
    # then the best passage of each of the first ten pages; the others as their best passage alone.
    docs = []
    for p in range(300):
        docs.append({"location": f"p{p}/", "title": f"第{p}页", "text": "", "kind": "heading"})
        docs += [{"location": f"p{p}/#{i}", "title": f"第{p}页 · 第{i}段", "text": "米" * (1 + (i + p) % 7),
                  "kind": "text"} for i in range(40)]
    worker(page, site_url, data={"config": {"edition": {"version": 1, "fold": ""}}, "docs": docs})
    items = page.evaluate("() => search('米').items")
    assert len(items) == 300
    assert len(items[0]) == 30 and [len(group) for group in items[1:10]] == [2] * 9  # heads and best passages
    assert sum(1 for group in items for item in group if item["text"]) == 29 + 9
    assert all(len(group) == 1 and "#" in group[0]["location"] and not group[0]["text"] for group in items[10:])
    scores = [group[0]["score"] for group in items]
    assert scores == sorted(scores, reverse=True)

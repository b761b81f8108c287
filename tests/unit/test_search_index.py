"""The search index's documents and folding (core/search/index.py), and the search interface's
words per edition (core/search/interface.py)."""

from __future__ import annotations

import json

import pytest

from edition.core import project
from edition.core.editions import variants
from edition.core.search import index as search_index
from edition.core.search import interface
from edition.core.search.index import Doc, OtherPage

from ..conftest import ROOT

TABLE = search_index.fold_table(["后来发现这里有台风"])


def test_fold_drops_punctuation_and_spaces_and_folds_width_case_and_script() -> None:
    assert search_index.fold("“互联网＋制造”，ＧＭＶ Open Day！", TABLE) == "互联网+制造gmvopenday"
    assert search_index.fold("後來發現這裡有颱風", TABLE) == search_index.fold("后来发现这里有台风", TABLE)
    assert search_index.fold("15~20年、80%", TABLE) == "15~20年80"  # ~ is a symbol; 、 and % are punctuation


def test_the_table_holds_only_forms_that_lead_to_the_text() -> None:
    assert TABLE["後"] == "后" and TABLE["裡"] == TABLE["裏"] == "里" and TABLE["颱"] == TABLE["臺"] == "台"
    assert "們" not in TABLE  # 们 is not in the text: no query with 們 can match anyway


def test_an_editions_own_choice_folds_to_the_source() -> None:
    # s2tw writes 仿佛 as 彷彿; t2s leaves 彷 alone (彷徨), so the table learns it from the editions.
    table = search_index.fold_table(["仿佛"], [["彷彿"]])
    assert search_index.fold("彷彿", table) == search_index.fold("仿佛", table) == "仿佛"


def test_other_pages_are_cut_at_their_headings() -> None:
    page = OtherPage("", "首页", '<h1 id="home">首页</h1><p>本版<sup data-search-exclude>1</sup>说明。</p>'
                     '<h2 id="about">关于<a class="headerlink" href="#about">¶</a></h2><p>整理\n原则</p>'
                     '<script>var x = "不是正文";</script>')
    assert search_index.sections(page) == (Doc("", "首页", "本版说明。", "other"),
                                           Doc("#about", "关于", "整理原则", "other"))


@pytest.fixture(scope="module")
def documents() -> list[Doc]:
    loaded = project.load_at(ROOT / "mkdocs.yml")
    urls = search_index.Urls(lambda p: f"text/{p.slug}/", "glossary/", "timeline/", "术语表", "年表")
    converter = variants.Converter(variants.SOURCE)
    return search_index.docs(loaded.edition.document.pages, loaded.notes_on, loaded.glossary, loaded.timeline,
                             [], urls, converter)


def test_every_block_note_term_and_event_is_a_document(documents: list[Doc]) -> None:
    by_location = {d.location: d for d in documents}
    assert by_location["text/opening/"] == Doc("text/opening/", "开篇", kind="heading")
    paragraph = by_location["text/going-premium/#p-4-21"]
    assert paragraph.title == "高端化的意义 · 第21段" and paragraph.kind == "text"
    assert paragraph.text == "体验指标：以净推荐值为代表的质量满意度和公开平台的好评率。"
    assert by_location["text/scale-diseconomies/#n-information-cocoon"].title == "注1：信息茧房"
    term = by_location["glossary/#t-xingjiabi"]
    assert (term.title, term.kind, term.keys) == ("性价比", "term", ("xing jia bi",))
    # what the worker shows at a glance: the definition, the start of the entry's text
    definition = "商品性能（品质）与价格之比；在小米语境中指以接近成本的价格提供高品质产品的经营原则。"
    assert term.text[:term.lead] == definition
    assert term.text[term.lead:].startswith(" 性价比是日常用语")
    assert by_location["timeline/#ev-car-announcement"].title == "2021年3月30日 小米宣布进军智能电动汽车行业"


def test_the_index_file_is_what_the_worker_loads(documents: list[Doc]) -> None:
    data = json.loads(search_index.index_json(documents[:2], {"後": "后"}, "zh-Hans"))
    assert data["config"] == {"edition": {"version": search_index.VERSION, "lang": "zh-Hans", "fold": "後后"}}
    assert data["docs"][0] == {"location": "text/opening/", "title": "开篇", "text": "", "kind": "heading"}


def test_a_leads_length_is_counted_as_javascript_counts() -> None:
    # the worker slices the text in UTF-16 code units: a character outside the BMP counts twice
    doc = Doc("glossary/#t", "𠀀字", "𠀀字的定义。 正文", "term", lead=search_index.utf16_length("𠀀字的定义。"))
    assert doc.lead == 7 and doc.as_json()["lead"] == 7
    assert "lead" not in Doc("text/a/#p-1", "a", "b").as_json()


# --- the interface's words -------------------------------------------------------------------


def test_each_edition_has_its_own_words_for_every_key() -> None:
    assert set(interface.WORDS["zh-Hant"]) == set(interface.WORDS["zh-Hans"])
    hant = interface.words("zh-Hant")
    assert (hant["label"], hant["none"], hant["many"]) == ("搜尋", "沒有符合的項目", "找到 {count} 筆結果")


def test_the_traditional_words_are_taiwanese_not_converted() -> None:
    converter = variants.Converter(variants.Variant("zh-Hant", "s2tw"))
    hant = interface.words("zh-Hant", converter.convert)
    assert hant["label"] != converter.convert(interface.WORDS["zh-Hans"]["label"])  # 搜尋, not 搜索
    mainland = ("搜索", "鏈接", "點擊", "網絡", "數據", "程序", "信息", "文件", "刷新")
    assert [w for w in mainland if any(w in text for text in hant.values())] == []
    assert interface.translations("zh-Hant", converter.convert)["搜索"] == "搜尋"


def test_an_edition_without_words_of_its_own_gets_them_converted() -> None:
    converter = variants.Converter(variants.Variant("zh-Hant-HK", "s2hk"))
    assert interface.words("zh-Hant-HK", converter.convert)["close"] == "關閉搜索"
    assert interface.per_page_language("zh", [("zh-Hant", converter.convert)])["zh"]["label"] == "搜索"


def test_the_worker_file_ships_with_the_package() -> None:
    assert (ROOT / "plugins/edition/assets/search-worker.js").read_text(encoding="utf-8").count("VERSION = 1") == 1

"""Simplified and Traditional editions from one build: every page in both, the same URLs and
anchors, alternates and sitemaps, everything converted, the switcher; a third edition is one
configuration entry."""

from __future__ import annotations

import functools
import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import opencc
import pytest

from edition.core import project
from edition.core.editions import boundaries, variants
from edition.core.text import segmentation

from ..conftest import ROOT, Build, copy_project, mkdocs_build

SITE_URL = "https://xiaomi-model-edition.github.io/edition/"


def _simplified_only() -> frozenset[str]:
    """Characters that no Traditional text has: OpenCC converts them, and they are not among
    their own Traditional forms (这 们 个 简, but not 干 or 台, which are also Traditional)."""
    forms = variants._candidates()
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    converted = opencc.OpenCC("s2tw.json").convert("\n".join(chars)).split("\n")
    return frozenset(c for c, t in zip(chars, converted, strict=True) if t != c and c not in forms.get(c, ()))


SIMPLIFIED_ONLY = _simplified_only()


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith("zh-Hant/"))


class _Page(HTMLParser):
    """Links, ids and text (outside scripts, styles and code) of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._skip = 0
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        # Text in another language (the switcher's 简体中文) is not this edition's text.
        if tag in ("script", "style", "code", "pre", "svg") or (values.get("lang") or "").startswith("zh-Hans"):
            self._skip += 1
            self._skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skip -= 1
            self._skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


@functools.cache
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_page_exists_in_both_editions_with_its_language(built_site: Build) -> None:
    for relative in pages(built_site.site):
        source = (built_site.site / relative).read_text(encoding="utf-8")
        traditional = (built_site.site / "zh-Hant" / relative).read_text(encoding="utf-8")
        assert '<html lang="zh-Hans"' in source and '<html lang="zh-Hant"' in traditional, relative
        if relative == "404.html":
            continue
        url = relative.removesuffix("index.html")
        # The alternates are in each edition's sitemap, not in the head (variant_site.alternates).
        for edition, page in (("", source), ("zh-Hant/", traditional)):
            assert 'rel="alternate" hreflang=' not in page
            entry = (f"<loc>{SITE_URL}{edition}{url}</loc>"
                     f'<xhtml:link rel="alternate" hreflang="zh-Hans" href="{SITE_URL}{url}"/>'
                     f'<xhtml:link rel="alternate" hreflang="zh-Hant" href="{SITE_URL}zh-Hant/{url}"/>')
            assert entry in (built_site.site / edition / "sitemap.xml").read_text(encoding="utf-8"), relative
        ids_source, ids_traditional = (set(re.findall(r'\bid="([^"]+)"', p)) for p in (source, traditional))
        assert ids_source == ids_traditional, relative


def test_every_internal_link_and_fragment_resolves_in_every_edition(built_site: Build) -> None:
    site = built_site.site
    checked = 0
    reached: set[tuple[str, str]] = set()
    for path in sorted(site.rglob("*.html")):
        page = parse(path)
        base = "http://site/" + path.relative_to(site).as_posix()
        for href in page.links:
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            # The 404 page links from the site's path (/edition/…), wherever it is served.
            target = urlsplit(urljoin(base, re.sub(r"^/edition/", "/", href)))
            file = site / target.path.lstrip("/")
            file = file / "index.html" if target.path.endswith("/") else file
            assert file.exists(), f"{path.relative_to(site)}: broken link {href}"
            if target.fragment and file.suffix == ".html":
                assert target.fragment in parse(file).ids, f"{path.relative_to(site)}: missing #{target.fragment}"
                reached.add((file.relative_to(site).as_posix(), target.fragment))
            checked += 1
    assert checked > 1000
    # Every paragraph, note, term and event anchor is linked to (and so checked), in every edition.
    loaded = project.load_at(ROOT / "mkdocs.yml")
    anchors = {(f"text/{p.slug}/index.html", b.id) for p, b in loaded.edition.document.blocks()}
    anchors |= {(f"text/{a.page.slug}/index.html", a.annotation.id) for a in loaded.anchors
                if a.annotation.kind == "note"}
    anchors |= {("glossary/index.html", e.term.id) for e in loaded.glossary.entries}
    anchors |= {("timeline/index.html", e.id) for e in loaded.timeline.events}
    assert len(anchors) > 300
    for edition in ("", "zh-Hant/"):
        missing = {(edition + f, ident) for f, ident in anchors} - reached
        assert not missing, sorted(missing)[:10]
    print(f"quality: links: {checked} internal links and fragments checked in both editions, none broken; "
          f"all {len(anchors)} paragraph, note, term and event anchors are linked in each edition")


def test_the_traditional_edition_has_no_simplified_text_and_taiwanese_quotes(built_site: Build) -> None:
    for relative in pages(built_site.site):
        text = "".join(parse(built_site.site / "zh-Hant" / relative).text)
        left = sorted({c for c in text if c in SIMPLIFIED_ONLY})
        assert not left, f"zh-Hant/{relative}: Simplified characters left: {''.join(left)}"
        # A quotation in Latin-script text (an English title's “To be or not to be”) keeps its marks.
        latin = r"(?<![\u3400-\u9fff\u3000-\u303f\uff00-\uffef])“[^“”\u3400-\u9fff]*[A-Za-z][^“”\u3400-\u9fff]*”"
        chinese = re.sub(latin, "", text)
        assert "“" not in chinese and "”" not in chinese, relative
    article = (built_site.site / "zh-Hant/text/scale-diseconomies/index.html").read_text(encoding="utf-8")
    assert "警惕「規模不經濟」陷阱" in article
    assert "<title>警惕「規模不經濟」陷阱 - 小米模式 2010—2022 · 校注本</title>" in article
    assert 'aria-label="搜尋" title="搜尋"' in article  # the edition's own Taiwanese word, not 搜索
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', article).group(1))
    assert config["translations"]["search.result.other"] == "找到 # 個符合的項目"  # its JSON is \u-escaped
    assert re.search(r'<meta name="description" content="[^"]*校注本：忠實整理的正文', article)


def test_search_index_sitemaps_and_exports_are_converted(built_site: Build) -> None:
    index = json.loads((built_site.site / "zh-Hant/search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["title"] + d["text"] for d in index["docs"])
    assert "小米誕生於2010年" in text and not {c for c in text if c in SIMPLIFIED_ONLY}
    for name in ("sitemap.xml",):
        xml = (built_site.site / "zh-Hant" / name).read_text(encoding="utf-8")
        assert f"<loc>{SITE_URL}zh-Hant/text/opening/</loc>" in xml
        assert f"<loc>{SITE_URL}text/opening/</loc>" not in xml
    packed = gzip.decompress((built_site.site / "zh-Hant/sitemap.xml.gz").read_bytes()).decode("utf-8")
    assert f"<loc>{SITE_URL}zh-Hant/glossary/</loc>" in packed
    terms = json.loads((built_site.site / "zh-Hant/glossary.json").read_text(encoding="utf-8"))["terms"]
    xiaomi = next(t for t in terms if t["id"] == "t-xiaomi")
    assert xiaomi["term"] == "小米集團" and xiaomi["pinyin"] == "xiǎo mǐ jí tuán"
    assert xiaomi["url"] == f"{SITE_URL}zh-Hant/glossary/#t-xiaomi"
    timeline = json.loads((built_site.site / "zh-Hant/timeline.json").read_text(encoding="utf-8"))
    assert any(e["text"]["headline"] == "小米宣布進軍智能電動汽車行業" for e in timeline["events"])


def test_the_switcher_leads_to_the_same_page(built_site: Build) -> None:
    page = (built_site.site / "text/building-cars/index.html").read_text(encoding="utf-8")
    assert ('<a href="../../zh-Hant/text/building-cars/" hreflang="zh-Hant" lang="zh-Hant" target="_self" '
            'class="md-select__link">繁體中文</a>') in page
    traditional = (built_site.site / "zh-Hant/text/building-cars/index.html").read_text(encoding="utf-8")
    assert ('<a href="../../../text/building-cars/" hreflang="zh-Hans" lang="zh-Hans" target="_self" '
            'class="md-select__link">简体中文</a>') in traditional


def test_backlink_snippets_are_cut_from_the_converted_paragraph(built_site: Build) -> None:
    glossary = (built_site.site / "zh-Hant/glossary/index.html").read_text(encoding="utf-8")
    assert "…游，我們在推進產業投資、<strong>供應鏈金融</strong>" in glossary  # its paragraph prints 上游
    assert "…遊，" not in glossary


def test_the_conversion_report_lists_words_problems_first(built_site: Build) -> None:
    report = (built_site.site / "zh-Hant/conversion-report.txt").read_text(encoding="utf-8")
    sections = re.findall(r"^## (.*)$", report, re.MULTILINE)
    assert [re.sub(r" \(\d+.*", "", s) for s in sections] == [
        "Boundary findings", "Words printed two ways", "Forms outside the policy", "What each override changed",
        "The editors' usage", "Every word printed in another form"]
    assert sections[0].startswith("Boundary findings (17)") and sections[2] == "Forms outside the policy (0)"
    assert ("  p-2-6  小米面向未来的: whole 小米麵向未來的, word by word 小米面向未來的; printed 小米面向未來的 "
            "(fixed by the override at annotations/conversion.yml:11)\n") in report
    assert ("  p-2-11  要回归竞争: whole 要回歸競爭, word by word 要迴歸競爭; printed 要回歸競爭 "
            "(reviewed at annotations/conversion.yml:78)\n") in report
    assert "NOT REVIEWED" not in report
    assert ("  annotations/conversion.yml:11  小米面向未来 → 小米面向未來 (OpenCC: 小米麵向未來): 2 places: p-2-6, "
            "t-jishu-weiben body\n") in report
    assert re.search(r"^  用户 → 用戶  \d+  p-0-4, ", report, re.MULTILINE)  # words, not characters
    assert not re.search(r"^  了 → ", report, re.MULTILINE)  # 了 printed as 了 is no change


@pytest.fixture(scope="module")
def hong_kong(tmp_path_factory: pytest.TempPathFactory) -> Build:
    copy = copy_project(tmp_path_factory.mktemp("hk") / "project", build=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    entry = ("        - {code: zh-Hant-HK, opencc: s2hk, path: zh-Hant-HK/, name: 繁體中文（香港）, quotes: 「」『』, "
             "theme_language: zh-Hant}\n")
    config = config.replace("          theme_language: zh-TW\n", "          theme_language: zh-TW\n" + entry)
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    _review_every_finding(copy, "zh-Hant-HK")
    return mkdocs_build(copy / "mkdocs.yml", copy / "site")


def _review_every_finding(copy: Path, code: str) -> None:
    """Record every boundary finding of a new edition as reviewed, the form it prints kept: a new
    edition has its own to decide (the test is about its wiring, not about Hong Kong usage)."""
    found = project.inputs(copy / "mkdocs.yml")
    loaded = project.load(found.paths, settings=found.settings)
    annotations = loaded.annotations.annotations
    converters, _ = variants.converters(copy, found.settings, loaded.edition.document, variants.printed(annotations),
                                        variants.kept(annotations))
    texts = boundaries.passages(loaded.edition.document, found.settings.source, annotations,
                                loaded.edition.emendations, found.settings)
    decided = dict.fromkeys((f.simplified, f.form(f.printed)) for f in boundaries.findings(
        converters[code], texts, segmentation.SHARED.boundaries))
    path = copy / found.settings.conversion
    assert path.read_text(encoding="utf-8").rstrip().rsplit("\nreviewed:\n", 1)[1]  # the file's last list
    with path.open("a", encoding="utf-8") as out:
        for simplified, printed in decided:
            out.write(f"  - edition: {code}\n    simplified: {simplified}\n    converted: {printed}\n"
                      "    reason: 测试。\n")


def test_a_hong_kong_edition_is_one_more_entry(hong_kong: Build) -> None:
    assert hong_kong.returncode == 0, hong_kong.log
    assert "WARNING" not in hong_kong.log
    page = (hong_kong.site / "zh-Hant-HK/text/scale-diseconomies/index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant-HK"' in page
    assert "隨着業務拓展" in page  # Hong Kong keeps 着 where Taiwan writes 著
    assert "隨著業務拓展" in (hong_kong.site / "zh-Hant/text/scale-diseconomies/index.html").read_text("utf-8")
    for edition in ("zh-Hans", "zh-Hant", "zh-Hant-HK"):
        assert f'hreflang="{edition}"' in page


def test_overrides_apply_in_the_built_pages(built_site: Build) -> None:
    rules = (built_site.site / "zh-Hant/text/three-iron-rules/index.html").read_text(encoding="utf-8")
    assert "面對新征程" in rules and "新徵程" not in rules  # the paragraph override
    assert "</a>面向未來的第一大鐵律" in rules and "麵向" not in rules  # across the link on 小米
    cars = (built_site.site / "zh-Hant/text/building-cars/index.html").read_text(encoding="utf-8")
    assert "開始了如火如荼" in cars


def test_a_stale_override_stops_the_build(tmp_path: Path) -> None:
    copy_project(tmp_path, build=True)
    path = tmp_path / "annotations" / "conversion.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("count: 7", "count: 8"), encoding="utf-8")
    build = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 1
    assert ("annotations/conversion.yml:27: override '合作伙伴': expected 8 occurrences in the text and the "
            "annotations, found 7\n"
            "  hint: the text changed: check the override still applies, then fix its count (or remove it)"
            ) in build.log
    assert "Traceback" not in build.log and not (tmp_path / "site").exists()


def test_an_annotation_variant_replaces_the_conversion(tmp_path: Path) -> None:
    copy_project(tmp_path, build=True)
    notes = tmp_path / "annotations" / "notes" / "building-cars.yml"
    text = notes.read_text(encoding="utf-8")
    # The note on 刻舟求剑 gets a Traditional body of its own, and the term 爆品 a definition.
    text = text.replace("  - id: n-kezhou-qiujian\n", "  - id: n-kezhou-qiujian\n    variants:\n      zh-Hant:\n"
                        "        body: 臺灣版的註文：比喻拘泥成法。\n        title: 刻舟求劍（臺版）\n", 1)
    notes.write_text(text, encoding="utf-8")
    glossary = tmp_path / "annotations" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "  - id: t-baopin\n", "  - id: t-baopin\n    variants:\n      zh-Hant:\n        definition: 臺版定義。\n", 1),
        encoding="utf-8")
    build = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 0, build.log
    traditional = (tmp_path / "site/zh-Hant/text/building-cars/index.html").read_text(encoding="utf-8")
    simplified = (tmp_path / "site/text/building-cars/index.html").read_text(encoding="utf-8")
    assert "<p>臺灣版的註文：比喻拘泥成法。</p>" in traditional and "臺灣版" not in simplified
    assert "<strong>刻舟求劍（臺版）</strong>" in traditional
    entry = (tmp_path / "site/zh-Hant/glossary/index.html").read_text(encoding="utf-8")
    assert '<p class="edition-term-definition">臺版定義。</p>' in entry
    assert '"臺版定義。"' in (tmp_path / "site/zh-Hant/text/scale-diseconomies/index.html").read_text("utf-8")


#: Mainland words a Taiwanese reader would not expect in the editors' own prose (issue 16, point 5).
MAINLAND_WORDS = ("鼠標", "鏈接", "搜索框", "點擊", "網絡", "數據", "程序", "倉庫", "字段", "純文本", "下劃線")
_TOOLTIP = re.compile(r'\b(?:title|aria-label|placeholder)="([^"]*)"')


def test_the_editors_words_in_zh_hant_are_taiwanese(built_site: Build) -> None:
    """The home page (docs/index.zh-Hant.md) and every tooltip the generator or the theme prints are
    written for the edition, not converted; the author's words (視頻, 軟件) stay his."""
    site = built_site.site / "zh-Hant"
    home = site / "index.html"
    article = home.read_text(encoding="utf-8").split('<article class="md-content__inner md-typeset">')[1]
    article = article.split("</article>")[0]
    assert [w for w in MAINLAND_WORDS if w in article] == []
    assert all(w in article for w in ("滑鼠", "連結", "搜尋框", "點選", "儲存庫", "資料", "欄位", "程式", "底線"))
    assert "「視頻」「軟件」" in article
    tooltips: dict[str, set[str]] = {}
    for page in site.rglob("*.html"):
        for value in _TOOLTIP.findall(page.read_text(encoding="utf-8")):
            if value.startswith("校勘"):  # an emendation's explanation quotes the author's text
                continue
            for word in MAINLAND_WORDS:
                if word in value:
                    tooltips.setdefault(word, set()).add(value)
    assert tooltips == {}
    text = (site / "text" / "opening" / "index.html").read_text(encoding="utf-8")
    assert 'title="本段連結 p-0-1"' in text and 'title="為這一段建議註釋"' in text and 'title="本節連結"' in text
    # The generator's pages: their introductions, the timeline's labels, the page not found.
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert ("組內按拼音排序。正文中每個術語都連結到這裡：每節第一次出現時是醒目的連結，之後只在滑鼠移過時顯出；"
            in glossary)
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "正文中相應處有上標「紀」連結回來。其餘 20 件是正文之外的背景。" in timeline
    assert '<legend>按類別篩選</legend>' in timeline and 'data-format="顯示 # 件事"' in timeline
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert "<li>用搜尋找：詞的任何一段都能找到，簡體、繁體輸入都可以。</li>" in missing
    assert ('從<a href="/edition/zh-Hant/">首頁</a>開始，或者看<a href="/edition/zh-Hant/glossary/">術語表</a>'
            in missing)
    for page in (glossary, timeline, missing):
        article = page.split('<article class="md-content__inner md-typeset">')[1].split("<h2")[0]
        assert [w for w in (*MAINLAND_WORDS, "鏈接回來", "用搜索") if w in re.sub(r"<[^>]+>", "", article)] == []


def test_the_editors_prose_is_in_taiwanese_usage_and_the_authors_words_stay(built_site: Build) -> None:
    """forms.yml's `usage` (issue 16, point 5): a note's title and body, a term's definition and an
    event's title in Taiwanese usage wherever the edition prints them (the note, its marker's label,
    an event's mark and the page's list of events, the glossary, the search index, the exports);
    the author's words and what the editors quote as they were written."""
    site = built_site.site / "zh-Hant"
    opening = (site / "text/opening/index.html").read_text(encoding="utf-8")
    assert "<strong>2021年智慧型手機出貨量</strong>" in opening  # the note's title (n-smartphone-2021)
    assert re.search(r'aria-label="註釋 \d+：2021年智慧型手機出貨量"', opening)  # its marker
    assert "2021年中國大陸智慧型手機出貨量略超3.33億部" in opening  # its body
    assert "2021年中國智能手機的年出貨量達到3.33億臺" in opening  # the author's sentence (p-0-4)
    rules = (site / "text/three-iron-rules/index.html").read_text(encoding="utf-8")
    assert 'title="年表：2018年4月25日　小米承諾硬體綜合淨利率永遠不超過5%"' in rules  # an event's mark
    assert "</time>　小米承諾硬體綜合淨利率永遠不超過5%</a>" in rules  # the page's list of events
    timeline = (site / "timeline/index.html").read_text(encoding="utf-8")
    assert "董事會通過該決議的日期" in timeline and "發表會" in timeline  # an exception, and 發布會 → 發表會
    glossary = (site / "glossary/index.html").read_text(encoding="utf-8")
    assert "腾讯" not in glossary and "騰訊旗下的社群網路服務（Qzone）" in glossary  # a definition
    assert "「信息繭房」" in glossary  # the text's term, quoted: not 資訊繭房
    assert "界面新聞" in glossary  # a name (界面 → 介面 elsewhere)
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "注9：2021年智慧型手機出貨量" in index
    exports = (site / "annotations.jsonld").read_text(encoding="utf-8")
    assert "2021年中國大陸智慧型手機出貨量" in exports and '"language": "zh-Hans"' not in exports
    assert "騰訊旗下的社群網路服務" in (site / "glossary.json").read_text(encoding="utf-8")
    simplified = (built_site.site / "text/opening/index.html").read_text(encoding="utf-8")
    assert "<strong>2021年智能手机出货量</strong>" in simplified  # the source edition as written


def _forms() -> list[variants.Form]:
    return [f for f in variants.load_forms(ROOT, "annotations/forms.yml") if f.edition == "zh-Hant"]


def test_the_zh_hant_site_prints_one_form_per_word_and_only_the_policys(built_site: Build) -> None:
    """annotations/forms.yml (issue 16, point 3): no form outside the policy anywhere the edition
    prints (pages, exports, the sitemap), so no word of the table is printed two ways."""
    forms = _forms()
    assert {f.printed: f.standard for f in forms if not f.keep}.items() >= {
        "宣佈": "宣布", "公佈": "公布", "發佈": "發布", "佈局": "布局", "計劃": "計畫", "佔": "占"}.items()
    kept = [f.keep for f in forms if f.keep]
    found: dict[str, list[str]] = {}
    for path in sorted((built_site.site / "zh-Hant").rglob("*")):
        if path.suffix not in (".html", ".json", ".jsonld", ".xml") or path.parent.name == "search":
            continue  # the search index's fold table lists every Traditional form on purpose
        text = path.read_text(encoding="utf-8")
        for k in kept:
            text = text.replace(k, "")
        for f in forms:
            if not f.keep and f.printed in text:
                at = text.find(f.printed)
                found.setdefault(f.printed, []).append(f"{path.name}: {text[max(0, at - 6):at + 8]}")
    assert found == {}
    home = (built_site.site / "zh-Hant" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "發布" in home and "宣布" in home


def test_an_override_scoped_to_an_annotation(tmp_path: Path) -> None:
    copy_project(tmp_path, build=True)
    path = tmp_path / "annotations" / "conversion.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    simplified: 雷军发长文\n", "    simplified: 雷军发长文\n    annotation: ev-first-mi-fan-festival\n"),
        encoding="utf-8")
    build = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert build.returncode == 0, build.log
    page = (tmp_path / "site/zh-Hant/timeline/index.html").read_text(encoding="utf-8")
    assert "雷軍發長文" in page and "雷軍髮長文" not in page

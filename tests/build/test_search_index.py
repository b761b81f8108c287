"""The search index in the built site: the edition's own (Material's indexer skipped), one per
edition, each document the text its page prints, and the page configured with the edition's worker."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest

from edition.core import project
from edition.core.editions import variants
from edition.core.search import index as search_index

from ..conftest import ROOT, Build

EDITIONS = ["", "zh-Hant/"]


def index(build: Build, edition: str) -> dict:
    return json.loads((build.site / edition / "search/search_index.json").read_text(encoding="utf-8"))


class _Element(HTMLParser):
    """The text of the element with one id, as a reader reads it (no data-search-exclude parts)."""

    VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr"})

    def __init__(self, ident: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ident, self.depth, self.skip, self.text, self.done = ident, 0, 0, "", False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID or self.done:
            return
        found = dict(attrs)
        if self.depth or found.get("id") == self.ident:
            self.depth += 1
            if self.skip or "data-search-exclude" in found or "headerlink" in (found.get("class") or ""):
                self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self.depth or self.done:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1
        if not self.depth:
            self.done = True

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip and not self.done:
            self.text += data


def element_text(markup: str, ident: str) -> str:
    parser = _Element(ident)
    parser.feed(markup)
    return parser.text.strip()


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_passage_is_a_document_with_the_text_its_page_prints(built_site: Build, edition: str) -> None:
    docs = index(built_site, edition)["docs"]
    pages: dict[str, str] = {}
    checked = 0
    for doc in docs:
        if doc["kind"] not in ("text", "heading", "note") or "#" not in doc["location"]:
            continue
        path, ident = doc["location"].split("#")
        if path not in pages:
            pages[path] = (built_site.site / edition / path / "index.html").read_text(encoding="utf-8")
        shown = element_text(pages[path], ident)
        if doc["kind"] == "heading":
            assert shown == doc["title"], doc["location"]
        elif doc["kind"] == "text":
            assert shown == doc["text"], doc["location"]
        else:  # a note: its title and body, then its sources and the way back
            assert shown.startswith(doc["title"].split("：", 1)[-1]), doc["location"]
        checked += 1
    loaded = project.load_at(ROOT / "mkdocs.yml")  # counted from the project: contributors add notes
    blocks = [b for _, b in loaded.edition.document.blocks()]
    notes = {a.annotation.id for a in loaded.anchors if a.annotation.kind == "note"}
    below_title = sum(1 for p in loaded.edition.document.pages for b in p.blocks[1:] if b.kind == "heading")
    assert checked == sum(b.kind != "heading" for b in blocks) + below_title + len(notes)


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_terms_lead_is_the_definition_its_entry_prints(built_site: Build, edition: str) -> None:
    markup = (built_site.site / edition / "glossary/index.html").read_text(encoding="utf-8")
    definitions = dict(re.findall(r'<h3 id="(t-[^"]+)">.*?<p class="edition-term-definition">(.*?)</p>', markup, re.S))
    terms = [d for d in index(built_site, edition)["docs"] if d["kind"] == "term"]
    assert terms and all(d.get("lead") for d in terms)
    for doc in terms:
        lead = doc["text"].encode("utf-16-le")[:2 * doc["lead"]].decode("utf-16-le")  # as JavaScript slices
        assert lead == html.unescape(definitions[doc["location"].split("#")[1]]), doc["location"]


def test_the_index_is_the_editions_own(built_site: Build) -> None:
    data = index(built_site, "")
    assert data["config"]["edition"]["version"] == search_index.VERSION
    kinds = [d["kind"] for d in data["docs"]]
    loaded = project.load_at(ROOT / "mkdocs.yml")
    blocks = [b for _, b in loaded.edition.document.blocks()]
    assert {k: kinds.count(k) for k in set(kinds)} == {
        "heading": sum(b.kind == "heading" for b in blocks), "text": sum(b.kind != "heading" for b in blocks),
        "note": len({a.annotation.id for a in loaded.anchors if a.annotation.kind == "note"}),
        "term": len(loaded.glossary.entries), "event": len(loaded.timeline.events), "other": kinds.count("other")}
    assert kinds.count("other") >= 4  # home page, glossary, timeline, apparatus (and their sections)
    texts = " ".join(d["text"] for d in data["docs"] if d["location"].startswith("text/"))
    # plain text: no segmentation marks, no permalinks, no markers of notes or emendations
    assert "\u200b" not in texts and "¶" not in texts
    assert "流量背后有一个词叫“注意力”，极致爆品" in texts  # an emendation mark sits after 注意力”，


def test_one_fold_table_serves_both_scripts(built_site: Build) -> None:
    hans, hant = (index(built_site, e) for e in EDITIONS)
    assert hans["config"]["edition"]["fold"] == hant["config"]["edition"]["fold"]
    pairs = hans["config"]["edition"]["fold"]
    table = dict(zip(pairs[::2], pairs[1::2], strict=True))
    assert table["後"] == "后" and table["裡"] == "里" and table["發"] == table["髮"] == "发"
    assert table.get("路") in (None, "路") and table.get("資") in (None, "资")  # not 络, 信: the editors' usage
    # The editors' prose prints their usage in zh-Hant (网络 → 網路): folded, the same text with it.
    usage, _ = variants.read_usage(ROOT, "annotations/forms.yml")
    words = variants.Converter(variants.Variant("zh-Hant", "s2tw"), usage=usage)
    reworded = 0
    for a, b in zip(hans["docs"], hant["docs"], strict=True):
        assert a["location"] == b["location"]
        text = words.reword(a["text"], a["text"]) if a["kind"] in ("note", "term", "event") else a["text"]
        reworded += text != a["text"]
        assert search_index.fold(text, table) == search_index.fold(b["text"], table), a["location"]
    assert reworded > 50


@pytest.mark.parametrize("page", ["index.html", "text/opening/index.html", "zh-Hant/glossary/index.html", "404.html",
                                  "zh-Hant/404.html"])
def test_pages_name_the_editions_worker_and_index(built_site: Build, page: str) -> None:
    markup = (built_site.site / page).read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="edition-config">(.*?)</script>', markup)
    config = json.loads(found.group(1))
    search = config["search"]
    assert search["worker"].endswith("assets/edition/search-worker.js")
    assert search["index"] == "search/search_index.json"
    assert search["strings"]["zh"]["label"] == "搜索" and search["strings"]["zh-Hant"]["label"] == "搜尋"
    label = "搜尋" if page.startswith("zh-Hant/") else "搜索"
    assert markup.count(f'class="edition-search-open md-header__button md-icon" aria-label="{label}"') == 1
    if not page.endswith("404.html"):  # (the 404 page's paths are absolute on the site's path)
        folder = (built_site.site / page).parent
        assert folder.joinpath(search["worker"]).resolve().is_file()
        assert folder.joinpath(config["root"], search["index"]).resolve().is_file()
    assert 'class="md-search"' not in markup  # no theme search

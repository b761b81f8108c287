"""The glossary in the built site: entries, backlinks, links in the text, previews, search, export."""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import urlsplit

from ..conftest import Build
from .test_site import TEXT_PAGES, article, html

LINK = re.compile(r'<a class="edition-term( edition-term--again)?" href="\.\./\.\./glossary/#(t-[a-z0-9-]+)"')


def export(build: Build) -> list[dict]:
    return json.loads(html(build, "glossary.json"))["terms"]


def entry(page: str, ident: str) -> str:
    start = page.index(f'id="{ident}"')
    end = page.find("<h3", start)
    return page[start:end if end != -1 else None]


def test_every_term_has_an_entry(built_site: Build) -> None:
    terms = export(built_site)
    page = html(built_site, "glossary/index.html")
    assert len(terms) >= 60
    for term in terms:
        assert re.search(rf'<h3 id="{term["id"]}">', page), term["id"]
        body = entry(page, term["id"])
        assert 'class="edition-term-definition"' in body
        if re.search(r"[\u4e00-\u9fff]", term["term"]):
            assert f'lang="zh-Latn-pinyin">{term["pinyin"]}</span>' in body
    categories = re.findall(r'<h2 id="cat-([a-z]+)">', page)
    assert categories == [c for c in ("concept", "company", "product", "programme", "person", "organisation",
                                      "place", "work") if any(t["category"] == c for t in terms)]


def test_backlinks_list_every_paragraph_once_with_its_count(built_site: Build) -> None:
    page = html(built_site, "glossary/index.html")
    for term in export(built_site):
        body = entry(page, term["id"])
        listed = re.findall(r'<li><a href="\.\./text/([a-z-]+)/#(p-\d+-\d+)">[^<]*</a>(?:（(\d+) 次）)?：', body)
        expected = Counter((o["page"], o["block"]) for o in term["occurrences"])
        assert [(slug, block) for slug, block, _ in listed] == list(expected), term["id"]
        assert sum(int(n or 1) for _, _, n in listed) == term["count"] == len(term["occurrences"])
        if term["count"]:
            assert f"正文中出现 {term['count']} 次，见 {len(expected)} 段" in body


def test_every_occurrence_in_the_text_is_linked_to_its_entry(built_site: Build) -> None:
    occurrences = Counter((o["block"], t["id"]) for t in export(built_site) for o in t["occurrences"])
    links: Counter[tuple[str, str]] = Counter()
    for slug in TEXT_PAGES:
        for block_id, inner in re.findall(r'<(?:p|li) id="(p-\d+-\d+)">(.*?)</(?:p|li)>', article(built_site, slug)):
            links.update((block_id, ident) for _, ident in LINK.findall(inner))
    # Every link is an occurrence; an occurrence goes unlinked only where a note marker or an
    # emendation mark stands inside it.
    assert not links - occurrences
    unlinked = sum((occurrences - links).values())
    assert unlinked <= 0.02 * sum(occurrences.values()), occurrences - links


def test_the_first_occurrence_in_each_section_stands_out(built_site: Build) -> None:
    for slug in TEXT_PAGES:
        for section in re.split(r"<h[12] ", article(built_site, slug)):
            seen: set[str] = set()
            for again, ident in LINK.findall(section):
                assert bool(again) == (ident in seen), (slug, ident)
                seen.add(ident)
            assert section.count('tabindex="-1"') >= section.count("edition-term--again")


def test_headings_have_no_term_links(built_site: Build) -> None:
    for slug in TEXT_PAGES:
        for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", article(built_site, slug)):
            assert "edition-term" not in heading


def test_each_page_carries_the_definitions_of_its_terms(built_site: Build) -> None:
    for slug in TEXT_PAGES:
        page = article(built_site, slug)
        data = re.search(r'<script type="application/json" id="edition-terms" data-more="查看词条 →">'
                         r"(.*?)</script>", page)
        assert data
        assert "<" not in data.group(1)
        definitions = json.loads(data.group(1))
        assert {ident for _, ident in LINK.findall(page)} == set(definitions)
        for term, _pinyin, category, definition in definitions.values():
            assert term and category and definition


def test_terms_are_search_results(built_site: Build) -> None:
    index = json.loads(html(built_site, "search/search_index.json"))["docs"]
    terms = {d["location"]: d for d in index if d["kind"] == "term"}
    assert set(terms) == {f"glossary/#{term['id']}" for term in export(built_site)}
    # Backlinks repeat the text: they are not part of a term's document.
    assert not [d for d in terms.values() if "正文中出现" in d["text"]]
    # Aliases and toneless pinyin find a term without being shown.
    assert terms["glossary/#t-xingjiabi"]["keys"] == ["xing jia bi"]
    assert "iPhone" in terms["glossary/#t-iphone"]["title"]


def test_export_links_resolve(built_site: Build) -> None:
    for term in export(built_site):
        assert urlsplit(term["url"]).fragment == term["id"]
        for o in term["occurrences"]:
            path, fragment = urlsplit(o["url"]).path, urlsplit(o["url"]).fragment
            assert path.endswith(f"/text/{o['page']}/") and fragment == o["block"]
            assert f'id="{fragment}"' in html(built_site, f"text/{o['page']}/index.html")


def test_the_glossary_page_edits_glossary_yml(built_site: Build) -> None:
    assert ('href="https://github.com/xiaomi-model-edition/edition/edit/main/annotations/glossary.yml" title="编辑此页"'
            in html(built_site, "glossary/index.html"))

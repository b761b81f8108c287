"""Suggest a note: the prefilled new-file link of each paragraph, and its file, which passes the
checker once a body (and, for the strict check, a source) is written."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.core import project
from edition.core.render import suggestions
from edition.core.text import ingest

from ..conftest import LAYOUT, NOTE_CATEGORIES, PATHS, copy_project
from . import projects

ROOT_URL = "https://github.com/owner/repo/new/main/"
DOCUMENT = ingest.load(PATHS, LAYOUT).document
PAGE = DOCUMENT.by_slug["building-cars"]
BLOCK = next(b for b in PAGE.blocks if b.id == "p-3-12")


def filled(text: str, sources: bool, uncomment: str = "#") -> str:
    """The skeleton as a contributor fills it in: a body, and (with `sources`) the example source
    uncommented where it stands (taking out `uncomment`: '#' by hand, '# ' as editors' toggle-comment
    does) with its placeholders replaced."""
    text = text.replace("    body: |\n      \n", "    body: |\n      这一段的结论是全章的关键（示例）。\n")
    if not sources:
        return text.replace("    sources:\n", "    sources: []\n")
    lines = [line.replace(uncomment, "", 1) if line.startswith("    #  ") or line.startswith("    #    ") else line
             for line in text.splitlines(keepends=True)]
    return "".join(lines).replace("来源标题", "小米集团2021年年报").replace("出版者", "小米集团").replace(
        "https://example.org/", "https://ir.mi.com/").replace("YYYY-MM-DD", "2022-04-22")


def test_the_link_is_well_formed() -> None:
    link = urlsplit(suggestions.url(ROOT_URL, DOCUMENT, PAGE, BLOCK, NOTE_CATEGORIES))
    assert (link.scheme, link.netloc, link.path) == ("https", "github.com", "/owner/repo/new/main/")
    query = parse_qs(link.query, strict_parsing=True)
    assert query["filename"] == ["annotations/notes/suggested-p-3-12.yml"]
    assert query["value"] == [suggestions.skeleton(DOCUMENT, PAGE, BLOCK, NOTE_CATEGORIES)]


def test_the_skeleton_targets_the_paragraph() -> None:
    data = yaml.safe_load(suggestions.skeleton(DOCUMENT, PAGE, BLOCK, NOTE_CATEGORIES))
    assert data == {"notes": [{"id": "n-suggested-p-3-12", "category": "background",
                               "targets": [{"page": "building-cars", "quote": "这个结论，指向了一个关键"}],
                               "body": "", "sources": None}]}


@pytest.mark.parametrize("uncomment", ["#", "# "], ids=["by-hand", "toggle-comment"])
def test_the_example_source_uncommented_where_it_stands_is_valid(uncomment: str) -> None:
    skeleton = suggestions.skeleton(DOCUMENT, PAGE, BLOCK, NOTE_CATEGORIES)
    data = yaml.safe_load(filled(skeleton, sources=True, uncomment=uncomment))
    assert data["notes"][0]["sources"] == [{"title": "小米集团2021年年报", "publisher": "小米集团",
                                            "url": "https://ir.mi.com/", "date": "2022-04-22"}]


def test_the_skeleton_as_it_comes_is_refused_with_what_to_do(base: Path, tmp_path: Path) -> None:
    name = "notes/suggested-p-3-12.yml"
    assert projects.message(base, tmp_path, suggestions.skeleton(DOCUMENT, PAGE, BLOCK, NOTE_CATEGORIES), name) == (
        "annotations/notes/suggested-p-3-12.yml:11: note 'n-suggested-p-3-12': field 'body' is empty\n"
        "  hint: write the body on the lines under 'body: |', indented more than 'body:'\n"
        "annotations/notes/suggested-p-3-12.yml:15: note 'n-suggested-p-3-12': field 'sources' has no value\n"
        "  hint: write its items on the lines below, each starting with '- ', indented more than 'sources:'")


def test_the_example_sources_values_are_refused_until_replaced(base: Path, tmp_path: Path) -> None:
    text = filled(suggestions.skeleton(DOCUMENT, PAGE, BLOCK, NOTE_CATEGORIES), sources=True)
    for real, example in (("小米集团2021年年报", "来源标题"), ("小米集团", "出版者"), ("https://ir.mi.com/", "https://example.org/"),
                          ("2022-04-22", "YYYY-MM-DD")):
        text = text.replace(f" {real}\n", f" {example}\n").replace(f'"{real}"', f'"{example}"')
    assert projects.message(base, tmp_path, text, "notes/suggested-p-3-12.yml") == (
        "annotations/notes/suggested-p-3-12.yml:16: note 'n-suggested-p-3-12': sources 1: field 'title' still has "
        "the example value '来源标题'\n"
        "  hint: replace it with the source's title, as the document carries it\n"
        "annotations/notes/suggested-p-3-12.yml:17: note 'n-suggested-p-3-12': sources 1: field 'publisher' still "
        "has the example value '出版者'\n"
        "  hint: replace it with who issued the document (its author's organisation, the newspaper, the ministry)\n"
        "annotations/notes/suggested-p-3-12.yml:18: note 'n-suggested-p-3-12': sources 1: field 'url' still has "
        "the example value 'https://example.org/'\n"
        "  hint: replace it with the document's web address (http or https), where its publisher has it\n"
        "annotations/notes/suggested-p-3-12.yml:19: note 'n-suggested-p-3-12': sources 1: field 'date' still has "
        "the example value 'YYYY-MM-DD'\n"
        "  hint: replace it with when it was published: YYYY, YYYY-MM or YYYY-MM-DD")


def test_an_ambiguous_beginning_gets_a_prefix_or_suffix(monkeypatch: pytest.MonkeyPatch) -> None:
    # p-2-21, p-2-22 and p-2-23 all begin 正是这些考问 (the real quotes, 12 characters, are unique)
    monkeypatch.setattr(suggestions, "QUOTE_LENGTH", 6)
    page = DOCUMENT.by_slug["three-iron-rules"]
    block = next(b for b in page.blocks if b.id == "p-2-22")
    target = yaml.safe_load(suggestions.skeleton(DOCUMENT, page, block, NOTE_CATEGORIES))["notes"][0]["targets"][0]
    assert target["quote"] == "正是这些考问" and (target.get("prefix") or target.get("suffix"))


def test_every_paragraphs_file_passes_the_checker_once_filled_in(tmp_path: Path) -> None:
    copy = copy_project(tmp_path / "project")
    blocks = [(page, b) for page, b in DOCUMENT.blocks() if b.kind != "heading"]
    for page, block in blocks:
        text = suggestions.skeleton(DOCUMENT, page, block, NOTE_CATEGORIES)
        (copy / suggestions.filename(block)).write_text(filled(text, sources=block.id != "p-3-12"), encoding="utf-8")
    loaded = project.load_at(copy / "mkdocs.yml")  # raises on any error
    suggested = [a for a in loaded.annotations.annotations if a.id.startswith("n-suggested-")]
    assert len(suggested) == len(blocks) == 159
    anchored = {a.annotation.id: a.block.id for a in loaded.anchors if a.annotation.id.startswith("n-suggested-")}
    assert all(anchored[f"n-suggested-{b.id}"] == b.id for _, b in blocks)
    # Without sources it is a warning (the strict check fails), naming the file.
    assert [str(w).split(":")[0] for w in loaded.warnings] == ["annotations/notes/suggested-p-3-12.yml"]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
@settings(derandomize=True, database=None, deadline=None, max_examples=500)
def test_links_are_percent_encoded_as_the_standard_library_does(text: str) -> None:
    for safe in ("/", ""):
        assert suggestions.percent_encoded(text, safe) == quote(text, safe=safe)


def test_every_ascii_character_is_percent_encoded_as_the_standard_library_does() -> None:
    text = "".join(map(chr, range(128))) + "小米 模式\n/%~"
    for safe in ("/", ""):
        assert suggestions.percent_encoded(text, safe) == quote(text, safe=safe)

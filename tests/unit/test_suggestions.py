"""Suggest a note: the prefilled new-file link of each paragraph, and its file, which passes the
checker once a body (and, for the strict check, a source) is written."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from edition.core import project
from edition.core.render import suggestions
from edition.core.text import ingest

from ..conftest import LAYOUT, NOTE_CATEGORIES, PATHS, copy_project

ROOT_URL = "https://github.com/owner/repo/new/main/"
DOCUMENT = ingest.load(PATHS, LAYOUT).document
PAGE = DOCUMENT.by_slug["building-cars"]
BLOCK = next(b for b in PAGE.blocks if b.id == "p-3-12")


def filled(text: str, sources: bool) -> str:
    text = text.replace("    body: |\n      \n", "    body: |\n      这一段的结论是全章的关键（示例）。\n")
    if sources:
        text = text.replace("    sources: []\n", "    sources:\n      - title: 示例来源\n        url: https://example.org/\n")
    return text


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
                               "body": "", "sources": []}]}


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

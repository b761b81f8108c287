"""Suggest a note: every paragraph's pencil opens GitHub's new-file form with a note on it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from edition.core.render import suggestions
from edition.core.text import ingest

from ..conftest import LAYOUT, NOTE_CATEGORIES, PATHS

pytestmark = pytest.mark.browser

DOCUMENT = ingest.load(PATHS, LAYOUT).document
PAGE = DOCUMENT.by_slug["building-cars"]
BLOCK = next(b for b in PAGE.blocks if b.id == "p-3-12")
NEW_FILE = "https://github.com/xiaomi-model-edition/edition/new/main/"


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
def test_the_pencil_opens_a_prefilled_note_on_the_paragraph(page: Page, site_url: str, edition: str) -> None:
    page.goto(site_url + edition + "text/building-cars/")
    link = page.locator("#p-3-12 a.edition-suggest")
    expect(link).to_have_css("opacity", "0")
    page.locator("#p-3-12").hover()
    expect(link).to_have_css("opacity", "1")
    expect(link).to_have_attribute("aria-label", "为 p-3-12 段建议注释" if not edition else "為 p-3-12 段建議註釋")
    href = urlsplit(link.get_attribute("href"))
    assert f"{href.scheme}://{href.netloc}{href.path}" == NEW_FILE
    query = parse_qs(href.query, strict_parsing=True)
    assert query["filename"] == ["annotations/notes/suggested-p-3-12.yml"]
    # The same Simplified skeleton in both editions (annotations quote the Simplified text).
    assert query["value"] == [suggestions.skeleton(DOCUMENT, PAGE, BLOCK, NOTE_CATEGORIES)]


def test_every_paragraph_has_one(page: Page, site_url: str) -> None:
    page.goto(site_url + "text/building-cars/")
    paragraphs = [b for b in PAGE.blocks if b.kind != "heading"]
    expect(page.locator("a.edition-suggest")).to_have_count(len(paragraphs))
    hrefs = page.locator("a.edition-suggest").evaluate_all("links => links.map(a => a.href)")
    assert all("&value=" in h for h in hrefs)

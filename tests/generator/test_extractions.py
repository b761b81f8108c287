"""Real extractions (extractions/README.md): a book page printed to PDF by Chromium and extracted
with pdftotext, at 30 em and at 24 em. With its layout declared, every paragraph of the page that
was printed comes out of ingest exactly; with the wrong geometry, ingest refuses the text and says
which setting, what it measured, and what would fit."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from edition.core.text import ingest
from edition.core.text.chars import control_characters, without_whitespace

from .projects import SOURCE, load, message

HERE = Path(__file__).with_name("extractions")
GEOMETRY = {"kind": "page", "indent": 2, "slack": 1, "overflow": 1}


class _Page(HTMLParser):
    """The headings and paragraphs of a printed page, in order: the ground truth."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, str]] = []
        self.open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "p"):
            self.open = tag
            self.blocks.append((tag, ""))

    def handle_endtag(self, tag: str) -> None:
        self.open = None if tag == self.open else self.open

    def handle_data(self, data: str) -> None:
        if self.open:
            tag, text = self.blocks[-1]
            self.blocks[-1] = (tag, text + data)


def printed(name: str) -> list[list[str]]:
    """The paragraphs of each piece (between two headings) of the page that was printed."""
    page = _Page()
    page.feed((HERE / name).read_text(encoding="utf-8"))
    pieces: list[list[str]] = []
    for tag, text in page.blocks:
        if tag == "h1":
            pieces.append([])
        else:
            pieces[-1].append(text)
    return pieces


def project(tmp_path: Path, width: int, settings: dict[str, object], fixes: bool = True) -> Path:
    """The extraction at `width` em as an edition project, with the layout `settings` declared."""
    root = tmp_path / f"{width}em"
    (root / "source").mkdir(parents=True)
    (root / "annotations").mkdir()
    shutil.copy(HERE / f"yecao-{width}em.txt", root / SOURCE)
    shutil.copy(HERE / "structure.yml", root / "annotations" / "structure.yml")
    (root / "annotations" / "emendations.yml").write_text("emendations: []\n", encoding="utf-8")
    if fixes:
        shutil.copy(HERE / f"layout-{width}em.yml", root / "annotations" / "layout.yml")
    lines = "".join(f"        {key}: {value}\n" for key, value in settings.items())
    (root / "mkdocs.yml").write_text(f"site_name: 野草\nplugins:\n  - edition:\n      layout:\n{lines}",
                                     encoding="utf-8")
    return root


def pieces(edition: ingest.Edition) -> list[list[str]]:
    return [[b.text for b in page.blocks if b.kind != "heading"] for page in edition.document.pages]


def test_the_extractions_have_what_pdftotext_writes() -> None:
    for width, pages in ((30, 6), (24, 7)):
        text = (HERE / f"yecao-{width}em.txt").read_text(encoding="utf-8")
        # At each page's end a blank line, then a form feed (before the next page's first line).
        assert text.count("\f") == text.count("\n\n\f") == pages
        assert text.endswith("\n\n\f")
    # At 24 em, a heading is at the top of a page.
    assert "\n\f风筝\n" in (HERE / "yecao-24em.txt").read_text(encoding="utf-8")


def test_both_printings_are_the_same_text() -> None:
    assert printed("yecao-24em.html") == printed("yecao-30em.html")
    thirty = (HERE / "yecao-30em.html").read_text(encoding="utf-8")
    assert (HERE / "yecao-24em.html").read_text(encoding="utf-8") == thirty.replace(
        "main { width: 30em; }", "main { width: 24em; }").replace("a column of 30 em", "a column of 24 em")


@pytest.mark.parametrize("width", [30, 24])
@pytest.mark.parametrize("column", ["declared", "auto"])
def test_every_paragraph_reflows_as_it_was_printed(tmp_path: Path, width: int, column: str) -> None:
    settings = {**GEOMETRY, "column": width if column == "declared" else "auto"}
    edition = load(project(tmp_path, width, settings))
    assert edition.layout.column == width
    assert [p.title for p in edition.document.pages] == ["雪", "风筝", "腊叶"]
    assert pieces(edition) == printed(f"yecao-{width}em.html")
    assert sum(len(p) for p in pieces(edition)) == 24
    # Nothing of the extraction reaches the pages but its text: no form feed, no control character.
    assert not any(control_characters(page) or "\f" in page for page in ingest.render(edition).values())
    text = "".join(b.source_text for _, b in edition.document.blocks())
    assert without_whitespace(text) == without_whitespace(edition.source)


@pytest.mark.parametrize("width", [30, 24])
def test_without_the_declared_break_one_date_runs_on(tmp_path: Path, width: int) -> None:
    edition = load(project(tmp_path, width, {**GEOMETRY, "column": width}, fixes=False))
    got, want = pieces(edition), printed(f"yecao-{width}em.html")
    wrong = [(a, b) for g, w in zip(got, want, strict=True) for a, b in zip(g, w, strict=False) if a != b]
    assert sum(map(len, got)) == 23
    assert len(wrong) == 1 and wrong[0][0].endswith("。一九二五年一月" + ("二十四日。" if width == 30 else "十八日。"))


def test_the_24em_printing_is_refused_by_a_30em_geometry(tmp_path: Path) -> None:
    root = project(tmp_path, 24, {**GEOMETRY, "column": 30})
    assert message(root) == (
        "mkdocs.yml:9: layout: a column of 30 em does not fit the text: its lines are too short (widths at the "
        "50th/90th percentile: 24/24 em, of 115 lines; a full line is at least 29 em)\n"
        "  hint: the lines look like a column of 24 em: write 'column: 24' (or 'column: auto' to measure it)")


def test_the_30em_printing_is_refused_by_a_24em_geometry(tmp_path: Path) -> None:
    root = project(tmp_path, 30, {**GEOMETRY, "column": 24})
    assert message(root) == (
        "mkdocs.yml:9: layout: a column of 24 em does not fit the text: its lines are too long (widths at the "
        "50th/90th percentile: 30/30 em, of 95 lines; no line may run past 25 em)\n"
        "  hint: the lines look like a column of 30 em: write 'column: 30' (or 'column: auto' to measure it)")


def test_the_30em_printing_is_refused_by_a_wrong_indent(tmp_path: Path) -> None:
    root = project(tmp_path, 30, {**GEOMETRY, "column": 30, "indent": 0})
    assert message(root) == (
        "mkdocs.yml:6: layout: an indent of 0 em does not fit the text: of the 17 lines that begin a paragraph "
        "after one ending in a short line, 0 are an indented full line (none can be, with no indent), and most are "
        "28 em wide (a full first line indented 0 em is 30 em)\n"
        "  hint: the first lines look indented 2 em: write 'indent: 2'")


def test_the_extraction_is_not_one_paragraph_per_line(tmp_path: Path) -> None:
    root = project(tmp_path, 30, {"kind": "paragraphs"}, fixes=False)
    assert message(root) == (
        "mkdocs.yml:5: layout: the text does not look like one paragraph per line: 47 of its 95 lines are 30 em "
        "wide, and 47 of those end mid-sentence, as a printed page's lines do\n"
        "  hint: write 'kind: page' and 'column: 30'")

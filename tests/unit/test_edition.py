"""The real edition: nothing of the source lost, pages up to date, structure as the book has it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edition.core import project
from edition.core.errors import EditionError
from edition.core.text import fidelity, ingest, markdown_pages
from edition.core.text.chars import NO_LINE_START, is_punctuation_only

from ..conftest import LAYOUT, PATHS, ROOT, copy_project, paths_of

SEED = ROOT.parent / "shared" / "seed" / "000_46aef551d3bc96fd.txt"


@pytest.fixture(scope="module")
def edition() -> ingest.Edition:
    return ingest.load(PATHS, LAYOUT)


def test_source_is_the_seed_byte_for_byte() -> None:
    if not SEED.exists():
        pytest.skip("the seed is not beside this checkout")
    assert (PATHS / PATHS.source).read_bytes() == SEED.read_bytes()



def test_nothing_lost(edition: ingest.Edition) -> None:
    """The pages' text without whitespace, every emendation undone, is the source without whitespace."""
    assert fidelity.faithful(fidelity.pages_text(PATHS, edition), edition)


@pytest.mark.parametrize(("old", "new"),
                         [("泾渭分明", "泾渭分"), ("坦然接受", "坦然接收"), ("一定能够赢得", "定能够赢得")])
def test_fidelity_check_catches_a_changed_character(edition: ingest.Edition, old: str, new: str) -> None:
    text = fidelity.pages_text(PATHS, edition)
    assert old in text
    assert not fidelity.faithful(text.replace(old, new, 1), edition)


def test_pages_are_up_to_date(edition: ingest.Edition) -> None:
    assert ingest.stale(PATHS, edition) == [], "run: python scripts/ingest.py"


def test_pages_read_back_as_the_document(edition: ingest.Edition) -> None:
    written = [(b.kind, b.id, b.source_text) for _, b in edition.document.blocks()]
    read = []
    for spec in edition.pages:
        page = (PATHS / PATHS.pages / f"{spec.slug}.md").read_text(encoding="utf-8")
        read += [(b.kind, b.id, b.source_text) for b in markdown_pages.read(page)]
    assert read == written


def test_ingest_is_deterministic_and_idempotent(tmp_path: Path, edition: ingest.Edition) -> None:
    again = ingest.load(PATHS, LAYOUT)
    assert ingest.render(again) == ingest.render(edition)
    copy = _copy_project(tmp_path)
    paths = paths_of(copy)
    assert ingest.write(paths, ingest.load(paths, LAYOUT)) == []
    shutil.rmtree(copy / "docs" / "text")
    assert len(ingest.write(paths, ingest.load(paths, LAYOUT))) == 6
    assert ingest.write(paths, ingest.load(paths, LAYOUT)) == []


def test_a_changed_input_makes_the_pages_stale(tmp_path: Path) -> None:
    copy = _copy_project(tmp_path)
    path = copy / "annotations" / "structure.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: why-premium", "id: premium-meaning"),
                    encoding="utf-8")
    paths = paths_of(copy)
    edition = ingest.load(paths, LAYOUT)
    assert ingest.stale(paths, edition) == ["going-premium.md"]
    assert [str(p) for p in ingest.stale_problems(paths, edition)] == [
        "docs/text/going-premium.md:14: generated page differs from what ingest writes\n"
        "  hint: run 'python scripts/ingest.py' and commit the result; change the text through "
        "annotations/emendations.yml, never by editing the page"]


def test_a_wrong_kind_is_caught(tmp_path: Path) -> None:
    copy = _copy_project(tmp_path)
    path = copy / "annotations" / "emendations.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    kind: join\n    line: 244", "    kind: reorder\n    line: 244"), encoding="utf-8")
    with pytest.raises(EditionError, match=r"e-009.*kind 'reorder' does not fit"):
        ingest.load(paths_of(copy), LAYOUT)


def test_heading_not_found(tmp_path: Path) -> None:
    copy = _copy_project(tmp_path)
    path = copy / "annotations" / "structure.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: 高端化的意义", "title: 高端化之意义"),
                    encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        ingest.load(paths_of(copy), LAYOUT)
    assert str(caught.value) == (
        "annotations/structure.yml:36: heading '高端化之意义' not found in the text after source line 420\n"
        "  hint: the closest line is 430: '高端化的意义'; copy the title exactly as the source prints it "
        "(after emendations)")


def test_artifact_without_emendation_is_an_error(tmp_path: Path) -> None:
    copy = _copy_project(tmp_path)
    path = copy / "annotations" / "emendations.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: e-009")
    path.write_text(text[:start] + text[text.index("  - id: e-010"):], encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        ingest.load(paths_of(copy), LAYOUT)
    assert str(caught.value) == (
        "source/xiaomi-model-2010-2022.txt:245: extraction artifact left in the text: line starts with "
        "punctuation: '。'\n  hint: record an emendation for it in annotations/emendations.yml")


def test_seventeen_headings(edition: ingest.Edition) -> None:
    headings = [b for _, b in edition.document.blocks() if b.kind == "heading"]
    assert [b.level for b in headings].count(1) == 6  # the untitled opening and five sections
    assert [b.level for b in headings].count(2) == 11
    assert [b.text for b in headings if b.editorial] == ["开篇"]
    assert "大公司做新项目的“三个大坑”" in [b.text for b in headings]
    assert "流量、算法和GMV的陷阱" in [b.text for b in headings]  # split over two source lines


def test_lists(edition: ingest.Edition) -> None:
    items = [b for _, b in edition.document.blocks() if b.kind == "item"]
    lists: dict[int, list[str]] = {}
    for item in items:
        lists.setdefault(item.list_number, []).append(item.marker)
    assert list(lists.values()) == [["1.", "2.", "3.", "4."], ["1.", "2.", "3.", "4.", "5.", "6."],
                                    ["•", "•", "•"], ["•", "•", "•"]]


def test_no_stray_punctuation_or_lone_yi(edition: ingest.Edition) -> None:
    for _, block in edition.document.blocks():
        assert block.text[0] not in NO_LINE_START, block.id
        assert not is_punctuation_only(block.text), block.id
        assert block.text.strip() != "一", block.id


def test_quotes_balance_in_every_block(edition: ingest.Edition) -> None:
    for _, block in edition.document.blocks():
        assert block.text.count("“") == block.text.count("”"), block.id


def test_ids_are_ascii_unique_and_numbered_per_page(edition: ingest.Edition) -> None:
    ids = [b.id for _, b in edition.document.blocks()]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() for i in ids)
    for page in edition.document.pages:
        numbered = [b.id for b in page.blocks if b.kind != "heading"]
        assert numbered == [f"p-{page.number}-{n}" for n in range(1, len(numbered) + 1)]


def _copy_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_the_layout_is_this_editions_declared_one() -> None:
    assert (LAYOUT.kind, LAYOUT.column, LAYOUT.indent, LAYOUT.slack, LAYOUT.overflow) == ("page", 30, 2, 1, 0.5)
    assert LAYOUT.fragment_starts == frozenset("一“")


@pytest.mark.parametrize("script", [["ingest.py", "--check"], ["annotations.py", "check"]])
def test_the_scripts_read_the_layout_from_mkdocs_yml(tmp_path: Path, script: list[str]) -> None:
    copy = _copy_project(tmp_path)
    config = copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("column: 30", "column: 24"), encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("        column: 24") + 1
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / script[0]), "--root", str(copy), *script[1:]],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 1
    problem = (f"error: mkdocs.yml:{line}: layout: a column of 24 em does not fit the text: its lines are too long "
               "(widths at the 50th/90th percentile: 28/30 em, of 649 lines; no line may run past 24.5 em)\n"
               "  hint: the lines look like a column of 30 em: write 'column: 30' (or 'column: auto' to measure it)\n")
    after = "" if script[0] == "ingest.py" else ("note: " + project.TEXT_NOT_CHECKED + "\nannotations: 1 error\n")
    assert result.stderr == problem + after


def _copy_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")

"""The benchmarks' N× book (bench/projects.py): a real book, every copy annotated, that passes every
check and builds strictly with the real MkDocs; its emendations run past e-999."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from edition.core import project
from edition.core.text import emendations

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import projects


def test_a_book_with_1518_emendations_loads_and_applies(tmp_path) -> None:
    text = (ROOT / "source/xiaomi-model-2010-2022.txt").read_text(encoding="utf-8")
    source, per_copy = projects.book_source(text, 46)
    items = yaml.safe_load((ROOT / "annotations/emendations.yml").read_text(encoding="utf-8"))["emendations"]
    book = projects.book_emendations(items, 46, per_copy)
    path = tmp_path / "emendations.yml"
    path.write_text(yaml.safe_dump({"emendations": book}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = emendations.load(path, "emendations.yml", source, "source.txt")
    assert len(loaded) == 1518 and loaded[-1].id == "e-1518"
    assert emendations.apply(source, loaded) != source


@pytest.fixture(scope="module")
def book_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 46x book's mkdocs.yml (1,518 emendations)."""
    return projects.make(tmp_path_factory.mktemp("book") / "book", 46, "full")


def test_the_46x_book_passes_every_check(book_config: Path) -> None:
    found = project.inputs(book_config)
    checked = project.check(found.paths, found.settings, conversion=True)
    assert [p.message for p in checked.errors] == [] and [p.message for p in checked.warnings] == []
    book = checked.project
    assert book is not None
    notes = sum(1 for a in book.annotations.annotations if a.kind == "note")
    assert len(book.edition.document.pages) == 46 * 6 and len(book.placements) == 46 * 33 == 1518
    assert notes % 46 == 0 and notes // 46 >= 40  # every copy's notes
    events = [a for a in book.anchors if a.annotation.kind == "event"]
    assert len({a.page.slug for a in events}) >= 46  # event targets in every copy


def test_the_46x_book_builds_strictly(book_config: Path, tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(book_config),
                            "-d", str(tmp_path / "site")], env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    for edition in ("", "zh-Hant/"):
        apparatus = (tmp_path / f"site/{edition}apparatus/index.html").read_text(encoding="utf-8")
        assert apparatus.count('id="e-') == 1518 and 'id="e-1518"' in apparatus
        assert (tmp_path / f"site/{edition}text/building-cars-46/index.html").is_file()

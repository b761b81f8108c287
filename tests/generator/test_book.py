"""The benchmarks' N× book (bench/projects.py): a real book, every copy annotated, that passes every
check; its emendations run past e-999; a small one builds strictly with the real MkDocs."""
from __future__ import annotations

import os
import subprocess
import sys

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


def test_the_46x_book_passes_every_check(tmp_path) -> None:
    config = projects.make(tmp_path / "book", 46, "full")
    found = project.inputs(config)
    checked = project.check(found.paths, found.settings, conversion=True)
    assert [p.message for p in checked.errors] == [] and [p.message for p in checked.warnings] == []
    book = checked.project
    assert book is not None
    notes = sum(1 for a in book.annotations.annotations if a.kind == "note")
    assert len(book.edition.document.pages) == 46 * 6 and len(book.placements) == 46 * 33 == 1518
    assert notes % 46 == 0 and notes // 46 >= 40  # every copy's notes
    events = [a for a in book.anchors if a.annotation.kind == "event"]
    assert len({a.page.slug for a in events}) >= 46  # event targets in every copy


def test_a_small_book_builds_strictly(tmp_path) -> None:
    config = projects.make(tmp_path / "book", 2, "full")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d",
                            str(tmp_path / "site")], env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "site/text/building-cars-2/index.html").is_file()
    assert (tmp_path / "site/zh-Hant/text/building-cars-2/index.html").is_file()

"""The benchmarks' N× book: its emendations load and apply against the repeated source, past e-999."""
from __future__ import annotations

import sys

import yaml

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

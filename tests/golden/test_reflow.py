"""Golden cases of the reflow rules, one or more per rule, on lines of the real text, read with this
edition's layout (mkdocs.yml). The generator's own cases, on texts made for them, are in tests/generator."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.core.text.reflow import Line, reflow

from ..conftest import LAYOUT
from .fixtures import cases, check

FIXTURE = Path(__file__).with_name("reflow.txt")


def render(given: str) -> str:
    lines = [Line(text, number) for number, text in enumerate(given.splitlines(), 1)]
    flow = reflow(lines, LAYOUT)
    units, artifacts = flow.units, flow.artifacts
    out = []
    for unit in units:
        kind = f"item {unit.marker}" if unit.kind == "item" else "paragraph"
        out.append(f"{kind} [{unit.first}-{unit.last}]: {unit.text}\n")
    out += [f"artifact line {a.line}: {a.message}\n" for a in artifacts]
    return "".join(out)


@pytest.mark.parametrize(("line", "title"), cases(FIXTURE), ids=[t for _, t in cases(FIXTURE)])
def test_reflow(line: int, title: str, update_golden: bool) -> None:
    check(FIXTURE, line, render, update_golden)

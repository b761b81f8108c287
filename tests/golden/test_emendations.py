"""Golden cases of each kind of emendation: applied to real source lines, then reflowed, then undone."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

import pytest

from edition.core.text import emendations
from edition.core.text.chars import without_whitespace
from edition.core.text.reflow import Line, reflow

from ..conftest import LAYOUT
from .fixtures import cases, check

FIXTURE = Path(__file__).with_name("emendations.txt")


def render(given: str) -> str:
    source, _, records = given.partition("---\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "emendations.yml")
        path.write_text("emendations:\n" + textwrap.indent(records, "  "), encoding="utf-8")
        emends = emendations.load(path, "emendations.yml", source, "source.txt")
    edited = emendations.apply(source, emends)
    lines = [Line(text, n) for n, text in enumerate(edited.splitlines(), 1)]
    flow = reflow(lines, LAYOUT)
    units, artifacts = flow.units, flow.artifacts
    out = [f"{u.kind} {u.marker}: {u.text}\n".replace("  ", " ") for u in units]
    out += [f"artifact line {a.line}: {a.message}\n" for a in artifacts]
    edition = "".join(u.marker + u.text for u in units)
    restored = emendations.restore(edition, source, emends)
    out.append("undone: " + ("gives the source" if restored == without_whitespace(source) else "DIFFERS") + "\n")
    return "".join(out)


@pytest.mark.parametrize(("line", "title"), cases(FIXTURE), ids=[t for _, t in cases(FIXTURE)])
def test_emendation(line: int, title: str, update_golden: bool) -> None:
    check(FIXTURE, line, render, update_golden)

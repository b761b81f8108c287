"""Golden cases of the reflow rules on lines made for them, each read with the layout its first
line declares (a YAML flow mapping of the `layout` settings).

In a case's lines, control pictures stand for the control characters (␌ a form feed, ␍ a carriage
return: a fixture file cannot show them), and ¶ at a line's start declares a paragraph break there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from edition.core.text import layout
from edition.core.text.reflow import Line, clean, reflow

from ..golden.fixtures import cases, check

FIXTURE = Path(__file__).with_name("reflow.txt")


def controls(text: str) -> str:
    """The control pictures U+2400–U+241F as the control characters they picture."""
    return "".join(chr(ord(c) - 0x2400) if 0x2400 <= ord(c) <= 0x241F else c for c in text)


def render(given: str) -> str:
    settings, *rows = given.splitlines()
    read = layout.from_settings(yaml.safe_load(settings), "case", 1)
    read = read if read.column is not None else read.with_column(10)
    breaks = frozenset(n for n, row in enumerate(rows, 1) if row.startswith("¶"))
    lines = [clean(Line(controls(row.removeprefix("¶")), n), read) for n, row in enumerate(rows, 1)]
    flow = reflow(lines, read, breaks)
    out = []
    for unit in flow.units:
        kind = f"item {unit.marker}" if unit.kind == "item" else "paragraph"
        out.append(f"{kind} [{unit.first}-{unit.last}]: {unit.text}\n")
    out += [f"artifact line {a.line}: {a.message}\n" for a in flow.artifacts]
    out += [f"break line {n}: made\n" for n in sorted(flow.breaks_made)]
    out += [f"break line {n}: redundant, the rules begin a paragraph there\n" for n in sorted(flow.breaks_redundant)]
    if flow.first_lines:
        out.append("first lines: " + ", ".join(layout.em(w) for w in flow.first_lines) + "\n")
    return "".join(out)


@pytest.mark.parametrize(("line", "title"), cases(FIXTURE), ids=[t for _, t in cases(FIXTURE)])
def test_reflow(line: int, title: str, update_golden: bool) -> None:
    check(FIXTURE, line, render, update_golden)

"""Does the declared layout fit the text? The lines' widths are measured, and a geometry that does
not fit is reported with the setting, what was measured and the value that would fit, instead of
paragraphs silently read wrong.

A printed page's lines are mostly full: their widths bunch at the column's width, which is what
`column: auto` takes (see Widths.column). When the column declared is wrong, half the lines run
past the widest a line may be, or the column they bunch at is narrower than a full line. When the
indent is wrong, the first lines of paragraphs (those that follow a paragraph ending in a short
line, and do not end their own) are not the width an indented full line has.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ..errors import Problem
from .chars import ends_sentence, width
from .layout import Layout, em

#: Fewer lines than this say nothing about a column; fewer first lines, nothing about an indent.
MIN_LINES = 20
MIN_FIRST_LINES = 8


@dataclass(frozen=True)
class Widths:
    """The widths of a text's lines, in em, sorted."""

    values: tuple[float, ...]

    @classmethod
    def of(cls, texts: list[str]) -> Widths:
        return cls(tuple(sorted(width(t) for t in texts if t.strip())))

    def percentile(self, p: int) -> float:
        """The width that p% of the lines do not exceed (nearest rank)."""
        return self.values[max(0, math.ceil(p / 100 * len(self.values)) - 1)]

    def column(self) -> float | None:
        """The column the lines were set in: among the whole-em widths of the wider half of the
        lines, the widest that is at least a quarter as common as the most common one (which is
        the indented first lines' width, in a text of short paragraphs; a few lines run past the
        column)."""
        if not self.values:
            return None
        median = self.percentile(50)
        counts = Counter(math.floor(w + 0.5) for w in self.values if w >= median)
        most = max(counts.values())
        return float(max(w for w, n in counts.items() if n * 4 >= most))

    def measured(self) -> str:
        return (f"widths at the 50th/90th percentile: {em(self.percentile(50))}/{em(self.percentile(90))} em, "
                f"of {len(self.values)} lines")


def column_problems(texts: list[str], layout: Layout) -> list[Problem]:
    """Problems with the declared column, measured on the text's lines (none for a column that is
    measured, or for too few lines to say)."""
    widths = Widths.of(texts)
    if layout.kind != "page" or layout.column is None or len(widths.values) < MIN_LINES:
        return []
    fits = widths.column()
    assert fits is not None  # there are lines
    if widths.percentile(50) > layout.widest:
        what = f"its lines are too long ({widths.measured()}; no line may run past {em(layout.widest)} em)"
    elif fits < layout.full_line:
        what = f"its lines are too short ({widths.measured()}; a full line is at least {em(layout.full_line)} em)"
    else:
        return []
    return [Problem(layout.file, layout.line_of("column"),
                    f"layout: a column of {em(layout.width)} em does not fit the text: {what}",
                    f"the lines look like a column of {em(fits)} em: write 'column: {em(fits)}' "
                    "(or 'column: auto' to measure it)")]


def indent_problems(first_lines: list[float], layout: Layout) -> list[Problem]:
    """Problems with the declared indent, from the widths of paragraphs' first lines (reflow.Flow):
    most of them must be indented full lines, and their most common width must be a full first
    line's (within the slack)."""
    if layout.kind != "page" or len(first_lines) < MIN_FIRST_LINES:
        return []
    indented = [w for w in first_lines if layout.full_first <= w < layout.full_line]
    counts = Counter(math.floor(w + 0.5) for w in first_lines)
    common = max(counts, key=lambda w: (counts[w], w))
    expected = layout.width - layout.indent
    if (not layout.indent or len(indented) * 2 >= len(first_lines)) and abs(common - expected) <= layout.slack:
        return []
    fits = max(0.0, layout.width - common)
    band = f"{em(layout.full_first)}–{em(layout.full_line)} em" if layout.indent else "none can be, with no indent"
    hint = (f"the first lines look indented {em(fits)} em: write 'indent: {em(fits)}'" if fits >= 1
            else "the first lines look not indented: write 'indent: 0'")
    return [Problem(layout.file, layout.line_of("indent"),
                    f"layout: an indent of {em(layout.indent)} em does not fit the text: of the {len(first_lines)} "
                    f"lines that begin a paragraph after one ending in a short line, {len(indented)} are an indented "
                    f"full line ({band}), and most are {em(common)} em wide (a full first line indented "
                    f"{em(layout.indent)} em is {em(expected)} em)",
                    hint)]


def kind_problems(texts: list[str], layout: Layout) -> list[Problem]:
    """A text declared one paragraph per line whose lines look like a printed page's: most of them
    the same width, and most of those ending mid-sentence."""
    lines = [t for t in texts if t.strip()]
    if layout.kind != "paragraphs" or len(lines) < MIN_LINES:
        return []
    counts = Counter(math.floor(width(t) + 0.5) for t in lines)
    common = max(counts, key=lambda w: (counts[w], w))
    same = [t for t in lines if math.floor(width(t) + 0.5) == common]
    running_on = [t for t in same if not ends_sentence(t)]
    if len(same) * 3 < len(lines) or len(running_on) * 2 <= len(same):
        return []
    return [Problem(layout.file, layout.line_of("kind"),
                    "layout: the text does not look like one paragraph per line: "
                    f"{len(same)} of its {len(lines)} lines are {common} em wide, and {len(running_on)} of "
                    "those end mid-sentence, as a printed page's lines do",
                    f"write 'kind: page' and 'column: {common}'")]

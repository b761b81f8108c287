"""Layout fixes: what an editor declares about the source's layout where the reflow rules cannot
read it. They change no text, so they are not emendations: no mark in the text, no entry among
the emendations (the apparatus lists them apart), and the fidelity check never sees them.

Two kinds, recorded in one file (annotations/layout.yml, optional):

- `break`: a paragraph begins on this source line, where the rules would join it to the line
  before (a one-line paragraph after a full line that ends a sentence: the page shows its indent,
  the extraction does not). `source` is the text the new paragraph begins with.
- `whitespace`: the source's whitespace, changed: a page break or a stray blank line the rules
  cannot read, a line break inside a paragraph of a plain text. `source` is the exact source
  text (line breaks written as \\n, form feeds as \\f), `reading` the same text with the
  whitespace the edition reads; every other character must stay as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from .. import yamlfile
from ..errors import EditionError, Problem, quote
from .chars import without_whitespace
from .emendations import line_starts, locate

#: Kinds of layout fix, with the term the apparatus lists each under.
KINDS: dict[str, str] = {
    "break": "另起一段",  # a paragraph begins here
    "whitespace": "空白",  # whitespace only
}

FIELDS = (
    yamlfile.Field("kind", str, choices=tuple(KINDS),
                   doc="break (a paragraph begins on this line) or whitespace (whitespace only changes)"),
    yamlfile.Field("line", int, doc="the source line it is on"),
    yamlfile.Field("source", str, doc="break: the text the paragraph begins with; whitespace: the exact source "
                   "text, line breaks written as \\n, form feeds as \\f"),
    yamlfile.Field("reading", str, required=False,
                   doc="whitespace only: the same text with the whitespace the edition reads"),
    yamlfile.Field("reason", str, doc="why, in the edition's language: the apparatus prints it"),
)


@dataclass(frozen=True)
class Break:
    """A declared paragraph break: a paragraph begins on source line `line`."""

    line: int
    source: str
    reason: str
    file: str
    file_line: int
    kind: str = "break"

    @property
    def label(self) -> str:
        return KINDS[self.kind]


@dataclass(frozen=True)
class WhitespaceFix:
    """A whitespace-only change of the source: `reading` instead of `source` at `start`–`end`."""

    line: int
    source: str
    reading: str
    reason: str
    start: int
    end: int
    file: str
    file_line: int
    kind: str = "whitespace"

    @property
    def label(self) -> str:
        return KINDS[self.kind]


@dataclass(frozen=True)
class LayoutFixes:
    """Every layout fix of an edition, each kind sorted by its place in the source."""

    breaks: tuple[Break, ...] = ()
    whitespace: tuple[WhitespaceFix, ...] = ()

    @property
    def lines(self) -> frozenset[int]:
        """The source lines where a paragraph is declared to begin."""
        return frozenset(b.line for b in self.breaks)

    def __len__(self) -> int:
        return len(self.breaks) + len(self.whitespace)


def load(path: Path, display: str, source: str, source_display: str, schema: str = "") -> LayoutFixes:
    """Read and check the layout fixes against the source text. No file: no fixes. Raises
    EditionError with every problem. `schema`: the path of its JSON Schema from the file."""
    if not path.is_file():
        return LayoutFixes()
    entries = yamlfile.entries(path, display, "fixes", schema)
    items, problems = entries.items, list(entries.problems)
    starts = line_starts(source)
    breaks: dict[int, Break] = {}
    fixes: list[WhitespaceFix] = []
    for number, (item, item_line) in enumerate(zip(items, items.item_lines, strict=True), 1):
        what = f"layout fix {number}"
        values, record_problems = yamlfile.read_record(item, FIELDS, display, item_line, what)
        problems += record_problems
        if record_problems:
            continue
        key_lines = item.key_lines
        if values["kind"] == "break":
            found = _break(values, key_lines, display, source, starts, source_display, what, item_line)
            if isinstance(found, Problem):
                problems.append(found)
            elif found.line in breaks:
                problems.append(Problem(display, key_lines["line"],
                                        f"{what}: a break on line {found.line} is declared twice "
                                        f"(first on line {breaks[found.line].file_line})", "keep one of the two"))
            else:
                breaks[found.line] = found
        else:
            fix = _whitespace(values, key_lines, display, source, starts, source_display, what, item_line)
            if isinstance(fix, Problem):
                problems.append(fix)
            else:
                fixes.append(fix)
    fixes.sort(key=lambda f: f.start)
    for before, after in pairwise(fixes):
        if after.start < before.end:
            problems.append(Problem(display, after.file_line,
                                    f"the whitespace fix on line {after.line} overlaps the one on line {before.line} "
                                    f"({display}:{before.file_line})", "merge the two into one fix"))
    if problems:
        raise EditionError(problems)
    return LayoutFixes(tuple(sorted(breaks.values(), key=lambda b: b.line)), tuple(fixes))


def _break(values: dict[str, Any], key_lines: dict[str, int], display: str, source: str, starts: list[int],
           source_display: str, what: str, item_line: int) -> Break | Problem:
    line, wanted = values["line"], values["source"]
    if "reading" in values:
        return Problem(display, key_lines["reading"], f"{what}: a break has no 'reading'",
                       "remove it: a break changes no text (to change whitespace, write 'kind: whitespace')")
    if not 1 <= line <= len(starts):
        return Problem(display, key_lines["line"], f"{what}: line {line} is outside {source_display} (1–{len(starts)})",
                       "give the source line where the new paragraph begins")
    printed = _line(source, starts, line).strip()
    if printed.startswith(wanted.strip()):
        return Break(line, wanted, values["reason"], display, item_line)
    elsewhere = [n for n in range(1, len(starts) + 1) if _line(source, starts, n).strip().startswith(wanted.strip())]
    hint = (f"that text begins line {elsewhere[0]}: write 'line: {elsewhere[0]}'" if elsewhere
            else f"line {line} begins {quote(printed, 20)}; copy the first characters of the new paragraph exactly")
    return Problem(display, key_lines["source"], f"{what}: line {line} of {source_display} does not begin with "
                   f"{quote(wanted)}", hint)


def _line(source: str, starts: list[int], line: int) -> str:
    end = starts[line] - 1 if line < len(starts) else len(source)
    return source[starts[line - 1]:end]


def _whitespace(values: dict[str, Any], key_lines: dict[str, int], display: str, source: str, starts: list[int],
                source_display: str, what: str, item_line: int) -> WhitespaceFix | Problem:
    if "reading" not in values:
        return Problem(display, item_line, f"{what}: missing field 'reading'",
                       "add 'reading: …', the source text with the whitespace the edition reads")
    text, reading = values["source"], values["reading"]
    if without_whitespace(text) != without_whitespace(reading):
        return Problem(display, key_lines["reading"],
                       f"{what}: a whitespace fix changes only whitespace, but {quote(reading)} differs from "
                       f"{quote(text)} in its text", "a change of the text is an emendation: record it in the "
                       "emendations file, with its reason")
    if text == reading:
        return Problem(display, key_lines["reading"], f"{what}: 'reading' is the same as 'source'",
                       "write the whitespace the edition reads, or remove the fix")
    located = locate(values, key_lines, display, source, starts, source_display)
    if isinstance(located, Problem):
        return Problem(located.file, located.line, f"{what}: {located.message}", located.hint)
    return WhitespaceFix(values["line"], text, reading, values["reason"], located, located + len(text), display,
                         item_line)

"""Emendations: recorded, reversible corrections of the source text's extraction artifacts.

Each emendation names a span of the source by its first line and exact text (line breaks as
"\\n"), and gives the edition's reading of that span. Applying all of them to the source gives the
text the reflow rules work on; undoing them on the edition gives the source back (the fidelity
check), because every other change the edition makes is whitespace.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from .. import yamlfile
from ..errors import EditionError, Problem, quote
from .chars import occurrences, without_whitespace

#: Kinds of emendation, with the collation term the apparatus prints for each.
KINDS: dict[str, str] = {
    "join": "接排",  # a line break the extractor made is not a break: text unchanged
    "reorder": "乙正",  # fragments the extractor put in the wrong order
    "insert": "补",  # a character the source lacks
    "delete": "删",  # a character the source has in excess
}

FIELDS = (
    yamlfile.Field("id", str, pattern=r"e-[0-9]{3,}", doc="a stable id like e-012 (three digits or more: e-1234)"),
    yamlfile.Field("kind", str, choices=tuple(KINDS), doc="one of " + ", ".join(KINDS)),
    yamlfile.Field("line", int, doc="the source line where 'source' begins"),
    yamlfile.Field("source", str, doc="the exact source text, line breaks written as \\n"),
    yamlfile.Field("reading", str, doc="what the edition reads instead"),
    yamlfile.Field("reason", str, doc="why, in Chinese, for readers"),
)


@dataclass(frozen=True)
class Emendation:
    """One correction, located in the source text."""

    id: str
    kind: str
    line: int
    source: str
    reading: str
    reason: str
    #: Offsets of `source` in the source text.
    start: int
    end: int
    #: Where it is declared, for messages.
    file: str
    file_line: int

    @property
    def label(self) -> str:
        """The collation term for this kind (接排, 乙正, 补, 删)."""
        return KINDS[self.kind]

    @property
    def delta(self) -> int:
        """Change in length of the whitespace-free text."""
        return len(without_whitespace(self.reading)) - len(without_whitespace(self.source))


def load(path: Path, display: str, source: str, source_display: str) -> tuple[Emendation, ...]:
    """Read and check the emendations file against the source text; sorted by position. Raises
    EditionError with every problem."""
    found, problems = read(path, display, source, source_display)
    if problems:
        raise EditionError(problems)
    return found


def read(path: Path, display: str, source: str | None, source_display: str,
         schema: str = "") -> tuple[tuple[Emendation, ...], list[Problem]]:
    """Read and check the emendations file: those that are good, placed in the source text and
    sorted by position, and every problem. Without a source text (it could not be read) the
    entries are checked but none is placed. `schema`: the path of the file's JSON Schema from it."""
    entries = yamlfile.entries(path, display, "emendations", schema)
    items, problems = entries.items, list(entries.problems)
    found: list[Emendation] = []
    seen: dict[str, int] = {}
    starts = line_starts(source or "")
    for item, item_line in zip(items, items.item_lines, strict=True):
        what = f"emendation {quote(item.get('id', '?'))}" if isinstance(item, dict) else "emendation"
        values, record_problems = yamlfile.read_record(item, FIELDS, display, item_line, what)
        problems += record_problems
        if record_problems:
            continue
        key_lines = item.key_lines
        if values["id"] in seen:
            problems.append(Problem(display, key_lines["id"],
                                    f"duplicate id {quote(values['id'])} (first on line {seen[values['id']]})",
                                    "give each emendation its own id"))
            continue
        seen[values["id"]] = key_lines["id"]
        if source is None:
            continue
        located = locate(values, key_lines, display, source, starts, source_display)
        if isinstance(located, Problem):
            problems.append(located)
            continue
        kind_problem = _check_kind(values, display, key_lines["kind"], what)
        if kind_problem:
            problems.append(kind_problem)
            continue
        found.append(Emendation(**values, start=located, end=located + len(values["source"]),
                                file=display, file_line=item_line))
    found.sort(key=lambda e: e.start)
    for before, after in pairwise(found):
        if after.start < before.end:
            problems.append(Problem(display, after.file_line,
                                    f"emendation {quote(after.id)} overlaps {quote(before.id)}",
                                    "merge the two into one emendation, or shorten one of them"))
    return tuple(found), problems


def line_starts(text: str) -> list[int]:
    """The offset of each line's first character."""
    return [0, *(at + 1 for at in occurrences(text, "\n"))]


def locate(values: dict[str, Any], key_lines: dict[str, int], display: str, source: str,
           line_starts: list[int], source_display: str) -> int | Problem:
    """Where a record's 'source' begins on its 'line' of the source text, or the problem."""
    line, wanted = values["line"], values["source"]
    if not 1 <= line <= len(line_starts):
        return Problem(display, key_lines["line"],
                       f"line {line} is outside {source_display} (1–{len(line_starts)})",
                       "give the source line where the text begins")
    begin = line_starts[line - 1]
    stop = line_starts[line] if line < len(line_starts) else len(source)
    at = source.find(wanted, begin)
    if at == -1 or at >= stop:
        elsewhere = source.find(wanted)
        if elsewhere != -1:
            actual = source.count("\n", 0, elsewhere) + 1
            hint = f"that text begins on line {actual}: write 'line: {actual}'"
        else:
            hint = (f"line {line} reads {quote(source[begin:stop].rstrip(chr(10)))}; copy the text "
                    "exactly, writing each line break as \\n")
        return Problem(display, key_lines["source"],
                       f"source text {quote(wanted)} not found on line {line} of {source_display}", hint)
    return at


def _check_kind(values: dict[str, Any], display: str, line: int, what: str) -> Problem | None:
    kind = values["kind"]
    source = without_whitespace(values["source"])
    reading = without_whitespace(values["reading"])
    wrong = None
    if kind == "join" and (source != reading or "\n" not in values["source"]):
        wrong = "a join only removes line breaks, but the text differs"
    elif kind == "reorder" and (source == reading or Counter(source) != Counter(reading)):
        wrong = "a reorder must use exactly the same characters in another order"
    elif kind == "insert" and len(reading) <= len(source):
        wrong = "an insert must add characters"
    elif kind == "delete" and len(reading) >= len(source):
        wrong = "a delete must remove characters"
    if wrong:
        return Problem(display, line, f"{what}: kind {quote(kind)} does not fit: {wrong}",
                       "check 'source' and 'reading', or choose another kind")
    return None


def apply(source: str, emendations: tuple[Emendation, ...]) -> str:
    """The source text with every emendation's reading in place of its source span."""
    parts: list[str] = []
    at = 0
    for e in emendations:
        parts += [source[at:e.start], e.reading]
        at = e.end
    parts.append(source[at:])
    return "".join(parts)


def edition_spans(source: str, emendations: tuple[Emendation, ...]) -> dict[str, tuple[int, int]]:
    """Where each reading lies in the edition's whitespace-free text: id -> (start, end)."""
    spans: dict[str, tuple[int, int]] = {}
    shift = 0
    counted, at = 0, 0  # non-whitespace characters in source[:at]
    for e in emendations:
        if e.start >= at:
            counted += len(without_whitespace(source[at:e.start]))
        else:  # not in source order: count from the start
            counted = len(without_whitespace(source[:e.start]))
        at = e.start
        start = counted + shift
        spans[e.id] = (start, start + len(without_whitespace(e.reading)))
        shift += e.delta
    return spans


def restore(edition_text: str, source: str, emendations: tuple[Emendation, ...]) -> str:
    """Undo every emendation on the edition's text; returns the whitespace-free source it implies.

    Raises ValueError when a reading is not where the emendation says it is.
    """
    text = without_whitespace(edition_text)
    spans = edition_spans(source, emendations)
    for e in reversed(emendations):
        start, end = spans[e.id]
        if text[start:end] != without_whitespace(e.reading):
            raise ValueError(f"{e.id}: expected {quote(e.reading)} at {start}, found {quote(text[start:end])}")
        text = text[:start] + without_whitespace(e.source) + text[end:]
    return text

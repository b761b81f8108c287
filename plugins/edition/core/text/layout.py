"""The layout of the source: how its text was set, so that the reflow rules can read it.

An extraction keeps the printed lines and loses the rest: reflow.py finds the paragraphs of a
printed page from the widths of its lines, and must be told what a full line is. Nothing here
knows one book: an edition declares its layout once, in its settings (mkdocs.yml, plugin
`edition`, key `layout`), and `from_settings` checks that mapping into a Layout.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, replace
from typing import Any

from ..errors import EditionError, Problem, quote

#: Kinds of source, with what each is.
KINDS: dict[str, str] = {
    "page": "a printed page extracted line by line: paragraphs are read from the lines' widths",
    "paragraphs": "a plain text with one paragraph per line",
}

#: The settings of a layout, with what each is (for messages and the documentation).
SETTINGS: dict[str, str] = {
    "kind": "the kind of source: " + "; ".join(f"{k}: {v}" for k, v in KINDS.items()),
    "column": "the width of the printed column in em (the font size), or auto to measure it from the text",
    "indent": "the first-line indent of a paragraph in em; 0 if paragraphs are not indented",
    "slack": "how far short of the column (in em) a full line may fall: half-width digits and "
             "letters, a character pushed to the next line because punctuation may not begin one",
    "overflow": "how far past the column (in em) a line may run: punctuation set narrower than a "
                "full em, as Chromium does, makes a full line count more than the column",
    "fragment_starts": "characters before which the extractor split one printed line into two "
                       "(empty if it never did)",
}
#: The settings that describe a printed page, and mean nothing for another kind.
GEOMETRY = ("column", "indent", "slack", "overflow", "fragment_starts")
#: Hints for a number that is not one: what to write, and an example.
_NUMBER_HINTS = {"column": "the column's width in em, like 'column: 28', or 'column: auto'",
                 "indent": "the first-line indent in em, like 'indent: 2', or 'indent: 0'",
                 "slack": "how far short of the column a full line may fall, in em, like 'slack: 1'",
                 "overflow": "how far past the column a line may run, in em, like 'overflow: 1'"}


@dataclass(frozen=True)
class Layout:
    """How the source was laid out. The defaults are generic: a printed page whose column is
    measured from the text, Chinese typesetting's 2 em indent, one em of slack either way."""

    kind: str = "page"
    #: The column's width in em; None until measured (`column: auto`).
    column: float | None = None
    indent: float = 2.0
    slack: float = 1.0
    overflow: float = 1.0
    fragment_starts: frozenset[str] = frozenset()
    #: Where it was declared, for messages: the settings file, and the line of the mapping ("")
    #: and of each key.
    file: str = "mkdocs.yml"
    lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, key: str = "") -> int:
        """The line where `key` is declared, else the line of the layout mapping, else 1."""
        lines = dict(self.lines)
        return lines.get(key) or lines.get("") or 1

    @property
    def width(self) -> float:
        """The column's width in em (measured, if it was declared auto)."""
        assert self.column is not None, "measure the column first (ingest does)"
        return self.column

    @property
    def full_line(self) -> float:
        """The narrowest line that may be a full line."""
        return self.width - self.slack

    @property
    def full_first(self) -> float:
        """The narrowest line that may be a paragraph's full first line (indented)."""
        return self.width - self.indent - self.slack

    @property
    def widest(self) -> float:
        """The widest a printed line may run."""
        return self.width + self.overflow

    def with_column(self, column: float) -> Layout:
        return replace(self, column=column)


def em(value: float) -> str:
    """A width for messages: 30, 30.5."""
    return f"{value:g}"


def from_settings(value: Any, file: str, line: int) -> Layout:
    """Check a `layout` settings mapping (from YAML: a yamlfile.LocatedMap gives each key's line,
    a plain dict puts every problem at `line`) into a Layout. Raises EditionError listing every
    problem, each at its key's line, with the offending value and a fix."""
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise EditionError(Problem(file, line, f"layout must be a mapping of settings, got {quote(value)}",
                                   "write 'layout:' followed by indented 'setting: value' lines; settings: "
                                   + ", ".join(SETTINGS)))
    key_lines: dict[str, int] = dict(getattr(value, "key_lines", {}))

    def at(key: str) -> int:
        return key_lines.get(key, line)

    problems: list[Problem] = []
    for key in value:
        if key not in SETTINGS:
            close = difflib.get_close_matches(str(key), SETTINGS, n=1)
            hint = (f"did you mean {quote(close[0])}? " if close else "") + "settings: " + ", ".join(SETTINGS)
            problems.append(Problem(file, at(key), f"layout: unknown setting {quote(key)}", hint))
    kind = value.get("kind", "page")
    if not isinstance(kind, str) or kind not in KINDS:
        problems.append(Problem(file, at("kind"), f"layout: kind {quote(kind)} is not a kind of source",
                                "use one of: " + "; ".join(f"{k} ({v})" for k, v in KINDS.items())))
        kind = "page"
    if kind != "page":
        problems += [Problem(file, at(key), f"layout: {quote(key)} means nothing for kind {quote(kind)}",
                             "remove it, or write 'kind: page' if the text is a printed page's lines")
                     for key in GEOMETRY if key in value]
    numbers: dict[str, float | None] = {}
    for key in ("column", "indent", "slack", "overflow"):
        if key not in value:
            continue
        number = value[key]
        if key == "column" and number == "auto":
            numbers[key] = None
        elif isinstance(number, bool) or not isinstance(number, int | float) or not math.isfinite(number) \
                or number < 0 or (key == "column" and number == 0):
            what = "a positive number of em, or auto" if key == "column" else "a number of em (0 or more)"
            problems.append(Problem(file, at(key), f"layout: {key} must be {what}, got {quote(number)}",
                                    f"write {_NUMBER_HINTS[key]}"))
        else:
            numbers[key] = float(number)
    starts = value.get("fragment_starts", "")
    if not isinstance(starts, str) or any(c.isspace() for c in starts):
        problems.append(Problem(file, at("fragment_starts"),
                                f"layout: fragment_starts must be text, the characters themselves, got {quote(starts)}",
                                'write the characters in double quotes, with nothing between them, like '
                                'fragment_starts: "“"'))
        starts = ""
    if problems:
        raise EditionError(problems)
    defaults = Layout()
    layout = Layout(kind=kind, column=numbers.get("column"),
                    indent=_pick(numbers, "indent", defaults.indent), slack=_pick(numbers, "slack", defaults.slack),
                    overflow=_pick(numbers, "overflow", defaults.overflow), fragment_starts=frozenset(starts),
                    file=file, lines=(("", line), *sorted(key_lines.items())))
    if layout.column is not None and layout.column - layout.indent - layout.slack <= 0:
        raise EditionError(Problem(file, at("column"),
                                   f"layout: a column of {em(layout.column)} em leaves no room for a first line "
                                   f"(indent {em(layout.indent)} em, slack {em(layout.slack)} em)",
                                   "the column must be wider than indent and slack together"))
    return layout


def _pick(numbers: dict[str, float | None], key: str, default: float) -> float:
    found = numbers.get(key)
    return default if found is None else found

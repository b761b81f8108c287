"""YAML syntax errors in plain words: the line that is wrong, and how to fix it.

PyYAML reports where parsing stopped, in the parser's words ("expected <block end>, but found
'<block mapping start>'"), sometimes on the line after the mistake. The mistakes of people new to
YAML are recognised here from the lines themselves — a line indented unlike the lines it belongs
with, a tab, a quoted value left open, the text of `body: |` not indented under it, ': ' inside a
plain value — and reported on the line that has them, with the indentation expected. Anything
else keeps PyYAML's words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from .errors import Problem, quote

_GENERIC_HINT = "check the indentation and quoting on this line or the one above it"
_TAB_HINT = "replace the tab with spaces (YAML indents with spaces only)"
#: A key at the start of what follows the '- ' of items: plain (not starting with an indicator), or quoted.
_KEY = re.compile(r"""(?:"[^"]*"|'[^']*'|[^\s#'"\[\]{}|>!&*%@`,?:-][^#]*?|-\S[^#]*?)\s*:(?=\s|$)""")
#: A block scalar's indicator, alone after its key: | or > with chomping and indentation indicators.
_BLOCK_SCALAR = re.compile(r"[|>][0-9+-]{0,2}\s*(#.*)?")


@dataclass(frozen=True)
class _Entry:
    """A list item ('- ') or a key that starts at a column of a line."""

    column: int
    kind: str  # "item" or "key"
    line: int  # 0-based
    text: str  # the line from this entry on, for messages


@dataclass(frozen=True)
class _Line:
    entries: tuple[_Entry, ...]
    #: The value that follows the line's last key ("" when none).
    value: str

    @property
    def opens(self) -> bool:
        """Whether the lines below are its value (a key with nothing after it, or a bare '-')."""
        return not self.value or self.value.startswith("#")

    @property
    def block_scalar(self) -> bool:
        return bool(self.entries) and self.entries[-1].kind == "key" and bool(_BLOCK_SCALAR.fullmatch(self.value))


def problem(err: yaml.MarkedYAMLError, display: str, lines: Sequence[str]) -> Problem:
    """The problem to report for PyYAML's error `err` in a file of these lines."""
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    what = err.problem or err.context or "the file cannot be read"
    context = err.context or ""
    if "tab" in what or "'\\t'" in what:
        text = lines[line - 1] if line <= len(lines) else ""
        leading = text[:len(text) - len(text.lstrip(" \t"))]
        return Problem(display, line, "the line is indented with a tab" if "\t" in leading else
                       "the line has a tab where YAML expects a space", _TAB_HINT)
    if "quoted scalar" in context and err.context_mark:
        start = err.context_mark.line + 1
        return Problem(display, start, "the quoted value that starts on this line is not closed",
                       "end it with the quote mark it starts with; inside \"…\" write a \" as \\\", inside '…' "
                       "write a ' as ''")
    candidates = [line]
    if err.context_mark and "simple key" in context:
        candidates.insert(0, err.context_mark.line + 1)
    found = _indentation(lines, [c - 1 for c in candidates])
    if found:
        return Problem(display, found[0] + 1, found[1], found[2])
    if what == "mapping values are not allowed here" and line <= len(lines):
        parsed = _parse(lines[line - 1], line - 1)
        if parsed.entries and parsed.entries[-1].kind == "key" and ": " in parsed.value:
            key = parsed.entries[-1].text.split(":", 1)[0]
            return Problem(display, line, "the value contains ': ', which YAML reads as the start of another field",
                           f'put the value in double quotes: {key}: "…"')
    return Problem(display, line, f"YAML syntax error: {what}", _GENERIC_HINT)


def _parse(raw: str, index: int) -> _Line:
    """The items and the key a line starts with, and the value after them."""
    column = len(raw) - len(raw.lstrip(" "))
    rest = raw[column:]
    entries: list[_Entry] = []
    while rest == "-" or rest.startswith("- "):
        entries.append(_Entry(column, "item", index, rest))
        after = rest[1:]
        column += 1 + len(after) - len(after.lstrip(" "))
        rest = after.lstrip(" ")
    key = _KEY.match(rest)
    if key:
        entries.append(_Entry(column, "key", index, rest))
        return _Line(tuple(entries), rest[key.end():].strip())
    return _Line(tuple(entries), rest.strip())


def _brackets(text: str) -> int:
    """How many flow brackets ([ and {) the line leaves open (quoted text aside)."""
    bare = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', "", text.split(" #", 1)[0])
    return bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")


def _indentation(lines: Sequence[str], candidates: list[int]) -> tuple[int, str, str] | None:
    """(line, message, hint) when one of the candidate lines (0-based) is indented unlike the
    lines it belongs with, or is the text of a block scalar not indented under its key."""
    stack: list[_Entry] = []  # the entries the next line may line up with, outermost first
    opened: _Line | None = None  # the previous line, when the lines below are its value
    block: _Entry | None = None  # the key of the block scalar being read, if any
    block_lines = 0
    depth = 0
    last = max(candidates)
    previous: _Line | None = None  # the last line with an item or a key
    for index, raw in enumerate(lines[:last + 1]):
        stripped = raw.strip()
        if depth > 0:  # inside a flow collection written over several lines
            depth += _brackets(raw)
            continue
        if not stripped:
            continue
        column = len(raw) - len(raw.lstrip(" "))
        if block is not None:
            if column > block.column:
                block_lines += 1
                continue
            if not block_lines and index in candidates and not stripped.startswith("#") \
                    and not _parse(raw, index).entries:
                key = block.text.split(":", 1)[0]
                return (index, f"the text of {quote(block.text.strip())} is not indented under it",
                        f"indent each line of the text by {_spaces(block.column + 2)}, more than '{key}:'")
            block = None
        if stripped.startswith("#"):
            continue
        line = _parse(raw, index)
        if not line.entries:
            continue  # a plain value continued from the line above
        if index in candidates:
            found = _misplaced(line, previous, opened, stack)
            if found:
                return (index, *found)
        first = line.entries[0]
        while stack and (stack[-1].column > first.column or (
                stack[-1].column == first.column and (stack[-1].kind == first.kind or stack[-1].kind == "item"))):
            stack.pop()
        stack.extend(line.entries)
        opened = line if line.opens else None
        previous = line
        if line.block_scalar:
            block, block_lines = line.entries[-1], 0
        depth = max(0, _brackets(line.value))
    return None


def _misplaced(line: _Line, previous: _Line | None, opened: _Line | None,
               stack: list[_Entry]) -> tuple[str, str] | None:
    """(message, hint) when the line's first entry does not line up with what it can belong to."""
    first = line.entries[0]
    if opened is not None and first.column > opened.entries[-1].column:
        return None  # the first line of the value of the line above: any deeper indentation
    if opened is not None and first.kind == "item" and first.column == opened.entries[-1].column \
            and opened.entries[-1].kind == "key":
        return None  # a list under a key, its '- ' in the key's column
    if any(e.column == first.column and e.kind == first.kind for e in stack):
        return None
    if previous is not None and first.kind == "item" and first.column > previous.entries[-1].column \
            and not previous.block_scalar:
        above = previous.entries[-1]
        key = above.text.split(":", 1)[0] if above.kind == "key" else ""
        if key:
            return (f"this line is indented under {quote(above.text.strip())} on line {above.line + 1}, which "
                    "already has a value",
                    f"if the list belongs to '{key}', delete the value after '{key}:' ({quote(previous.value)}); "
                    "if not, line it up with the items it belongs with")
    same = [e for e in stack if e.kind == first.kind] or stack
    if not same:
        return None
    near = min(same, key=lambda e: (abs(e.column - first.column), -e.column))
    what = "items of one list" if first.kind == "item" else "fields of one entry"
    return (f"this line is indented by {_spaces(first.column)}, but {quote(near.text.strip())} on line "
            f"{near.line + 1} by {near.column}", f"indent it by {_spaces(near.column)}: the {what} line up")


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"

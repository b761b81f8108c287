"""Reflow: the extracted lines of one run of body text become paragraphs and list items.

What a line is depends on the source's declared layout (layout.py). In a plain text (kind
`paragraphs`) each line is a paragraph. On a printed page (kind `page`) each printed line became
one extracted line, or more: the extractor may have split a printed line before certain
characters (the layout's `fragment_starts`). A full line is at least `column − slack` em wide, a
paragraph's indented first line at least `column − indent − slack`; no line runs past
`column + overflow`. The rules, applied in order:

1. Fragments. A line shorter than a full printed line, followed by short lines that start with a
   fragment start, is one printed line with them if together they make exactly a full printed
   line (a full first line, for a first line). A line that is full by itself is never a fragment.
2. Lists. A printed line starting "1." begins a numbered list; "2.", "3." … continue it in order.
   A line starting "• " is a bullet item. An item runs until the next item or its paragraph end.
3. Paragraph ends. A printed line ends its paragraph when it ends a sentence (。？！；：… possibly
   followed by a closing quote or bracket) and either it is short (not full), or it is full and
   the next printed line is indented (a full first line, narrower than a full line). A full line
   ending a sentence followed by a short line is read as one paragraph: the page gives no sign
   of a break. An editor declares such a break (layout_fixes.py); a declared break also ends
   the paragraph before it.
4. Joining. The lines of a paragraph are joined with nothing between them: the text is Chinese,
   and a line break in it is never a space.

What an extraction adds to the lines is no text: a form feed (pdftotext's page break), a carriage
return and the other layout whitespace are dropped from every line (`clean`), and blank lines
(pdftotext ends each page with one) are skipped, so that neither a page break nor a blank line
ever ends a paragraph or hides the next line's indent.

Extraction artifacts that are more than a line break (punctuation stranded on a line of its own or
at a line start, fragments in the wrong order, unbalanced quotes) are not guessed here: they are
emendations (emendations.py), applied before reflow. Reflow reports any it still meets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chars import NO_LINE_START, ends_sentence, is_punctuation_only, width, without_layout_space
from .layout import Layout

_ORDERED = re.compile(r"(\d{1,2})\.(?=\D)")
_BULLET = "• "


@dataclass(frozen=True)
class Line:
    """One extracted line (after emendations), with the source line it comes from."""

    text: str
    number: int


@dataclass(frozen=True)
class Unit:
    """A paragraph or list item found by reflow, before it gets an id."""

    kind: str  # "paragraph" or "item"
    text: str
    first: int
    last: int
    marker: str = ""
    list_number: int = 0


@dataclass(frozen=True)
class Artifact:
    """Something reflow cannot place: an extraction artifact that wants an emendation."""

    line: int
    message: str


@dataclass(frozen=True)
class Flow:
    """What reflow found in one run of lines."""

    units: list[Unit]
    artifacts: list[Artifact]
    #: Source lines of the declared breaks it made, and of those the rules made anyway.
    breaks_made: set[int] = field(default_factory=set)
    breaks_redundant: set[int] = field(default_factory=set)
    #: The widths of paragraphs' first printed lines that follow a paragraph ending in a short
    #: line and are not their paragraph's last: on a printed page each is a full first line.
    first_lines: list[float] = field(default_factory=list)


def clean(line: Line, layout: Layout) -> Line:
    """The line as it prints: without layout whitespace (a form feed, a carriage return …); in a
    plain text, without the spaces around it too (a paragraph's indent)."""
    text = without_layout_space(line.text)
    return Line(text.strip() if layout.kind == "paragraphs" else text, line.number)


def _full(text: str, first: bool, layout: Layout) -> bool:
    return width(text) >= (layout.full_first if first else layout.full_line)


def _printed(lines: list[Line], i: int, first: bool, layout: Layout, breaks: frozenset[int]) -> tuple[str, int]:
    """Rebuild the printed line starting at lines[i] (rule 1). Returns its text and the next index."""
    text = lines[i].text
    if layout.kind != "page" or not layout.fragment_starts or _full(text, first, layout):
        return text, i + 1
    joined = text
    for k in range(i + 1, len(lines)):
        nxt = lines[k].text
        if (lines[k].number in breaks or nxt[0] not in layout.fragment_starts or width(nxt) >= layout.full_first
                or width(joined + nxt) > layout.widest):
            break
        joined += nxt
        if _full(joined, first, layout):
            return joined, k + 1
    return text, i + 1


def _marker(text: str, expected: int) -> tuple[str, int] | None:
    """The list marker a printed line starts with, if it continues or starts a list (rule 2)."""
    if text.startswith(_BULLET):
        return "•", 0
    match = _ORDERED.match(text)
    if match and (int(match.group(1)) == expected or (expected == 0 and match.group(1) == "1")):
        return match.group(0), int(match.group(1))
    return None


def reflow(lines: list[Line], layout: Layout, breaks: frozenset[int] = frozenset()) -> Flow:
    """Paragraphs and list items of one run of body lines (between two headings). `breaks`: source
    lines where a paragraph is declared to begin."""
    lines = [line for line in lines if line.text.strip()]
    flow = Flow([], [])
    units, artifacts = flow.units, flow.artifacts
    i = 0
    parts: list[str] = []
    start = 0
    last = 0
    marker = ""
    list_number = 0
    next_item = 0  # the number the next ordered item must have, 0 outside an ordered list
    in_bullets = False
    first = True
    ended_short = True  # did the paragraph before end in a short line (or is there none)?

    def close(last: int) -> None:
        nonlocal parts, marker
        text = "".join(parts)
        if marker:
            units.append(Unit("item", text, start, last, marker, list_number))
        else:
            units.append(Unit("paragraph", text, start, last))
        if not marker and (is_punctuation_only(text) or (len(text) == 1 and text in layout.fragment_starts)):
            artifacts.append(Artifact(start, f"a paragraph of its own: {text!r}"))
        parts, marker = [], ""

    while i < len(lines):
        line = lines[i]
        if line.number in breaks:
            if first:
                flow.breaks_redundant.add(line.number)
            else:
                flow.breaks_made.add(line.number)
                close(last)
                first, ended_short = True, False
        opening = first
        if first:
            found = _marker(line.text, next_item)
            if found:
                marker, number = found
                if marker == "•":
                    if not in_bullets:
                        list_number += 1
                    in_bullets, next_item = True, 0
                else:
                    if number == 1:
                        list_number += 1
                    next_item, in_bullets = number + 1, False
            else:
                next_item, in_bullets = 0, False
            start = line.number
        if line.text[0] in NO_LINE_START:
            artifacts.append(Artifact(line.number, f"line starts with punctuation: {line.text!r}"))
        text, j = _printed(lines, i, first, layout, breaks)
        body = text[len(marker):].lstrip() if first and marker else text
        parts.append(body)
        last = lines[j - 1].number
        if layout.kind != "page":
            close(last)
            first = True
        elif ends_sentence(text) and (not _full(text, first, layout) or _next_indented(lines, j, layout, breaks)):
            close(last)
            first, ended_short = True, not _full(text, first, layout)
        elif j < len(lines) and (next_item or in_bullets) and _marker(lines[j].text, next_item):
            close(last)  # the next item begins even though this one ends mid-line
            first, ended_short = True, False
        else:
            if opening and ended_short and j < len(lines):
                flow.first_lines.append(width(text))
            first = False
        i = j
    if parts:
        close(lines[-1].number)
    return flow


def _next_indented(lines: list[Line], j: int, layout: Layout, breaks: frozenset[int]) -> bool:
    if j >= len(lines):
        return True
    text, _ = _printed(lines, j, True, layout, breaks)
    return layout.full_first <= width(text) < layout.full_line

"""Reflow: the extracted lines of one run of body text become paragraphs and list items.

The book was typeset 30 em wide, each paragraph's first line indented 2 em (so 28 em when full).
The PDF extractor broke each printed line into one text line, and sometimes into more: it split a
printed line before 一 and before an opening quote “. The rules, applied in order:

1. Fragments. A line shorter than a full printed line, followed by short lines that start with
   一 or “, is one printed line with them if together they make exactly a full printed line (28 em
   for a first line, 30 em otherwise). A line that is full by itself is never a fragment.
2. Lists. A printed line starting "1." begins a numbered list; "2.", "3." … continue it in order.
   A line starting "• " is a bullet item. An item runs until the next item or its paragraph end.
3. Paragraph ends. A printed line ends its paragraph when it ends a sentence (。？！；：… possibly
   followed by a closing quote or bracket) and either it is short (not full), or it is full and
   the next printed line is indented (a full first line, 27–28.5 em). A full line ending a sentence
   followed by a short line is read as one paragraph: the book gives no sign of a break.
4. Joining. The lines of a paragraph are joined with nothing between them: the text is Chinese,
   and a line break in it is never a space.

Extraction artifacts that are more than a line break (punctuation stranded on a line of its own or
at a line start, fragments in the wrong order, unbalanced quotes) are not guessed here: they are
emendations (emendations.py), applied before reflow. Reflow reports any it still meets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chars import FRAGMENT_STARTS, NO_LINE_START, ends_sentence, is_punctuation_only, width

FULL_FIRST = 27.0  # a full first line: 28 em, less what half-width digits and letters take
FULL_LINE = 29.0  # a full line: 30 em, likewise
MAX_LINE = 30.5  # the widest printed line (half-width characters make it more than 30)

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


def _full(text: str, first: bool) -> bool:
    return width(text) >= (FULL_FIRST if first else FULL_LINE)


def _printed(lines: list[Line], i: int, first: bool) -> tuple[str, int]:
    """Rebuild the printed line starting at lines[i] (rule 1). Returns its text and the next index."""
    text = lines[i].text
    if _full(text, first):
        return text, i + 1
    joined = text
    for k in range(i + 1, len(lines)):
        nxt = lines[k].text
        if (not nxt or nxt[0] not in FRAGMENT_STARTS or width(nxt) >= FULL_FIRST
                or width(joined + nxt) > MAX_LINE):
            break
        joined += nxt
        if _full(joined, first):
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


def reflow(lines: list[Line]) -> tuple[list[Unit], list[Artifact]]:
    """Paragraphs and list items of one run of body lines (between two headings)."""
    units: list[Unit] = []
    artifacts: list[Artifact] = []
    i = 0
    parts: list[str] = []
    start = 0
    marker = ""
    list_number = 0
    next_item = 0  # the number the next ordered item must have, 0 outside an ordered list
    in_bullets = False
    first = True

    def close(last: int) -> None:
        nonlocal parts, marker
        text = "".join(parts)
        if marker:
            units.append(Unit("item", text, start, last, marker, list_number))
        else:
            units.append(Unit("paragraph", text, start, last))
        if not marker and (is_punctuation_only(text) or text == "一"):
            artifacts.append(Artifact(start, f"a paragraph of its own: {text!r}"))
        parts, marker = [], ""

    while i < len(lines):
        line = lines[i]
        if not line.text.strip():
            i += 1
            continue
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
        text, j = _printed(lines, i, first)
        body = text[len(marker):].lstrip() if first and marker else text
        parts.append(body)
        last = lines[j - 1].number
        if ends_sentence(text) and (not _full(text, first) or _next_indented(lines, j)):
            close(last)
            first = True
        elif j < len(lines) and (next_item or in_bullets) and _marker(lines[j].text, next_item):
            close(last)  # the next item begins even though this one ends mid-line
            first = True
        else:
            first = False
        i = j
    if parts:
        close(lines[-1].number)
    return units, artifacts


def _next_indented(lines: list[Line], j: int) -> bool:
    if j >= len(lines):
        return True
    text, _ = _printed(lines, j, True)
    return FULL_FIRST <= width(text) < FULL_LINE

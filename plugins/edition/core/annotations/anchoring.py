"""Anchoring: a target (page + exact quote, optional prefix/suffix) becomes a place in one block.

Quotes are matched on the Simplified text of the blocks, never on rendered HTML, so markup (marks,
links, other notes) can never split a match, and a Traditional edition converted block by block
keeps every anchor. A quote lies within one paragraph, list item or heading.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import opencc

from ..errors import Problem, quote
from ..text.document import Block, Document, Page
from .model import Annotation, Target


@dataclass(frozen=True)
class Anchor:
    """Where one target of one annotation is: characters [start, end) of a block's text."""

    annotation: Annotation
    target: Target
    page: Page
    block: Block
    start: int
    end: int

    @property
    def context(self) -> tuple[str, str]:
        """Up to 16 characters of the block before and after the quote (for exports)."""
        return self.block.text[max(0, self.start - 16):self.start], self.block.text[self.end:self.end + 16]


def _blocks(page: Page) -> list[Block]:
    return [b for b in page.blocks if not b.editorial]


def _occurrences(page: Page, target: Target) -> list[tuple[Block, int]]:
    needle = target.prefix + target.quote + target.suffix
    found = []
    for block in _blocks(page):
        at = block.text.find(needle)
        while at != -1:
            found.append((block, at + len(target.prefix)))
            at = block.text.find(needle, at + 1)
    return found


def anchor(annotation: Annotation, target: Target, document: Document) -> Anchor | Problem:
    """Find one target; a Problem says why not and how to fix it."""
    page = document.by_slug[target.page]
    found = _occurrences(page, target)
    if len(found) == 1:
        block, start = found[0]
        return Anchor(annotation, target, page, block, start, start + len(target.quote))
    what = f"{annotation.kind} {quote(annotation.id)}"  # (made visible: only for a message)
    if not found:
        return Problem(target.file, target.line,
                       f"{what}: quote {quote(target.quote)} not found on page {quote(page.slug)}",
                       _differences(page, target) or _closest(page, target))
    ids = ", ".join(dict.fromkeys(block.id for block, _ in found))
    return Problem(target.file, target.line,
                   f"{what}: quote {quote(target.quote)} is found {len(found)} times on page "
                   f"{quote(page.slug)} ({ids})", _disambiguate(found, target))


def _closest(page: Page, target: Target) -> str:
    wanted = target.quote
    if target.prefix or target.suffix:
        bare = _occurrences(page, Target(target.page, target.quote))
        if bare:
            return (f"the quote is on the page ({bare[0][0].id}) but not with this prefix/suffix; "
                    "copy them exactly, or leave them out")
    best = (0.0, "", "")
    for block in _blocks(page):
        for window, bound in _windows(block.text, wanted):
            # The bound is cheap, the ratio is not (quadratic in the quote's length, for every window
            # of the page: a third of a second for one long quote, half a minute for a hundred). Windows
            # that cannot win, or cannot reach the 0.5 a hint needs, are skipped: the same passage wins.
            if bound < 0.5 or bound <= best[0]:
                continue
            ratio = score(wanted, window)
            if ratio > best[0]:
                best = (ratio, window, block.id)
    return closest_hint(page, best)


def score(wanted: str, window: str) -> float:
    """How close a passage is to a quote. Ties (a window shifted by one scores the same) go to the
    window with more characters in the same places."""
    return difflib.SequenceMatcher(None, wanted, window, autojunk=False).ratio() + sum(
        a == b for a, b in zip(wanted, window, strict=False)) / (100 * len(wanted))


def closest_hint(page: Page, best: tuple[float, str, str]) -> str:
    """The hint for a quote not found: the best (score, passage, block id), if close enough."""
    if best[0] >= 0.5:
        return (f"the closest passage is {quote(best[1])} in {best[2]}; copy the quote exactly from "
                f"docs/text/{page.slug}.md")
    return f"copy the quote exactly from docs/text/{page.slug}.md (one paragraph, Simplified characters)"


#: Quotation marks of Traditional editions, and those of the text they stand for.
_QUOTATION_MARKS = {"「": "“", "」": "”", "『": "‘", "』": "’"}
_WHITESPACE_NAMES = {" ": "space", "\n": "line break", "\u3000": "full-width space", "\t": "tab",
                     "\u00a0": "no-break space"}


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


@cache
def _fold_char(char: str) -> str:
    """What a character is once the differences a reader does not see are taken away: "" for
    whitespace; the character of the text for a full- or half-width form (NFKC), a Traditional
    form (OpenCC t2s, character by character) and a Traditional edition's quotation mark."""
    if char.isspace():
        return ""
    normal = unicodedata.normalize("NFKC", char)
    char = normal if len(normal) == 1 else char
    char = _QUOTATION_MARKS.get(char, char)
    simplified = _t2s().convert(char)
    return simplified if len(simplified) == 1 else char


@lru_cache(maxsize=4096)
def _folded(text: str) -> tuple[str, tuple[int, ...]]:
    """The text folded (see _fold_char), and the offset in `text` of each folded character."""
    chars, offsets = [], []
    for at, char in enumerate(text):
        folded = _fold_char(char)
        if folded:
            chars.append(folded)
            offsets.append(at)
    return "".join(chars), tuple(offsets)


def _differences(page: Page, target: Target) -> str:
    """When a passage of the page differs from the quote only in what a reader hardly sees (spaces
    and line breaks, full- and half-width forms, Traditional characters, 「」 for “”), the hint that
    says what differs; "" otherwise."""
    if (target.prefix or target.suffix) and _occurrences(page, Target(target.page, target.quote)):
        return ""  # the quote is there: _closest says the prefix or suffix is wrong
    wanted = _folded(target.quote)[0]
    if not wanted:
        return ""
    for block in _blocks(page):
        text, offsets = _folded(block.text)
        at = text.find(wanted)
        if at == -1:
            continue
        passage = block.text[offsets[at]:offsets[at + len(wanted) - 1] + 1]
        found = _described(target.quote, passage)
        if target.multiline and any(" " in d or "line break" in d for d in found):
            found[-1] += (" (YAML joins the lines of a value written over several lines with a space: write the "
                          "quote on one line)")
        listed = "; ".join(found[:3]) + (f"; and {len(found) - 3} more" if len(found) > 3 else "")
        return (f"the closest passage is {quote(passage)} in {block.id}; {listed}; copy the quote exactly "
                f"from docs/text/{page.slug}.md")
    return ""


def _described(wanted: str, passage: str) -> list[str]:
    """Each difference between a quote and a passage that folds to the same text, in words
    (characters that differ in the same way side by side are one difference)."""
    out: list[str] = []
    run: list[tuple[str, str]] = []  # characters that differ, side by side

    def flush() -> None:
        if run:
            out.append(_char_difference("".join(a for a, _ in run), "".join(b for _, b in run)))
            run.clear()

    i = j = 0
    while i < len(wanted) or j < len(passage):
        if i < len(wanted) and j < len(passage) and wanted[i] == passage[j]:
            flush()
            i, j = i + 1, j + 1
        elif i < len(wanted) and wanted[i].isspace():
            flush()
            end = i
            while end < len(wanted) and wanted[end].isspace():
                end += 1
            gap = passage[j] if j < len(passage) and passage[j].isspace() else ""
            out.append(f"the quote has {_spaces(wanted[i:end])} {_place(wanted, i, end)}; the text has "
                       + (_spaces(gap) if gap else "none"))
            i, j = end, j + (1 if gap else 0)
        elif j < len(passage) and passage[j].isspace():
            flush()
            end = j
            while end < len(passage) and passage[end].isspace():
                end += 1
            out.append(f"the text has {_spaces(passage[j:end])} {_place(passage, j, end)}; the quote has none")
            j = end
        else:
            if run and _kind(*run[-1]) != _kind(wanted[i], passage[j]):
                flush()
            run.append((wanted[i], passage[j]))
            i, j = i + 1, j + 1
    flush()
    return out


def _place(text: str, start: int, end: int) -> str:
    before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
    if not before:
        return "at its start" if after else ""
    return f"after {quote(before)}" if after else "at its end"


def _spaces(run: str) -> str:
    """A space, 2 spaces, a line break … (a run of one kind is named by its first character)."""
    name = _WHITESPACE_NAMES.get(run[0], "space")
    code = "" if run[0] in _WHITESPACE_NAMES else f" (U+{ord(run[0]):04X})"
    return (f"a {name}" if len(run) == 1 else f"{len(run)} {name}s") + code


def _kind(wanted: str, have: str) -> str:
    """How two characters that fold alike differ: "marks", "width" or "script"."""
    if _QUOTATION_MARKS.get(wanted) == have:
        return "marks"
    return "width" if unicodedata.normalize("NFKC", wanted) == unicodedata.normalize("NFKC", have) else "script"


def _char_difference(wanted: str, have: str) -> str:
    kind = _kind(wanted[0], have[0])
    if kind == "marks":
        return f"the quote has the Traditional edition's {quote(wanted)} where the text has {quote(have)}"
    if kind == "width":
        return (f"the quote has the {_width(wanted[0])} {quote(wanted)} where the text has the "
                f"{_width(have[0])} {quote(have)}")
    return f"the quote has the Traditional {quote(wanted)} where the text has {quote(have)}"


def _width(char: str) -> str:
    return "full-width" if unicodedata.east_asian_width(char) in "FW" else "half-width"


def _windows(text: str, wanted: str) -> Iterator[tuple[str, float]]:
    """Each window of `text` as long as `wanted` (the whole text if shorter), with an upper bound
    of the score `_closest` gives it: SequenceMatcher.quick_ratio (the characters the two have in
    common, counted with repeats), kept up to date as the window slides, plus the most the
    tie-break can add."""
    size = len(wanted)
    need = Counter(wanted)
    have: Counter[str] = Counter()
    common = 0
    for at in range(max(1, len(text) - size + 1)):
        if at == 0:
            for char in text[:size]:
                common += have[char] < need[char]
                have[char] += 1
        else:
            gone, new = text[at - 1], text[at + size - 1]
            common -= have[gone] <= need[gone]
            have[gone] -= 1
            common += have[new] < need[new]
            have[new] += 1
        window = text[at:at + size]
        total = size + len(window)
        yield window, 2.0 * common / total + min(size, len(window)) / (100 * size)


def _disambiguate(found: list[tuple[Block, int]], target: Target) -> str:
    """The shortest prefix or suffix that picks out the first occurrence."""
    block, start = found[0]
    end = start + len(target.quote)
    others = found[1:]
    for size in range(1, 17):
        prefix = block.text[max(0, start - size):start]
        if len(prefix) == size and not any(b.text[max(0, s - size):s] == prefix for b, s in others):
            return f"add prefix: {quote(prefix)} to choose the one in {block.id}, or a suffix for another"
        suffix = block.text[end:end + size]
        if len(suffix) == size and not any(b.text[s + len(target.quote):s + len(target.quote) + size] == suffix
                                           for b, s in others):
            return f"add suffix: {quote(suffix)} to choose the one in {block.id}, or a prefix for another"
    return "lengthen the quote so that it occurs once"


def anchor_all(annotations: tuple[Annotation, ...], document: Document) -> tuple[list[Anchor], list[Problem]]:
    """Every target of every annotation, or the problems."""
    anchors: list[Anchor] = []
    problems: list[Problem] = []
    for annotation in annotations:
        for target in annotation.targets:
            result = anchor(annotation, target, document)
            if isinstance(result, Problem):
                problems.append(result)
            else:
                anchors.append(result)
    return anchors, problems

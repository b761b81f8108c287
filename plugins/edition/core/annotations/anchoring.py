"""Anchoring: a target (page + exact quote, optional prefix/suffix) becomes a place in one block.

Quotes are matched on the Simplified text of the blocks, never on rendered HTML, so markup (marks,
links, other notes) can never split a match, and a Traditional edition converted block by block
keeps every anchor. A quote lies within one paragraph, list item or heading.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

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
    what = f"{annotation.kind} {quote(annotation.id)}"
    found = _occurrences(page, target)
    if len(found) == 1:
        block, start = found[0]
        return Anchor(annotation, target, page, block, start, start + len(target.quote))
    if not found:
        return Problem(target.file, target.line,
                       f"{what}: quote {quote(target.quote)} not found on page {quote(page.slug)}",
                       _closest(page, target))
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

"""Facts about characters that the reflow rules rely on: printed width and punctuation classes."""

from __future__ import annotations

import unicodedata

#: Punctuation that can end a sentence, and so a paragraph, when it ends a line.
SENTENCE_END = frozenset("。？！；：…")
#: Closing marks that may follow sentence-final punctuation (“……。”).
CLOSERS = frozenset("”’」』）》")
#: Characters at which the PDF extractor split one printed line into two (see reflow.py).
FRAGMENT_STARTS = frozenset("一“")
#: Punctuation that never starts a printed line in Chinese typesetting (kinsoku).
NO_LINE_START = frozenset("，。、；：？！”’」』）》…")


def width(text: str) -> float:
    """Printed width in em, as the book was set.

    Wide, full-width and East Asian ambiguous characters (“ ” — • …) count 1, since a Chinese
    font sets them full width; digits, Latin letters and ASCII punctuation count 1/2.
    """
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def ends_sentence(line: str) -> bool:
    """Does the line end with sentence-final punctuation (optionally followed by closers)?"""
    stripped = line.rstrip()
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_punctuation_only(line: str) -> bool:
    """Is the line made of punctuation alone (a mark stranded by the extractor)?"""
    stripped = line.strip()
    return bool(stripped) and all(unicodedata.category(c).startswith("P") for c in stripped)


def without_whitespace(text: str) -> str:
    """The text with every whitespace character removed (the unit of the fidelity check)."""
    return "".join(text.split())

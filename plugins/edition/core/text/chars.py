"""Facts about characters that the reflow rules rely on: printed width, punctuation classes, and the
control characters an extraction may carry (invisible in the text, made visible in messages)."""

from __future__ import annotations

import re
import unicodedata

#: Punctuation that can end a sentence, and so a paragraph, when it ends a line.
SENTENCE_END = frozenset("。？！；：…")
#: Closing marks that may follow sentence-final punctuation (“……。”).
CLOSERS = frozenset("”’」』）》")
#: Punctuation that never starts a printed line in Chinese typesetting (kinsoku).
NO_LINE_START = frozenset("，。、；：？！”’」』）》…")


def width(text: str) -> float:
    """Printed width in em, as the book was set.

    Wide, full-width and East Asian ambiguous characters (“ ” — • …) count 1, since a Chinese
    font sets them full width; digits, Latin letters and ASCII punctuation count 1/2.
    """
    return sum(map(_WIDTHS.__getitem__, text))


class _Widths(dict[str, float]):
    """Each character's printed width, looked up once."""

    def __missing__(self, c: str) -> float:
        width = self[c] = 1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5
        return width


_WIDTHS = _Widths()


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


def occurrences(text: str, phrase: str) -> list[int]:
    """Where `phrase` begins in `text`, overlapping occurrences too (an empty phrase: everywhere)."""
    out = []
    at = text.find(phrase)
    while at != -1:
        out.append(at)
        at = text.find(phrase, at + 1)
    return out


def is_layout_space(c: str) -> bool:
    """Is `c` whitespace that lays text out rather than spacing it: a form feed (pdftotext's page
    break), a carriage return, a tab, a vertical tab, a line or paragraph separator? Spaces (U+0020,
    U+3000 …) are not: they may stand between words."""
    return c.isspace() and unicodedata.category(c) != "Zs"


def without_layout_space(text: str) -> str:
    """The text without layout whitespace (see is_layout_space): what a line of it prints."""
    return _LAYOUT_SPACE.sub("", text) if _LAYOUT_SPACE.search(text) else text


#: Every layout space (see is_layout_space); Unicode has no white space above U+3000.
_LAYOUT_SPACE = re.compile("[" + "".join(re.escape(chr(c)) for c in range(0x3001) if is_layout_space(chr(c))) + "]")


def control_characters(text: str) -> list[str]:
    """The control characters in `text` that are not whitespace (U+0000–U+001F, U+007F–U+009F):
    they print nothing, yet they are text the fidelity check counts."""
    return _CONTROL.findall(text)


#: The control characters that are not whitespace (see control_characters).
_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in range(0xA0)
                                    if unicodedata.category(chr(c)) == "Cc" and not chr(c).isspace()) + "]")


def visible(text: str) -> str:
    """The text with line breaks and every invisible character made visible, for messages: ⏎ for a
    line break, the control picture for the other C0 controls (␌ for a form feed, ␉ for a tab)
    and for DEL, \\x.. for the C1 controls and \\u.... for format characters and separators
    (\\u200b for a zero-width space, \\ufeff for a byte-order mark)."""
    if text.isprintable():  # none of them is (str.isprintable), and most texts have none
        return text
    out = []
    for c in text:
        code = ord(c)
        if c == "\n":
            out.append("⏎")
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("␡")
        elif 0x80 <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        elif unicodedata.category(c) in ("Cf", "Zl", "Zp"):
            out.append(f"\\u{code:04x}")
        else:
            out.append(c)
    return "".join(out)

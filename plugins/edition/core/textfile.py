"""Reading an input file as text. Every input file (annotations, structure, emendations, conversion
overrides, the source text) is UTF-8 without a byte order mark; anything else is named.

A BOM is refused, not skipped: `.editorconfig` asks editors for `charset = utf-8`, which is UTF-8
without one, the `# yaml-language-server` line must be the file's very first characters, and the
source is compared byte for byte. It is refused at line 1 and the rest of the file is still read,
so that its other problems are reported in the same run. A file in another encoding (UTF-16, as
Windows tools save "Unicode"; GB18030/GBK, as older Chinese tools save) cannot be read at all: the
problem is the whole file's, and says which encoding it seems to be in.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .errors import Problem

BOM = "\ufeff"

_SAVE = "save it as UTF-8 (in VS Code: click the encoding in the status bar, 'Save with Encoding', 'UTF-8')"


def read(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """The file's text (None when it cannot be decoded) and the problems of its encoding."""
    data = path.read_bytes()
    utf16 = _utf16(data)
    if utf16:
        return None, [Problem(display, 0, f"the file is in {utf16}, not UTF-8", _SAVE)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if _gb18030(data):
            return None, [Problem(display, 0, "the file is in GB18030 (GBK), not UTF-8",
                                  "save it as UTF-8 (in VS Code: click the encoding in the status bar, "
                                  "'Reopen with Encoding', 'GB 18030', then 'Save with Encoding', 'UTF-8')")]
        line = data[: err.start].count(b"\n") + 1
        return None, [Problem(display, line, "the file is not valid UTF-8", "save the file as UTF-8")]
    if text.startswith(BOM):
        return text[1:], [Problem(display, 1, "the file starts with a byte order mark (BOM)",
                                  "save it as UTF-8 without BOM (in VS Code: click 'UTF-8 with BOM' in the "
                                  "status bar, 'Save with Encoding', 'UTF-8'; in Notepad: Save As, encoding "
                                  "'UTF-8', not 'UTF-8 with BOM')")]
    return text, []


def _utf16(data: bytes) -> str:
    """'UTF-16' (or 'UTF-32') when the bytes are text in it: with a BOM, or mostly ASCII with a
    zero byte in every pair; else ''."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if len(data) >= 4 and len(data) % 2 == 0:
        for encoding, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
            if high.count(0) * 4 >= len(high) * 3:
                try:
                    data.decode(encoding)
                except UnicodeDecodeError:
                    continue
                return "UTF-16"
    return ""


def _gb18030(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 read as Chinese text in GB18030: they decode, and nearly
    all of what is not ASCII is Han characters or full-width punctuation (a stray byte of Latin-1
    in a UTF-8 file is not taken for GB18030: it makes one character)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    wide = [c for c in text if not c.isascii()]
    chinese = sum(unicodedata.east_asian_width(c) in "WF" for c in wide)
    return len(wide) >= 2 and chinese * 10 >= len(wide) * 9

"""JSON as the exports print it, indented, written fast.

The same text as ``json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)``: the standard
library writes indented JSON with its pure-Python encoder, one generator step per token, which
made the exports of a book-length edition the slowest part of its build. This walks the data once,
strings escaped by the standard library's C function.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from json.encoder import encode_basestring
from typing import Any


def dumps(data: Any, indent: int = 1) -> str:
    """`data` (dicts with string keys, lists, strings, numbers, booleans, None) as indented JSON,
    keys sorted, non-ASCII characters as they are."""
    out: list[str] = []
    _write(data, 0, indent, out)
    return "".join(out)


def _write(value: Any, level: int, indent: int, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif isinstance(value, dict):
        _container("{", "}", ((_KEYS.get(key) or _key_text(key), value[key]) for key in sorted(value)),
                   level, indent, out)
    elif isinstance(value, (list, tuple)):
        _container("[", "]", (("", item) for item in value), level, indent, out)
    else:
        out.append(_scalar(value))


#: A key as written before its value (an export's few keys, repeated in every entry), by key.
_KEYS: dict[str, str] = {}


def _key_text(key: Any) -> str:
    if not isinstance(key, str):
        raise TypeError(f"keys must be str, not {type(key).__name__}")
    text = f"{encode_basestring(key)}: "
    if len(_KEYS) < 4096:
        _KEYS[key] = text
    return text


def _scalar(value: Any) -> str:
    """A number, boolean or None as the standard library writes it."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    return int.__repr__(value) if type(value) is int else json.dumps(value)


def _container(opening: str, closing: str, entries: Iterator[tuple[str, Any]], level: int, indent: int,
               out: list[str]) -> None:
    """A mapping's or a list's entries, each (what precedes its value: the key, or nothing; the value).
    A value that is a string is written here (most values of an export are: a call per value was
    most of the time)."""
    inner = "\n" + " " * (indent * (level + 1))
    lead = opening + inner
    for prefix, item in entries:
        if type(item) is str:
            out.append(lead + prefix + encode_basestring(item))
        else:
            out.append(lead + prefix)
            _write(item, level + 1, indent, out)
        lead = "," + inner
    if lead == opening + inner:  # no entry
        out.append(opening + closing)
    else:
        out.append("\n" + " " * (indent * level) + closing)

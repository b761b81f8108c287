"""JSON as the exports print it, indented, written fast.

The same text as ``json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)``: the standard
library writes indented JSON with its pure-Python encoder, one generator step per token, which
made the exports of a book-length edition the slowest part of its build. This walks the data once,
strings escaped by the standard library's C function.
"""

from __future__ import annotations

import json
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
        _mapping(value, level, indent, out)
    elif isinstance(value, (list, tuple)):
        _sequence(value, level, indent, out)
    else:
        out.append(_scalar(value))


def _scalar(value: Any) -> str:
    """A number, boolean or None as the standard library writes it."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    return int.__repr__(value) if type(value) is int else json.dumps(value)


# A container's strings are written where it is walked (most values of an export are strings):
# a call per value was most of the time.


def _mapping(value: dict[str, Any], level: int, indent: int, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    inner = "\n" + " " * (indent * (level + 1))
    after = "," + inner
    lead = "{" + inner
    for key in sorted(value):
        if not isinstance(key, str):
            raise TypeError(f"keys must be str, not {type(key).__name__}")
        item = value[key]
        if type(item) is str:
            out.append(f"{lead}{encode_basestring(key)}: {encode_basestring(item)}")
        else:
            out.append(f"{lead}{encode_basestring(key)}: ")
            _write(item, level + 1, indent, out)
        lead = after
    out.append("\n" + " " * (indent * level) + "}")


def _sequence(value: list[Any] | tuple[Any, ...], level: int, indent: int, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    inner = "\n" + " " * (indent * (level + 1))
    after = "," + inner
    lead = "[" + inner
    for item in value:
        if type(item) is str:
            out.append(lead + encode_basestring(item))
        else:
            out.append(lead)
            _write(item, level + 1, indent, out)
        lead = after
    out.append("\n" + " " * (indent * level) + "]")

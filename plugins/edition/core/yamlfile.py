"""Reading YAML input files with line numbers, and checking records against declared fields.

Values come back as plain Python data, except that mappings are `LocatedMap` and sequences are
`LocatedList`: they remember the line of every key and item, so any later check can say where.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import EditionError, Problem, quote


class LocatedMap(dict[str, Any]):
    """A YAML mapping that knows its own line and the line of each key (1-based)."""

    line: int
    key_lines: dict[str, int]


class LocatedList(list[Any]):
    """A YAML sequence that knows its own line and the line of each item (1-based)."""

    line: int
    item_lines: list[int]


def load(path: Path, display: str) -> Any:
    """Parse one YAML file. Raises EditionError naming `display` and the line on any problem."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        raise EditionError(
            Problem(display, line, "the file is not valid UTF-8", "save the file as UTF-8")
        ) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        raise EditionError(
            Problem(
                display,
                line,
                f"YAML syntax error: {err.problem or err.context}",
                "check the indentation and quoting on this line or the one above it",
            )
        ) from None
    finally:
        loader.dispose()
    if node is None:
        return None
    return _convert(node, display)


def _convert(node: yaml.Node, display: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = LocatedMap()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, display)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise EditionError(
                    Problem(display, line, f"keys must be text, got {quote(key)}", "write the key as a name")
                )
            if key in result:
                raise EditionError(
                    Problem(
                        display,
                        line,
                        f"duplicate key {quote(key)} (first on line {result.key_lines[key]})",
                        "keep one of the two",
                    )
                )
            result[key] = _convert(value_node, display)
            result.key_lines[key] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList()
        items.line = node.start_mark.line + 1
        items.item_lines = []
        for item in node.value:
            items.append(_convert(item, display))
            items.item_lines.append(item.start_mark.line + 1)
        return items
    return yaml.constructor.SafeConstructor().construct_object(node)


@dataclass(frozen=True)
class Field:
    """One declared field of a record in an input file."""

    name: str
    kind: type
    required: bool = True
    pattern: str | None = None
    choices: tuple[str, ...] = ()
    doc: str = ""


_KIND_NAMES = {str: "text", int: "an integer", bool: "true or false", list: "a list", dict: "a mapping"}


def read_record(
    value: Any, fields: tuple[Field, ...], file: str, line: int, what: str
) -> tuple[dict[str, Any], list[Problem]]:
    """Check one mapping against its declared fields. Returns the known values and the problems."""
    if not isinstance(value, LocatedMap):
        return {}, [Problem(file, line, f"{what} must be a mapping of fields, got {quote(value)}",
                            "write it as 'field: value' lines")]
    problems: list[Problem] = []
    known = {f.name: f for f in fields}
    out: dict[str, Any] = {}
    for key, item in value.items():
        key_line = value.key_lines[key]
        field = known.get(key)
        if field is None:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean {quote(close[0])}?" if close else ""
            hint = (hint + " " if hint else "") + "allowed fields: " + ", ".join(known)
            problems.append(Problem(file, key_line, f"{what}: unknown field {quote(key)}", hint))
            continue
        if (field.kind is int and (isinstance(item, bool) or not isinstance(item, int))) or (
            field.kind is not int and not isinstance(item, field.kind)
        ):
            problems.append(Problem(
                file, key_line,
                f"{what}: field {quote(key)} must be {_KIND_NAMES[field.kind]}, got {quote(item)}",
                "quote text values with double quotes" if field.kind is str else
                f"write {_KIND_NAMES[field.kind]}",
            ))
            continue
        if field.kind is str and not item.strip():
            problems.append(Problem(file, key_line, f"{what}: field {quote(key)} is empty",
                                    f"write the {key}"))
            continue
        if field.choices and item not in field.choices:
            problems.append(Problem(
                file, key_line, f"{what}: field {quote(key)} has unknown value {quote(item)}",
                "use one of: " + ", ".join(field.choices),
            ))
            continue
        if field.pattern and not re.fullmatch(field.pattern, item):
            problems.append(Problem(
                file, key_line, f"{what}: field {quote(key)} value {quote(item)} is malformed",
                f"it must match {field.pattern}",
            ))
            continue
        out[key] = item
    for field in fields:
        if field.required and field.name not in value:
            problems.append(Problem(file, value.line, f"{what}: missing field {quote(field.name)}",
                                    f"add '{field.name}: …' ({field.doc})"))
    return out, problems


def read_list(value: Any, key: str, file: str, line: int) -> tuple[LocatedList, list[Problem]]:
    """The list under a top-level key, or a problem saying the file's shape is wrong."""
    if not isinstance(value, LocatedMap) or key not in value:
        return _empty(), [Problem(file, line, f"the file must have a top-level {quote(key)} list",
                                  f"start the file with '{key}:' followed by '- ' items")]
    items = value[key]
    if not isinstance(items, LocatedList):
        return _empty(), [Problem(file, value.key_lines[key], f"{quote(key)} must be a list",
                                  "write each entry on a line starting with '- '")]
    return items, []


def _empty() -> LocatedList:
    items = LocatedList()
    items.line = 1
    items.item_lines = []
    return items

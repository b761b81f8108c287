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
    try:
        node = _compose(text, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError:
        # libyaml (ten times faster) words its errors differently from build to build: report
        # the pure-Python parser's error, whose wording and line the messages are tested on.
        try:
            node = _compose(text, yaml.SafeLoader)
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
    if node is None:
        return None
    return _convert(node, display)


def _compose(text: str, loader_class: Any) -> yaml.Node | None:
    loader = loader_class(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


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
    """One declared field of a record in an input file.

    `record` declares the fields of each item (for a list of mappings) or of each value (for a
    mapping of mappings, whose keys must match `pattern`); `item` the type of a list's scalar items.
    """

    name: str
    kind: type
    required: bool = True
    pattern: str | None = None
    choices: tuple[str, ...] = ()
    doc: str = ""
    record: tuple[Field, ...] = ()
    item: type | None = None
    min_items: int = 0
    max_length: int = 0


_KIND_NAMES = {str: "text", int: "an integer", bool: "true or false", list: "a list", dict: "a mapping"}


def read_record(
    value: Any, fields: tuple[Field, ...], file: str, line: int, what: str
) -> tuple[LocatedMap, list[Problem]]:
    """Check one mapping against its declared fields. Returns the known values and the problems.

    The values keep their lines: nested mappings are LocatedMap, lists LocatedList.
    """
    out = LocatedMap()
    out.line, out.key_lines = line, {}
    if not isinstance(value, LocatedMap):
        return out, [Problem(file, line, f"{what} must be a mapping of fields, got {quote(value)}",
                             "write it as 'field: value' lines")]
    out.line = value.line
    problems: list[Problem] = []
    known = {f.name: f for f in fields}
    for key, item in value.items():
        key_line = value.key_lines[key]
        field = known.get(key)
        if field is None:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean {quote(close[0])}?" if close else ""
            hint = (hint + " " if hint else "") + "allowed fields: " + ", ".join(known)
            problems.append(Problem(file, key_line, f"{what}: unknown field {quote(key)}", hint))
            continue
        checked, found = _read_value(item, field, file, key_line, what)
        problems += found
        if not found:
            out[key] = checked
            out.key_lines[key] = key_line
    for field in fields:
        if field.required and field.name not in value:
            problems.append(Problem(file, value.line, f"{what}: missing field {quote(field.name)}",
                                    f"add '{field.name}: …' ({field.doc})"))
    return out, problems


def _read_value(item: Any, field: Field, file: str, line: int, what: str) -> tuple[Any, list[Problem]]:
    key = field.name
    if (field.kind is int and (isinstance(item, bool) or not isinstance(item, int))) or (
        field.kind is not int and not isinstance(item, field.kind)
    ):
        return None, [Problem(
            file, line, f"{what}: field {quote(key)} must be {_KIND_NAMES[field.kind]}, got {quote(item)}",
            "quote text values with double quotes" if field.kind is str else f"write {_KIND_NAMES[field.kind]}",
        )]
    if field.kind is str:
        if not item.strip():
            return None, [Problem(file, line, f"{what}: field {quote(key)} is empty", f"write the {key}")]
        if field.max_length and len(item) > field.max_length:
            return None, [Problem(file, line, f"{what}: field {quote(key)} is {len(item)} characters long",
                                  f"keep it under {field.max_length} characters")]
        if field.choices and item not in field.choices:
            return None, [Problem(file, line, f"{what}: field {quote(key)} has unknown value {quote(item)}",
                                  "use one of: " + ", ".join(field.choices))]
        if field.pattern and not re.fullmatch(field.pattern, item):
            return None, [Problem(file, line, f"{what}: field {quote(key)} value {quote(item)} is malformed",
                                  f"write {field.doc}" if field.doc else f"it must match {field.pattern}")]
        return item, []
    if field.kind is list:
        if len(item) < field.min_items:
            return None, [Problem(file, line, f"{what}: field {quote(key)} needs at least {field.min_items} "
                                  f"item{'s' if field.min_items > 1 else ''}", f"add a '- ' item under {key}")]
        items = LocatedList()
        items.line, items.item_lines = item.line, list(item.item_lines)
        problems: list[Problem] = []
        for index, (element, element_line) in enumerate(zip(item, item.item_lines, strict=True), 1):
            if field.record:
                checked, found = read_record(element, field.record, file, element_line, f"{what}: {key} {index}")
            else:
                inner = Field(key, field.item or str, pattern=field.pattern, choices=field.choices)
                checked, found = _read_value(element, inner, file, element_line, f"{what}: {key} {index}")
            problems += found
            items.append(checked)
        return items, problems
    if field.kind is dict and field.record:
        mapping = LocatedMap()
        mapping.line, mapping.key_lines = item.line, dict(item.key_lines)
        problems = []
        for name, element in item.items():
            element_line = item.key_lines[name]
            if field.pattern and not re.fullmatch(field.pattern, name):
                problems.append(Problem(file, element_line, f"{what}: {key} has unknown key {quote(name)}",
                                        f"keys must match {field.pattern}"))
                continue
            mapping[name], found = read_record(element, field.record, file, element_line, f"{what}: {key} {name}")
            problems += found
        return mapping, problems
    return item, []


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

"""Reading YAML input files with line numbers, and checking records against declared fields.

Values come back as plain Python data, except that mappings are `LocatedMap` and sequences are
`LocatedList`: they remember the line of every key and item, so any later check can say where.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import textfile, yamlsyntax
from .errors import EditionError, Problem, quote


@dataclass(frozen=True)
class Span:
    """Where a value is written: its first and last line (1-based), and for a single value its text
    as written (before YAML reads 1998-03-22 as a date) and its style (None when plain, or one of
    ' " | >)."""

    first: int
    last: int
    text: str | None = None
    style: str | None = None


class LocatedMap(dict[str, Any]):
    """A YAML mapping that knows its own line, the line of each key (1-based) and the span of each value."""

    line: int
    key_lines: dict[str, int]
    spans: dict[str, Span]


class LocatedList(list[Any]):
    """A YAML sequence that knows its own line and the line of each item (1-based)."""

    line: int
    item_lines: list[int]


@dataclass(frozen=True)
class Entries:
    """The entries of one input file (the items of its top-level list), as far as they could be read."""

    items: LocatedList
    problems: tuple[Problem, ...]
    #: False when the file or its list could not be read: entries may be missing.
    complete: bool
    #: The file's lines, to find a value inside a field written over several lines.
    lines: tuple[str, ...] = ()
    #: The file's other top-level lists, by key (see `entries`).
    others: dict[str, LocatedList] = field(default_factory=dict)


def entries(path: Path, display: str, key: str, schema: str = "", also: tuple[str, ...] = ()) -> Entries:
    """Read one input file whose top-level `key` lists its entries. Problems come back, never raise.

    `schema` is the path of the file's JSON Schema as its first line names it (for the hint of an empty file).
    `also`: the file's other top-level lists (conversion.yml's `reviewed`), read into `others`;
    either `key` or one of them may be absent, not all.
    """
    text, problems = textfile.read(path, display)
    if text is None:
        return Entries(_empty(), tuple(problems), False)
    try:
        data = parse(text, display)
    except EditionError as err:
        return Entries(_empty(), (*problems, *err.problems), False, tuple(_LINE_BREAK.split(text)))
    if data is None:
        first = f"'# yaml-language-server: $schema={schema}', then " if schema else ""
        problems.append(Problem(display, 0, "the file is empty" if not text.strip() else
                                "the file has nothing but comments",
                                f"write {first}'{key}:' and under it the entries, each starting with '- '"))
        return Entries(_empty(), tuple(problems), False)
    items, shape = read_list(data, key, display, 1, also)
    others = {}
    for other in also:
        value = data.get(other) if isinstance(data, LocatedMap) else None
        others[other] = value if isinstance(value, LocatedList) else _empty()
        if value is not None and not isinstance(value, LocatedList):
            shape.append(Problem(display, data.key_lines[other], f"{quote(other)} must be a list",
                                 "write each entry on a line starting with '- '"))
    return Entries(items, (*problems, *shape), not shape, tuple(_LINE_BREAK.split(text)), others)


#: What YAML counts as a line break (str.splitlines breaks at a few more characters).
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def parse(text: str, display: str) -> Any:
    """Parse the text of one YAML file. Raises EditionError naming `display` and the line on any problem."""
    try:
        node = _compose(text, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as fast_error:
        # libyaml (ten times faster) words its errors differently from build to build: report
        # the pure-Python parser's error, whose wording and line the messages are tested on.
        # (yaml.YAMLError, not only MarkedYAMLError: a control character raises ReaderError.)
        try:
            node = _compose(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as err:
            raise EditionError(yamlsyntax.problem(err, display, _LINE_BREAK.split(text))) from None
        except yaml.reader.ReaderError as err:
            line = text.count("\n", 0, err.position) + 1
            raise EditionError(
                Problem(
                    display,
                    line,
                    f"the file contains the control character U+{err.character:04X}, which YAML does not allow",
                    "delete it: it is invisible in most editors (tabs and line breaks are fine)",
                )
            ) from None
        except RecursionError:
            # The pure-Python parser recurses for each level of nesting, libyaml does not: it stops
            # at 1000 levels with an error of its own, whose line is where the nesting gets there.
            mark = getattr(fast_error, "problem_mark", None) or getattr(fast_error, "context_mark", None)
            raise EditionError(_too_deep(display, mark.line + 1 if mark else 1)) from None
    if node is None:
        return None
    return _Converter(display).convert(node)


def _compose(text: str, loader_class: Any) -> yaml.Node | None:
    loader = loader_class(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


#: Deepest nesting of lists and mappings read. The files need five levels (notes, a note, its
#: targets, a target, its fields); converting recurses once per level, and libyaml alone reads
#: 1000 levels.
MAX_DEPTH = 50
#: Most values that aliases may repeat in one file. `*name` repeats the list or mapping anchored
#: as `&name` with every value in it, and aliases of aliases multiply: nine levels of nine aliases
#: are 9**9 values from a few hundred bytes (a "billion laughs"), ten thousand aliases of a list of
#: ten thousand are 10**8 from 100 kB. Repeating a list of sources in every note stays far below.
MAX_REPEATED = 10_000
#: Longest integer read, in decimal digits.
MAX_DIGITS = 100
_MERGE = "tag:yaml.org,2002:merge"
_TAG_PREFIX = "tag:yaml.org,2002:"
#: The only tags a list or a mapping may have: !!omap, !!set, !x … are refused.
_COLLECTION_TAGS = (_TAG_PREFIX + "seq", _TAG_PREFIX + "map")
_TAG_HINT = "remove the tag; text that begins with '!' is written in double quotes"
#: What a single value of each tag read must be, for messages about one that is not.
_TAG_NAMES = {"timestamp": "a calendar date", "int": "an integer", "float": "a number",
              "bool": "true or false", "null": "null", "binary": "base64 data"}
_SCALAR_TAGS = (*_TAG_NAMES, "str")


def _too_deep(display: str, line: int) -> Problem:
    return Problem(display, line, f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                   "annotation files need a few levels only: close every '[' and '{', and check the indentation")


def _short(tag: str) -> str:
    """A tag as written: !!int for tag:yaml.org,2002:int."""
    return "!!" + tag.removeprefix(_TAG_PREFIX) if tag.startswith(_TAG_PREFIX) else tag


class _Converter:
    """Composed YAML nodes to plain values, LocatedMap and LocatedList, for one file.

    Refuses what would not end or not fit in memory, each with the line where it starts: nesting
    deeper than MAX_DEPTH, an anchored value that contains an alias to itself, and aliases that
    repeat more than MAX_REPEATED values (they are refused, never expanded).
    """

    def __init__(self, display: str) -> None:
        self.display = display
        self.constructor = yaml.constructor.SafeConstructor()
        self.done: set[int] = set()  # ids of the lists and mappings converted so far
        self.open: set[int] = set()  # ids of the lists and mappings being converted (ancestors)
        self.repeated = 0

    def problem(self, node: yaml.Node, message: str, hint: str) -> EditionError:
        return EditionError(Problem(self.display, node.start_mark.line + 1, message, hint))

    def convert(self, node: yaml.Node, depth: int = 0, repeat: yaml.Node | None = None) -> Any:
        """`repeat` is the anchored value being repeated by an alias, when this node is inside one."""
        if isinstance(node, yaml.ScalarNode):
            if repeat is not None:
                self.count(repeat)
            return self.scalar(node)
        if depth >= MAX_DEPTH:
            raise EditionError(_too_deep(self.display, node.start_mark.line + 1))
        if node.tag not in _COLLECTION_TAGS:
            raise self.problem(node, f"YAML tag {quote(_short(node.tag))} is not supported", _TAG_HINT)
        if id(node) in self.open:
            raise self.problem(node, "the value anchored here (&name) contains an alias (*name) to itself",
                               "an alias cannot repeat the value it is in: write the values out")
        if id(node) in self.done and repeat is None:
            repeat = node
        if repeat is not None:
            self.count(repeat)
        self.done.add(id(node))
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, depth, repeat)
            assert isinstance(node, yaml.SequenceNode)  # the third and last kind of node
            return self.sequence(node, depth, repeat)
        finally:
            self.open.discard(id(node))

    def count(self, repeat: yaml.Node) -> None:
        """One more value repeated by an alias (of `repeat`, or of a value in it)."""
        self.repeated += 1
        if self.repeated > MAX_REPEATED:
            raise self.problem(repeat, f"aliases (*name) repeat more than {MAX_REPEATED} values in all, such as "
                               "the one anchored here (&name)",
                               "aliases of aliases multiply: write the values out, or repeat fewer")

    def mapping(self, node: yaml.MappingNode, depth: int, repeat: yaml.Node | None) -> LocatedMap:
        result = LocatedMap()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        result.spans = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE:
                # PyYAML merges '<<' keys only when it constructs whole documents, which we do not.
                raise self.problem(key_node, "merge keys ('<<: *name') are not supported",
                                   "write the fields out in each record")
            key = self.convert(key_node, depth + 1, repeat)
            if not isinstance(key, str):
                raise EditionError(
                    Problem(self.display, line, f"keys must be text, got {quote(key)}", "write the key as a name")
                )
            if key in result:
                raise EditionError(
                    Problem(
                        self.display,
                        line,
                        f"duplicate key {quote(key)} (first on line {result.key_lines[key]})",
                        "keep one of the two",
                    )
                )
            result[key] = self.convert(value_node, depth + 1, repeat)
            result.key_lines[key] = line
            result.spans[key] = _span(value_node)
        return result

    def sequence(self, node: yaml.SequenceNode, depth: int, repeat: yaml.Node | None) -> LocatedList:
        items = LocatedList()
        items.line = node.start_mark.line + 1
        items.item_lines = []
        for item in node.value:
            items.append(self.convert(item, depth + 1, repeat))
            items.item_lines.append(item.start_mark.line + 1)
        return items

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag.removeprefix(_TAG_PREFIX)
        if tag in ("value", "merge"):
            # YAML 1.1 resolves a plain = and << to tags that PyYAML cannot construct (<< only means
            # something as a key, see mapping): as a value, each is the text it reads.
            return node.value
        # Only tags of single values: PyYAML would make an empty, line-less list or mapping of
        # `!!seq x` or `!!map x`, and fail on an unknown tag such as !x or !!python/object.
        if not node.tag.startswith(_TAG_PREFIX) or tag not in _SCALAR_TAGS:
            raise self.problem(node, f"YAML tag {quote(_short(node.tag))} is not supported", _TAG_HINT)
        if tag == "str":  # most values: PyYAML's constructor returns the node's text as it is
            return node.value
        try:
            value = self.constructor.construct_object(node)
        # PyYAML's constructors raise whatever their conversion raises on a value that does not
        # fit its tag: ValueError (!!int x, 2021-02-30, an integer of over 4300 digits), KeyError
        # (!!bool x), IndexError (!!int "").
        except Exception:
            if tag == "timestamp":
                raise self.problem(node, f"{quote(node.value)} is not {_TAG_NAMES[tag]}",
                                   'write dates as text in double quotes, like "2021-08-16", with a real month '
                                   "and day") from None
            if tag == "int" and sum(c.isdigit() for c in node.value) > MAX_DIGITS:
                raise self.too_many_digits(node) from None
            raise self.problem(node, f"{quote(node.value)} cannot be read as {_TAG_NAMES[tag]}",
                               "write text in double quotes; remove the tag if there is one (!!int …)") from None
        # 0xfff… reads as an integer of any size, which Python then refuses to print (in a message,
        # say) beyond 4300 digits.
        if isinstance(value, int) and abs(value) >= 10**MAX_DIGITS:
            raise self.too_many_digits(node)
        return value

    def too_many_digits(self, node: yaml.ScalarNode) -> EditionError:
        return self.problem(node, f"{quote(node.value)} is a number of more than {MAX_DIGITS} digits",
                            "no count or line comes near it: write text in double quotes")


def _span(node: yaml.Node) -> Span:
    first = node.start_mark.line + 1
    # A block scalar (| or >) ends at the start of the line after its text.
    last = max(first, node.end_mark.line + (node.end_mark.column > 0))
    if isinstance(node, yaml.ScalarNode):
        return Span(first, last, node.value, node.style or None)  # libyaml writes a plain style as ""
    return Span(first, last)


@dataclass(frozen=True)
class Field:
    """One declared field of a record in an input file.

    `record` declares the fields of each item (for a list of mappings), of the value (for a
    mapping without `pattern`) or of each value (for a mapping of mappings, whose keys must match
    `pattern`); `item` the type of a list's scalar items. `placeholders` are example values that a
    skeleton offers and that must be replaced; `suggest` turns a malformed value into a well-formed
    one when it can ("" when not), for the hint.
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
    placeholders: tuple[str, ...] = ()
    suggest: Callable[[str], str] | None = field(default=None, compare=False)


_KIND_NAMES = {str: "text", int: "an integer", bool: "true or false", list: "a list", dict: "a mapping"}
_NO_VALUE_HINTS: dict[type, str] = {
    str: "write it after '{key}: ' on the same line ({doc})",
    list: "write its items on the lines below, each starting with '- ', indented more than '{key}:'",
    dict: "write its fields on the lines below, indented more than '{key}:'",
}


def read_record(
    value: Any, fields: tuple[Field, ...], file: str, line: int, what: str
) -> tuple[LocatedMap, list[Problem]]:
    """Check one mapping against its declared fields. Returns the known values and the problems.

    The values keep their lines: nested mappings are LocatedMap, lists LocatedList.
    """
    out = LocatedMap()
    out.line, out.key_lines, out.spans = line, {}, {}
    if not isinstance(value, LocatedMap):
        return out, [Problem(file, line, f"{what} must be a mapping of fields, got {quote(value)}",
                             "write it as 'field: value' lines")]
    out.line = value.line
    problems: list[Problem] = []
    known = {f.name: f for f in fields}
    for key, item in value.items():
        key_line = value.key_lines[key]
        declared = known.get(key)
        if declared is None:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean {quote(close[0])}?" if close else ""
            hint = (hint + " " if hint else "") + "allowed fields: " + ", ".join(known)
            problems.append(Problem(file, key_line, f"{what}: unknown field {quote(key)}", hint))
            continue
        checked, found = _read_value(item, declared, file, key_line, what, value.spans.get(key))
        problems += found
        if not found:
            out[key] = checked
            out.key_lines[key] = key_line
            if key in value.spans:
                out.spans[key] = value.spans[key]
    for declared in fields:
        if declared.required and declared.name not in value:
            problems.append(Problem(file, value.line, f"{what}: missing field {quote(declared.name)}",
                                    f"add '{declared.name}: …' ({declared.doc})"))
    return out, problems


def _read_value(item: Any, declared: Field, file: str, line: int, what: str,
                span: Span | None = None) -> tuple[Any, list[Problem]]:
    key = declared.name
    if item is None and span is not None and span.style is None and not span.text:
        # 'key:' with nothing after it (or only a comment): YAML reads null, which no field takes.
        return None, [Problem(file, line, f"{what}: field {quote(key)} has no value",
                              _NO_VALUE_HINTS.get(declared.kind, "write its value after '{key}: '")
                              .format(key=key, doc=declared.doc))]
    if (declared.kind is int and (isinstance(item, bool) or not isinstance(item, int))) or (
        declared.kind is not int and not isinstance(item, declared.kind)
    ):
        if declared.kind is str and span is not None and span.text is not None:
            written = span.text.replace("\\", "\\\\").replace('"', '\\"')
            hint = f'write it in double quotes: {key}: "{written}"'
        elif declared.kind is str:
            hint = "quote text values with double quotes"
        else:
            hint = f"write {_KIND_NAMES[declared.kind]}"
        return None, [Problem(
            file, line, f"{what}: field {quote(key)} must be {_KIND_NAMES[declared.kind]}, got {quote(item)}", hint)]
    if declared.kind is str:
        if not item.strip():
            block = span is not None and span.style in ("|", ">")
            return None, [Problem(file, line, f"{what}: field {quote(key)} is empty",
                                  f"write the {key} on the lines under '{key}: {span.style if span else ''}', "
                                  f"indented more than '{key}:'" if block else f"write the {key}")]
        if item.strip() in declared.placeholders:
            return None, [Problem(file, line, f"{what}: field {quote(key)} still has the example value "
                                  f"{quote(item.strip())}", f"replace it with {declared.doc}")]
        if declared.max_length and len(item) > declared.max_length:
            return None, [Problem(file, line, f"{what}: field {quote(key)} is {len(item)} characters long",
                                  f"keep it under {declared.max_length} characters")]
        if declared.choices and item not in declared.choices:
            return None, [Problem(file, line, f"{what}: field {quote(key)} has unknown value {quote(item)}",
                                  "use one of: " + ", ".join(declared.choices))]
        if declared.pattern and not re.fullmatch(declared.pattern, item):
            suggestion = declared.suggest(item) if declared.suggest else ""
            hint = (f'write {key}: "{suggestion}" ({declared.doc})' if suggestion else
                    f"write {declared.doc}" if declared.doc else f"it must match {declared.pattern}")
            return None, [Problem(file, line, f"{what}: field {quote(key)} value {quote(item)} is malformed", hint)]
        return item, []
    if declared.kind is list:
        if len(item) < declared.min_items:
            return None, [Problem(file, line, f"{what}: field {quote(key)} needs at least {declared.min_items} "
                                  f"item{'s' if declared.min_items > 1 else ''}", f"add a '- ' item under {key}")]
        items = LocatedList()
        items.line, items.item_lines = item.line, list(item.item_lines)
        problems: list[Problem] = []
        for index, (element, element_line) in enumerate(zip(item, item.item_lines, strict=True), 1):
            if declared.record:
                checked, found = read_record(element, declared.record, file, element_line, f"{what}: {key} {index}")
            else:
                inner = Field(key, declared.item or str, pattern=declared.pattern, choices=declared.choices)
                checked, found = _read_value(element, inner, file, element_line, f"{what}: {key} {index}")
            problems += found
            items.append(checked)
        return items, problems
    if declared.kind is dict and declared.record and not declared.pattern:
        return read_record(item, declared.record, file, line, f"{what}: {key}")
    if declared.kind is dict and declared.record:
        mapping = LocatedMap()
        mapping.line, mapping.key_lines, mapping.spans = item.line, dict(item.key_lines), dict(item.spans)
        problems = []
        for name, element in item.items():
            element_line = item.key_lines[name]
            if declared.pattern and not re.fullmatch(declared.pattern, name):
                problems.append(Problem(file, element_line, f"{what}: {key} has unknown key {quote(name)}",
                                        f"keys must match {declared.pattern}"))
                continue
            mapping[name], found = read_record(element, declared.record, file, element_line, f"{what}: {key} {name}")
            problems += found
        return mapping, problems
    return item, []


def read_list(value: Any, key: str, file: str, line: int, also: tuple[str, ...] = ()) -> tuple[LocatedList,
                                                                                           list[Problem]]:
    """The list under a top-level key, or a problem saying the file's shape is wrong. `also`: the
    file's other top-level keys: `key` may be absent (an empty list) when one of them is there."""
    if isinstance(value, LocatedMap) and key not in value and any(k in value for k in also):
        return _empty(), []
    if not isinstance(value, LocatedMap) or key not in value:
        return _empty(), [Problem(file, line, f"the file must have a top-level {quote(key)} list",
                                  f"start the file with '{key}:' followed by '- ' items")]
    # Any other top-level key is a mistake the file's JSON Schema refuses too ('$schema' aside, which
    # editors read): a second list under a misspelt key would otherwise be dropped without a word.
    problems = [Problem(file, value.key_lines[other], f"unknown top-level key {quote(other)}",
                        f"the file has one top-level key, '{key}': put every entry in its list" if not also else
                        "the file's top-level keys are " + ", ".join(f"'{k}'" for k in (key, *also)))
                for other in value if other not in (key, *also, "$schema")]
    items = value[key]
    if not isinstance(items, LocatedList):
        return _empty(), [*problems, Problem(file, value.key_lines[key], f"{quote(key)} must be a list",
                                             "write each entry on a line starting with '- '")]
    return items, problems


def other_entries(path: Path, display: str, key: str, other: str) -> LocatedList:
    """The items of a file's other top-level list (see `entries`' `also`: conversion.yml's
    `reviewed`), none when the file is absent or cannot be read; the file's own problems are
    reported by the reader of its `key` list."""
    if not path.exists():
        return _empty()
    return entries(path, display, key, also=(other,)).others.get(other) or _empty()


def _empty() -> LocatedList:
    items = LocatedList()
    items.line = 1
    items.item_lines = []
    return items


def convert(node: yaml.Node, display: str) -> Any:
    """One composed YAML node (of a file read elsewhere, like mkdocs.yml) as plain values,
    LocatedMap and LocatedList, with the same refusals as the input files'."""
    return _Converter(display).convert(node)


def located(value: Any, line: int = 1) -> Any:
    """Plain data (from a program, not a file) as read_record expects it: every mapping a
    LocatedMap and every list a LocatedList, all on `line`."""
    if isinstance(value, dict):
        out = LocatedMap()
        out.line, out.key_lines = line, {}
        for key, item in value.items():
            out[key] = located(item, line)
            out.key_lines[key] = line
        return out
    if isinstance(value, list | tuple):
        items = LocatedList()
        items.line = line
        items.extend(located(item, line) for item in value)
        items.item_lines = [line] * len(items)
        return items
    return value

"""The generator's own words in each edition: the tooltips and labels it prints into pages.

They are the editors' words, not the author's, so each edition has its own table
(`plugins/edition/strings/<code>.yml`), written in that edition's usage (本段連結, not the
本段鏈接 OpenCC would make of 本段链接). The source edition's table is printed by the renderers;
a further edition's replaces, in its converted pages, what the conversion made of the source's.
Each table is read and checked once, into a frozen dataclass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

import yaml

from .errors import EditionError, Problem, quote

FOLDER = Path(__file__).resolve().parent.parent / "strings"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Strings:
    """One edition's interface strings."""

    #: A paragraph's permalink ({id}: the paragraph's id).
    paragraph_link: str
    #: A heading's permalink (also `permalink_title` of the toc extension in mkdocs.yml).
    section_link: str
    #: A timeline event's permalink.
    entry_link: str
    #: The suggest-a-note link's tooltip.
    suggest_note: str
    #: The suggest-a-note link's label for screen readers.
    suggest_note_label: str
    #: The label of a section's notes ({heading}: the section's heading).
    section_notes: str
    #: The label and title of the list of events a page mentions.
    events_on_page: str
    #: A note's link back to its passage in the text ({n}: the second, third… passage it is on).
    back_to_text: str
    back_to_text_nth: str
    #: The glossary page's introduction ({categories}: its categories, listed), and with no entry.
    glossary_intro: str
    glossary_empty: str
    #: The timeline page's introduction ({span}: its years; {count}, {mentioned}: its events, those
    #: the text mentions), with {background} events outside the text, and with no event.
    timeline_intro: str
    timeline_intro_background: str
    timeline_empty: str
    #: The timeline's years (a label), its filter's legend, and the filter's status ("#": a number).
    timeline_years: str
    timeline_filter: str
    timeline_shown: str
    #: The page not found (404): its heading and text; the example paragraph id ({example}), with
    #: the words that it is the same in every edition; the search, the home page ({home}: a link
    #: to it, named `home`) and the other pages ({pages}: links, the last after `list_and`).
    not_found_title: str
    not_found_text: str
    not_found_example: str
    not_found_example_editions: str
    not_found_search: str
    not_found_home: str
    not_found_home_pages: str
    home: str
    list_and: str
    #: The theme's own translations corrected for this edition: (the theme's string in the source
    #: edition's language, this edition's), e.g. Material's zh-TW 前往倉庫 → 前往儲存庫.
    theme: tuple[tuple[str, str], ...] = ()

    def __getitem__(self, name: str) -> str:
        return str(getattr(self, name))

    def items(self) -> list[tuple[str, str]]:
        return [(name, self[name]) for name in NAMES]


NAMES = tuple(f.name for f in fields(Strings) if f.name != "theme")
#: The strings a page is rendered with for each edition (the 404 page's, whose placeholders hold
#: markup), not put in place of their conversion (see `replacements`).
RENDERED = frozenset(n for n in NAMES if n.startswith("not_found_") or n in ("home", "list_and"))


def parse(text: str, file: str, reference: Strings | None = None) -> Strings:
    """A table from its YAML; every problem names the file, the line and the key.

    With `reference` (the source edition's table), each string must have the same placeholders.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise EditionError(Problem(file, mark.line + 1 if mark else 0, "not valid YAML",
                                   "write one 'name: string' line per string")) from None
    lines = {m.group(1): n for n, m in enumerate((re.match(r"([A-Za-z_]+)\s*:", line) for line in
                                                  text.splitlines()), 1) if m}
    if not isinstance(data, dict):
        raise EditionError(Problem(file, 1, "the strings are not a mapping",
                                   "write one 'name: string' line per string"))
    problems = []
    for key, value in data.items():
        line = lines.get(str(key), 0)
        if key == "theme":
            if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                      for k, v in value.items()):
                problems.append(Problem(file, line, f"theme: not a mapping of strings: {quote(value)}",
                                        "write the theme's string and this edition's, like '前往仓库: 前往儲存庫'"))
        elif key not in NAMES:
            problems.append(Problem(file, line, f"unknown string {quote(key)}",
                                    "the strings are: " + ", ".join(NAMES)))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(file, line, f"{key}: the string is empty or not text: {quote(value)}",
                                    f"write it as '{key}: 本段連結'"))
        elif reference is not None and sorted(_PLACEHOLDER.findall(value)) != sorted(
                _PLACEHOLDER.findall(reference[key])):
            want = " ".join("{" + p + "}" for p in _PLACEHOLDER.findall(reference[key])) or "none"
            problems.append(Problem(file, line, f"{key}: placeholders differ from the source edition's: "
                                    f"{quote(value)}", f"use the placeholders {want}"))
    for key in NAMES:
        if key not in data:
            problems.append(Problem(file, 0, f"missing string {quote(key)}", f"add a line '{key}: …'"))
    if problems:
        raise EditionError(problems)
    return Strings(**{k: data[k] for k in NAMES}, theme=tuple(sorted((data.get("theme") or {}).items())))


@cache
def load(code: str) -> Strings | None:
    """The table of an edition (by its code), or None when the generator has none for it."""
    path = FOLDER / f"{code}.yml"
    if not path.exists():
        return None
    reference = None if code == SOURCE_CODE else source()
    return parse(path.read_text(encoding="utf-8"), f"plugins/edition/strings/{path.name}", reference)


SOURCE_CODE = "zh-Hans"


def source() -> Strings:
    """The source edition's table, which the renderers print."""
    table = load(SOURCE_CODE)
    assert table is not None
    return table


def replacements(edition: Strings, convert: Callable[[str], str]) -> list[Replacement]:
    """For a converted page of an edition: each source string as the conversion made it, as a
    pattern (its placeholders any text, a whole attribute value or a whole text between tags),
    and the edition's own string in its place (the placeholders' text kept)."""
    out = []
    for name, text in source().items():
        if name in RENDERED:
            continue
        converted = convert(text)
        parts = _PLACEHOLDER.split(converted)  # text, name, text, …
        pattern = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>[^\"<>]*?)" for i, p in enumerate(parts))
        target = _PLACEHOLDER.sub(lambda m: f"\\g<{m.group(1)}>", edition[name].replace("\\", "\\\\"))
        out.append(Replacement(re.compile(f'(?<=[">]){pattern}(?=["<])'), target, max(parts[::2], key=len),
                               re.compile(pattern), tuple(_PLACEHOLDER.split(edition[name]))))
    return out


@dataclass(frozen=True)
class Replacement:
    """One of an edition's own strings: where the conversion's version of it stands, and its text."""

    pattern: re.Pattern[str]
    target: str
    literal: str  # text every match contains (a page without it needs no search)
    whole: re.Pattern[str]  # the pattern without its edges, matched against a whole text or value
    #: The target as text and placeholder names in turn (text, name, text, …): what `whole`'s
    #: match expands to, without parsing the target again for each text.
    parts: tuple[str, ...]


_EDGES = '"<>'


def apply(markup: str, pairs: list[Replacement]) -> str:
    """The edition's own strings in a converted page (see `replacements`)."""
    for pair in pairs:
        if pair.literal in markup:
            markup = _replace(markup, pair)
    return markup


#: What each text matched by a replacement's pattern becomes (None: it does not match).
_EXPANDED: dict[tuple[Replacement, str], str | None] = {}


def _replace(markup: str, pair: Replacement) -> str:
    """`pair.pattern.sub(pair.target, markup)`, looking only where the literal is: a match is a
    whole text between tags or a whole attribute value (placeholders hold none of '"<>'), so it
    is the run of text around the literal, between an opening '"' or '>' and a closing '"' or '<'."""
    if not pair.literal or any(c in pair.literal for c in _EDGES):
        return pair.pattern.sub(pair.target, markup)
    out: list[str] = []
    at = 0  # copied up to here
    find = markup.find(pair.literal)
    while find != -1:
        start = max(markup.rfind(c, at, find) for c in _EDGES) + 1
        if start == 0 and at > 0:  # no edge since the last replacement: it ended on one
            start = at
        ends = [e for e in (markup.find(c, find) for c in _EDGES) if e != -1]
        end = min(ends) if ends else len(markup)
        if start > 0 and markup[start - 1] in '">' and end < len(markup) and markup[end] in '"<':
            text = markup[start:end]
            key = (pair, text)
            if key not in _EXPANDED:  # a page repeats its strings (every paragraph's link), a book its pages
                match = pair.whole.fullmatch(text)
                _EXPANDED[key] = None if match is None else "".join(
                    part if i % 2 == 0 else match.group(part) for i, part in enumerate(pair.parts))
            expanded = _EXPANDED[key]
            if expanded is not None:
                out += [markup[at:start], expanded]
                at = end
        find = markup.find(pair.literal, max(end, find + 1))
    out.append(markup[at:])
    return "".join(out)

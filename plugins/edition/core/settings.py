"""The edition's settings: everything about one text that the generator needs to know, declared once.

They live under the `edition` plugin in `mkdocs.yml` (the file every site generator of the MkDocs
family reads). The MkDocs plugin's configuration class is made from `OPTIONS` (mkdocs_plugin/
config.py), and every command (`edition ingest|check|prepare|finish|build …`) reads the same file
through `config_file.py`: one declaration, one validation, `file:line` messages.

Nothing here names a particular text: a text's geometry, its extractor's quirks, its years, its
category vocabularies and its page introductions are values of these settings, and the defaults
are generic.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import EditionError, Problem, quote
from .text import layout
from .text.layout import Layout
from .yamlfile import Field, LocatedList, LocatedMap, read_record

LANGUAGE = r"zh-Han[st](-[A-Z]{2})?"


@dataclass(frozen=True)
class Option:
    """One setting of the `edition` plugin: its name, its YAML type, its default, what it means."""

    name: str
    kind: type
    default: Any
    doc: str


#: Category vocabularies used when the settings give none: generic, for any text. A text declares
#: its own (`categories:`), each a key (ASCII, used in the annotation files) and its label.
DEFAULT_CATEGORIES: dict[str, dict[str, str]] = {
    "notes": {"background": "背景", "fact-check": "考证", "concept": "概念", "person": "人物", "work": "作品",
              "idiom": "典故"},
    "terms": {"concept": "概念", "person": "人物", "organisation": "机构", "place": "地点", "work": "作品"},
    "events": {"life": "生平", "work": "著述", "history": "时事"},
}

OPTIONS: tuple[Option, ...] = (
    Option("source", str, "source/text.txt", "The verbatim source text, relative to mkdocs.yml. Never edited."),
    Option("structure", str, "annotations/structure.yml", "Declared pages and headings, relative to mkdocs.yml."),
    Option("emendations", str, "annotations/emendations.yml",
           "Recorded corrections of extraction artifacts, relative to mkdocs.yml."),
    Option("annotations", str, "annotations",
           "Folder of the annotation files (notes/, glossary.yml, timeline.yml), relative to mkdocs.yml."),
    Option("conversion", str, "annotations/conversion.yml",
           "Reviewed overrides of the conversion into the further editions, relative to mkdocs.yml."),
    Option("forms", str, "annotations/forms.yml",
           "The further editions' variant policy (宣佈 → 宣布), applied after the conversion, relative to "
           "mkdocs.yml."),
    Option("layout", dict, {}, "How the source was laid out, as the extraction shows it: kind (page: a "
           "printed page extracted line by line; paragraphs: one paragraph per line), column (em, or auto), "
           "indent, slack, overflow (em), fragment_starts (the extractor's quirk; see core/text/layout.py)."),
    Option("layout_fixes", str, "annotations/layout.yml", "Declared paragraph breaks and whitespace-only fixes "
           "of the source's layout, relative to mkdocs.yml (core/text/layout_fixes.py); no file, no fixes."),
    Option("timeline_years", list, [], "The first and last year an event may have, like [1918, 1936]; "
           "empty: any year."),
    Option("categories", dict, {}, "Category vocabularies of notes, terms and events: for each, keys "
           "(as the annotation files write them) and their labels, in display order. Absent: generic ones."),
    Option("intros", dict, {}, "The introduction of each generated page (glossary, timeline, apparatus), "
           "in Markdown; absent: one made from what the page holds."),
    Option("pages", str, "text", "Folder under docs_dir that holds the generated text pages."),
    Option("apparatus", str, "apparatus.md", "Where the generated apparatus page (校勘记) goes, under docs_dir."),
    Option("glossary", str, "glossary.md", "Where the generated glossary page (术语表) goes, under docs_dir."),
    Option("timeline", str, "timeline.md", "Where the generated timeline page (年表) goes, under docs_dir."),
    Option("export", str, "annotations.jsonld", "Where the W3C Web Annotation export goes in the built site."),
    Option("glossary_export", str, "glossary.json",
           "Where the glossary's JSON export (terms with their occurrences) goes in the built site."),
    Option("timeline_export", str, "timeline.json",
           "Where the timeline's export in TimelineJS's JSON format goes in the built site."),
    Option("source_name", str, "简体中文", "The source edition's name in the language switcher."),
    Option("editions", list, [], "Further editions, each converted from the source edition in the same "
           "build: code, opencc, path, name, and optionally quotes and theme_language."),
    Option("cache", str, ".cache/edition", "A folder for data kept between builds (pinyin, word boundaries), "
           "relative to mkdocs.yml. Deleting it changes nothing but the time of the next build."),
    Option("edit_root", str, "edit/main/", "The repository's edit URL for its root, relative to repo_url: "
           "generated pages link their edit button to the file they come from."),
    Option("suggest_root", str, "new/main/", "The repository's \"create a file\" URL for its root, relative "
           "to repo_url: each paragraph gets a link that opens it with a new note. Empty: no such links."),
    Option("search", bool, True, "The edition's own search (box, result list, index). False: none."),
)

EDITION = (
    Field("code", str, pattern=LANGUAGE, doc="its language tag, like zh-Hant"),
    Field("opencc", str, pattern=r"[a-z0-9]+", doc="the OpenCC configuration that makes its text, like s2tw"),
    Field("path", str, pattern=r"[A-Za-z0-9_-]+/?", doc="where it lives under the site root, like zh-Hant/"),
    Field("name", str, doc="its name in the language switcher, in its own script"),
    Field("quotes", str, required=False, pattern=r"(?s).{4}",
          doc="quotation marks: outer open, outer close, inner open, inner close, like 「」『』"),
    Field("theme_language", str, required=False, doc="the theme's interface language for it, like zh-TW"),
)
_CATEGORY_KEY = r"[a-z0-9]+(-[a-z0-9]+)*"
_INTROS = ("glossary", "timeline", "apparatus")


@dataclass(frozen=True)
class Categories:
    """The category vocabularies of notes, terms and events: (key, label) pairs in display order."""

    notes: tuple[tuple[str, str], ...]
    terms: tuple[tuple[str, str], ...]
    events: tuple[tuple[str, str], ...]

    def keys(self, kind: str) -> tuple[str, ...]:
        """The keys of one kind's vocabulary (kind: note, term or event)."""
        return tuple(key for key, _ in self._of(kind))

    def label(self, kind: str, key: str) -> str:
        return dict(self._of(kind)).get(key, key)

    def labels(self, kind: str) -> dict[str, str]:
        return dict(self._of(kind))

    def _of(self, kind: str) -> tuple[tuple[str, str], ...]:
        return {"note": self.notes, "term": self.terms, "event": self.events}[kind]


GENERIC_CATEGORIES = Categories(*(tuple(DEFAULT_CATEGORIES[k].items()) for k in ("notes", "terms", "events")))


@dataclass(frozen=True)
class EditionSpec:
    """A further edition as configured (variants.Variant is made from it)."""

    code: str
    opencc: str
    path: str
    name: str
    quotes: str = ""
    theme_language: str = ""


@dataclass(frozen=True)
class Settings:
    """The edition's settings, checked. Paths are relative to the configuration file's folder."""

    source: str = "source/text.txt"
    structure: str = "annotations/structure.yml"
    emendations: str = "annotations/emendations.yml"
    annotations: str = "annotations"
    conversion: str = "annotations/conversion.yml"
    forms: str = "annotations/forms.yml"
    layout: Layout = field(default_factory=Layout)
    layout_fixes: str = "annotations/layout.yml"
    timeline_years: tuple[int, int] | None = None
    categories: Categories = GENERIC_CATEGORIES
    intros: tuple[tuple[str, str], ...] = ()
    pages: str = "text"
    apparatus: str = "apparatus.md"
    glossary: str = "glossary.md"
    timeline: str = "timeline.md"
    export: str = "annotations.jsonld"
    glossary_export: str = "glossary.json"
    timeline_export: str = "timeline.json"
    source_name: str = "简体中文"
    editions: tuple[EditionSpec, ...] = ()
    cache: str = ".cache/edition"
    edit_root: str = "edit/main/"
    suggest_root: str = "new/main/"
    search: bool = True
    #: Where they were read, for messages ("mkdocs.yml"), and the line of each setting.
    file: str = "mkdocs.yml"
    lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, name: str) -> int:
        """The line of a setting in the configuration file (of the plugin's entry when absent)."""
        return dict(self.lines).get(name, dict(self.lines).get("", 1))

    def intro(self, page: str) -> str:
        """The configured introduction of a generated page, or ""."""
        return dict(self.intros).get(page, "")


def read(raw: Any, file: str = "mkdocs.yml", line: int = 1) -> Settings:
    """Check the `edition` plugin's settings (a mapping as read by yamlfile, with lines) into
    Settings. Raises EditionError with every problem, each at its line of `file`."""
    if raw is None:
        raw = LocatedMap()
        raw.line, raw.key_lines = line, {}
    if not isinstance(raw, LocatedMap):
        raise EditionError(Problem(file, line, f"the edition plugin's settings must be a mapping, got {quote(raw)}",
                                   "write them as 'name: value' lines under '- edition:'"))
    problems: list[Problem] = []
    known = {o.name: o for o in OPTIONS}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        at = raw.key_lines.get(key, raw.line)
        option = known.get(key)
        if option is None:
            close = difflib.get_close_matches(key, known, n=1)
            hint = (f"did you mean {quote(close[0])}? " if close else "") + "settings: " + ", ".join(known)
            problems.append(Problem(file, at, f"edition: unknown setting {quote(key)}", hint))
            continue
        if value is None:
            continue  # `name:` with nothing after it: the default
        if not _fits(value, option.kind):
            kinds = {str: "text", bool: "true or false", list: "a list", dict: "a mapping", int: "a number"}
            problems.append(Problem(file, at, f"edition: setting {quote(key)} must be {kinds[option.kind]}, "
                                    f"got {quote(value)}", option.doc))
            continue
        values[key] = value
    out: dict[str, Any] = {k: v for k, v in values.items() if known[k].kind in (str, bool)}
    for key in ("source", "structure", "emendations", "annotations", "conversion", "forms", "layout_fixes",
                "pages",
                "apparatus", "glossary", "timeline", "export", "glossary_export", "timeline_export", "cache"):
        if key in out and not str(out[key]).strip():
            problems.append(Problem(file, raw.key_lines[key], f"edition: setting {quote(key)} is empty",
                                    known[key].doc))
    try:
        out["layout"] = layout.from_settings(values.get("layout"), file, raw.key_lines.get("layout", raw.line))
    except EditionError as err:
        problems += err.problems
    if "timeline_years" in values:
        years, found = _years(values["timeline_years"], file, raw.key_lines["timeline_years"])
        problems += found
        out["timeline_years"] = years
    if "categories" in values:
        categories, found = _categories(values["categories"], file, raw.key_lines["categories"])
        problems += found
        out["categories"] = categories
    if "intros" in values:
        intros = values["intros"]
        for page, text in intros.items():
            at = intros.key_lines.get(page, raw.key_lines["intros"])
            if page not in _INTROS:
                problems.append(Problem(file, at, f"edition: intros: unknown page {quote(page)}",
                                        "pages with an introduction: " + ", ".join(_INTROS)))
            elif not isinstance(text, str) or not text.strip():
                problems.append(Problem(file, at, f"edition: intros: {page} must be text, got {quote(text)}",
                                        "write the introduction in Markdown, or leave the page out"))
        out["intros"] = tuple((k, v) for k, v in intros.items() if k in _INTROS and isinstance(v, str))
    if "editions" in values:
        editions, found = _editions(values["editions"], file)
        problems += found
        out["editions"] = editions
    if problems:
        raise EditionError(problems)
    lines = (("", raw.line), *sorted(raw.key_lines.items()))
    return Settings(**out, file=file, lines=lines)


def _fits(value: Any, kind: type) -> bool:
    """Is a YAML value of the setting's type? (true is not a number, nor a number true.)"""
    return isinstance(value, bool) if kind is bool else isinstance(value, kind) and not isinstance(value, bool)


def _years(value: LocatedList, file: str, line: int) -> tuple[tuple[int, int] | None, list[Problem]]:
    if not value:
        return None, []
    if len(value) != 2 or not all(isinstance(y, int) and not isinstance(y, bool) for y in value) \
            or value[0] > value[1]:
        return None, [Problem(file, line, f"edition: timeline_years must be two years, first and last, got "
                              f"{quote(list(value))}", "write it like [1918, 1936], or [] for any year")]
    return (value[0], value[1]), []


def _categories(value: LocatedMap, file: str, line: int) -> tuple[Categories, list[Problem]]:
    problems: list[Problem] = []
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for kind, vocabulary in value.items():
        at = value.key_lines.get(kind, line)
        if kind not in DEFAULT_CATEGORIES:
            problems.append(Problem(file, at, f"edition: categories: unknown kind {quote(kind)}",
                                    "categories are given for: " + ", ".join(DEFAULT_CATEGORIES)))
            continue
        if not isinstance(vocabulary, LocatedMap) or not vocabulary:
            problems.append(Problem(file, at, f"edition: categories: {kind} must map keys to labels, got "
                                    f"{quote(vocabulary)}", "write 'key: label' lines, like 'person: 人物'"))
            continue
        pairs = []
        for key, label in vocabulary.items():
            key_line = vocabulary.key_lines.get(key, at)
            if not isinstance(key, str) or not _is_key(key):
                problems.append(Problem(file, key_line, f"edition: categories: {kind}: key {quote(key)} is "
                                        "malformed", "keys are lower-case ASCII words joined by '-', like fact-check"))
            elif not isinstance(label, str) or not label.strip():
                problems.append(Problem(file, key_line, f"edition: categories: {kind}: {key} has no label",
                                        "write the label readers see, like 'person: 人物'"))
            else:
                pairs.append((key, label))
        found[kind] = tuple(pairs)
    merged = {k: found.get(k, tuple(DEFAULT_CATEGORIES[k].items())) for k in DEFAULT_CATEGORIES}
    return Categories(merged["notes"], merged["terms"], merged["events"]), problems


def _is_key(key: str) -> bool:
    return re.fullmatch(_CATEGORY_KEY, key) is not None


def _editions(value: LocatedList, file: str) -> tuple[tuple[EditionSpec, ...], list[Problem]]:
    problems: list[Problem] = []
    out = []
    seen: dict[str, int] = {}
    for index, (item, line) in enumerate(zip(value, value.item_lines, strict=True), 1):
        record, found = read_record(item, EDITION, file, line, f"edition: editions {index}")
        problems += found
        if found:
            continue
        path = record["path"] if record["path"].endswith("/") else record["path"] + "/"
        for key, what in ((record["code"], "code"), (path, "path")):
            if key in seen:
                problems.append(Problem(file, record.key_lines[what], f"edition: editions {index}: {what} "
                                        f"{quote(key)} is already used (line {seen[key]})",
                                        "each edition has its own code and path"))
            seen.setdefault(key, record.key_lines[what])
        out.append(EditionSpec(record["code"], record["opencc"], path, record["name"], record.get("quotes", ""),
                               record.get("theme_language", "")))
    return tuple(out), problems


def defaults() -> dict[str, Any]:
    """Each option's default, as the MkDocs configuration class declares it."""
    return {o.name: o.default for o in OPTIONS}


def from_mapping(values: Mapping[str, Any], file: str = "mkdocs.yml") -> Settings:
    """Settings from plain values (no lines known): for programs that make them, and tests."""
    from .yamlfile import located

    return read(located(dict(values)), file)

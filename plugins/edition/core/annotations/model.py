"""Annotations contributed as YAML: notes, glossary terms (entities are terms of an entity category)
and timeline events. Declared once here; checked at load into frozen dataclasses.

Files (all optional, all under annotations/):
    notes/*.yml      notes:  commentary, background, fact-checks, people, works, idioms
    glossary.yml     terms:  the book's vocabulary, its companies, products, programmes, people
    timeline.yml     events: dated events

Every annotation targets passages of the text by exact quote (W3C TextQuoteSelector: exact,
prefix, suffix) on the Simplified source; anchoring.py finds them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import yamlfile
from ..errors import EditionError, Problem, quote
from ..settings import GENERIC_CATEGORIES, Categories
from ..yamlfile import Field, LocatedMap

SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
PINYIN = r"[a-zA-Z0-9 āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ'·+-]+"
VARIANT = r"zh-Hant(-[A-Z]{2})?|zh-Hans(-[A-Z]{2})?"

SOURCE = (
    Field("title", str, doc="the source's title", max_length=200),
    Field("url", str, required=False, pattern=r"https?://[^\s<>\"]+", doc="a web address (http or https)"),
    Field("citation", str, required=False, doc="a bibliographic citation, for sources without a URL"),
    Field("publisher", str, required=False, doc="who published it"),
    Field("date", str, required=False, pattern=DATE, doc="when it was published: YYYY, YYYY-MM or YYYY-MM-DD"),
)
TARGET = (
    Field("page", str, pattern=SLUG, doc="the text page's slug, like building-cars"),
    Field("quote", str, max_length=200, doc="the exact passage, copied from the Simplified text"),
    Field("prefix", str, required=False, max_length=40, doc="text just before the quote, to choose one occurrence"),
    Field("suffix", str, required=False, max_length=40, doc="text just after the quote, to choose one occurrence"),
)
_TEXT_FIELDS = {
    "note": ("title", "body"),
    "term": ("term", "definition", "body"),
    "event": ("title", "body"),
}


def _variants(kind: str) -> Field:
    record = tuple(Field(name, str, required=False, doc=f"the {name} in this variant")
                   for name in _TEXT_FIELDS[kind])
    return Field("variants", dict, required=False, pattern=VARIANT, record=record,
                 doc="per-edition overrides of text fields, keyed by language tag like zh-Hant")


def _sources(required: bool) -> Field:
    return Field("sources", list, required=required, record=SOURCE,
                 doc="where each fact not in the text comes from: title with url or citation")


def _category(choices: tuple[str, ...]) -> Field:
    return Field("category", str, choices=choices, doc="one of " + ", ".join(choices))


def fields(kind: str, categories: Categories = GENERIC_CATEGORIES) -> tuple[Field, ...]:
    """The record fields of one kind of annotation, with the categories the settings declare."""
    return {"note": _note, "term": _term, "event": _event}[kind](categories.keys(kind))


def _note(choices: tuple[str, ...]) -> tuple[Field, ...]:
    return (
        Field("id", str, pattern=r"n-" + SLUG, doc="a stable ASCII id like n-gdp-2010"),
        _category(choices),
        Field("title", str, required=False, max_length=40, doc="a short title, read by screen readers"),
        Field("targets", list, record=TARGET, min_items=1, doc="the passages the note is about"),
        Field("body", str, doc="the note, in Markdown (no HTML)"),
        _sources(required=True),
        _variants("note"),
    )


def _term(choices: tuple[str, ...]) -> tuple[Field, ...]:
    return (
        Field("id", str, pattern=r"t-" + SLUG, doc="a stable ASCII id like t-gmv"),
        Field("term", str, doc="the term as the text writes it"),
        _category(choices),
        Field("pinyin", str, required=False, max_length=80, pattern=PINYIN,
              doc="the pinyin with tone marks, only where pypinyin reads a polyphone wrongly"),
        Field("aliases", list, required=False, item=str, doc="other spellings that the text uses"),
        Field("definition", str, max_length=120, doc="one line, shown in previews"),
        Field("body", str, required=False, doc="the fuller entry, in Markdown (no HTML)"),
        Field("targets", list, required=False, record=TARGET, doc="passages the entry is about"),
        Field("see_also", list, required=False, item=str, pattern=r"t-" + SLUG, doc="ids of related terms"),
        _sources(required=False),
        _variants("term"),
    )


def _event(choices: tuple[str, ...]) -> tuple[Field, ...]:
    return (
        Field("id", str, pattern=r"ev-" + SLUG, doc="a stable ASCII id like ev-car-announcement"),
        Field("date", str, pattern=DATE + r"(/" + DATE + r")?", doc="YYYY, YYYY-MM or YYYY-MM-DD, or a range a/b"),
        Field("title", str, max_length=60, doc="what happened, in a line"),
        _category(choices),
        Field("body", str, required=False, doc="more, in Markdown (no HTML)"),
        Field("targets", list, required=False, record=TARGET, doc="paragraphs of the text that mention it"),
        Field("terms", list, required=False, item=str, pattern=r"t-" + SLUG, doc="ids of glossary terms"),
        _sources(required=True),
        _variants("event"),
    )


#: Each kind: the top-level key of its files, and its files (glob patterns).
KINDS: dict[str, tuple[str, str]] = {
    "note": ("notes", "notes/*.yml"),
    "term": ("terms", "glossary.yml"),
    "event": ("events", "timeline.yml"),
}


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a web page, or a bibliographic citation."""

    title: str
    url: str = ""
    citation: str = ""
    publisher: str = ""
    date: str = ""


@dataclass(frozen=True)
class Target:
    """A passage of the text, as a W3C TextQuoteSelector on one page."""

    page: str
    quote: str
    prefix: str = ""
    suffix: str = ""
    #: Where it is declared, for messages.
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class Annotation:
    """A note, a glossary term or a timeline event. Kind-specific fields are empty on other kinds."""

    kind: str
    id: str
    category: str
    body: str
    targets: tuple[Target, ...]
    sources: tuple[Source, ...]
    title: str = ""
    variants: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    term: str = ""
    aliases: tuple[str, ...] = ()
    pinyin: str = ""
    definition: str = ""
    see_also: tuple[str, ...] = ()
    date: str = ""
    terms: tuple[str, ...] = ()
    file: str = ""
    line: int = 0
    #: The line of each field, for messages about one field.
    field_lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, name: str) -> int:
        """The line of a field (of the record itself when the field is absent)."""
        return dict(self.field_lines).get(name, self.line)

    def text(self, name: str, variant: str = "") -> str:
        """A text field, as overridden for this edition variant if it is."""
        for code, fields in self.variants:
            if code == variant:
                for field_name, value in fields:
                    if field_name == name:
                        return value
        return str(getattr(self, name))


@dataclass(frozen=True)
class Loaded:
    """Every annotation, in file order, and the warnings found while checking them."""

    annotations: tuple[Annotation, ...]
    warnings: tuple[Problem, ...]


def load(root: Path, folder: str, pages: set[str], reserved: dict[str, str] | None = None,
         categories: Categories = GENERIC_CATEGORIES) -> Loaded:
    """Read and check every annotation file under `root/folder`.

    `pages` are the known page slugs; `reserved` maps ids used elsewhere (emendations) to where;
    `categories` the vocabularies of the settings.
    Raises EditionError with every problem; returns warnings (which fail only strict builds).
    """
    problems: list[Problem] = []
    warnings: list[Problem] = []
    found: list[Annotation] = []
    seen: dict[str, str] = dict(reserved or {})
    for kind, (key, pattern) in KINDS.items():
        record = fields(kind, categories)
        for path in sorted((root / folder).glob(pattern)):
            display = path.relative_to(root).as_posix()
            try:
                data = yamlfile.load(path, display)
            except EditionError as err:
                problems += err.problems
                continue
            items, shape = yamlfile.read_list(data, key, display, 1)
            problems += shape
            for item, line in zip(items, items.item_lines, strict=True):
                what = f"{kind} {quote(item.get('id', '?'))}" if isinstance(item, dict) else kind
                values, record_problems = yamlfile.read_record(item, record, display, line, what)
                problems += record_problems
                if record_problems:
                    continue
                ident = values["id"]
                if ident in seen:
                    problems.append(Problem(display, values.key_lines["id"],
                                            f"duplicate id {quote(ident)} (first in {seen[ident]})",
                                            "give each annotation its own id"))
                    continue
                seen[ident] = f"{display}:{values.key_lines['id']}"
                annotation, found_problems, found_warnings = _build(kind, values, display, line, what, pages)
                problems += found_problems
                warnings += found_warnings
                if annotation:
                    found.append(annotation)
    terms = {a.id for a in found if a.kind == "term"}
    for a in found:
        for ref in (*a.see_also, *a.terms):
            if ref not in terms:
                close = difflib.get_close_matches(ref, terms, n=1)
                problems.append(Problem(a.file, a.line, f"{a.kind} {quote(a.id)}: unknown term {quote(ref)}",
                                        f"did you mean {quote(close[0])}?" if close else
                                        "add the term to annotations/glossary.yml or remove the reference"))
    if problems:
        raise EditionError(problems)
    return Loaded(tuple(found), tuple(sorted(warnings, key=lambda p: (p.file, p.line))))


def _build(kind: str, values: LocatedMap, file: str, line: int, what: str,
           pages: set[str]) -> tuple[Annotation | None, list[Problem], list[Problem]]:
    problems: list[Problem] = []
    warnings: list[Problem] = []
    targets: list[Target] = []
    raw_targets = values.get("targets", [])
    for target, target_line in zip(raw_targets, getattr(raw_targets, "item_lines", []), strict=True):
        if target["page"] not in pages:
            close = difflib.get_close_matches(target["page"], pages, n=1)
            hint = f"did you mean {quote(close[0])}? " if close else ""
            problems.append(Problem(file, target.key_lines["page"], f"{what}: unknown page {quote(target['page'])}",
                                    hint + "pages: " + ", ".join(sorted(pages))))
            continue
        targets.append(Target(target["page"], target["quote"], target.get("prefix", ""),
                              target.get("suffix", ""), file, target_line))
    sources: list[Source] = []
    raw_sources = values.get("sources", [])
    for source, source_line in zip(raw_sources, getattr(raw_sources, "item_lines", []), strict=True):
        if "url" not in source and "citation" not in source:
            problems.append(Problem(file, source_line, f"{what}: source {quote(source['title'])} has no url "
                                    "or citation", "add 'url: https://…' or a bibliographic 'citation: …'"))
            continue
        sources.append(Source(**dict(source)))
    if "sources" in values and not sources and not problems:
        warnings.append(Problem(file, values.key_lines["sources"], f"{what}: no sources",
                                "every fact that is not in the text names where it comes from"))
    if problems:
        return None, problems, warnings
    variants = tuple((code, tuple(sorted(fields.items())))
                     for code, fields in sorted(values.get("variants", {}).items()))
    simple = {k: v for k, v in values.items()
              if k in ("id", "category", "body", "title", "term", "pinyin", "definition", "date")}
    annotation = Annotation(
        kind=kind, targets=tuple(targets), sources=tuple(sources), variants=variants,
        aliases=tuple(values.get("aliases", ())), see_also=tuple(values.get("see_also", ())),
        terms=tuple(values.get("terms", ())), file=file, line=line,
        field_lines=tuple(sorted(values.key_lines.items())),
        **{"body": "", **simple},
    )
    return annotation, problems, warnings


def schema(kind: str, categories: Categories = GENERIC_CATEGORIES) -> dict[str, Any]:
    """The JSON Schema of one kind's files, generated from the declarations above."""
    key, _ = KINDS[kind]
    return file_schema(fields(kind, categories), key, f"{kind} annotations")


def file_schema(fields: tuple[Field, ...], key: str, title: str) -> dict[str, Any]:
    """The JSON Schema of a file whose top-level `key` lists records declared with `fields`."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Edition {title} (generated by scripts/annotations.py schema; do not edit)",
        "type": "object",
        "additionalProperties": False,
        "required": [key],
        "properties": {"$schema": {"type": "string"}, key: {"type": "array", "items": _record(fields)}},
    }


def _record(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": {f.name: _field(f) for f in fields},
    }


def _field(field: Field) -> dict[str, Any]:
    out: dict[str, Any]
    if field.kind is str:
        out = {"type": "string", "minLength": 1}
        if field.pattern:
            out["pattern"] = f"^(?:{field.pattern})$"
        if field.choices:
            out["enum"] = list(field.choices)
        if field.max_length:
            out["maxLength"] = field.max_length
    elif field.kind is int:
        out = {"type": "integer"}
    elif field.kind is bool:
        out = {"type": "boolean"}
    elif field.kind is list:
        item = _record(field.record) if field.record else _field(Field(field.name, field.item or str,
                                                                        pattern=field.pattern))
        out = {"type": "array", "items": item}
        if field.min_items:
            out["minItems"] = field.min_items
    else:
        out = {"type": "object", "additionalProperties": False,
               "patternProperties": {f"^(?:{field.pattern})$": _record(field.record)}}
    out["description"] = field.doc
    return out


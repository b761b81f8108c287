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
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import yamlfile
from ..errors import Problem, ordered, quote
from ..render import bodies
from ..settings import GENERIC_CATEGORIES, Categories
from ..yamlfile import Field, LocatedMap

SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
URL = r"https?://[^\s<>\"]+"
PINYIN = r"[a-zA-Z0-9 āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ'·+-]+"
VARIANT = r"zh-Hant(-[A-Z]{2})?|zh-Hans(-[A-Z]{2})?"

#: The source policy (CONTRIBUTING.md, 来源政策) as far as it is mechanical: every source names its
#: publisher, and a repost is declared under `repost:`, never by what marks one in a title or a
#: publisher (these marks), which `repost:` says instead.
REPOST_MARKS = ("转载", "镜像", "描述性标题", "原标题未录")
#: Titles an editor gives a document that has none, or whose title could not be read: each must be
#: followed by a description of the document.
UNTITLED = ("[无标题]", "[标题未能核实]")

#: Example values that `annotations.py new` and the suggest-a-note skeleton write, refused until replaced.
BODY_PLACEHOLDER = "（在此写注释正文：简体中文，中立，每个文本之外的事实都注明来源。）"
TITLE_PLACEHOLDERS = ("来源标题", "（来源标题）")
URL_PLACEHOLDERS = ("https://", "http://", "https://example.org/", "https://example.org")
PUBLISHER_PLACEHOLDERS = ("出版者", "（出版者）")
DATE_PLACEHOLDER = "YYYY-MM-DD"

_CHINESE_DATE = re.compile(r"([0-9]{4})\s*年(?:\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*[日号])?)?")
_NUMERIC_DATE = re.compile(r"([0-9]{4})(?:\s*[-./]\s*([0-9]{1,2})(?:\s*[-./]\s*([0-9]{1,2}))?)?")


def suggest_date(value: str) -> str:
    """The value written as the files write dates, if it reads as a date: 1998年3月 → 1998-03,
    1998/3/22 → 1998-03-22, １９９８年 → 1998; a range a/b part by part. "" when it does not."""
    parts = unicodedata.normalize("NFKC", value).strip().split("/") if "年" in value else [
        unicodedata.normalize("NFKC", value).strip()]
    out = []
    for part in parts:
        match = _CHINESE_DATE.fullmatch(part) or _NUMERIC_DATE.fullmatch(part)
        if not match:
            return ""
        year, month, day = match.groups()
        if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
            return ""
        out.append(year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if day else ""))
    suggestion = "/".join(out)
    return suggestion if suggestion != value else ""


REPOST = (
    Field("url", str, pattern=URL, doc="the address where the document was read (http or https)"),
    Field("publisher", str, doc="who published the repost: the site or account where it was read"),
    Field("title", str, required=False, max_length=200, doc="the repost's title, where it differs from the original's"),
)
SOURCE = (
    Field("title", str, doc="the source's title, as the document carries it", max_length=200,
          placeholders=TITLE_PLACEHOLDERS),
    Field("url", str, required=False, pattern=URL, placeholders=URL_PLACEHOLDERS,
          doc="the document's web address (http or https), where its publisher has it"),
    Field("citation", str, required=False,
          doc="a bibliographic citation (a book, an issue, a document number), for sources without a URL"),
    Field("publisher", str, required=False, placeholders=PUBLISHER_PLACEHOLDERS,
          doc="who issued the document (its author's organisation, the newspaper, the ministry)"),
    Field("date", str, required=False, pattern=DATE, placeholders=(DATE_PLACEHOLDER,), suggest=suggest_date,
          doc="when it was published: YYYY, YYYY-MM or YYYY-MM-DD"),
    Field("repost", dict, required=False, record=REPOST,
          doc="where the document was read, when that was a repost, mirror or aggregator: url, publisher "
              "(and title)"),
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
                 doc="where each fact not in the text comes from: title, publisher, date, url or citation, "
                     "and repost when read at a repost")


def _category(choices: tuple[str, ...]) -> Field:
    return Field("category", str, choices=choices, doc="one of " + ", ".join(choices))


def fields(kind: str, categories: Categories = GENERIC_CATEGORIES) -> tuple[Field, ...]:
    """The record fields of one kind of annotation, with the categories the settings declare."""
    return {"note": _note, "term": _term, "event": _event}[kind](categories.keys(kind))


def _note(choices: tuple[str, ...]) -> tuple[Field, ...]:
    return (
        Field("id", str, pattern=r"n-" + SLUG, doc="a stable ASCII id like n-kezhou-qiujian"),
        _category(choices),
        Field("title", str, required=False, max_length=40, doc="a short title, read by screen readers"),
        Field("targets", list, record=TARGET, min_items=1, doc="the passages the note is about"),
        Field("body", str, doc="the note, in Markdown (no HTML)", placeholders=(BODY_PLACEHOLDER,)),
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
        Field("date", str, pattern=DATE + r"(/" + DATE + r")?", suggest=suggest_date,
              doc="YYYY, YYYY-MM or YYYY-MM-DD, or a range a/b"),
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
#: Each kind's JSON Schema, in the schema/ folder beside its files.
SCHEMA_FILES = {"note": "notes.schema.json", "term": "glossary.schema.json", "event": "timeline.schema.json"}


@dataclass(frozen=True)
class Repost:
    """Where a document was read when that was not at its publisher: a repost, a mirror, an aggregator."""

    url: str
    publisher: str
    title: str = ""


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a document (its title, publisher, date, and a web address or a
    bibliographic citation), and where it was read if that was a repost."""

    title: str
    url: str = ""
    citation: str = ""
    publisher: str = ""
    date: str = ""
    repost: Repost | None = None


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
    #: Whether the quote is written over several lines of its file (YAML joins them with a space).
    multiline: bool = False


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
    #: What its texts marked -{…}- (the marks removed): no edition converts it.
    kept: tuple[str, ...] = ()

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
    """Every annotation that passed its checks, in file order, and the problems found while
    checking them all (an annotation with errors is left out of every later check)."""

    annotations: tuple[Annotation, ...]
    warnings: tuple[Problem, ...]
    errors: tuple[Problem, ...] = ()


def files(root: Path, folder: str) -> list[tuple[str, Path]]:
    """Every annotation file under `root/folder`, with its kind, in the order they are read."""
    return [(kind, path) for kind, (_, pattern) in KINDS.items() for path in sorted((root / folder).glob(pattern))]


@dataclass(frozen=True)
class FileRead:
    """One annotation file read and its annotations built: all that needs no other file."""

    annotations: tuple[Annotation, ...]
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    #: Each id declared, with where (file:line).
    ids: tuple[tuple[str, str], ...]
    #: The file's annotations are terms (its ids are the glossary's).
    terms: bool
    #: Not a glossary file, or one whose every term was read with its id (what is unknown is so).
    complete: bool


def read_file(root: Path, folder: str, kind: str, path: Path, pages: set[str] | None,
              categories: Categories = GENERIC_CATEGORIES) -> FileRead:
    """Read and check one annotation file of `files` (of `kind`, under `root/folder`), as far as it
    can be read. `pages` are the known page slugs (None when they are not known: the pages of
    targets are then not checked); `categories` the vocabularies of the settings. Never raises for
    what the file contains: every problem is in the result, errors and warnings apart. What needs
    every file is `combined`'s."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    found: list[Annotation] = []
    ids: list[tuple[str, str]] = []
    record = fields(kind, categories)
    display = path.relative_to(root).as_posix()
    schema_path = os.path.relpath(root / folder / "schema" / SCHEMA_FILES[kind], path.parent)
    entries = yamlfile.entries(path, display, KINDS[kind][0], Path(schema_path).as_posix())
    problems += entries.problems
    complete = entries.complete
    for item, line in zip(entries.items, entries.items.item_lines, strict=True):
        what = f"{kind} {quote(item.get('id', '?'))}" if isinstance(item, dict) else kind
        values, record_problems = yamlfile.read_record(item, record, display, line, what)
        problems += record_problems
        if "id" in values:
            ids.append((values["id"], f"{display}:{values.key_lines['id']}"))
        else:
            complete = False
        if not record_problems:
            annotation, found_problems, found_warnings = _build(kind, values, display, line, what, pages,
                                                                entries.lines)
            problems += found_problems
            warnings += found_warnings
            if annotation:
                found.append(annotation)
    return FileRead(tuple(found), tuple(problems), tuple(warnings), tuple(ids), kind == "term",
                    kind != "term" or complete)


def combined(reads: list[FileRead], reserved: dict[str, str] | None = None) -> Loaded:
    """The files' annotations (`read_file`, in the order of `files`), checked against each other:
    an id declared twice (or one of `reserved`, ids used elsewhere, as emendations', mapped to
    where), a reference to an unknown term."""
    problems = [p for r in reads for p in r.errors]
    places: dict[str, list[str]] = {ident: [where] for ident, where in (reserved or {}).items()}
    for r in reads:
        for ident, where in r.ids:
            places.setdefault(ident, []).append(where)
    problems += _duplicates(places)
    term_ids = {ident for r in reads if r.terms for ident, _ in r.ids}
    found = [a for r in reads for a in r.annotations]
    if all(r.complete for r in reads):  # no glossary file or term is unreadable: an unknown term is one
        for a in found:
            for ref in (*a.see_also, *a.terms):
                if ref not in term_ids:
                    close = difflib.get_close_matches(ref, term_ids, n=1)
                    problems.append(Problem(a.file, a.line, f"{a.kind} {quote(a.id)}: unknown term {quote(ref)}",
                                            f"did you mean {quote(close[0])}?" if close else
                                            "add the term to annotations/glossary.yml or remove the reference"))
    return Loaded(tuple(found), ordered(p for r in reads for p in r.warnings), ordered(problems))


def _duplicates(places: dict[str, list[str]]) -> list[Problem]:
    """An error at each place of an id declared more than once, naming the others: the one a pull
    request adds gets its own (on the line it adds), whichever file sorts first."""
    problems = []
    for ident, where in places.items():
        for here in where if len(where) > 1 else ():
            file, line = here.rsplit(":", 1)
            others = ", ".join(w for w in where if w != here)
            problems.append(Problem(file, int(line), f"duplicate id {quote(ident)} (also in {others})",
                                    "give each annotation its own id: change the one you are adding "
                                    "(a published id never changes)"))
    return problems


def _build(kind: str, values: LocatedMap, file: str, line: int, what: str, pages: set[str] | None,
           lines: tuple[str, ...]) -> tuple[Annotation | None, list[Problem], list[Problem]]:
    problems: list[Problem] = []
    warnings: list[Problem] = []
    targets: list[Target] = []
    raw_targets = values.get("targets", [])
    for target, target_line in zip(raw_targets, getattr(raw_targets, "item_lines", []), strict=True):
        if pages is not None and target["page"] not in pages:
            close = difflib.get_close_matches(target["page"], pages, n=1)
            hint = f"did you mean {quote(close[0])}? " if close else ""
            problems.append(Problem(file, target.key_lines["page"], f"{what}: unknown page {quote(target['page'])}",
                                    hint + "pages: " + ", ".join(sorted(pages))))
            continue
        span = target.spans.get("quote")
        targets.append(Target(target["page"], target["quote"], target.get("prefix", ""),
                              target.get("suffix", ""), file, target_line,
                              multiline=span is not None and span.last > span.first))
    sources: list[Source] = []
    kept: list[str] = []
    raw_sources = values.get("sources", [])
    for source, source_line in zip(raw_sources, getattr(raw_sources, "item_lines", []), strict=True):
        found = _source_problems(source, file, source_line, f"{what}: source {quote(source['title'])}")
        problems += found
        if not found:
            repost = source.get("repost")
            sources.append(Source(**{k: _unmarked(v, kept) if k in ("title", "citation", "publisher") else v
                                     for k, v in source.items() if k != "repost"},
                                  repost=Repost(**dict(repost)) if repost else None))
    if "sources" in values and not raw_sources and not problems:
        warnings.append(Problem(file, values.key_lines["sources"], f"{what}: no sources",
                                "every fact that is not in the text names where it comes from"))
    warnings += _body_warnings(values, file, what, lines)
    if problems:
        return None, problems, warnings
    variants = tuple((code, tuple(sorted(fields.items())))
                     for code, fields in sorted(values.get("variants", {}).items()))
    simple = {k: _unmarked(v, kept) if k in ("body", "title", "definition") else v for k, v in values.items()
              if k in ("id", "category", "body", "title", "term", "pinyin", "definition", "date")}
    annotation = Annotation(
        kind=kind, targets=tuple(targets), sources=tuple(sources), variants=variants, kept=tuple(kept),
        aliases=tuple(values.get("aliases", ())), see_also=tuple(values.get("see_also", ())),
        terms=tuple(values.get("terms", ())), file=file, line=line,
        field_lines=tuple(sorted(values.key_lines.items())),
        **{"body": "", **simple},
    )
    return annotation, problems, warnings


#: A span the conversion leaves as it is, marked as Wikipedia marks it: -{…}-.
_KEPT = re.compile(r"-\{(.+?)\}-", re.DOTALL)


def _unmarked(text: str, kept: list[str]) -> str:
    """The text without its -{…}- marks (no edition prints them); what they enclosed added to `kept`."""
    if "-{" not in text:
        return text
    kept += [m.group(1) for m in _KEPT.finditer(text)]
    return _KEPT.sub(lambda m: m.group(1), text)


def _source_problems(source: LocatedMap, file: str, line: int, what: str) -> list[Problem]:
    """What the source policy refuses in one source (its fields are well-formed)."""
    problems = []
    if "url" not in source and "citation" not in source:
        problems.append(Problem(file, line, f"{what} has no url or citation",
                                "add 'url: https://…' or a bibliographic 'citation: …'"))
    repost = source.get("repost")
    if repost and repost["url"] == source.get("url"):
        problems.append(Problem(file, repost.key_lines["url"], f"{what}: the repost's url is the source's own url",
                                "'url' is the document at its publisher, 'repost' where it was read instead: "
                                "if you read it at its publisher, remove 'repost'"))
    if "publisher" not in source:
        problems.append(Problem(file, line, f"{what} has no publisher",
                                "add 'publisher: …', who issued the document; if you read it elsewhere, say where "
                                "under 'repost:' (url, publisher)"))
    title = source.get("title", "")
    bare = next((prefix for prefix in UNTITLED if title.startswith(prefix) and not title[len(prefix):].strip()), "")
    if bare:
        problems.append(Problem(file, source.key_lines["title"], f"{what}: the title {quote(bare)} says nothing more",
                                f"after {quote(bare)}, describe the document (what it is, who wrote it, when)"))
    for name in ("title", "publisher"):
        mark = next((m for m in REPOST_MARKS if m in source.get(name, "")), "")
        if mark:
            problems.append(Problem(file, source.key_lines[name], f"{what}: its {name} says {quote(mark)}",
                                    f"give the original's {name} here, without {quote(mark)}, and where you read it "
                                    "under 'repost:' (url, publisher)"))
    return problems


def _body_warnings(values: LocatedMap, file: str, what: str, lines: tuple[str, ...]) -> list[Problem]:
    """A warning at each line of a body (or of an edition's body) with something not shown as written."""
    bodies_found = []
    if "body" in values:
        bodies_found.append(("body", values["body"], values.spans.get("body")))
    for code, fields in sorted(values.get("variants", {}).items()):
        if "body" in fields:
            bodies_found.append((f"the {code} body", fields["body"], fields.spans.get("body")))
    warnings = []
    for name, text, span in bodies_found:
        by_line: dict[int, list[bodies.Unsafe]] = {}
        default = values.key_lines.get("body", values.line)
        for found in bodies.unsafe(text):
            by_line.setdefault(_line_of(found, lines, span, default), []).append(found)
        for at, found_here in sorted(by_line.items()):
            warnings += _unsafe_warnings(at, found_here, file, what, name)
    return warnings


def _unsafe_warnings(line: int, found: list[bodies.Unsafe], file: str, what: str, name: str) -> list[Problem]:
    out = []
    tags = [u.found for u in found if u.kind == "html"]
    opening = [t for t in tags if not t.startswith("</")] or tags
    if opening:
        out.append(Problem(file, line, f"{what}: {name} contains HTML " + ", ".join(quote(t) for t in opening[:3]) +
                           ", which the page shows as text",
                           "notes are Markdown, never HTML: write **bold**, *italic*, [text](https://…), or "
                           "remove the tag"))
    for u in found:
        if u.kind == "link":
            out.append(Problem(file, line, f"{what}: {name} links to {quote(u.found)}, which the page shows as text",
                               "link only to web addresses: [text](https://…)"))
        elif u.kind == "image":
            out.append(Problem(file, line, f"{what}: {name} has an image ({quote(u.found)}), which the page leaves out",
                               "notes show no images: link to it instead, like [text](https://…)"))
    return out


def _line_of(found: bodies.Unsafe, lines: tuple[str, ...], span: yamlfile.Span | None, default: int) -> int:
    """The file line of something found in a body: the line of the value that has it as written
    (a body may be a block, folded, or quoted: its lines are not the file's)."""
    if span is None:
        return default
    needle = found.found[:12]
    # A block scalar's text starts on the line after its | or >.
    estimate = span.first + found.line + (span.style in ("|", ">"))
    candidates = [n for n in range(span.first, min(span.last, len(lines)) + 1) if needle in lines[n - 1]]
    if not candidates:
        return span.first
    return min(candidates, key=lambda n: (n < estimate, abs(n - estimate)))


def schema(kind: str, categories: Categories = GENERIC_CATEGORIES) -> dict[str, Any]:
    """The JSON Schema of one kind's files, generated from the declarations above."""
    key, _ = KINDS[kind]
    out = file_schema(fields(kind, categories), key, f"{kind} annotations")
    # A publisher is required (the source policy); the check says so in words of its own.
    source = out["properties"][key]["items"]["properties"]["sources"]["items"]
    source["required"] = [*source["required"], "publisher"]
    return out


def file_schema(fields: tuple[Field, ...], key: str, title: str,
                also: tuple[tuple[str, tuple[Field, ...]], ...] = ()) -> dict[str, Any]:
    """The JSON Schema of a file whose top-level `key` lists records declared with `fields`;
    `also`, its other top-level lists (key, fields), any of which may stand without `key`."""
    out: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Edition {title} (generated by scripts/annotations.py schema; do not edit)",
        "type": "object",
        "additionalProperties": False,
        "required": [key],
        "properties": {"$schema": {"type": "string"}, key: {"type": "array", "items": _record(fields)},
                       **{other: {"type": "array", "items": _record(declared)} for other, declared in also}},
    }
    if also:
        del out["required"]
        out["anyOf"] = [{"required": [k]} for k in (key, *(other for other, _ in also))]
    return out


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
    elif field.pattern:
        out = {"type": "object", "additionalProperties": False,
               "patternProperties": {f"^(?:{field.pattern})$": _record(field.record)}}
    else:
        out = _record(field.record)
    out["description"] = field.doc
    return out


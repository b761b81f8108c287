"""The search index of one edition: what a reader can find, and the folding that lets a query in
either script, width or case find it.

Material's own index (jieba tokens joined by U+200B, searched by lunr) loses the last word of a
query, glues digits to Han and cannot match inside a word (see FIELD-NOTES.md). Ours is plain text:
every paragraph, list item, heading and note of the text pages, every glossary term, every
timeline event and every section of the other pages is a document, and the worker
(assets/search-worker.js) searches the folded text for substrings. Nothing is segmented, so
nothing a reader types can fall between two tokens.

Folding (the same rules here and in the worker, a test holds them together): NFKC (full width to
half width), then the table (every Traditional form to its Simplified one), then lower case;
whitespace, punctuation, format and control characters are dropped. The table is part of the
index and only holds the forms that can lead to a character the edition has.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Literal

from ..annotations.glossary import Glossary
from ..annotations.model import Annotation
from ..annotations.timeline import Timeline
from ..editions.variants import PROSE, Converter, _candidates, _opencc
from ..render import bodies
from ..render.notes import PageNote
from ..text.document import Block, Page

#: Bumped when the format changes; the worker refuses an index of another version.
VERSION = 1


#: What a document is; the worker ranks by it (a passage of the text before a note about it).
Kind = Literal["text", "heading", "note", "term", "event", "other"]


@dataclass(frozen=True)
class Doc:
    """One search result: where it is, its heading and its text (plain text, in the edition's
    script), what it is, further spellings that find it without being shown (aliases, pinyin), and
    how much of its text is what a reader should see at a glance (a term's definition: the worker
    shows it as the term's teaser; in UTF-16 code units, as the worker counts)."""

    location: str
    title: str
    text: str = ""
    kind: Kind = "text"
    keys: tuple[str, ...] = ()
    lead: int = 0

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"location": self.location, "title": self.title, "text": self.text,
                                  "kind": self.kind}
        if self.keys:
            out["keys"] = list(self.keys)
        if self.lead:
            out["lead"] = self.lead
        return out


@dataclass(frozen=True)
class OtherPage:
    """A page the edition does not generate (the home page, the apparatus): its rendered HTML."""

    location: str
    title: str
    html: str


@dataclass(frozen=True)
class Urls:
    """Site-relative URLs (e.g. "text/opening/") of the pages the index points into."""

    text: Callable[[Page], str]
    glossary: str
    timeline: str
    glossary_title: str
    timeline_title: str


def docs(document_pages: Sequence[Page], notes: Callable[[Page], list[PageNote]], glossary: Glossary,
         timeline: Timeline, others: Sequence[OtherPage], urls: Urls, converter: Converter,
         reword: bool = True, converted: dict[str, str] | None = None) -> list[Doc]:
    """Every document of one edition, in reading order: text pages (with their notes), glossary,
    timeline, other pages. Without `reword`, the editors' prose is converted only, not put in the
    edition's usage (for the fold table, which pairs characters by position); `converted`: the
    blocks' texts as the edition prints them, when already known."""
    code = converter.variant.code
    if converted is None:
        blocks = [b for page in document_pages for b in page.blocks]
        converted = dict(zip((b.id for b in blocks), _blocks(blocks, converter), strict=True))

    def printed(a: Annotation, text: str, prose: bool) -> str:
        """An annotation's text as its pages print it: converted, with the overrides scoped to it
        and (in the editors' prose) the edition's usage."""
        out = converter.quotes(converter.printed_in("", text, a.id))
        return converter.for_annotation(a.id).reword(text, out) if prose and reword else out

    def own(a: Annotation, name: str) -> str:
        """A field as the edition prints it: the annotation's own variant, or converted."""
        value = a.text(name, code)
        return value if value != getattr(a, name) else printed(a, value, name in PROSE)

    def body(a: Annotation) -> str:
        value = a.text("body", code)
        return bodies.plain(value) if value != a.body else printed(a, bodies.plain(value), True)

    out: list[Doc] = []
    for page in document_pages:
        url = urls.text(page)
        section = converted[page.blocks[0].id]
        out.append(Doc(url, section, kind="heading"))
        for block in page.blocks[1:]:
            text = converted[block.id]
            if block.kind == "heading":
                section = text
                out.append(Doc(f"{url}#{block.id}", text, kind="heading"))
            else:
                out.append(Doc(f"{url}#{block.id}", f"{section} · 第{block.number}段", text))
        for note in notes(page):
            a = note.annotation
            title = f"注{note.number}" + (f"：{own(a, 'title')}" if a.title else "")
            out.append(Doc(f"{url}#{a.id}", title, body(a), "note"))
    out.append(Doc(urls.glossary, converter.convert(urls.glossary_title), kind="other"))
    for entry in glossary.entries:
        a = entry.term
        definition = own(a, "definition")
        text = " ".join(t for t in (definition, body(a)) if t)
        keys = tuple(converter.convert(alias) for alias in a.aliases) + ((_toneless(entry.reading),)
                                                                        if entry.reading else ())
        out.append(Doc(f"{urls.glossary}#{a.id}", converter.convert(a.term), text, "term", keys,
                       utf16_length(definition)))
    out.append(Doc(urls.timeline, converter.convert(urls.timeline_title), kind="other"))
    for event in timeline.events:
        a = event.annotation
        out.append(Doc(f"{urls.timeline}#{a.id}", f"{event.span.chinese()} {own(a, 'title')}", body(a), "event"))
    for other in others:
        out += [Doc(d.location, converter.convert(d.title), converter.convert(d.text), "other")
                for d in sections(other)]
    return out


def indexes(document_pages: Sequence[Page], notes: Callable[[Page], list[PageNote]], glossary: Glossary,
            timeline: Timeline, others: Sequence[OtherPage], urls: Urls,
            editions: Sequence[tuple[str, Converter]]) -> list[tuple[str, str]]:
    """Every edition's index file: (the edition's path, the file's text). The first edition is
    the source; all share one fold table."""
    blocks = [b for page in document_pages for b in page.blocks]
    built, folded = [], []
    for path, converter in editions:
        converted = dict(zip((b.id for b in blocks), _blocks(blocks, converter), strict=True))
        documents = docs(document_pages, notes, glossary, timeline, others, urls, converter, True, converted)
        built.append((path, converter, documents))
        # The fold pairs the editions' characters by position: the editors' usage (信息 → 資訊) is
        # no conversion of characters, and would fold 資 like 信.
        folded.append(docs(document_pages, notes, glossary, timeline, others, urls, converter, False, converted)
                      if converter.words else documents)
    table = fold_table([d.title + d.text for d in folded[0]],
                       [[d.title + d.text for d in documents] for documents in folded[1:]])
    return [(path, index_json(documents, table, converter.variant.code)) for path, converter, documents in built]


def _blocks(blocks: list[Block], converter: Converter) -> list[str]:
    """Block texts as the edition's pages print them: converted with the overrides (those scoped to
    a paragraph too) and the edition's quotation marks, each block a passage of its own."""
    if not converter.variant.opencc and not converter.variant.quotes:
        return [b.text for b in blocks]
    converter.prime((b.id, b.text, "") for b in blocks)  # in one call (the report may have done it)
    return [converter.quotes(converter.printed_in(b.id, b.text)) for b in blocks]


def utf16_length(text: str) -> int:
    """The length of a text as JavaScript counts it."""
    return len(text.encode("utf-16-le")) // 2


def _toneless(reading: str) -> str:
    """"xìng jià bǐ" → "xing jia bi"."""
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))


# --- Other pages: sections of their rendered HTML ------------------------------------------------

_HEADING = re.compile(r"h[1-6]")


class _Sections(HTMLParser):
    """Splits a page's HTML at its headings that have an id; skips what readers do not read as
    text (permalinks, note markers: anything marked data-search-exclude), scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[list[str]] = [["", "", ""]]  # [id, title, text]
        self.skip = 0
        self.heading = 0
        self.stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        skipped = bool(self.skip) or tag in ("script", "style") or "data-search-exclude" in found \
            or "headerlink" in (found.get("class") or "").split()
        if tag in _VOID:
            return
        self.stack.append(skipped)
        self.skip += skipped
        if not skipped and _HEADING.fullmatch(tag) and found.get("id"):
            self.out.append([found["id"] or "", "", ""])
            self.heading = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.stack:
            return
        if self.heading == len(self.stack):
            self.heading = 0
        self.skip -= self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.out[-1][1 if self.heading else 2] += data


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@lru_cache(maxsize=64)  # each edition asks for the same pages
def sections(page: OtherPage) -> tuple[Doc, ...]:
    """The page (its text before the first heading with an id, under its title) and each section."""
    parser = _Sections()
    parser.feed(page.html)
    parser.close()
    out = []
    for i, (ident, title, text) in enumerate(parser.out):
        title, text = _squeeze(title), _squeeze(text)
        if i == 0:
            out.append(Doc(page.location, page.title, text, "other"))
        elif i == 1 and not parser.out[0][2].strip() and title == page.title:
            out[0] = Doc(page.location, page.title, text, "other")  # the page's own h1
        else:
            out.append(Doc(f"{page.location}#{ident}", title, text, "other"))
    return tuple(out)


def _squeeze(text: str) -> str:
    """Whitespace as a reader sees it: runs become one space, none between two Han characters."""
    text = " ".join(text.split())
    return re.sub(r" (?<=[\u3000-\u9fff\uff00-\uffef] )(?=[\u3000-\u9fff\uff00-\uffef])", "", text)  # the space first


# --- Folding --------------------------------------------------------------------------------------

_DROPPED = ("P", "Z", "C")  # Unicode general categories: punctuation, separators, other


def fold_table(source: Sequence[str], editions: Sequence[Sequence[str]] = ()) -> dict[str, str]:
    """Traditional → Simplified for every form that leads to a character of these texts.

    `source` are the source edition's texts; each of `editions` the same texts in another edition,
    in the same order. The table holds each character's Simplified form (OpenCC t2s, character by
    character) for the characters of all texts and for the Traditional candidates of their
    Simplified forms (OpenCC's STCharacters; the Taiwan and Hong Kong forms), so that a query in
    either script folds like the text. Where an edition's conversion chose a form whose own
    Simplified form differs (s2tw writes 仿佛 as 彷彿, and 彷 is Simplified too), that form folds
    to the source's character, and so does whatever folded as that form did."""
    texts = [*source, *(t for edition in editions for t in edition)]
    chars = sorted(c for c in set("".join(texts)) if _HAN_CHAR.match(c))
    to_simplified = _char_map("t2s", chars)
    targets = {to_simplified.get(c, c) for c in chars}
    universe = set(chars)
    candidates = _candidates()
    for s in sorted(targets):
        universe.update(candidates.get(s, ()))
    for config in ("s2tw", "s2hk", "s2t"):
        universe.update(_char_map(config, sorted(targets)).values())
    table = {t: s for t, s in sorted(_char_map("t2s", sorted(universe)).items()) if s != t and s in targets}
    pairs: dict[tuple[str, str], None] = {}  # each pair of characters once, in the order first seen
    for edition in editions:
        # The texts that differ, as long in both, paired character by character: all in one zip.
        differ = [(a, b) for a, b in zip(source, edition, strict=True) if len(a) == len(b) and a != b]
        pairs.update(dict.fromkeys(zip("".join(a for a, _ in differ), "".join(b for _, b in differ), strict=True)))
    for x, y in pairs:
        here, there = table.get(x, x), table.get(y, y)
        if x != y and _HAN_CHAR.match(y) and here != there:
            # One class: whatever folded to `there` folds to `here` now (计划 printed 計畫,
            # while 画 is printed 畫 too: 画, 划 and 畫 fold alike in both editions).
            for key, value in list(table.items()):
                if value == there:
                    table[key] = here
            table[there] = here
            table[y] = here
    return dict(sorted(table.items()))


_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def _char_map(config: str, chars: list[str]) -> dict[str, str]:
    """Each character converted alone (OpenCC's phrases never cross a newline)."""
    converted = _opencc(config).convert("\n".join(chars)).split("\n")
    return {c: o for c, o in zip(chars, converted, strict=True) if len(o) == 1}


def fold(text: str, table: dict[str, str]) -> str:
    """A text as the search compares it (the worker folds the same way)."""
    out = []
    for char in text:  # one character at a time, so that the worker can map a match back
        for part in unicodedata.normalize("NFKC", char):
            out += [c for c in table.get(part, part).lower() if unicodedata.category(c)[0] not in _DROPPED]
    return "".join(out)


def index_json(documents: list[Doc], table: dict[str, str], lang: str) -> str:
    """The index file the edition's worker loads: `config.edition` (the format's version, the
    folding table as pairs of characters, the edition's language) and the documents."""
    data = {
        "config": {"edition": {"version": VERSION, "lang": lang,
                               "fold": "".join(t + s for t, s in table.items())}},
        "docs": [d.as_json() for d in documents],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

"""The glossary: its terms in reading order of a dictionary, and every place the text uses them.

Where a term occurs is decided on the Simplified text of each paragraph and list item (never on
headings, never on HTML), in two steps:

1. Candidates: every literal occurrence of a term or of one of its aliases, kept only when the
   segmenter agrees that it starts and ends on word boundaries. 有品 is not in 有品质, 汽车业 is
   not in 汽车业务, 制造 is not in 制造业. The segmenter has learnt every term and alias first,
   so a term that jieba would glue to its neighbour (以净/推荐值) is still a word.
2. Overlaps: the longest candidate wins (长江大桥 over 长江), then the earlier one.

A literal occurrence that segmentation rejects is reported with the longer word it sits in, so a
contributor can add that word as an alias when it does mean the term (高性价比 for 性价比).

Entries are grouped by category and ordered by pinyin (pypinyin, which reads polyphones from
phrase data; a term's `pinyin` field overrides it).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem, quote
from ..text import segmentation
from ..text.chars import occurrences
from ..text.document import Block, Document, Page
from .model import Annotation, Source

_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Occurrence:
    """One use of a term in the text: characters [start, end) of a block."""

    term: Annotation
    surface: str
    page: Page
    block: Block
    start: int
    end: int

    def context(self, width: int = 12) -> tuple[str, str, str]:
        """Up to `width` characters before, the occurrence, and up to `width` after."""
        text = self.block.text
        return text[max(0, self.start - width):self.start], text[self.start:self.end], text[self.end:self.end + width]


@dataclass(frozen=True)
class Entry:
    """A term with its pinyin and its occurrences in reading order."""

    term: Annotation
    reading: str
    occurrences: tuple[Occurrence, ...]

    @property
    def blocks(self) -> list[tuple[Page, Block, int]]:
        """Each paragraph the term occurs in, once, with the number of occurrences there."""
        counts: dict[str, list[Any]] = {}
        for o in self.occurrences:
            counts.setdefault(o.block.id, [o.page, o.block, 0])[2] += 1
        return [(page, block, n) for page, block, n in counts.values()]


@dataclass(frozen=True)
class Glossary:
    """Every term, in glossary order, and every occurrence, in reading order; the categories
    (key, label) in the order the settings declare them."""

    entries: tuple[Entry, ...]
    occurrences: tuple[Occurrence, ...]
    categories: tuple[tuple[str, str], ...] = ()
    by_id: dict[str, Entry] = field(init=False, repr=False, compare=False)

    _on_page: dict[str, list[Occurrence]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {e.term.id: e for e in self.entries})
        on_page: dict[str, list[Occurrence]] = {}
        for o in self.occurrences:
            on_page.setdefault(o.page.slug, []).append(o)
        object.__setattr__(self, "_on_page", on_page)

    def label(self, category: str) -> str:
        """A category's label (its key when the settings give none)."""
        return dict(self.categories).get(category, category)

    def on(self, page: Page) -> list[Occurrence]:
        """The occurrences on one page, in reading order."""
        return list(self._on_page.get(page.slug, ()))

    def by_category(self) -> list[tuple[str, list[Entry]]]:
        """(category, entries) for each category that has entries, in declared order."""
        return [(c, [e for e in self.entries if e.term.category == c])
                for c, _ in self.categories if any(e.term.category == c for e in self.entries)]


#: Longest spelling (term or alias) looked for in the text. The segmenter learns a word by storing
#: each of its prefixes (jieba's prefix dictionary): a term of 50,000 characters would take gigabytes,
#: where a real term is a few words.
MAX_SPELLING = 40


def too_long(term: Annotation) -> list[Problem]:
    """A problem for each of the term's spellings (term, aliases) longer than MAX_SPELLING characters."""
    spellings = [("term", "term", term.term), *(("alias", "aliases", a) for a in term.aliases)]
    return [Problem(term.file, term.line_of(field), f"term {quote(term.id)}: {what} {quote(spelling)} is "
                    f"{len(spelling)} characters long",
                    f"keep terms and aliases under {MAX_SPELLING} characters; explain in the definition or the body")
            for what, field, spelling in spellings if len(spelling) > MAX_SPELLING]


def surfaces(terms: list[Annotation]) -> tuple[dict[str, str], list[Problem]]:
    """Every spelling (term and aliases) mapped to its term's id; a spelling of two terms is an error."""
    out: dict[str, str] = {}
    problems = []
    for t in terms:
        for spelling in (t.term, *t.aliases):
            if spelling in out and out[spelling] != t.id:
                problems.append(Problem(t.file, t.line, f"term {quote(t.id)}: {quote(spelling)} is already a "
                                        f"spelling of term {quote(out[spelling])}",
                                        "a spelling links to one entry; remove it here or there"))
            out.setdefault(spelling, t.id)
    return out, problems


def spelling_problems(terms: list[Annotation]) -> list[Problem]:
    """What is wrong with the terms' spellings themselves, whatever the text: too long, or shared
    by two terms."""
    problems = [p for t in terms for p in too_long(t)]
    return problems + surfaces([t for t in terms if not too_long(t)])[1]


class Starts:
    """Where spellings may begin in a text: at a character that begins one (one scan of the text,
    not one per spelling: a glossary has a hundred spellings, a book thousands of paragraphs)."""

    def __init__(self, spellings: Iterable[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        for spelling in spellings:
            self.by_first.setdefault(spelling[:1], []).append(spelling)
        self.first = re.compile("[" + "".join(re.escape(c) for c in self.by_first) + "]") \
            if self.by_first and "" not in self.by_first else None

    def occurrences(self, text: str) -> list[tuple[int, str]]:
        """(start, spelling) of every occurrence of every spelling, overlapping ones too."""
        if self.first is None:  # no spelling, or an empty one (found everywhere, as str.find finds it)
            return [(at, s) for spellings in self.by_first.values() for s in spellings for at in occurrences(text, s)]
        return [(m.start(), s) for m in self.first.finditer(text) for s in self.by_first[m.group()]
                if text.startswith(s, m.start())]


def find(text: str, spellings: Mapping[str, str], bounds: frozenset[int],
         starts: Starts | None = None) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """The terms in one passage: (start, end, spelling) of each accepted occurrence, and the span
    of the longer word around each literal occurrence that was rejected for lying inside it.
    `starts`: the spellings' Starts, made once for many passages."""
    candidates = []
    rejected = []
    for at, spelling in (starts or Starts(spellings)).occurrences(text):
        end = at + len(spelling)
        if _on_boundaries(text, at, end, bounds):
            candidates.append((at, end, spelling))
        else:
            rejected.append((_word_start(text, at, bounds), _word_end(text, end, bounds), spelling))
    taken = [False] * len(text)
    chosen = []
    for start, end, spelling in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if not any(taken[start:end]):
            chosen.append((start, end, spelling))
            taken[start:end] = [True] * (end - start)
    # A spelling inside a longer term that was chosen (长江 in 长江大桥) is not worth reporting.
    rejected = [r for r in dict.fromkeys(rejected) if not all(taken[r[0]:r[1]])]
    return sorted(chosen), sorted(rejected)


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _on_boundaries(text: str, start: int, end: int, bounds: frozenset[int]) -> bool:
    if start not in bounds or end not in bounds:
        return False
    # jieba cuts a Latin run wherever it knows a word (i/Phone): Latin edges need \b as well.
    return not (start > 0 and _latin(text[start]) and _latin(text[start - 1])) and not (
        end < len(text) and _latin(text[end - 1]) and _latin(text[end]))


def _word_start(text: str, at: int, bounds: frozenset[int]) -> int:
    while at > 0 and (at not in bounds or (_latin(text[at]) and _latin(text[at - 1]))):
        at -= 1
    return at


def _word_end(text: str, at: int, bounds: frozenset[int]) -> int:
    while at < len(text) and (at not in bounds or (_latin(text[at - 1]) and _latin(text[at]))):
        at += 1
    return at


#: Pinyin of a text: (with tone marks, without tones, with tone numbers). A build may pass a
#: mapping kept between builds: pypinyin's phrase data takes longer to load than a small site
#: takes to build, and a text's pinyin never changes.
PinyinCache = dict[str, list[str]]


def pinyin(text: str, cache: PinyinCache | None = None) -> list[str]:
    """[tone marks, toneless, tone numbers] of a text, syllables separated by spaces."""
    if cache is not None and text in cache:
        return cache[text]
    from pypinyin import Style, lazy_pinyin  # here, not at import: see PinyinCache

    def syllables(style: Style) -> str:
        # Punctuation (、 +) comes back as syllables of its own; a reading has none.
        return " ".join(s for s in lazy_pinyin(text, style=style, neutral_tone_with_five=True)
                        if any(c.isalnum() for c in s))

    found = [syllables(Style.TONE), syllables(Style.NORMAL), syllables(Style.TONE3)]
    if cache is not None:
        cache[text] = found
    return found


def reading(term: Annotation, cache: PinyinCache | None = None) -> str:
    """The term's pinyin with tone marks ("" for a term without Chinese characters)."""
    if term.pinyin:
        return term.pinyin
    if not _HAN.search(term.term):
        return ""
    return pinyin(term.term, cache)[0]


def _sort_key(term: Annotation, cache: PinyinCache | None = None) -> tuple[str, str, str]:
    """Dictionary order: by toneless pinyin (Latin terms by their letters), then by tone."""
    _, toneless, tones = pinyin(term.term, cache)
    if term.pinyin:
        toneless = unicodedata.normalize("NFKD", term.pinyin).encode("ascii", "ignore").decode()
    return toneless.casefold(), tones.casefold(), term.term


@dataclass(frozen=True)
class Checked:
    """The glossary, and what a contributor should look at: errors and warnings."""

    glossary: Glossary
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def build(terms: list[Annotation], document: Document, segmenter: segmentation.Segmenter = segmentation.SHARED,
          pinyin_cache: PinyinCache | None = None, boundary_cache: segmentation.BoundaryCache | None = None,
          categories: tuple[tuple[str, str], ...] = ()) -> Checked:
    """Find every term in the text; order the entries (by `categories`, the (key, label) pairs of
    the settings, then by pinyin). The caches (pinyin, word boundaries) may be kept by the caller
    between builds."""
    errors = spelling_problems(terms)
    # A term with an over-long spelling is left out before the segmenter learns it (see MAX_SPELLING).
    terms = [t for t in terms if not too_long(t)]
    spellings, _ = surfaces(terms)
    segmenter.learn(spellings)
    known = segmenter.cache_for(boundary_cache) if boundary_cache is not None else None
    by_id = {t.id: t for t in terms}
    found: list[Occurrence] = []
    inside: dict[str, list[str]] = {}
    starts = Starts(spellings)
    for page, block in document.blocks():
        if block.kind == "heading" or block.editorial:
            continue
        bounds = segmenter.boundaries(block.text, known)
        chosen, rejected = find(block.text, spellings, bounds, starts)
        for start, end, spelling in chosen:
            found.append(Occurrence(by_id[spellings[spelling]], spelling, page, block, start, end))
        for start, end, spelling in rejected:
            inside.setdefault(spellings[spelling], []).append(block.text[start:end])
    entries = []
    order = {key: i for i, (key, _) in enumerate(categories)}
    of_term: dict[str, list[Occurrence]] = {}
    for o in found:
        of_term.setdefault(o.term.id, []).append(o)
    for t in sorted(terms, key=lambda t: (order.get(t.category, len(order)), _sort_key(t, pinyin_cache))):
        entries.append(Entry(t, reading(t, pinyin_cache), tuple(of_term.get(t.id, ()))))
    warnings = []
    texts = [b.text for _, b in document.blocks() if b.kind != "heading"]
    for t in terms:
        for alias in t.aliases:
            if not any(alias in text for text in texts):
                warnings.append(Problem(t.file, t.line, f"term {quote(t.id)}: alias {quote(alias)} does not "
                                        "occur in the text", "aliases are the text's other spellings of the term; "
                                        "remove it or copy the text's spelling"))
    for e in entries:
        if not e.occurrences:
            words = "、".join(dict.fromkeys(inside.get(e.term.id, [])))
            hint = (f"it occurs only inside longer words ({words}); add one as an alias if it means this term"
                    if words else "use the spelling of the text, or add the text's spelling as an alias")
            warnings.append(Problem(e.term.file, e.term.line, f"term {quote(e.term.id)}: "
                                    f"{quote(e.term.term)} does not occur in the text", hint))
    return Checked(Glossary(tuple(entries), tuple(found), categories), tuple(errors), tuple(warnings))


def source_data(source: Source) -> dict[str, Any]:
    """A source as JSON data: its fields that have a value, the repost as a mapping of its own."""
    data = {k: v for k, v in dataclasses.asdict(source).items() if v}
    if source.repost:
        data["repost"] = {k: v for k, v in data["repost"].items() if v}
    return data


def export(glossary: Glossary, term_url: Callable[[str], str],
           block_url: Callable[[Page, Block], str]) -> dict[str, Any]:
    """The glossary as JSON data: each term with its occurrences."""
    terms = []
    for e in glossary.entries:
        t = e.term
        terms.append({
            "id": t.id,
            "term": t.term,
            "pinyin": e.reading,
            "category": t.category,
            "aliases": list(t.aliases),
            "definition": t.definition,
            "body": t.body,
            "see_also": list(t.see_also),
            "sources": [source_data(s) for s in t.sources],
            "url": term_url(t.id),
            "count": len(e.occurrences),
            "occurrences": [{
                "page": o.page.slug,
                "block": o.block.id,
                "url": block_url(o.page, o.block),
                "start": o.start,
                "end": o.end,
                "exact": o.surface,
                "prefix": o.context()[0],
                "suffix": o.context()[2],
            } for o in e.occurrences],
        })
    return {"terms": terms}

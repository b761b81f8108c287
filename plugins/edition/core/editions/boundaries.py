"""The boundary check: where converting a passage whole differs from converting it word by word.

OpenCC chooses characters by phrase, and its phrases know nothing of the text's words: in
他发长文 its phrase 发长 (头发长) matches across 发|长文 and prints 他髮長文. Converting each
word alone (the words jieba cuts, as the glossary and the search do) cannot cross a boundary; where
the two conversions differ, a phrase crossed one. That is where OpenCC errs, and also where it is
right against the words (回归 alone gives 迴歸, 终要回归竞争 gives 回歸): each such place is a
finding for an editor to decide.

Every passage an edition prints is checked (`passages`: the text's paragraphs and headings, the
annotations' titles, bodies, terms, definitions and sources, the emendations' reasons, the
settings' introductions and category names). A finding is decided when an override covers it
(the override's phrase contains the differing characters) or when the overrides file's `reviewed`
list records it (the Simplified phrase and the form the edition prints there, with a reason).
Nothing undecided passes, and a review that no longer matches any finding is stale.

Segmentation is the costly part (jieba's dictionary loads in ~0.6 s): the words come from the
caller's `bounds`, which keeps earlier answers between builds (segmentation.BoundaryCache).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import yamlfile
from ..annotations.model import Annotation
from ..errors import Problem, quote
from ..settings import Settings
from ..text.document import Document
from ..text.emendations import Emendation
from ..text.ingest import Edition
from ..text.segmentation import SHARED, BoundaryCache, Segmenter
from .variants import PROSE, Converter, Override, Reviewed, read_reviewed

_HAN = re.compile(r"[\u3400-\u9fff]")

#: Where a passage's words begin and end (0 and its length included).
Bounds = Callable[[str], Iterable[int]]


@dataclass(frozen=True)
class Passage:
    """One text an edition prints, converted as a whole, and where it comes from."""

    file: str
    line: int
    #: Where the reader meets it: a paragraph id (p-2-11), or an annotation's id and field.
    place: str
    text: str
    #: The paragraph it is (for overrides scoped to a paragraph), or "".
    block: str = ""
    #: The annotation it belongs to (for overrides scoped to an annotation), or "".
    annotation: str = ""
    #: Editions that print their own text here instead of a conversion (an annotation's variants).
    own: frozenset[str] = frozenset()
    #: The editors' prose, which an edition's usage rewords (variants.Converter.reword).
    prose: bool = False


def passages(document: Document, source: str, annotations: Iterable[Annotation],
             emendations: Iterable[Emendation] = (), settings: Settings | None = None) -> list[Passage]:
    """Every passage the editions convert: the text (`source`, its file, for messages), the
    annotations, the emendations' reasons and the settings' own texts."""
    out = [Passage(source, block.lines[0], block.id, block.text, block=block.id) for _, block in document.blocks()]
    for a in annotations:
        for name in ("title", "body", "term", "definition"):
            value = getattr(a, name)
            if value:
                own = frozenset(code for code, fields in a.variants if any(f == name for f, _ in fields))
                out.append(Passage(a.file, a.line_of(name), f"{a.id} {name}", value, annotation=a.id, own=own,
                                   prose=name in PROSE))
        for i, alias in enumerate(a.aliases, 1):
            out.append(Passage(a.file, a.line_of("aliases"), f"{a.id} alias {i}", alias, annotation=a.id))
        for i, s in enumerate(a.sources, 1):
            for name in ("title", "publisher", "citation"):
                value = getattr(s, name)
                if value:
                    out.append(Passage(a.file, a.line_of("sources"), f"{a.id} source {i} {name}", value,
                                       annotation=a.id, prose=name == "citation"))
    for e in emendations:
        if e.reason:
            out.append(Passage(e.file, e.file_line, f"{e.id} reason", e.reason, prose=True))
    if settings is not None:
        for page, intro in settings.intros:
            out.append(Passage(settings.file, settings.line_of("intros"), f"intros {page}", intro, prose=True))
        for kind in ("notes", "terms", "events"):
            for key, label in getattr(settings.categories, kind):
                out.append(Passage(settings.file, settings.line_of("categories"), f"categories {kind} {key}",
                                   label))
    return out


@dataclass(frozen=True)
class Finding:
    """One place where a passage converts differently whole and word by word."""

    edition: str
    passage: Passage
    #: The characters that differ, in the passage (positions are the same in every conversion).
    start: int
    end: int
    #: The words around them, with one more word on each side: the phrase to record.
    phrase_start: int
    phrase_end: int
    #: The passage converted whole (no override) and word by word, and what the edition prints.
    whole: str
    words: str
    printed: str

    @property
    def simplified(self) -> str:
        return self.passage.text[self.phrase_start:self.phrase_end]

    def form(self, text: str) -> str:
        """The phrase's characters in one conversion of the passage."""
        return text[self.phrase_start:self.phrase_end]


#: The latest findings: a build asks for them twice (the check at load, the report at the end).
_LATEST: list[tuple[Converter, tuple[Passage, ...], list[Finding]]] = []


class Same:
    """The passages whose two conversions agreed, kept between builds (in the cache folder): a
    passage converts whole and word by word the same way the next time too, as long as the
    converter (`Converter.signature`, OpenCC's version in the cache's name), its words and its
    text are the same; only the others are converted twice again. `store` is the kept data,
    which `keep` replaces with what this build found (what no passage has now is dropped)."""

    def __init__(self, store: dict[str, Any]) -> None:
        self.store = store
        kept = store.get("same")
        self.before = set(kept) if isinstance(kept, list) else set()
        self.now: set[str] = set()

    @staticmethod
    def key(converter: Converter, cuts: Sequence[int], text: str) -> str:
        return hashlib.sha256(f"{converter.signature}\n{list(cuts)}\n{text}".encode()).hexdigest()[:24]

    def known(self, key: str) -> bool:
        if key in self.before:
            self.now.add(key)
            return True
        return False

    def add(self, key: str) -> None:
        self.now.add(key)

    def keep(self) -> None:
        self.store.clear()
        self.store["same"] = sorted(self.now)


def findings(converter: Converter, found: Sequence[Passage], bounds: Bounds, same: Same | None = None) -> list[Finding]:
    """Every finding of one edition, in the order of the passages (`same`: what earlier builds
    found agreeing)."""
    key = tuple(found)
    for seen, passages_, result in _LATEST:
        if seen is converter and passages_ == key:
            return list(result)
    result = _findings(converter, key, bounds, same)
    _LATEST[:] = [*_LATEST[-3:], (converter, key, result)]
    return list(result)


def _findings(converter: Converter, found: Sequence[Passage], bounds: Bounds, same: Same | None) -> list[Finding]:
    out = []
    code = converter.variant.code
    for passage in found:
        text = passage.text
        if code in passage.own or not text:
            continue
        own = converter.for_annotation(passage.annotation)  # what the annotation marks -{…}- kept
        cuts = sorted(set(bounds(text)) | {0, len(text)})
        agreed = Same.key(own, cuts, text) if same is not None else ""
        if same is not None and same.known(agreed):
            continue
        whole = own.unfixed(text)
        if len(whole) != len(text):  # not a character-for-character converter: nothing to compare
            continue
        words = own.word_by_word(text, cuts)
        if words == whole:
            if same is not None:
                same.add(agreed)
            continue
        printed = converter.printed_in(passage.block, text, passage.annotation)
        i = 0
        while i < len(text):
            if whole[i] == words[i]:
                i += 1
                continue
            j = i
            while j < len(text) and whole[j] != words[j]:
                j += 1
            first = bisect.bisect_right(cuts, i) - 1
            last = bisect.bisect_left(cuts, j)
            # One more word on each side, where it is Chinese (the phrase that crossed is in there).
            if first > 0 and _HAN.search(text, cuts[first - 1], cuts[first]):
                first -= 1
            if last < len(cuts) - 1 and _HAN.search(text, cuts[last], cuts[last + 1]):
                last += 1
            out.append(Finding(code, passage, i, j, cuts[first], cuts[last], whole, words, printed))
            i = j
    return out


def _covers(phrase: str, text: str, start: int, end: int) -> list[int]:
    """Where `phrase` occurs in `text` containing the characters start:end."""
    out = []
    at = text.find(phrase, max(0, end - len(phrase)))
    while at != -1 and at <= start:
        out.append(at)
        at = text.find(phrase, at + 1)
    return out


def _applies(o: Override, finding: Finding) -> bool:
    p = finding.passage
    return (o.edition == finding.edition and (not o.block or o.block == p.block)
            and (not o.annotation or o.annotation == p.annotation)
            and bool(_covers(o.simplified, p.text, finding.start, finding.end)))


def override_for(finding: Finding, converter: Converter) -> Override | None:
    """The override that fixes a finding, if one does."""
    return next((o for o in converter.overrides if _applies(o, finding)), None)


def reviews_of(finding: Finding, reviewed: Sequence[Reviewed]) -> list[tuple[Reviewed, int]]:
    """The reviews that record a finding, each with where its phrase is in the passage."""
    return [(r, at) for r in reviewed if r.edition == finding.edition
            for at in _covers(r.simplified, finding.passage.text, finding.start, finding.end)]


def check(converters: dict[str, Converter], found: Sequence[Passage], reviewed: Sequence[Reviewed], bounds: Bounds,
          conversion: str, same: Same | None = None) -> list[Problem]:
    """Every finding that no override fixes and no review records; every review for an edition
    that is not configured, stale, or keeping a form the edition does not print. `conversion`:
    the overrides file, for the hints."""
    problems = [Problem(r.file, r.line, f"reviewed {quote(r.simplified)}: there is no edition {quote(r.edition)}",
                        "configured editions: " + (", ".join(sorted(converters)) or "none"))
                for r in reviewed if r.edition not in converters]
    used: set[Reviewed] = set()
    for converter in converters.values():
        for f in findings(converter, found, bounds, same):
            if override_for(f, converter):
                continue
            matched = reviews_of(f, reviewed)
            for r, at in matched:
                if r not in used:
                    used.add(r)
                    printed = f.printed[at:at + len(r.simplified)]
                    if printed != r.converted:
                        problems.append(Problem(r.file, r.line, f"reviewed {quote(r.simplified)}: the edition "
                                                f"prints {quote(printed)}, not {quote(r.converted)}",
                                                "quote the form it prints, or fix it with an override"))
            if not matched:
                problems.append(_unreviewed(f, conversion))
    problems += [Problem(r.file, r.line, f"reviewed {quote(r.simplified)}: converting whole and word by word no "
                         "longer differ there", "the text or the converter changed: remove the entry")
                 for r in reviewed if r.edition in converters and r not in used]
    return problems


def _unreviewed(f: Finding, conversion: str) -> Problem:
    p = f.passage
    return Problem(p.file, p.line, f"{f.edition}, {p.place}: {quote(f.simplified)} converts to "
                   f"{quote(f.form(f.whole))} as the passage reads but to {quote(f.form(f.words))} word by word "
                   "(an OpenCC phrase crosses a word)",
                   f"decide which is right: if {quote(f.form(f.printed))}, record it in {conversion} under "
                   f"'reviewed:' (edition: {f.edition}, simplified: {f.simplified}, converted: "
                   f"{f.form(f.printed)}, reason: …); if not, fix it with an override")


def problems(root: Path, settings: Settings, edition: Edition, annotations: Iterable[Annotation],
             converters: dict[str, Converter], boundary_cache: BoundaryCache | None = None,
             segmenter: Segmenter = SHARED, agreed: dict[str, Any] | None = None) -> list[Problem]:
    """The boundary check of every edition over everything it prints, with the overrides file's
    reviews (and their problems). The segmenter must know the glossary's words already (the
    project's load teaches them); `boundary_cache` keeps its answers between builds, and
    `agreed` the passages found agreeing (`Same`)."""
    if not converters:
        return []
    path = root / settings.conversion
    if path.exists() and not yamlfile.entries(path, settings.conversion, "overrides", also=("reviewed",)).complete:
        return []  # the overrides file cannot be read (its reader says why): what decides each place is unknown
    reviewed, found = read_reviewed(root, settings.conversion)
    known = segmenter.cache_for(boundary_cache) if boundary_cache is not None else None
    texts = passages(edition.document, settings.source, annotations, edition.emendations, settings)
    same = Same(agreed) if agreed is not None else None
    problems = found + check(converters, texts, reviewed, lambda text: segmenter.boundaries(text, known),
                             settings.conversion, same)
    if same is not None:
        same.keep()
    return problems

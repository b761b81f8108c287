"""Script variants of the edition: the Simplified source converted to Traditional (or another
OpenCC target), one passage at a time.

A passage is converted whole (a paragraph, a title, a definition), never text node by text node,
because OpenCC chooses characters by phrase (头发 → 頭髮 only when it sees both characters). The
converters used here keep every passage's length (s2tw and s2hk map character to character), so
a position in the Simplified passage is the same position in the converted one: overrides are
found on the Simplified text and applied at the same places.

Overrides fix what OpenCC gets wrong in this text. Each names a Simplified phrase long enough to
mean one thing (数据中心系统, not 系统), the right converted phrase, and how many times that
phrase occurs in the text; it applies wherever the phrase occurs in the edition (text, notes,
glossary, titles). When the text or the converter changes so that the count no longer holds, or
OpenCC gets the phrase right by itself, the build stops: an override never silently goes stale.

The editors' usage: the author's words are converted character by character, the editors' own
(the annotations' titles, bodies, definitions and sources' citations, the emendations' reasons,
the settings' introductions) are also written in the edition's usage: a
reviewed table (forms.yml's `usage`) gives, for a word of the editors' Simplified prose, the word
the edition prints (网络 → 網路, 信息 → 資訊). It never touches what the editors quote (“…”,
‘…’), titles (《…》, 〈…〉), what is marked -{…}-, or anything but the editors' prose; an
entry whose word is its plain conversion is an exception (a name: 中关村在线 → 中關村在線), and
the longest entry wins where several match.

Quotation marks: Taiwanese and Hong Kong publishing uses 「」 outside and 『』 inside; an edition
may ask for them. Quotes nest by depth; quotes inside URLs are left alone.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import opencc

from .. import yamlfile
from ..annotations.model import Annotation
from ..errors import EditionError, Problem, quote
from ..settings import EditionSpec, Settings
from ..text.document import Document
from ..yamlfile import Field

LANGUAGE = r"zh-Han[st](-[A-Z]{2})?"


@dataclass(frozen=True)
class Variant:
    """One edition of the site: its language tag, how its text is made, where it lives."""

    code: str
    #: OpenCC configuration (s2tw, s2hk); "" for the source edition.
    opencc: str = ""
    #: Path of the edition under the site root, "" for the source edition ("zh-Hant/").
    path: str = ""
    #: The edition's name in its own script, for the language switcher.
    name: str = ""
    #: Outer open, outer close, inner open, inner close ("" keeps the source's “”‘’).
    quotes: str = ""
    #: Material's interface language for this edition (zh, zh-TW, zh-Hant).
    theme_language: str = ""


SOURCE = Variant("zh-Hans", name="简体中文", theme_language="zh")


def from_specs(specs: Iterable[EditionSpec]) -> list[Variant]:
    """Editions as the settings declare them."""
    return [Variant(s.code, s.opencc, s.path, s.name, s.quotes, s.theme_language) for s in specs]


OVERRIDE = (
    Field("edition", str, pattern=LANGUAGE, doc="the edition it applies to, like zh-Hant"),
    Field("simplified", str, max_length=40, doc="the phrase in the Simplified text"),
    Field("converted", str, max_length=40, doc="the right converted phrase, as long as the Simplified one"),
    Field("block", str, required=False, pattern=r"p-[0-9]+-[0-9]+",
          doc="a paragraph id like p-3-12: fix the phrase only there (anywhere when absent)"),
    Field("annotation", str, required=False, pattern=r"(n|t|ev)-[a-z0-9]+(-[a-z0-9]+)*",
          doc="an annotation's id like ev-car-announcement: fix the phrase only in its texts (title, body, "
          "definition, sources)"),
    Field("count", int, doc="how many times the phrase occurs in the text and the annotations (in that paragraph "
          "or annotation, if given)"),
    Field("reason", str, doc="why OpenCC's choice is wrong here"),
)


REVIEWED = (
    Field("edition", str, pattern=LANGUAGE, doc="the edition it applies to, like zh-Hant"),
    Field("simplified", str, max_length=40,
          doc="the Simplified phrase where converting the passage whole and word by word differ"),
    Field("converted", str, max_length=40,
          doc="the form kept: what the edition prints there (the whole passage's conversion), as long"),
    Field("reason", str, doc="why that form is right here"),
)


FORM = (
    Field("edition", str, pattern=LANGUAGE, doc="the edition it applies to, like zh-Hant"),
    Field("printed", str, max_length=10, doc="a form the converter prints, like 宣佈"),
    Field("standard", str, required=False, max_length=10,
          doc="the form the edition prints instead, as long, like 宣布 (absent in an exception)"),
    Field("keep", str, required=False, max_length=40,
          doc="an exception: a converted phrase with the printed form that stays as it is (a name, a title)"),
    Field("reason", str, doc="the standard it follows (the Ministry of Education's dictionary), or why the "
          "exception"),
)


@dataclass(frozen=True)
class Form:
    """One entry of an edition's variant policy: a form the converter prints and the standard one
    printed instead, or (with `keep`) a phrase where the printed form stays."""

    edition: str
    printed: str
    standard: str
    reason: str
    keep: str = ""
    file: str = ""
    line: int = 0


def read_forms(root: Path, relative: str, schema: str = "") -> tuple[list[Form], list[Problem]]:
    """Read and check the variant policy (absent means none): the good entries, and every problem."""
    path = root / relative
    if not path.exists():
        return [], []
    entries = yamlfile.entries(path, relative, "forms", schema, also=("usage",))
    items, problems = entries.items, list(entries.problems)
    out = []
    for item, line in zip(items, items.item_lines, strict=True):
        values, found = yamlfile.read_record(item, FORM, relative, line, "form")
        problems += found
        if found:
            continue
        printed, standard, keep = values["printed"], values.get("standard", ""), values.get("keep", "")
        if keep and printed not in keep:
            problems.append(Problem(relative, values.key_lines["keep"], f"form {quote(printed)}: the exception "
                                    f"{quote(keep)} does not contain it", "quote the converted phrase where "
                                    f"{quote(printed)} stays"))
        elif not keep and len(standard) != len(printed):
            problems.append(Problem(relative, values.key_lines.get("standard", line),
                                    f"form {quote(printed)}: the standard form {quote(standard)} is not as long",
                                    "a form replaces the printed one character for character, like 宣佈: 宣布"))
        else:
            out.append(Form(values["edition"], printed, standard, values["reason"], keep, relative, line))
    return out, problems


USAGE = (
    Field("edition", str, pattern=LANGUAGE, doc="the edition it applies to, like zh-Hant"),
    Field("simplified", str, max_length=20, doc="a word of the editors' prose (notes, terms, events), like 网络"),
    Field("printed", str, max_length=20,
          doc="the word the edition prints in the editors' prose, like 網路 or 部落格 (its plain conversion "
          "for an exception: a name that stays)"),
    Field("reason", str, doc="the usage it follows (the Ministry of Education's dictionary), or why the exception"),
)


@dataclass(frozen=True)
class Usage:
    """One word of the editors' usage in an edition: a Simplified word of the annotations' prose
    and the word the edition prints for it (see the module's docstring)."""

    edition: str
    simplified: str
    printed: str
    reason: str
    file: str = ""
    line: int = 0


def read_usage(root: Path, relative: str) -> tuple[list[Usage], list[Problem]]:
    """The variant policy file's `usage` list (absent means none): the good entries, and the
    problems of its entries (the file's own problems are read_forms')."""
    items = yamlfile.other_entries(root / relative, relative, "forms", "usage")
    out: list[Usage] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    for item, line in zip(items, items.item_lines, strict=True):
        values, found = yamlfile.read_record(item, USAGE, relative, line, "usage")
        problems += found
        if found:
            continue
        key = (values["edition"], values["simplified"])
        if key in seen:
            problems.append(Problem(relative, line, f"usage {quote(values['simplified'])}: given twice (first at "
                                    f"line {seen[key]})", "keep one entry per word and edition"))
        else:
            seen[key] = line
            out.append(Usage(values["edition"], values["simplified"], values["printed"], values["reason"],
                             relative, line))
    return out, problems


def load_forms(root: Path, relative: str) -> list[Form]:
    """The variant policy; raises EditionError with every problem."""
    out, problems = read_forms(root, relative)
    if problems:
        raise EditionError(problems)
    return out


@dataclass(frozen=True)
class Override:
    edition: str
    simplified: str
    converted: str
    count: int
    reason: str
    block: str = ""
    file: str = ""
    line: int = 0
    annotation: str = ""


def load_overrides(root: Path, relative: str) -> list[Override]:
    """Read and check the overrides file (absent means no overrides); raises EditionError with every problem."""
    out, problems = read_overrides(root, relative)
    if problems:
        raise EditionError(problems)
    return out


def read_overrides(root: Path, relative: str, schema: str = "") -> tuple[list[Override], list[Problem]]:
    """Read and check the overrides file: those that are good, and every problem. `schema`: the
    path of the file's JSON Schema from it."""
    path = root / relative
    if not path.exists():
        return [], []
    entries = yamlfile.entries(path, relative, "overrides", schema, also=("reviewed",))
    items, problems = entries.items, list(entries.problems)
    out = []
    for values, line in _phrases(items, OVERRIDE, relative, "override", problems,
                                 "an override replaces the converted phrase character for character"):
        if "block" in values and "annotation" in values:
            problems.append(Problem(relative, values.key_lines["annotation"], "override: 'block' and 'annotation' "
                                    "both given", "scope an override to a paragraph or to an annotation, not both"))
            continue
        out.append(Override(values["edition"], values["simplified"], values["converted"], values["count"],
                            values["reason"], values.get("block", ""), relative, line, values.get("annotation", "")))
    return out, problems


def _phrases(items: Any, spec: Any, relative: str, kind: str, problems: list[Problem],
             hint: str) -> Iterator[tuple[Any, int]]:
    """Each good entry of an overrides-file list (its values and line) whose converted phrase is
    as long as its Simplified one; the others' problems appended to `problems`."""
    for item, line in zip(items, items.item_lines, strict=True):
        values, found = yamlfile.read_record(item, spec, relative, line, kind)
        problems += found
        if found:
            continue
        if len(values["converted"]) != len(values["simplified"]):
            problems.append(Problem(relative, values.key_lines["converted"],
                                    f"{kind}: {quote(values['converted'])} is not as long as "
                                    f"{quote(values['simplified'])}", hint))
            continue
        yield values, line


@dataclass(frozen=True)
class Reviewed:
    """A place where OpenCC's phrase crosses a word boundary (see boundaries.py), reviewed: the
    form printed there is right."""

    edition: str
    simplified: str
    converted: str
    reason: str
    file: str = ""
    line: int = 0


def read_reviewed(root: Path, relative: str) -> tuple[list[Reviewed], list[Problem]]:
    """The overrides file's `reviewed` list (absent means none): the good entries, and the
    problems of its entries (the file's own problems are read_overrides')."""
    items = yamlfile.other_entries(root / relative, relative, "overrides", "reviewed")
    out: list[Reviewed] = []
    problems: list[Problem] = []
    for values, line in _phrases(items, REVIEWED, relative, "reviewed", problems,
                                 "quote the converted phrase, character for character"):
        out.append(Reviewed(values["edition"], values["simplified"], values["converted"], values["reason"],
                            relative, line))
    return out, problems


@cache
def _opencc(config: str) -> opencc.OpenCC:
    # Creating a converter costs ~30 ms: once per configuration and process.
    return opencc.OpenCC(f"{config}.json")


#: Between passages converted together: no phrase crosses it, no passage contains it.
_SEPARATOR = "\n\x1e\n"
_QUOTE = re.compile("[“”‘’]")
_URL = re.compile(r"https?://[^\s\"'<>]+")
#: A quotation in Latin script in Latin-script text (an English title's ‘most epic’): its marks
#: stay as they are, 「」 being Chinese punctuation. Letters inside, no Chinese character or other
#: quotation mark, and no Chinese on either side (列入“Communist Chinese military company”清单 is
#: Chinese prose: 「」).
_CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
#: (The mark first, then what precedes it: a pattern opening with a look-behind is tried at every
#: character of a page.)
_LATIN_QUOTATION = re.compile(r"[“‘](?<![" + _CJK + r"][“‘])(?=[^“”‘’\n]*[A-Za-z])[^“”‘’\n" + _CJK + r"]*[”’]"
                              r"(?![" + _CJK + r"])")
#: A Japanese run (kanji with kana: 上半期の携帯電話販売台数): not Simplified Chinese, not converted.
#: (A run of kanji and kana, then a look for kana in it: `[…]*[kana][…]*` backtracked through
#: every run of Chinese characters, at each of its characters.)
_KANJI_KANA = re.compile(r"[\u3400-\u9fff\u3041-\u30ff]+")
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff]")


def _japanese(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are Japanese runs (not ー or ・ alone)."""
    if not _KANA.search(text):
        return []
    return [m.span() for m in _KANJI_KANA.finditer(text)
            if _KANA.search(m.group()) and m.group().strip("\u30fc\u30fb")]


_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")

#: What the editors' prose quotes or names: its marks, opening and closing.
_QUOTED = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "「": "」", "『": "』"}
_MARKS = re.compile("[" + "".join(_QUOTED) + "".join(_QUOTED.values()) + "]|\n\n")


def _not_own(text: str) -> list[tuple[int, int]]:
    """The spans of a text of the editors' prose that are not their own words: quotations and
    titles, nested; one left open runs to the end of its paragraph (a blank line)."""
    out: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    for m in _MARKS.finditer(text):
        i, char = m.start(), m.group()
        if char in _QUOTED:
            if not stack:
                start = i
            stack.append(_QUOTED[char])
        elif stack and char == stack[-1]:
            stack.pop()
            if not stack:
                out.append((start, i + 1))
        elif stack and char == "\n\n":
            out.append((start, i))
            stack.clear()
    if stack:
        out.append((start, len(text)))
    return out


@cache
def _script(char: str) -> int:
    """1 for a character only Traditional text writes (發, 們), -1 for one only Simplified text
    writes (发, 们), 0 for one both write (小, 米; 台, which Hong Kong's standard keeps) or that
    OpenCC cannot tell (干, 后 as 皇后)."""
    to_traditional = all(_opencc(config).convert(char) != char for config in ("s2t", "s2tw", "s2hk"))
    to_simplified = _opencc("t2s").convert(char) != char
    return (1 if to_simplified else -1) if to_traditional != to_simplified else 0


def overwritten(text: str, edits: Sequence[tuple[int, int, str]]) -> str:
    """`text` after each edit (position, length, replacement) in turn, as
    `text = text[:at] + new + text[at + length:]` one after another, positions in the text as it
    is then; without a copy of the whole text per edit (a book's glossary page has thousands).
    Edits that keep lengths and do not overlap are placed in one pass, any others one by one."""
    if not edits:
        return text
    ordered = sorted(edits)
    if all(length == len(new) for _, length, new in ordered) and ordered[-1][0] + ordered[-1][1] <= len(text) \
            and all(a + n <= b for (a, n, _), (b, _, _) in itertools.pairwise(ordered)):
        pieces, done = [], 0
        for at, length, new in ordered:
            pieces += [text[done:at], new]
            done = at + length
        pieces.append(text[done:])
        return "".join(pieces)
    for at, length, new in edits:
        text = text[:at] + new + text[at + length:]
    return text


#: What ends a unit of text judged Traditional or not: a line break, a tag, a quotation mark, a
#: bracket, the end of a sentence.
_UNIT_BREAK = re.compile(r"\n|<[^>]*>|[《》〈〉「」『』“”‘’（）()【】。！？；]")


def traditional(text: str) -> list[tuple[int, int]]:
    """The spans of `text` already in Traditional Chinese, which a conversion leaves as they are: a
    unit (between line breaks, tags, quotation marks, brackets and sentence ends) with Traditional
    characters and no Simplified one (a source's title: 我們對台灣的了解，not 瞭解) or,
    in a unit of both, such a run of Chinese characters."""
    found = []  # where each run of Chinese characters with a Traditional one starts
    end = -1
    for m in _traditional_pattern().finditer(text):
        if m.start() < end:
            continue  # in the run found last
        start = m.start()
        while start > 0 and "\u3400" <= text[start - 1] <= "\u9fff":
            start -= 1
        found.append(start)
        end = _HAN_RUN.match(text, m.start()).end()  # type: ignore[union-attr]  # the pattern's are Chinese
    if not found:
        return []
    out: list[tuple[int, int]] = []
    done = -1
    breaks = _Breaks(text)
    for run in found:
        at, end = breaks.unit(run)
        if end == done:
            continue  # in the unit of the run before
        done = end
        runs = [(m.start(), m.end(), {_script(c) for c in m.group()}) for m in _HAN_RUN.finditer(text, at, end)]
        kinds = set().union(*(kind for _, _, kind in runs))
        if -1 not in kinds:
            out.append((at, end))
        else:
            out += [(start, stop) for start, stop, kind in runs if 1 in kind and -1 not in kind]
    return out


class _Breaks:
    """The units of a text around positions asked for in increasing order: the end of the last
    break that starts at or before a position and the start of the first after it (0 and len(text)
    where there is none), as a scan of the whole text for breaks finds them. One scan goes forward
    for all the positions; it is taken up again after the last '>' before a position when that skips
    breaks (no break crosses a '>': a tag ends at its first), not scanned from the start (a page
    breaks at every tag, and its Traditional source titles stand near its end)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.scan: Iterator[re.Match[str]] | None = None
        self.next: re.Match[str] | None = None  # the first break after the last position asked for
        self.start: int | None = -1  # the end of the last break at or before it (None: before the scan's origin)
        self.origin = 0

    def unit(self, at: int) -> tuple[int, int]:
        text = self.text
        close = text.rfind(">", 0, at)
        if self.scan is None or (self.next is not None and self.next.start() <= close):
            self.origin = close + 1
            self.scan = _UNIT_BREAK.finditer(text, self.origin)
            self.next = next(self.scan, None)
            self.start = None
        while self.next is not None and self.next.start() <= at:
            self.start = self.next.end()
            self.next = next(self.scan, None)
        if self.start is None:  # no break since the scan's origin: the last one before it
            self.start = self._before(self.origin - 1)
        return max(self.start, 0), self.next.start() if self.next is not None else len(text)

    def _before(self, close: int) -> int:
        """The end of the last break before the '>' at `close` and up to it (-1: none)."""
        start = -1
        while start == -1 and close != -1:
            before = self.text.rfind(">", 0, close)
            for m in _UNIT_BREAK.finditer(self.text, before + 1, close + 1):
                start = m.end()
            close = before
        return start


@dataclass
class Converter:
    """Converts passages of one edition: OpenCC, then the variant policy (the edition's standard
    forms), then the overrides, then quotation marks."""

    variant: Variant
    overrides: list[Override] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    #: Phrases never converted in the passages of this converter (see `for_annotation`).
    kept: Sequence[str] = ()
    #: The editors' usage (every edition's; this one's are used): see `reword`.
    usage: Sequence[Usage] = ()
    #: What each annotation marks -{…}- (by id): kept as it is in that annotation's texts only,
    #: not wherever the edition prints the phrase (the author's text may have it too).
    kept_in: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.variant.opencc:
            _traditional_pattern()  # once, before a build forks its workers
        self._annotations: dict[str, Converter] = {}
        phrases = sorted(set(self.kept), key=lambda k: (-len(k), k))
        self._kept = re.compile("|".join(map(re.escape, phrases))) if phrases else None
        mine = [f for f in self.forms if f.edition == self.variant.code]
        #: Longest first: 發佈會 before 佈.
        self._standard = sorted((f for f in mine if not f.keep), key=lambda f: (-len(f.printed), f.printed))
        self._keep = [f.keep for f in mine if f.keep]
        #: What decides how a passage converts, overrides aside (OpenCC's configuration, the
        #: standard forms and their exceptions, what is kept as it is): see boundaries.Same.
        self.signature = repr((self.variant.opencc, [(f.printed, f.standard) for f in self._standard], self._keep,
                               phrases))
        self._mine = [o for o in self.overrides if o.edition == self.variant.code and not o.block
                      and not o.annotation]
        #: Overrides scoped to one paragraph: applied where that paragraph is (see in_block).
        self.scoped = [o for o in self.overrides if o.edition == self.variant.code and o.block]
        self._by_block: dict[str, list[Override]] = {}
        for o in self.scoped:
            self._by_block.setdefault(o.block, []).append(o)
        self.scoped_blocks = frozenset(self._by_block)
        #: Overrides scoped to one annotation: applied to its texts (see in_annotation).
        self.in_annotations = [o for o in self.overrides if o.edition == self.variant.code and o.annotation]
        self._by_annotation: dict[str, list[Override]] = {}
        for o in self.in_annotations:
            self._by_annotation.setdefault(o.annotation, []).append(o)
        #: What `printed_in` gave, by its arguments: the stages print a paragraph several times
        #: (its page, the search index, the glossary's snippets, the conversion report).
        self._printed: dict[tuple[str, str, str], str] = {}
        #: The editors' usage, by word; longest first, so that an exception (中关村在线) wins over
        #: the word it contains (在线).
        self.words = {u.simplified: u for u in self.usage if u.edition == self.variant.code}
        order = sorted(self.words, key=lambda w: (-len(w), w))
        self._words = re.compile("|".join(map(re.escape, order))) if order and self.variant.opencc else None

    def for_annotation(self, annotation: str) -> Converter:
        """The converter of an annotation's texts: with what it marks -{…}- kept as it is."""
        phrases = tuple(self.kept_in.get(annotation, ()))
        if not phrases:
            return self
        found = self._annotations.get(annotation)
        if found is None:
            found = self._annotations[annotation] = dataclasses.replace(self, kept=(*self.kept, *phrases), kept_in={})
        return found

    def policy(self) -> list[Form]:
        """The edition's standard forms (its exceptions aside)."""
        return list(self._standard)

    def exceptions(self) -> list[str]:
        """The converted phrases where a form stays as it is (the policy's `keep`)."""
        return list(self._keep)

    def convert(self, text: str) -> str:
        """One passage (or several, separated by newlines: phrases never cross a newline)."""
        return self.quotes(self.characters(text))

    def characters(self, text: str) -> str:
        """The passage's characters converted and the overrides applied; quotation marks as they were."""
        if not self.variant.opencc or not text:
            return text
        out: str = _opencc(self.variant.opencc).convert(text)
        if len(out) != len(text):  # not a character-for-character converter: no positional fixes
            return out
        return self._apply(text, self._finish(text, out), self._mine)

    def unfixed(self, text: str) -> str:
        """The passage converted whole, as `characters` does, but without the overrides."""
        out: str = _opencc(self.variant.opencc).convert(text) if self.variant.opencc else text
        return self._finish(text, out) if len(out) == len(text) else out

    def word_by_word(self, text: str, bounds: Sequence[int]) -> str:
        """The passage converted one word at a time (`bounds`: where words begin and end, 0 and
        len(text) included), each word alone, then as `unfixed`: no OpenCC phrase crosses a word."""
        if not self.variant.opencc:
            return text
        convert = _opencc(self.variant.opencc).convert
        words = [text[start:end] for start, end in itertools.pairwise(bounds)]
        # All words in one call, a newline between them (no OpenCC phrase crosses a newline);
        # the newlines taken out again by position where the converter keeps lengths.
        joined = convert("\n".join(words))
        if len(joined) == len(text) + max(len(words) - 1, 0):
            parts, at = [], 0
            for word in words:
                parts.append(joined[at:at + len(word)])
                at += len(word) + 1
            out = "".join(parts)
        else:
            out = "".join(convert(word) for word in words)
        return self._finish(text, out) if len(out) == len(text) else out

    def _finish(self, text: str, out: str) -> str:
        """The edition's standard forms, and what is not Simplified Chinese (Japanese, Traditional
        Chinese: a quoted title is printed as its publisher printed it) put back as it was."""
        out = self.standard(out)
        # Each of these spans is put back as it was in `text`, so their order does not matter.
        spans = _japanese(text) + traditional(text)
        if self._kept:
            spans += [m.span() for m in self._kept.finditer(text)]
        if not spans:
            return out
        parts, at = [], 0
        for start, end in sorted(spans):
            if end <= at:
                continue
            start = max(start, at)
            parts += [out[at:start], text[start:end]]
            at = end
        parts.append(out[at:])
        return "".join(parts)

    def standard(self, converted: str) -> str:
        """A converted passage with the edition's standard forms (宣佈 → 宣布), but in its exceptions."""
        if not self._standard:
            return converted
        kept: list[tuple[int, int]] | None = None  # the exceptions' spans, found once a form is
        edits: list[tuple[int, int, str]] = []
        for f in self._standard:
            at = converted.find(f.printed)
            while at != -1:
                if kept is None:
                    kept = [(m.start(), m.start() + len(k)) for k in self._keep
                            for m in re.finditer(re.escape(k), converted)]
                if not any(s <= at < e for s, e in kept):
                    edits.append((at, len(f.printed), f.standard))
                at = converted.find(f.printed, at + 1)
        return overwritten(converted, edits)

    def reword(self, text: str, converted: str, within: Sequence[tuple[int, int]] | None = None) -> str:
        """The editors' prose `text`, as `converted` (as long) prints it, with the edition's usage
        in its own words (not in what it quotes, titles, -{…}- and what is not Simplified);
        `within`: only in these spans of it (the editors' words in a text that has others too)."""
        if self._words is None or len(converted) != len(text):
            return converted
        out: list[str] = []
        done = 0
        for at, usage in self.usage_places(text, within):  # the last step: the word may be longer (博客 → 部落格)
            out += [converted[done:at], usage.printed]
            done = at + len(usage.simplified)
        out.append(converted[done:])
        return "".join(out)

    def usage_places(self, text: str, within: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, Usage]]:
        """Where the editors' usage applies in a text of their prose (or in its spans `within`):
        (position, entry), exceptions included (their word is printed as converted)."""
        if self._words is None:
            return []
        found = [(m.start(), m.end(), self.words[m.group()]) for m in self._words.finditer(text)
                 if within is None or any(s <= m.start() and m.end() <= e for s, e in within)]
        if not found:
            return []
        closed = sorted(_not_own(text) + [m.span() for m in _URL.finditer(text)]
                        + _japanese(text) + traditional(text)
                        + ([m.span() for m in self._kept.finditer(text)] if self._kept else []))
        return [(start, usage) for start, end, usage in found
                if not any(s < end and start < e for s, e in closed)]

    def prime(self, passages: Iterable[tuple[str, str, str]]) -> None:
        """Remember what `printed_in` gives for many (block, text, annotation) passages at once:
        those of one converter are converted in one call (phrases never cross a newline, so each
        comes out as it would alone), not one call each (a book has tens of thousands)."""
        groups: dict[str, list[tuple[str, str, str]]] = {}
        for key in dict.fromkeys(passages):
            if key not in self._printed and key[1] and "\n" not in key[1]:
                groups.setdefault(key[2] if self.kept_in.get(key[2]) else "", []).append(key)
        for annotation, keys in groups.items():
            converted = self.for_annotation(annotation).characters("\n".join(t for _, t, _ in keys)).split("\n")
            if len(converted) != len(keys):  # a converter that does not keep lines: one at a time
                continue
            for (block, text, of), out in zip(keys, converted, strict=True):
                if len(out) != len(text):
                    continue
                if of:
                    out = self.in_annotation(of, text, out)
                self._printed[(block, text, of)] = self.in_block(block, text, out) if block else out

    def printed_in(self, block: str, text: str, annotation: str = "") -> str:
        """A passage's characters as the edition prints them: converted, with the overrides and
        those scoped to `block` (a paragraph id, or "") or to `annotation` (an id, or "")."""
        key = (block, text, annotation)
        found = self._printed.get(key)
        if found is not None:
            return found
        converted = self.for_annotation(annotation).characters(text) if annotation else self.characters(text)
        if annotation:
            converted = self.in_annotation(annotation, text, converted)
        found = self._printed[key] = self.in_block(block, text, converted) if block else converted
        return found

    def in_annotation(self, annotation: str, text: str, converted: str) -> str:
        """The overrides scoped to `annotation` applied to a converted text of it."""
        return self._apply(text, converted, self._by_annotation.get(annotation, []))

    def in_block(self, block: str, text: str, converted: str) -> str:
        """The paragraph-scoped overrides of `block` applied to a converted passage of it."""
        return self._apply(text, converted, self._by_block.get(block, []))

    @staticmethod
    def _apply(text: str, out: str, overrides: list[Override]) -> str:
        edits = []
        for o in overrides:
            at = text.find(o.simplified)
            while at != -1:
                edits.append((at, len(o.converted), o.converted))
                at = text.find(o.simplified, at + 1)
        return overwritten(out, edits)

    def convert_all(self, texts: list[str]) -> list[str]:
        """Many passages in one call of the converter (each converted on its own)."""
        if not self.variant.opencc or not texts:
            return list(texts)
        if any(_SEPARATOR in t for t in texts):
            return [self.convert(t) for t in texts]
        joined = _SEPARATOR.join(texts)
        converted: str = self.convert(joined)
        parts = converted.split(_SEPARATOR)
        return parts if len(parts) == len(texts) else [self.convert(t) for t in texts]

    def quotes(self, text: str, breaks: re.Pattern[str] | None = None) -> str:
        """“”‘’ as the edition prints them, nested by depth; URLs untouched. A new passage (a
        newline, or a match of `breaks`, like a block-level tag) starts at depth 0 again."""
        marks = self.variant.quotes
        if not marks or not _QUOTE.search(text):
            return text
        urls = sorted([m.span() for m in _URL.finditer(text)] + [m.span() for m in _LATIN_QUOTATION.finditer(text)])
        starts = [start for start, _ in urls]
        out = []
        stack: list[str] = []
        at = 0
        last = 0
        for m in _QUOTE.finditer(text):
            i, char = m.start(), m.group()
            if stack and (text.find("\n", last, i) != -1 or (breaks and breaks.search(text, last, i))):
                stack.clear()  # a new passage began since the last quote
            last = i
            k = bisect.bisect_right(starts, i) - 1
            if k >= 0 and i < urls[k][1]:
                continue  # inside a URL or a Latin-script quotation
            if char == "’" and 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i + 1].isascii():
                continue  # an apostrophe (Lu Xun’s)
            if char in "“‘":
                inner = len(stack) % 2 == 1
                new = marks[2] if inner else marks[0]
                stack.append(marks[3] if inner else marks[1])
            elif stack:
                new = stack.pop()
            else:
                new = marks[1] if char == "”" else marks[3]
            out += [text[at:i], new]
            at = i + 1
        out.append(text[at:])
        return "".join(out)

    def check(self, document: Document, others: Sequence[str] = (),
              by_annotation: Mapping[str, Sequence[str]] | None = None) -> list[Problem]:
        """Overrides whose count no longer holds (stale), for this edition: in the text and in
        `others` (everything else the edition prints: the annotations' titles, bodies, definitions,
        sources; see `printed`), or in the one paragraph or annotation (`by_annotation`: each
        one's texts, see `printed_by_annotation`) a scoped override names."""
        problems = []
        # Each paragraph's text by its id, once: a book scopes an override to each of many
        # paragraphs (a scan of every paragraph for each was quadratic in the length).
        every: list[str] = []
        of_block: dict[str, list[str]] = {}
        for _, b in document.blocks():
            every.append(b.text)
            of_block.setdefault(b.id, []).append(b.text)
        for o in (*self._mine, *self.scoped, *self.in_annotations):
            if o.annotation:
                texts = list((by_annotation or {}).get(o.annotation, ()))
            else:
                texts = of_block.get(o.block, []) if o.block else [*every, *others]
            found = sum(t.count(o.simplified) for t in texts)
            where = (f" in {o.block}" if o.block else f" in {o.annotation}" if o.annotation
                     else " in the text and the annotations")
            if o.block and not texts:
                problems.append(Problem(o.file, o.line, f"override {quote(o.simplified)}: there is no paragraph "
                                        f"{quote(o.block)}", "use a paragraph id of docs/text/*.md, like p-3-12"))
            elif o.annotation and by_annotation is not None and o.annotation not in by_annotation:
                problems.append(Problem(o.file, o.line, f"override {quote(o.simplified)}: there is no annotation "
                                        f"{quote(o.annotation)}", "use the id of a note, term or event, like "
                                        "ev-car-announcement"))
            elif found != o.count:
                problems.append(Problem(o.file, o.line, f"override {quote(o.simplified)}: expected {o.count} "
                                        f"occurrence{'s' if o.count != 1 else ''}{where}, found {found}",
                                        "the text changed: check the override still applies, then fix its count "
                                        "(or remove it)"))
            elif found == 0:  # count: 0 (all() of nothing is true: not "OpenCC already gives it")
                problems.append(Problem(o.file, o.line, f"override {quote(o.simplified)}: the phrase occurs "
                                        f"nowhere{where}", "remove the override, or quote a phrase the edition "
                                        "prints"))
            elif all(self._already(t, o) for t in texts if o.simplified in t):
                problems.append(Problem(o.file, o.line, f"override {quote(o.simplified)}: OpenCC already gives "
                                        f"{quote(o.converted)}", "the converter was fixed; remove the override"))
        return problems

    def check_usage(self, prose: Sequence[str]) -> list[Problem]:
        """The editors' usage entries of this edition that apply nowhere in its prose (stale)."""
        used = {usage.simplified for text in prose for _, usage in self.usage_places(text)}
        return [Problem(u.file, u.line, f"usage {quote(u.simplified)}: the word occurs nowhere in the editors' "
                        "prose (outside quotations and titles)", "the annotations changed: remove the entry")
                for u in self.words.values() if u.simplified not in used]

    def _already(self, text: str, o: Override) -> bool:
        """Does OpenCC alone already convert every occurrence of the phrase in `text` right?"""
        plain = _opencc(self.variant.opencc).convert(text)
        at = text.find(o.simplified)
        while at != -1:
            if plain[at:at + len(o.simplified)] != o.converted:
                return False
            at = text.find(o.simplified, at + 1)
        return True


@cache
def _table(name: str) -> tuple[str, ...]:
    """One of OpenCC's dictionaries (STCharacters, TSCharacters) as text lines, read with the
    opencc_dict tool that ships in the opencc package."""
    base = Path(opencc.__file__).parent / "clib"
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / f"{name}.txt"
        subprocess.run([str(base / "bin" / "opencc_dict"), "-i", str(base / "share" / "opencc" / f"{name}.ocd2"),
                        "-o", str(dump), "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
        return tuple(dump.read_text(encoding="utf-8").splitlines())


@cache
def _candidates() -> dict[str, tuple[str, ...]]:
    """OpenCC's own table of the Simplified characters that have several Traditional candidates
    (STCharacters)."""
    out = {}
    for line in _table("STCharacters"):
        simplified, _, forms = line.partition("\t")
        if " " in forms:
            out[simplified] = tuple(forms.split(" "))
    return out


@cache
@cache
def _traditional_pattern() -> re.Pattern[str]:
    """Any one of `_traditional_characters` (in runs of Chinese characters, `_HAN_RUN`)."""
    return re.compile("[" + "".join(sorted(c for c in _traditional_characters() if "\u3400" <= c <= "\u9fff")) + "]")


def _traditional_characters() -> frozenset[str]:
    """The characters only Traditional text writes (see _script): most passages have none, and
    are then not looked at further."""
    chars = {line.partition("\t")[0] for line in _table("TSCharacters")}
    return frozenset(c for c in chars if len(c) == 1 and _script(c) == 1)


def kept(annotations: Iterable[Annotation]) -> dict[str, tuple[str, ...]]:
    """What each annotation marks -{…}-, by id: converted nowhere in its texts."""
    return {a.id: a.kept for a in annotations if a.kept}


def printed(annotations: Iterable[Annotation]) -> list[str]:
    """Every text of the annotations an edition prints, converted (what overrides count in)."""
    return [t for texts in printed_by_annotation(annotations).values() for t in texts]


def printed_by_annotation(annotations: Iterable[Annotation]) -> dict[str, list[str]]:
    """The texts of each annotation an edition prints, by id."""
    out = {}
    for a in annotations:
        texts = [a.title, a.body, a.term, a.definition, *a.aliases]
        for s in a.sources:
            texts += [s.title, s.publisher, s.citation]
        out[a.id] = [t for t in texts if t]
    return out


PROSE = ("title", "body", "definition")


def prose(annotations: Iterable[Annotation], code: str) -> list[str]:
    """The editors' prose that edition `code` converts: the annotations' titles, bodies and
    definitions, but those the annotation gives in the edition's own words, and their sources'
    citations (not the headwords and aliases, which are the text's words, nor the sources'
    titles and publishers, which are cited as they are)."""
    out = []
    for a in annotations:
        out += [getattr(a, name) for name in PROSE if getattr(a, name) and a.text(name, code) == getattr(a, name)]
        out += [s.citation for s in a.sources if s.citation]
    return out


def own_prose(emendations: Iterable[Any], settings: Settings) -> list[str]:
    """The editors' prose outside the annotations: the emendations' reasons, the settings'
    introductions."""
    return [e.reason for e in emendations if e.reason] + [text for _, text in settings.intros]


def check(converters: dict[str, Converter], overrides: list[Override], document: Document,
          others: Sequence[str] = (), by_annotation: Mapping[str, Sequence[str]] | None = None,
          usage: Sequence[Usage] = (), annotations: Sequence[Annotation] | None = None,
          own: Sequence[str] = ()) -> list[Problem]:
    """Every problem of the overrides and the editors' usage: for an edition that is not
    configured, or stale (the usage only when `annotations` are given: all of them, none broken;
    `own`: the editors' other prose, the emendations' reasons and the settings' introductions)."""
    hint = "configured editions: " + (", ".join(sorted(converters)) or "none")
    problems = [Problem(o.file, o.line, f"override {quote(o.simplified)}: there is no edition {quote(o.edition)}",
                        hint) for o in overrides if o.edition not in converters]
    problems += [Problem(u.file, u.line, f"usage {quote(u.simplified)}: there is no edition {quote(u.edition)}", hint)
                 for u in usage if u.edition not in converters]
    problems += [p for c in converters.values() for p in c.check(document, others, by_annotation)]
    if annotations is None:
        return problems
    return problems + [p for code, c in converters.items()
                       for p in c.check_usage([*prose(annotations, code), *own])]


@dataclass(frozen=True)
class Choice:
    """One occurrence of a character with several converted forms, and the form chosen."""

    char: str
    forms: tuple[str, ...]
    block: str
    context: str
    chosen: str


def choices(converter: Converter, document: Document) -> list[Choice]:
    """Every occurrence, in the text, of a character that has more than one converted form."""
    candidates = _candidates()
    out = []
    for _, block in document.blocks():
        converted = converter.quotes(converter.in_block(block.id, block.text, converter.characters(block.text)))
        for i, char in enumerate(block.text):
            if char in candidates:
                out.append(Choice(char, candidates[char], block.id, block.text[max(0, i - 4):i + 5], converted[i]))
    return out


def report(converter: Converter, document: Document) -> str:
    """The build report: each ambiguous character, its forms, and every occurrence with the choice."""
    found = choices(converter, document)
    by_char: dict[str, list[Choice]] = {}
    for c in found:
        by_char.setdefault(c.char, []).append(c)
    lines = [f"# {converter.variant.code} ({converter.variant.opencc}): characters with more than one form",
             f"# {len(by_char)} characters, {len(found)} occurrences. Each line: paragraph, context, choice.", ""]
    for char in sorted(by_char, key=lambda c: (-len(by_char[c]), c)):
        group = by_char[char]
        chosen = sorted({c.chosen for c in group})
        lines.append(f"{char} → {'/'.join(group[0].forms)}: chosen {'、'.join(chosen)} ({len(group)})")
        lines += [f"  {c.block}  {c.context}  → {c.chosen}" for c in group]
        lines.append("")
    return "\n".join(lines)


def converters(root: Path, settings: Settings, document: Document, others: Sequence[str] = (),
               kept: Mapping[str, Sequence[str]] | None = None,
               by_annotation: Mapping[str, Sequence[str]] | None = None,
               annotations: Sequence[Annotation] | None = None, own: Sequence[str] = ()
               ) -> tuple[dict[str, Converter], list[Problem]]:
    """The converter of every edition the settings declare, with the reviewed overrides, the
    variant policy, the editors' usage and the phrases `kept` (see Annotation.kept); the problems
    of the overrides and the usage (unknown edition, stale). Raises EditionError when the
    overrides file or the policy cannot be read."""
    found, overrides, usage, problems = unchecked(root, settings, kept)
    return found, problems + check(found, overrides, document, others, by_annotation, usage, annotations, own)


def unchecked(root: Path, settings: Settings, kept: Mapping[str, Sequence[str]] | None = None
              ) -> tuple[dict[str, Converter], list[Override], list[Usage], list[Problem]]:
    """`converters` before their `check`: the converters, the overrides and the usage they were
    made with (what the check needs), and the usage's problems."""
    variants = from_specs(settings.editions)
    overrides = load_overrides(root, settings.conversion)
    forms = load_forms(root, settings.forms)
    usage, problems = read_usage(root, settings.forms)
    found = {v.code: Converter(v, overrides, forms, (), usage, kept or {}) for v in variants}
    return found, overrides, usage, problems

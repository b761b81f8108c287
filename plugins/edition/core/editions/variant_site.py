"""The other editions of a built site, made from the built source edition, not by rendering again.

Every page of the source edition (zh-Hans) is rendered once by the site generator. Each further
edition (zh-Hant under zh-Hant/, and any other configured) is derived from those files:

- HTML: each passage — the text of a block element with its inline markup (a paragraph, list
  item, heading, title, link text) — is converted whole by the edition's Converter and put back
  around the same tags; attribute text (title, aria-label, alt, placeholder, meta content) and
  JSON inside scripts (the theme's configuration, the glossary previews) likewise. Code and
  preformatted text are left alone. The theme's interface strings are replaced by the theme's
  own translation for the edition's language where one exists (搜索 → 搜尋).
- `<html lang>` names the edition; every page of every edition lists its alternates
  (`link rel=alternate hreflang`) and its switcher links lead to the same page elsewhere.
- The sitemap, the JSON exports and Material's search index are converted; absolute URLs point
  into the edition. Every other file (styles, scripts, images) is copied. (With the edition's own
  search, each edition's index is then written from the model: search_index.py.)

URLs and anchors are ASCII and identical in every edition, so a paragraph link works in each.
"""

from __future__ import annotations

import dataclasses
import gzip
import html
import json
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path

from .. import forked, strings
from ..annotations.model import Annotation
from ..exports.webannotation import body_value, editing_value, source_value
from ..render import bodies, glossary_page, html_text
from ..render.notes import sources_html
from ..text.document import Block
from ..text.emendations import Emendation
from ..theme import Alternate, Neutral, Theme
from .variants import PROSE, Converter, Variant

_NEUTRAL = Neutral()

_HAN = re.compile(r"[\u3400-\u9fff]")
#: Elements whose text is part of the passage around them.
INLINE = frozenset("a abbr b bdi bdo br cite data dfn em i img mark q s small span strong sub sup time u wbr".split())


def variant_fields(annotations: list[Annotation], converter: Converter) -> dict[str, list[tuple[str, str]]]:
    """What the annotations' own variants for this edition replace in its pages.

    A note, term or event may give its title, definition or body for an edition (`variants`).
    Each field's rendered markup is known exactly, and it sits between block-level tags, so its
    converted form in a converted page is its conversion alone: by annotation id, (converted
    markup, the variant's markup) pairs, to replace after conversion in the pages that name the
    annotation (Site.by_id): a page prints an annotation's texts only where it names it, and a
    book's pages are not each searched for every annotation of the book.
    """
    out: dict[str, list[tuple[str, str]]] = {}
    code = converter.variant.code
    for a in annotations:
        if not any(c == code for c, _ in a.variants):
            continue
        pairs = []
        for name, wrap in (("title", "<strong>{}</strong></p>"),
                           ("definition", '<p class="edition-term-definition">{}</p>')):
            source, variant = getattr(a, name), a.text(name, code)
            if source and variant != source:
                pairs.append((convert_html(wrap.format(html.escape(source)), converter, {}),
                              wrap.format(html.escape(variant))))
                if name == "definition":  # and in the pages' preview data (JSON in a script)
                    pairs.append((convert_html(_json_string(source), converter, {}), _json_string(variant)))
        if a.body and a.text("body", code) != a.body:
            pairs.append((convert_html(bodies.render(a.body), converter, {}), bodies.render(a.text("body", code))))
        if pairs:
            out.setdefault(a.id, []).extend(pairs)
    return out


def annotation_fields(annotations: list[Annotation], converter: Converter) -> tuple[dict[str, list[tuple[str, str]]],
                                                                                  dict[str, str]]:
    """What the overrides scoped to an annotation and the editors' usage (Converter.reword) change
    in it: by annotation id, (converted markup, markup as the edition prints it) pairs of its title
    (wherever a page prints it: the note's or event's heading, a marker's label, a page's list of
    events), definition, body and sources, to replace in the pages that name the annotation; and
    its texts, as the exports hold them, as the edition prints them. Copies of one text (a book's
    repeated notes) are converted once."""
    by_id: dict[str, list[tuple[str, str]]] = {}
    texts: dict[str, str] = {}
    scoped = {o.annotation for o in converter.in_annotations}
    code = converter.variant.code
    done: dict[tuple[str, bool], str] = {}
    plain: dict[str, str] = {}  # converter.convert, once per text

    def convert(fixed: Converter, text: str) -> str:
        if fixed is not converter:
            return fixed.convert(text)
        found = plain.get(text)
        if found is None:
            found = plain[text] = converter.convert(text)
        return found

    def printed(markup: str, fixed: Converter, own: bool, a: Annotation) -> str:
        if fixed is converter and (markup, own) in done:
            return done[(markup, own)]
        out = convert_html(markup, fixed, {})
        out = fixed.reword(markup, out, _within(markup, a)) if own else out  # fixed: with its -{…}- kept
        if fixed is converter:
            done[(markup, own)] = out
        return out

    for a in annotations:
        own = [name for name in PROSE if getattr(a, name) and a.text(name, code) == getattr(a, name)]
        cited = [s.citation for s in a.sources if s.citation]
        if (a.id not in scoped and not a.kept
                and not any(converter.usage_places(t) for t in [*(getattr(a, n) for n in own), *cited])):
            continue
        fixed = converter.for_annotation(a.id)  # what it marks -{…}- kept as it is
        if a.id in scoped:
            fixed = dataclasses.replace(fixed, overrides=[dataclasses.replace(o, annotation="") if o.annotation == a.id
                                                          else o for o in converter.overrides])
        pairs = []
        for markup, prose in _markups(a, own):
            before, after = printed(markup, converter, False, a), printed(markup, fixed, prose, a)
            if before != after:
                pairs.append((before, after))
        if pairs:
            by_id[a.id] = pairs
        for name, text in _texts(a):
            after = convert(fixed, text)
            after = fixed.reword(text, after) if name in own or name == "citation" else after
            if after != convert(converter, text):
                texts[text] = after
        # The exports' composed values: a term's body (headword, definition, body), a source without a url.
        composed = [body_value(a)] if "body" in own or "definition" in own or a.kind == "term" else []
        composed += [source_value(s) for s in a.sources if not s.url]
        for text, spans in composed:
            after = fixed.reword(text, convert(fixed, text), spans)
            if text and after != convert(converter, text):
                texts[text] = after
    return by_id, texts


def emendation_fields(emendations: Iterable[Emendation], intros: Iterable[str], converter: Converter
                      ) -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str]], dict[str, str]]:
    """What the editors' usage changes in the emendations' reasons and the settings' introductions,
    their own words: by emendation id, (converted markup, reworded markup) pairs of its reason (in
    its mark's label, which quotes the source first, and on the apparatus page); the pairs of the
    introductions (each on its own page); and the exports' texts (an emendation's body)."""
    by_id: dict[str, list[tuple[str, str]]] = {}
    texts: dict[str, str] = {}
    done: dict[str, list[tuple[str, str]]] = {}  # a reason given again (a book's copies) is converted once
    for e in emendations:
        if not e.reason or not converter.usage_places(e.reason):
            continue
        if e.reason not in done:
            reason = html.escape(e.reason)
            converted = [(convert_html(m, converter, {}), m) for m in (f'。{reason}"', f"<p>{reason}</p>")]
            done[e.reason] = [(before, after) for before, after in
                              ((before, converter.reword(m, before)) for before, m in converted) if before != after]
        if done[e.reason]:
            by_id[e.id] = done[e.reason]
        value = editing_value(e)
        texts[value] = converter.reword(value, converter.convert(value), [(len(value) - len(e.reason), len(value))])
    pages = []
    for intro in intros:
        markup = f"<p>{html.escape(intro, quote=False)}</p>"
        before = convert_html(markup, converter, {})
        after = converter.reword(markup, before)
        if before != after:
            pages.append((before, after))
    return by_id, pages, texts


def _markups(a: Annotation, own: list[str]) -> list[tuple[str, bool]]:
    """Each way the pages print the annotation's texts, and whether it is the editors' prose."""
    out: list[tuple[str, bool]] = []
    if a.title:
        title = html.escape(a.title)
        out += [(markup, "title" in own) for markup in
                (f"<strong>{title}</strong></p>", f'：{title}"', f'　{title}"', f"　{title}</a>")]
    elif a.body:  # a note without a title: its marker's label begins its body
        out.append((f'：{html.escape(bodies.plain(a.body)[:30])}"', "body" in own))
    if a.definition:
        out += [(f'<p class="edition-term-definition">{html.escape(a.definition)}</p>', "definition" in own),
                (_json_string(a.definition), "definition" in own)]
    if a.body:
        out.append((bodies.render(a.body), "body" in own))
    if a.sources:
        out.append((sources_html(a.sources), True))  # its citations are the editors' words (see _within)
    return out


def _within(markup: str, a: Annotation) -> list[tuple[int, int]] | None:
    """The spans of a markup of the annotation that are the editors' words: all of it, but in its
    sources' list only their citations (the titles and publishers are cited as they are)."""
    if not markup.startswith('<p class="edition-note-sources">'):
        return None
    spans = []
    for s in a.sources:
        if s.citation:
            cited = "，" + html.escape(s.citation)
            at = markup.find(cited)
            while at != -1:
                spans.append((at + 1, at + len(cited)))
                at = markup.find(cited, at + 1)
    return spans


def _texts(a: Annotation) -> list[tuple[str, str]]:
    """The annotation's texts as the exports hold them: (field, text)."""
    out = [(name, getattr(a, name)) for name in ("title", "body", "term", "definition") if getattr(a, name)]
    out += [("alias", alias) for alias in a.aliases]
    out += [("source", t) for s in a.sources for t in (s.title, s.publisher) if t]
    out += [("citation", s.citation) for s in a.sources if s.citation]
    return out


_APART = "\n<hr>\n"


def snippet_fields(snippets: list[tuple[Block, int, int]], converter: Converter) -> dict[str, list[tuple[str, str]]]:
    """The glossary's backlink snippets cut from this edition's conversion of their paragraphs:
    by paragraph id (a snippet links to its paragraph: only the pages that name it are looked
    at), (the snippet converted alone, as a page's conversion gives it; the snippet of the
    converted paragraph) pairs, where they differ. A snippet's edges cut through words (产业上|游): alone, it
    converts otherwise than its paragraph (上遊, where the paragraph prints 上游)."""
    printed: dict[str, str] = {}  # a paragraph holds the snippets of every term in it
    cuts: list[tuple[str, str, str]] = []
    for block, start, end in snippets:
        if block.id not in printed:
            printed[block.id] = converter.quotes(converter.printed_in(block.id, block.text))
        if len(printed[block.id]) == len(block.text):
            cuts.append((block.id, glossary_page.snippet_html(block.text, start, end),
                         glossary_page.snippet_html(printed[block.id], start, end)))
    # All in one conversion, each snippet its own passage: a block-level tag and a newline
    # between them, which no phrase, run of inline markup or quotation crosses.
    sources = [source for _, source, _ in cuts]
    if any(_APART in source for source in sources):
        alone = [convert_html(source, converter, {}) for source in sources]
    else:
        alone = convert_html(_APART.join(sources), converter, {}).split(_APART) if sources else []
    out: dict[str, list[tuple[str, str]]] = {}
    for a, (name, _, cut) in zip(alone, cuts, strict=True):
        if a != cut:
            out.setdefault(name, []).append((a, cut))
    return out


def by_id(*tables: dict[str, list[tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    """Pairs by id (Site.by_id) from several tables, in their order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for table in tables:
        for name, pairs in table.items():
            out.setdefault(name, []).extend(pairs)
    return out


def _json_string(text: str) -> str:
    """A string as term_links.preview_data writes it into a page."""
    encoded = json.dumps(text, ensure_ascii=False)
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class Site:
    """A built site and its editions: the source edition at the root, the others below it."""

    root: Path
    source: Variant
    editions: tuple[Variant, ...]
    #: The site's absolute URL ("" when unknown): alternates and sitemaps use it.
    site_url: str = ""
    #: Per edition code: (converted markup, replacement) pairs applied to every page (the
    #: introductions' own words, see emendation_fields).
    replacements: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: The theme's adapter: its switcher, its configuration script.
    theme: Theme = field(default_factory=Neutral)
    #: Per edition code: texts the exports convert otherwise (annotation_fields), source → converted.
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Per edition code and annotation id: (converted markup, replacement) pairs applied to the
    #: content of the pages that name the annotation there (an id="…" or a link to #…), see
    #: annotation_fields.
    by_id: dict[str, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    #: Per edition code and site path: an export converted ahead, (the source edition's text, its
    #: conversion), used when the built file still holds that text (see `convert_export`).
    exports: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    @property
    def all(self) -> tuple[Variant, ...]:
        return (self.source, *self.editions)


#: What is never converted: code, preformatted text, styles and scripts (except JSON data).
_VERBATIM = re.compile(r"(<(pre|code|kbd|samp|style|textarea|svg)\b.*?</\2\s*>|<script\b(?![^>]*application/json)"
                       r"[^>]*>.*?</script\s*>|<!--.*?-->)", re.DOTALL | re.IGNORECASE)
_INLINE_NAMES = "|".join(sorted(INLINE))
#: Chinese text interrupted only by inline markup: a phrase may run across it (头<a>发</a>).
#: The match starts at the Chinese character before the markup.
_JUNCTION = re.compile(r"[\u3400-\u9fff](?:\s*</?(?:" + _INLINE_NAMES + r")\b[^>]*>)+\s*(?=[\u3400-\u9fff])",
                       re.IGNORECASE)
_HAN_RUN_AFTER = re.compile(r"[\u3400-\u9fff]+")
#: Where a passage ends: any tag but an inline one.
_BLOCK_TAG = re.compile(r"(<(?!/?(?:" + _INLINE_NAMES + r")\b)[^>]*>)", re.IGNORECASE)


def convert_html(markup: str, converter: Converter, ui: dict[str, str], theme: Theme = _NEUTRAL) -> str:
    """Convert the text of an HTML document, passages whole, in one call of the converter.

    Tags are ASCII, so the document converts as one string and every tag comes out as it went
    in; attribute text (title, aria-label) and JSON data convert with it. Where inline markup
    interrupts Chinese text (头<a>发</a>), the characters on either side are converted again
    together, as the passage reads, and put back in place (the converters keep lengths). Quotation
    marks are set passage by passage. Code, preformatted text, styles and scripts are left alone.
    `ui` (the theme's own translations) replaces the theme's interface strings, and `theme` its
    configuration script.
    """
    return edition_page(markup, converter, ui, theme, words=[])


def edition_page(markup: str, converter: Converter, ui: dict[str, str], theme: Theme = _NEUTRAL,
                 replacements: Iterable[tuple[str, str]] = (), by_id: dict[str, list[tuple[str, str]]] | None = None,
                 words: list[strings.Replacement] | None = None) -> str:
    """A page of the source edition as a further edition prints it: `convert_html`, then in its
    content the pairs every page replaces (`replacements`) and those of each id the content names
    (`by_id`, see Site.by_id), then the edition's own interface strings in place of what the
    conversion made of the source edition's (`words`; by default the generator's table for the
    edition, see `_own_words`).

    The page's frame (the theme's header, navigation and footer around the content) is much the
    same on every page, and a book's navigation grows with it: it is made piece by piece, each
    distinct piece once per build (`_Frame`)."""
    words = _own_words(converter) if words is None else words
    span = theme.content(markup)
    if span is None:
        return _content(markup, converter, ui, theme, replacements, by_id, words)
    frame = _frame(converter, ui, theme, words)
    # The content between the tags around it (…>content<…), as it stands in the page.
    content = _content(">" + markup[span[0]:span[1]] + "<", converter, ui, theme, replacements, by_id, words)
    return frame(markup[:span[0]]) + content[1:-1] + frame(markup[span[1]:])


def _content(markup: str, converter: Converter, ui: dict[str, str], theme: Theme,
             replacements: Iterable[tuple[str, str]], by_id: dict[str, list[tuple[str, str]]] | None,
             words: list[strings.Replacement]) -> str:
    """A page, or its content, as edition_page makes it."""
    converted = _convert_document(markup, converter)
    if converter.scoped and len(converted) == len(markup):  # a paragraph may hold code or an icon
        converted = _scoped(markup, converted, converter)
    converted = _interface(theme.configuration(converted, converter.convert, ui), converter, ui)
    for old, new in replacements:
        converted = converted.replace(old, new)
    if by_id:
        converted = _named_replaced(converted, by_id)
    return strings.apply(converted, words)


def _convert_document(markup: str, converter: Converter) -> str:
    parts = _VERBATIM.split(markup)
    out = []
    for i in range(0, len(parts), 3):  # text, verbatim block, its tag name, text, …
        out.append(_convert_markup(parts[i], converter))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


#: Where a frame splits into pieces that convert alone: after a line break that ends a tag and
#: comes before a block-level one, outside what is left unconverted and outside scripts (_UNCUT:
#: a theme's configuration script is replaced whole). No passage, phrase, junction of inline
#: markup, quotation or URL crosses it (each ends at a line break or a block-level tag), nor an
#: interface string or an own word (a whole text between tags or attribute value), and a piece
#: neither begins nor ends with a quotation mark, whose neighbours decide an apostrophe.
_PIECE_END = re.compile(r">\n(?=[ \t]*<(?!/?(?:" + _INLINE_NAMES + r")\b))", re.IGNORECASE)
_UNCUT = re.compile(r"<(pre|code|kbd|samp|style|textarea|svg|script)\b.*?</\1\s*>|<!--.*?-->",
                    re.DOTALL | re.IGNORECASE)
#: What an interface string or an own word must not hold for the frame to be made piece by piece.
_ACROSS = ('"', "<", ">", "\n")


class _Frame:
    """A page's frame as `edition_page` makes it: converted, the theme's configuration and
    interface strings and the edition's own words in place; each distinct piece (see _PIECE_END)
    once, for one converter, theme translation and table of own words. The same result as the
    frame made whole, as nothing it replaces or converts crosses pieces."""

    def __init__(self, converter: Converter, ui: dict[str, str], theme: Theme, words: list[strings.Replacement]):
        self.converter, self.ui, self.theme, self.words = converter, ui, theme, words
        self.pieces: dict[str, str] = {}
        self.apart = not any(not w.literal or any(c in w.literal for c in _ACROSS) for w in words) \
            and not any(any(c in k for c in _ACROSS) for k in ui)

    def __call__(self, markup: str) -> str:
        if not self.apart:
            return self.whole(markup)
        uncut = [m.span() for m in _UNCUT.finditer(markup)]
        out = []
        at = k = 0
        for end in [*(m.end() for m in _PIECE_END.finditer(markup)), len(markup)]:
            while k < len(uncut) and uncut[k][1] <= end:
                k += 1
            if end < len(markup) and k < len(uncut) and uncut[k][0] < end:
                continue  # inside a script, code or a comment
            piece = markup[at:end]
            at = end
            done = self.pieces.get(piece)
            if done is None:
                converted = _convert_document(piece, self.converter)
                if len(converted) != len(piece):  # a converter that changes lengths: no pieces
                    return self.whole(markup)
                done = self.pieces[piece] = self.finish(converted)
            out.append(done)
        return "".join(out)

    def whole(self, markup: str) -> str:
        return self.finish(_convert_document(markup, self.converter))

    def finish(self, converted: str) -> str:
        configured = self.theme.configuration(converted, self.converter.convert, self.ui)
        return strings.apply(_interface(configured, self.converter, self.ui), self.words)


#: An edition without the theme's translation (one object: the frames are found by it).
_NO_UI: dict[str, str] = {}
#: The latest frames of this process (a few: one per further edition and theme translation).
_FRAMES: list[_Frame] = []


def _frame(converter: Converter, ui: dict[str, str], theme: Theme, words: list[strings.Replacement]) -> _Frame:
    for f in _FRAMES:
        if f.converter is converter and f.ui is ui and f.theme is theme and f.words is words:
            return f
    _FRAMES[:] = [*_FRAMES[-3:], _Frame(converter, ui, theme, words)]
    return _FRAMES[-1]


def _convert_markup(markup: str, converter: Converter) -> str:
    return _convert_passages(markup, converter) if _HAN.search(markup) else markup


def _convert_passages(markup: str, converter: Converter) -> str:
    """The passages of a markup that holds Chinese text, converted (see convert_html)."""
    converted = converter.characters(markup)
    if len(converted) != len(markup):  # a converter that changes lengths: no positional repairs
        return converter.quotes(converted, breaks=_BLOCK_TAG)
    # Chains of Chinese runs joined by inline markup (A<a>B</a>C): each chain is converted again
    # as one passage, and its characters replace those of the runs.
    chains: list[list[tuple[int, int]]] = []
    for junction in _JUNCTION.finditer(markup):
        after = _HAN_RUN_AFTER.match(markup, junction.end())
        if not after:
            continue
        end = junction.start() + 1  # the end of the Chinese run before the markup
        if chains and chains[-1][-1][1] == end:
            chains[-1].append(after.span())
        else:
            start = junction.start()
            while start > 0 and "\u3400" <= markup[start - 1] <= "\u9fff":
                start -= 1
            chains.append([(start, end), after.span()])
    # Every chain in one call of the converter (Chinese runs hold no newline; phrases never cross one).
    joined = "\n".join("".join(markup[s:e] for s, e in chain) for chain in chains)
    windows = converter.characters(joined).split("\n") if chains else []
    out: list[str] = []
    at = 0
    for chain, window in zip(chains, windows, strict=True):
        used = 0
        for s, e in chain:
            out += [converted[at:s], window[used:used + e - s]]
            used += e - s
            at = e
    out.append(converted[at:])
    return converter.quotes("".join(out), breaks=_BLOCK_TAG)


#: (`id(?<!\wid)` is `\bid`, with the literal first: a pattern that opens with `\b` or a
#: look-behind is tried at every character of a page.)
_IDS = re.compile(r'id(?<!\wid)="([^"]*)"')


def _scoped(markup: str, converted: str, converter: Converter) -> str:
    """Apply the overrides scoped to one paragraph, inside that paragraph's element."""
    blocks = set(_IDS.findall(markup)) & converter.scoped_blocks
    spans = html_text.element_spans(markup, blocks)
    for block in sorted(blocks):
        span = spans.get(block)
        if span:
            start, end = span
            converted = converted[:start] + converter.in_block(block, markup[start:end],
                                                                converted[start:end]) + converted[end:]
    return converted


_INTERFACE: dict[tuple[Variant, tuple[tuple[str, str], ...]], tuple[re.Pattern[str], dict[str, str]]] = {}


def _interface(markup: str, converter: Converter, ui: dict[str, str]) -> str:
    """The theme's interface strings, now converted, replaced by the theme's own translations:
    where one is a whole text between tags, a whole attribute value or a whole JSON string."""
    if not ui:
        return markup
    key = (converter.variant, tuple(sorted(ui.items())))
    if key not in _INTERFACE:  # once per edition and build, not once per page
        table = {converter.convert(k): v for k, v in ui.items()}
        # Literal alternatives only: the scan skips every position that cannot start one.
        keys = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
        _INTERFACE[key] = (re.compile(keys), table)
    pattern, table = _INTERFACE[key]
    out = []
    at = 0
    for m in pattern.finditer(markup):
        before = markup[max(0, m.start() - 80):m.start()].rstrip()[-1:]
        after = markup[m.end():m.end() + 80].lstrip()[:1]
        if before in (">", '"') and after in ("<", '"'):
            out += [markup[at:m.start()], html.escape(table[m.group()], quote=False)]
            at = m.end()
    out.append(markup[at:])
    return "".join(out)


#: The head's alternates, as the theme (or an earlier pass) wrote them: replaced by the edition's.
_ALTERNATES = re.compile(r'<link\b(?=[^>]*\brel="alternate")(?=[^>]*\bhreflang=)[^>]*>')


def _without_alternates(markup: str) -> str:
    """`markup` without its alternates and the white space before each. The scan looks for the
    literal `<link` (a pattern opening with `\\s*` was tried at every character of a page)."""
    out: list[str] = []
    at = 0
    for m in _ALTERNATES.finditer(markup):
        out.append(markup[at:m.start()].rstrip())
        at = m.end()
    out.append(markup[at:])
    return "".join(out) if at else markup


def _page_url(relative: str) -> str:
    """The URL path of a built HTML file, relative to its edition's root."""
    return relative[:-len("index.html")] if relative.endswith("index.html") else relative


def _depth(path: str) -> int:
    return path.count("/")


def alternates(site: Site, variant: Variant, relative: str, markup: str) -> str:
    """`<html lang>` and the switcher's links of one page (to the same page in each edition).

    The head carries no `<link rel="alternate" hreflang>`: each edition's sitemap lists every page
    with its alternates instead (`_sitemap`). Themes of Material's family read the head's
    alternates as the editions' roots and look for `sitemap.xml` under each: a page's alternates
    there made every page view request `<page>/sitemap.xml` (a 404) from the site's host.
    """
    page = _page_url(relative)
    markup = re.sub(r'<html lang="[^"]*"', f'<html lang="{variant.code}"', markup, count=1)
    up = "../" * _depth(variant.path + relative)
    head = markup.find("</head>")  # where the theme writes them (a scan of the whole page was the slowest part)
    if head == -1 or markup.find("hreflang=", head) != -1:
        markup = _without_alternates(markup)
    else:
        markup = _without_alternates(markup[:head]) + markup[head:]
    return site.theme.switcher(markup, [Alternate(v.code, v.name, up + v.path + page or "./", v.code == variant.code)
                                        for v in site.all])


def _site_path(site_url: str) -> str:
    path = re.sub(r"^[a-z]+://[^/]+", "", site_url)
    return path if path.endswith("/") else path + "/"


def _into_edition(markup: str, site: Site, variant: Variant) -> str:
    """Root-relative links to pages (the 404 page has them) lead into the edition."""
    if not site.site_url or not variant.path:
        return markup
    root = _site_path(site.site_url)
    return re.sub(rf'href(?<![\w-]href)="{re.escape(root)}((?:[^"./]+/)*(?:[^"./]+\.html)?)"',  # (see _IDS)
                  lambda m: f'href="{root}{variant.path}{m.group(1)}"', markup)


#: Pages per process below which one process converts them all (starting more costs more). Small:
#: a forked process starts in milliseconds, and the main one has the reports and the search to
#: write meanwhile (the chapter's 14 pages: 7% faster with two processes than with one).
PAGES_PER_WORKER = 4


def processes(workers: int, pages: int) -> int:
    """How many forked processes work on `pages` pages with `workers` cores (1: none)."""
    return min(workers, pages // PAGES_PER_WORKER)


def build(site: Site, converters: dict[str, Converter], ui: dict[str, dict[str, str]], workers: int = 1,
          meanwhile: Callable[[], None] | None = None) -> None:
    """Make every further edition of a built site, and give every page its alternates.

    `converters` and `ui` (theme interface strings, source → edition) are keyed by edition code.
    With `workers` > 1 and enough pages, the pages are converted by that many forked processes
    (each page is converted on its own, so the output is the same); the caller must know that
    forking is safe (a one-off build, not a server with threads). `meanwhile` is work of the
    caller's that needs no converted page: it runs while the workers convert (after the pages
    when there are none), and before the sitemaps.
    """
    skip = {v.path.split("/")[0] for v in site.editions}
    files = sorted(p for p in site.root.rglob("*") if p.is_file()
                   and p.relative_to(site.root).parts[0] not in skip)
    for variant in site.editions:
        target = site.root / variant.path
        if target.exists():
            shutil.rmtree(target)
        for folder in sorted({p.parent for p in files}):
            (target / folder.relative_to(site.root)).mkdir(parents=True, exist_ok=True)
    pages = [p.relative_to(site.root).as_posix() for p in files if p.suffix == ".html"]
    forked.each(len(pages), lambda number: _page(site, converters, ui, pages[number]),
                processes(workers, len(pages)), lambda: _files(site, files, converters, meanwhile))
    sitemaps(site)  # after the editions' copies, which are made from the source edition's


def _files(site: Site, files: list[Path], converters: dict[str, Converter],
           meanwhile: Callable[[], None] | None) -> None:
    """What is not a page, into every edition; then the caller's `meanwhile` (which may write
    files of its own there: a copy made after it would replace them)."""
    for path in files:
        if path.suffix == ".html":
            continue
        relative = path.relative_to(site.root).as_posix()
        for variant in site.editions:
            out = site.root / variant.path / relative
            converter = converters[variant.code]
            if relative == "sitemap.xml":
                out.write_text(_sitemap(path.read_text(encoding="utf-8"), site, variant), encoding="utf-8")
            elif relative == "sitemap.xml.gz":
                xml = _sitemap(gzip.decompress(path.read_bytes()).decode("utf-8"), site, variant)
                out.write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
            elif path.suffix in (".json", ".jsonld") and "/" not in relative:
                text = path.read_text(encoding="utf-8")
                done = site.exports.get(variant.code, {}).get(relative)
                out.write_text(done[1] if done and done[0] == text else
                               convert_export(text, converter, site.site_url, site.source, variant,
                                              site.texts.get(variant.code, {})), encoding="utf-8")
            else:
                shutil.copyfile(path, out)
    if meanwhile:
        meanwhile()


#: What a page names: the ids of its elements and the fragments of its links.
_NAMED = re.compile(r'(?:id(?<!\wid)="|#)([A-Za-z][\w-]*)')  # (\bid=", see _IDS)


def _page(site: Site, converters: dict[str, Converter], ui: dict[str, dict[str, str]], relative: str) -> None:
    """One page: its alternates in the source edition, and its conversion into every edition."""
    path = site.root / relative
    source = path.read_text(encoding="utf-8")
    path.write_text(alternates(site, site.source, relative, source), encoding="utf-8")
    for variant in site.editions:
        converted = edition_page(source, converters[variant.code], ui.get(variant.code, _NO_UI), site.theme,
                                 site.replacements.get(variant.code, []), site.by_id.get(variant.code))
        (site.root / variant.path / relative).write_text(
            alternates(site, variant, relative, _into_edition(converted, site, variant)), encoding="utf-8")


def _named_replaced(content: str, by_id: dict[str, list[tuple[str, str]]]) -> str:
    """The replacements of each id a page's content names (`Site.by_id`), in its content: an
    annotation prints its texts there (a book's navigation, in every page, holds none of them).
    Each pair once: annotations that print the same text (an emendation's reason, given again for
    each copy of a phrase) share its pair, and the apparatus page names them all."""
    names = sorted(set(_NAMED.findall(content)) & by_id.keys())
    for old, new in dict.fromkeys(pair for name in names for pair in by_id[name]):
        content = content.replace(old, new)
    return content


_OWN_WORDS: dict[Variant, list[strings.Replacement]] = {}


def _own_words(converter: Converter) -> list[strings.Replacement]:
    """The edition's own interface strings in place of what the conversion made of the source
    edition's (none when the generator has no table for the edition), once per edition."""
    if converter.variant not in _OWN_WORDS:
        table = strings.load(converter.variant.code)
        _OWN_WORDS[converter.variant] = strings.replacements(table, converter.convert) if table else []
    return _OWN_WORDS[converter.variant]


_SITEMAP_URL = re.compile(r"(<url>\s*<loc>)([^<]*)(</loc>)")
_XHTML = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'


def _sitemap(xml: str, site: Site, variant: Variant) -> str:
    """An edition's sitemap: the source edition's pages at the edition's path, each with its
    alternates in every edition (hreflang, as search engines read them from sitemaps)."""
    if not site.site_url:
        return xml
    if _XHTML not in xml:
        xml = xml.replace('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
                          f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {_XHTML}', 1)

    def one(match: re.Match[str]) -> str:
        loc = match.group(2)
        if not loc.startswith(site.site_url):
            return match.group(0)
        page = loc[len(site.site_url):]
        links = "".join(f'<xhtml:link rel="alternate" hreflang="{v.code}" '
                        f'href="{html.escape(site.site_url + v.path + page)}"/>' for v in site.all)
        return f"{match.group(1)}{site.site_url}{variant.path}{page}{match.group(3)}{links}"

    return _SITEMAP_URL.sub(one, xml)


def sitemaps(site: Site) -> None:
    """The source edition's sitemap (and its gzipped copy), with every page's alternates."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        path = site.root / name
        if not path.is_file():
            continue
        if name.endswith(".gz"):
            xml = _sitemap(gzip.decompress(path.read_bytes()).decode("utf-8"), site, site.source)
            path.write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
        else:
            path.write_text(_sitemap(path.read_text(encoding="utf-8"), site, site.source), encoding="utf-8")


#: A JSON string, and the colon after it when it is a key.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"(\s*:\s*)?')


def convert_export(text: str, converter: Converter, site_url: str, source: Variant, variant: Variant,
                   texts: dict[str, str]) -> str:
    """An export (JSON at the site's root) in an edition: its Chinese strings converted (`texts`:
    those it prints otherwise, see annotation_fields), its absolute URLs and language fields (Web
    Annotation bodies) the edition's, keys kept. The export's text with those strings replaced,
    as it is written otherwise (the standard library writes indented JSON one token at a time)."""
    values = []  # each value: where it is, what, whether it is the value of a key "language"
    language = -1  # where the value of a key "language" starts
    for match in _JSON_STRING.finditer(text):
        start, end = match.span()
        if match.group(1) is None:
            token = text[start:end]
            values.append((start, end, json.loads(token) if "\\" in token else token[1:-1], start == language))
        else:  # a key
            language = end if text.startswith('"language"', start) else -1
    chinese = sorted({value for _, _, value, _ in values if _HAN.search(value)})
    table = {**dict(zip(chinese, converter.convert_all(chinese), strict=True)), **texts}
    out: list[str] = []
    at = 0
    for start, end, value, of_language in values:
        if of_language and value == source.code:
            new = variant.code
        elif site_url and value.startswith(site_url) and not value.startswith(site_url + variant.path):
            new = site_url + variant.path + value[len(site_url):]
        else:
            new = table.get(value, value)
        if new != value:
            out += [text[at:start], encode_basestring(new)]
            at = end
    out.append(text[at:])
    return "".join(out)

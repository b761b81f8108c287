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
- The search index, the sitemap and the JSON exports are converted; absolute URLs point into the
  edition. Every other file (styles, scripts, images) is copied.

URLs and anchors are ASCII and identical in every edition, so a paragraph link works in each.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .variants import Converter, Variant

_ATTRIBUTE = re.compile(r'(\s(?:title|aria-label|alt|placeholder|content|data-md-state-label)=")([^"]*)(")')
_HAN = re.compile(r"[\u3400-\u9fff]")
#: Elements whose text is part of the passage around them.
INLINE = frozenset("a abbr b bdi bdo br cite data dfn em i img mark q s small span strong sub sup time u wbr".split())


@dataclass(frozen=True)
class Site:
    """A built site and its editions: the source edition at the root, the others below it."""

    root: Path
    source: Variant
    editions: tuple[Variant, ...]
    #: The site's absolute URL ("" when unknown): alternates and sitemaps use it.
    site_url: str = ""

    @property
    def all(self) -> tuple[Variant, ...]:
        return (self.source, *self.editions)


#: What is never converted as text: tags, comments, and the content of code, scripts and styles.
_PROTECTED = re.compile(r"(<!--.*?-->|<(script|style|pre|code|kbd|samp|svg|textarea)\b.*?</\2\s*>|<[^>]*>)",
                        re.DOTALL | re.IGNORECASE)
_VERBATIM_TAG = re.compile(r"<(script|style|pre|code|kbd|samp|svg|textarea)\b", re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?(?:" + "|".join(sorted(INLINE)) + r")\b", re.IGNORECASE)


def convert_html(markup: str, converter: Converter, ui: dict[str, str]) -> str:
    """Convert the text of an HTML document passage by passage, in one call of the converter.

    The text between tags is joined into passages — across inline tags (a, em, span, sup…),
    broken at every other tag — so each passage converts whole; the converted characters go back
    where the source ones were (the converters keep lengths). Tags, comments, code, scripts and
    styles are not text; attributes with Chinese text and JSON in scripts are converted apart.
    """
    parts = _PROTECTED.split(markup)
    # split() with two groups yields: text, tag, tag-name-or-None, text, tag, name, …
    texts = parts[0::3]
    tags = parts[1::3]
    pieces: list[str] = []
    for i, text in enumerate(texts):
        pieces.append(html.unescape(text) if "&" in text else text)
        if i < len(tags):
            pieces.append("" if _INLINE_TAG.match(tags[i]) else "\n")
    source = "".join(pieces)
    converted = converter.convert(source) if _HAN.search(source) else source
    out: list[str] = []
    at = 0
    for i, text in enumerate(texts):
        size = len(pieces[2 * i])
        piece = converted[at:at + size] if len(converted) == len(source) else converter.convert(pieces[2 * i])
        at += size + (len(pieces[2 * i + 1]) if i < len(tags) else 0)
        out.append(text if piece == pieces[2 * i] else html.escape(piece, quote=False))
        if i < len(tags):
            out.append(_tag(tags[i], converter, ui))
    result = "".join(out)
    return _interface(result, converter, ui)


def _tag(tag: str, converter: Converter, ui: dict[str, str]) -> str:
    if not _HAN.search(tag):
        return tag
    if tag[:7].lower() == "<script" and 'type="application/json"' in tag[:tag.index(">")]:
        opening = tag[:tag.index(">") + 1]
        closing = tag.rindex("</")
        return opening + _convert_json_text(tag[len(opening):closing], converter, ui) + tag[closing:]
    if tag.startswith("<!--") or _VERBATIM_TAG.match(tag):
        return tag
    return _ATTRIBUTE.sub(lambda m: m.group(1) + _attribute(m.group(2), converter, ui) + m.group(3), tag)


_INTERFACE: dict[tuple[Variant, tuple[tuple[str, str], ...]], tuple[re.Pattern[str], dict[str, str]]] = {}


def _interface(markup: str, converter: Converter, ui: dict[str, str]) -> str:
    """The theme's interface strings, now converted, replaced by the theme's own translations."""
    if not ui:
        return markup
    key = (converter.variant, tuple(sorted(ui.items())))
    if key not in _INTERFACE:  # once per edition and build, not once per page
        table = {converter.convert(k): v for k, v in ui.items()}
        _INTERFACE[key] = (re.compile(r">(\s*)([^<>\s][^<>]{0,40}?)(\s*)<"), table)
    pattern, table = _INTERFACE[key]

    def one(m: re.Match[str]) -> str:
        found = table.get(m.group(2))
        return m.group(0) if found is None else f">{m.group(1)}{html.escape(found, quote=False)}{m.group(3)}<"

    return pattern.sub(one, markup)


def _attribute(value: str, converter: Converter, ui: dict[str, str]) -> str:
    text = html.unescape(value)
    if text.strip() in ui:
        return html.escape(ui[text.strip()], quote=True)
    if not _HAN.search(text):
        return value
    return html.escape(converter.convert(text), quote=True)


def _convert_json_text(token: str, converter: Converter, ui: dict[str, str]) -> str:
    try:
        data = json.loads(token)
    except ValueError:
        return token
    table = _table(data, converter)
    converted = convert_json(data, lambda s: ui.get(s) or table.get(s, s))
    # As the page had it: compact, non-ASCII kept, and safe inside <script>.
    text = json.dumps(converted, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, list):
        return [s for x in data for s in _strings(x)]
    if isinstance(data, dict):
        return [s for x in data.values() for s in _strings(x)]
    return []


def _table(data: Any, converter: Converter) -> dict[str, str]:
    """Every Chinese string of a JSON value and its conversion, converted in one call."""
    chinese = sorted({s for s in _strings(data) if _HAN.search(s)})
    return dict(zip(chinese, converter.convert_all(chinese), strict=True))


def convert_json(data: Any, convert: Callable[[str], str]) -> Any:
    """Every string of a JSON value converted (keys kept)."""
    if isinstance(data, str):
        return convert(data)
    if isinstance(data, list):
        return [convert_json(x, convert) for x in data]
    if isinstance(data, dict):
        return {k: convert_json(v, convert) for k, v in data.items()}
    return data


def _page_url(relative: str) -> str:
    """The URL path of a built HTML file, relative to its edition's root."""
    return relative[:-len("index.html")] if relative.endswith("index.html") else relative


def _depth(path: str) -> int:
    return path.count("/")


def alternates(site: Site, variant: Variant, relative: str, markup: str) -> str:
    """`<html lang>`, the alternates in the head and the switcher links of one page."""
    page = _page_url(relative)
    markup = re.sub(r'<html lang="[^"]*"', f'<html lang="{variant.code}"', markup, count=1)
    here = variant.path + relative
    up = "../" * _depth(here)

    def local(target: Variant) -> str:
        return up + target.path + page or "./"

    def absolute(target: Variant) -> str:
        return site.site_url + target.path + page if site.site_url else local(target)

    head = "".join(f'<link rel="alternate" hreflang="{v.code}" href="{html.escape(absolute(v))}">' for v in site.all)
    markup = re.sub(r'(?:\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">)+', "\n" + head, markup, count=1)

    def switch(match: re.Match[str]) -> str:
        target = next((v for v in site.all if v.code == match.group(1)), None)
        if target is None:
            return match.group(0)
        current = ' aria-current="true"' if target.code == variant.code else ""
        # target="_self": Material's own alternate handling (which needs a sitemap at each page's
        # URL and drops the fragment) leaves links with a target alone; edition.js keeps the fragment.
        # Each edition's name stays in its own script, whatever the page's edition.
        return (f'<a href="{html.escape(local(target))}" hreflang="{target.code}" lang="{target.code}" '
                f'target="_self" class="md-select__link"{current}>{html.escape(target.name)}</a>')

    return re.sub(r'<a href="[^"]*" hreflang="([^"]+)" class="md-select__link">[^<]*</a>', switch, markup)


def _site_path(site_url: str) -> str:
    path = re.sub(r"^[a-z]+://[^/]+", "", site_url)
    return path if path.endswith("/") else path + "/"


def _into_edition(markup: str, site: Site, variant: Variant) -> str:
    """Root-relative links to pages (the 404 page has them) lead into the edition."""
    if not site.site_url or not variant.path:
        return markup
    root = _site_path(site.site_url)
    return re.sub(rf'href="{re.escape(root)}((?:[^"./]+/)*(?:[^"./]+\.html)?)"',
                  lambda m: f'href="{root}{variant.path}{m.group(1)}"', markup)


def build(site: Site, converters: dict[str, Converter], ui: dict[str, dict[str, str]]) -> None:
    """Make every further edition of a built site, and give every page its alternates.

    `converters` and `ui` (theme interface strings, source → edition) are keyed by edition code.
    """
    skip = {v.path.split("/")[0] for v in site.editions}
    files = sorted(p for p in site.root.rglob("*") if p.is_file()
                   and p.relative_to(site.root).parts[0] not in skip)
    for variant in site.editions:
        target = site.root / variant.path
        if target.exists():
            shutil.rmtree(target)
    for path in files:
        relative = path.relative_to(site.root).as_posix()
        if path.suffix == ".html":
            source = path.read_text(encoding="utf-8")
            path.write_text(alternates(site, site.source, relative, source), encoding="utf-8")
        for variant in site.editions:
            out = site.root / variant.path / relative
            out.parent.mkdir(parents=True, exist_ok=True)
            converter = converters[variant.code]
            if path.suffix == ".html":
                converted = convert_html(source, converter, ui.get(variant.code, {}))
                out.write_text(alternates(site, variant, relative, _into_edition(converted, site, variant)),
                               encoding="utf-8")
            elif relative == "search/search_index.json":
                out.write_text(_search_index(path, converter), encoding="utf-8")
            elif relative == "sitemap.xml":
                out.write_text(_sitemap(path.read_text(encoding="utf-8"), site, variant), encoding="utf-8")
            elif relative == "sitemap.xml.gz":
                xml = _sitemap(gzip.decompress(path.read_bytes()).decode("utf-8"), site, variant)
                out.write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
            elif path.suffix in (".json", ".jsonld") and "/" not in relative:
                out.write_text(_export(path, converter, site, variant), encoding="utf-8")
            else:
                shutil.copyfile(path, out)


def _search_index(path: Path, converter: Converter) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    fields = [(doc, key) for doc in data.get("docs", []) for key in ("title", "text") if key in doc]
    for (doc, key), value in zip(fields, converter.convert_all([doc[key] for doc, key in fields]), strict=True):
        doc[key] = value
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _sitemap(xml: str, site: Site, variant: Variant) -> str:
    if not site.site_url:
        return xml
    return xml.replace(f"<loc>{site.site_url}", f"<loc>{site.site_url}{variant.path}")


def _export(path: Path, converter: Converter, site: Site, variant: Variant) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    table = _table(data, converter)

    def one(value: str) -> str:
        if site.site_url and value.startswith(site.site_url) and not value.startswith(site.site_url + variant.path):
            return site.site_url + variant.path + value[len(site.site_url):]
        return table.get(value, value)

    data = convert_json(data, one)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)

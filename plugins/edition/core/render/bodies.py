"""Bodies of annotations: Markdown written by strangers, rendered to HTML that is safe to publish.

Two layers: markdown-it-py with raw HTML disabled (tags are printed as text, and it refuses
javascript:, vbscript:, file: and data: link targets), then nh3 (the Ammonia sanitiser) with a small
allow-list, which removes anything else: event handlers, styles, unknown tags and URL schemes.

What is not shown as written — raw HTML (shown as text), a refused link (shown as text), an image
(removed) — is safe, but its writer would not know: `unsafe` finds each, for a warning at its line.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.html_re import HTML_TAG_RE
from markdown_it.token import Token

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def _softbreak(self: object, tokens: list[Token], idx: int, options: object, env: object) -> str:
    """A line break inside a paragraph between two Chinese characters is no space (browsers show
    one for a newline); elsewhere it stays a newline."""
    before = tokens[idx - 1].content[-1:] if idx > 0 else ""
    after = tokens[idx + 1].content[:1] if idx + 1 < len(tokens) else ""
    wide = before and after and all(unicodedata.east_asian_width(c) in "WF" for c in before + after)
    return "" if wide else "\n"


_md.add_render_rule("softbreak", _softbreak)

TAGS = {"p", "em", "strong", "a", "code", "ul", "ol", "li", "blockquote", "br"}
ATTRIBUTES = {"a": {"href", "title"}}
SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=4096)
def render(markdown: str) -> str:
    """Safe HTML for a Markdown body (kept: pages, previews and the search index all ask)."""
    unsafe = _md.render(markdown)
    return nh3.clean(unsafe, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES,
                     link_rel="noopener noreferrer nofollow", strip_comments=True).strip()


@lru_cache(maxsize=4096)
def plain(markdown: str) -> str:
    """The text of a Markdown body, without markup (for attributes and tooltips)."""
    return " ".join(html.unescape(nh3.clean(render(markdown), tags=set())).split())


#: The same parser, but keeping every link, to find those the renderer refuses.
_links = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_links.validateLink = lambda url: True  # type: ignore[method-assign]
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1)[\s\S])+?\1")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True)
class Unsafe:
    """Something in a body that is not shown as written, at a line of the body (0-based)."""

    line: int
    #: What was found, as written (a tag, a link's address, an image's address).
    found: str
    #: "html", "link" or "image".
    kind: str


def unsafe(markdown: str) -> list[Unsafe]:
    """Raw HTML, links to addresses that are not http(s) or mailto, and images, in text order."""
    out: list[Unsafe] = []
    lines = markdown.split("\n")
    for token in _links.parse(markdown):
        if token.type != "inline" or not token.map:
            continue
        first, last = token.map
        source = "\n".join(lines[first:last])
        # Code spans show HTML as code, which is what they are for; \< is a '<' escaped on purpose.
        bare = _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), source).replace("\\<", "  ")
        for tag in HTML_TAG_RE.finditer(bare):
            out.append(Unsafe(first + bare.count("\n", 0, tag.start()), tag.group(), "html"))
        line = first
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                scheme = _SCHEME.match(href)
                if scheme and scheme.group(1).lower() not in SCHEMES:
                    out.append(Unsafe(line, href, "link"))
            elif child.type == "image":
                out.append(Unsafe(line, str(child.attrs.get("src", "")), "image"))
    return sorted(out, key=lambda u: u.line)

"""Bodies of annotations: Markdown written by strangers, rendered to HTML that is safe to publish.

Two layers: markdown-it-py with raw HTML disabled (tags are printed as text, and it refuses
javascript:, vbscript:, file: and data: link targets), then nh3 (the Ammonia sanitiser) with a small
allow-list, which removes anything else: event handlers, styles, unknown tags and URL schemes.
"""

from __future__ import annotations

import html
import unicodedata
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
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

"""The Markdown form of a page: written by ingest, read back with markdown-it-py.

Written form (Python-Markdown with attr_list renders it; any CommonMark reader reads it):

    # Title { #slug }

    <!-- generated: do not edit -->

    Paragraph text on one line
    { #p-1-3 }

    1. Item text
        { #p-1-4 }

The reader gives each block with its id, text and Markdown line, so that checks can point at the
page and line, and so the core never depends on the site generator's renderer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .document import Block, Page

GENERATED = ("<!-- 本页由 scripts/ingest.py 从 source/ 与 annotations/ 生成；请勿手工修改，"
             "改动请写成校勘（annotations/emendations.yml）。 -->")

# Characters that would otherwise start Markdown syntax inside running text.
_INLINE = re.compile(r"([\\`*_\[\]{}])")
_LINE_START = re.compile(r"^(#|>|[-+*] |\d+[.)] )")
_ATTR = re.compile(r"\s*\{ #([A-Za-z0-9_-]+) \}$")


def escape(text: str) -> str:
    """Escape running text so that Markdown prints it as it is."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    return "\\" + text if _LINE_START.match(text) else text


def write(page: Page) -> str:
    """The Markdown file for one page."""
    out: list[str] = []
    previous: Block | None = None
    for block in page.blocks:
        in_same_list = (previous is not None and previous.kind == "item" and block.kind == "item"
                        and previous.list_number == block.list_number)
        if previous is not None and not in_same_list:
            out.append("")
        if block.kind == "heading":
            out.append(f"{'#' * block.level} {escape(block.text)} {{ #{block.id} }}")
            if block.level == 1:
                # After the title: MkDocs takes a page's title from a leading h1 only.
                out += ["", GENERATED]
        elif block.kind == "paragraph":
            out += [escape(block.text), f"{{ #{block.id} }}"]
        else:
            marker = block.marker if block.ordered else "-"
            out += [f"{marker} {escape(block.text)}", f"    {{ #{block.id} }}"]
        previous = block
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class ReadBlock:
    """A block as read back from a Markdown page."""

    kind: str
    id: str
    text: str
    #: 1-based line of the block in the Markdown file.
    line: int
    level: int = 0
    marker: str = ""

    @property
    def source_text(self) -> str:
        return self.marker + self.text


_md = MarkdownIt("commonmark")


def read(markdown: str) -> list[ReadBlock]:
    """The headings, paragraphs and list items of a page, with ids, texts and lines."""
    tokens = _md.parse(markdown)
    blocks: list[ReadBlock] = []
    item_marker: list[str] = []
    ordered_counter: list[int] = []
    for index, token in enumerate(tokens):
        if token.type == "ordered_list_open":
            ordered_counter.append(int(token.attrs.get("start", 1) or 1))
        elif token.type == "bullet_list_open":
            ordered_counter.append(0)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            ordered_counter.pop()
        elif token.type == "list_item_open":
            if ordered_counter[-1]:
                item_marker.append(f"{ordered_counter[-1]}.")
                ordered_counter[-1] += 1
            else:
                item_marker.append("•")
        elif token.type == "list_item_close":
            item_marker.pop()
        elif token.type == "inline":
            opener = tokens[index - 1]
            text = _plain(token)
            match = _ATTR.search(text)
            ident = match.group(1) if match else ""
            text = text[: match.start()] if match else text
            line = (opener.map[0] + 1) if opener.map else 0
            if opener.type == "heading_open":
                blocks.append(ReadBlock("heading", ident, text, line, level=int(opener.tag[1])))
            elif item_marker:
                blocks.append(ReadBlock("item", ident, text, line, marker=item_marker[-1]))
            else:
                blocks.append(ReadBlock("paragraph", ident, text, line))
    return blocks


def _plain(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "code_inline":
            parts.append(child.content)
    return "".join(parts)

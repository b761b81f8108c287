"""Paragraph anchors: every paragraph and list item has a stable id and a visible permalink.

Ids are written into the Markdown by ingest (`p-<page>-<n>`); here the rendered blocks get the
permalink a reader copies, shown on hover and keyboard focus like a heading's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .. import strings

BLOCK_ID = re.compile(r"p-[0-9]+-[0-9]+")
_BLOCK = re.compile(r'(<(p|li) id="(p-[0-9]+-[0-9]+)">)(.*?)(</\2>)', re.DOTALL)


def permalink(block_id: str) -> str:
    """The permalink element for one block."""
    label = html.escape(strings.source().paragraph_link.format(id=block_id))
    # data-search-exclude: Material's search indexer skips it, so "¶" never pollutes the index.
    return (f'<a class="edition-permalink" href="#{block_id}" data-search-exclude '
            f'title="{label}" aria-label="{label}">¶</a>')


def add_permalinks(markup: str, after: Callable[[str], str] | None = None) -> str:
    """Append a permalink to every paragraph and list item that carries a block id, and what
    `after` gives for the block's id (another action on the paragraph)."""
    def one(m: re.Match[str]) -> str:
        more = after(m.group(3)) if after else ""
        return f"{m.group(1)}{m.group(4)}{permalink(m.group(3))}{more}{m.group(5)}"

    return _BLOCK.sub(one, markup)

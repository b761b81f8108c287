"""Small, exact operations on rendered HTML fragments, by element id and by text position.

These work on the HTML our own pages render to (one element per block, ids from the Markdown),
not on arbitrary HTML: they find an element by id and count its text characters, entities
decoded, tags skipped.
"""

from __future__ import annotations

import html
import re

_TOKEN = re.compile(r"<[^>]*>|&[#A-Za-z0-9]+;|[^<&]")


def element_span(markup: str, element_id: str) -> tuple[int, int] | None:
    """Start and end of the content of the element with this id (between its tags)."""
    opening = re.search(rf'<(p|li|h[1-6])\b[^>]*\bid="{re.escape(element_id)}"[^>]*>', markup)
    if not opening:
        return None
    tag = opening.group(1)
    depth, at = 1, opening.end()
    for match in re.finditer(rf"<(/?){tag}\b[^>]*>", markup[at:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return at, at + match.start()
    return None


def insert_after_text(markup: str, count: int, snippet: str) -> str:
    """Insert `snippet` after the `count`-th non-whitespace text character of `markup`.

    With count 0 it goes before the first text character. Raises ValueError when the text is shorter.
    """
    seen = 0
    if count == 0:
        first = next((m for m in _TOKEN.finditer(markup)
                      if not m.group().startswith("<") and not html.unescape(m.group()).isspace()), None)
        at = first.start() if first else len(markup)
        return markup[:at] + snippet + markup[at:]
    for match in _TOKEN.finditer(markup):
        token = match.group()
        if token.startswith("<"):
            continue
        if not html.unescape(token).isspace():
            seen += 1
        if seen == count:
            return markup[: match.end()] + snippet + markup[match.end():]
    raise ValueError(f"text has {seen} characters, cannot insert after character {count}")


def text_of(markup: str) -> str:
    """The text content of an HTML fragment."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup))

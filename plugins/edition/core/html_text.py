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


def insert_after_text(markup: str, insertions: list[tuple[int, str]]) -> str:
    """Insert each snippet after the n-th non-whitespace text character of `markup`, in one pass.

    Counts refer to the markup as given, whatever the snippets contain; n = 0 means before the
    first character. Snippets at the same count keep their order. Raises ValueError when the text
    is shorter than a count.
    """
    pending = sorted(((count, i, snippet) for i, (count, snippet) in enumerate(insertions)))
    out: list[str] = []
    seen = 0
    at = 0
    for match in _TOKEN.finditer(markup):
        token = match.group()
        if token.startswith("<") or html.unescape(token).isspace():
            continue
        while pending and pending[0][0] == seen:
            out += [markup[at:match.start()], pending.pop(0)[2]]
            at = match.start()
        seen += 1
        while pending and pending[0][0] == seen:
            out += [markup[at:match.end()], pending.pop(0)[2]]
            at = match.end()
    if pending:
        raise ValueError(f"text has {seen} characters, cannot insert after character {pending[0][0]}")
    return "".join(out) + markup[at:]


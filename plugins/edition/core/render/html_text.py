"""Small, exact operations on rendered HTML fragments, by element id and by text position.

These work on the HTML our own pages render to (one element per block, ids from the Markdown),
not on arbitrary HTML: they find an element by id and count its text characters, entities
decoded, tags skipped.
"""

from __future__ import annotations

import html
import re

#: A tag, an entity (one character) or a run of plain text (a "&" that starts no entity is no text).
_TOKEN = re.compile(r"<[^>]*>|&[#A-Za-z0-9]+;|[^<&]+")


def element_span(markup: str, element_id: str) -> tuple[int, int] | None:
    """Start and end of the content of the element with this id (between its tags)."""
    opening = re.search(rf'<(p|li|h[1-6])\b[^>]*\bid="{re.escape(element_id)}"[^>]*>', markup)
    return _content(markup, opening) if opening else None


def element_spans(markup: str, element_ids: set[str]) -> dict[str, tuple[int, int]]:
    """`element_span` of each of these ids, in one pass through the markup."""
    found: dict[str, tuple[int, int]] = {}
    for opening in _OPENING.finditer(markup):
        for ident in _ID.findall(opening.group(0)):
            if ident in element_ids and ident not in found:
                span = _content(markup, opening)
                if span:
                    found[ident] = span
    return found


_OPENING = re.compile(r"<(p|li|h[1-6])\b[^>]*>")
_ID = re.compile(r'\bid="([^"]*)"')
_CLOSING = {tag: re.compile(rf"<(/?){tag}\b[^>]*>") for tag in ("p", "li", *(f"h{n}" for n in range(1, 7)))}


def _content(markup: str, opening: re.Match[str]) -> tuple[int, int] | None:
    """The content of the element that `opening` opens: up to its own closing tag."""
    depth = 1
    for match in _CLOSING[opening.group(1)].finditer(markup, opening.end()):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return opening.end(), match.start()
    return None


#: Elements whose text is never wrapped in a link: links themselves, code, marks and markers.
SEALED = frozenset({"a", "code", "kbd", "sup", "sub", "abbr", "script", "style"})


def layout(markup: str) -> tuple[int, frozenset[int], frozenset[int]]:
    """How the text of `markup` sits among its tags.

    Returns the number of non-whitespace text characters; the gaps, i.e. each n such that a tag
    stands between character n-1 and character n (a wrap across a gap would cross an element's
    edge); and the characters that lie inside a sealed element.
    """
    gaps: set[int] = set()
    sealed: set[int] = set()
    depth: list[str] = []
    seen = 0
    for match in _TOKEN.finditer(markup):
        token = match.group()
        if token.startswith("<"):
            if 0 < seen:
                gaps.add(seen)
            name = re.match(r"</?([A-Za-z0-9]+)", token)
            if name and name.group(1).lower() in SEALED and not token.endswith("/>"):
                if token.startswith("</"):
                    if name.group(1).lower() in depth:
                        depth.remove(name.group(1).lower())
                else:
                    depth.append(name.group(1).lower())
            continue
        if token.startswith("&"):  # an entity: one character
            counted = 0 if html.unescape(token).isspace() else 1
        else:
            counted = len(token) - sum(map(str.isspace, token))
        if depth:
            sealed.update(range(seen, seen + counted))
        seen += counted
    return seen, frozenset(gaps), frozenset(sealed)


def can_wrap(start: int, end: int, gaps: frozenset[int], sealed: frozenset[int], inserts: set[int]) -> bool:
    """Can characters [start, end) be wrapped in one element without crossing another's edge?"""
    return not any(start < n < end for n in (*gaps, *inserts)) and not any(n in sealed for n in range(start, end))


def edit(markup: str, insertions: list[tuple[int, str]], wraps: list[tuple[int, int, str, str]]) -> str:
    """Insert snippets after text characters and wrap runs of characters, in one pass.

    `insertions` are (n, snippet): after the n-th non-whitespace character (n = 0: before the
    first). `wraps` are (start, end, opening, closing) around characters [start, end), which the
    caller has checked with `can_wrap`. An opening goes right before its first character, after
    any tags; a closing right after its last character, before any tags and before insertions
    at the same place. Raises ValueError when the text is shorter than a position.
    """
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    for start, end, opening, closing in wraps:
        before.setdefault(start, []).append(opening)
        after.setdefault(end - 1, []).insert(0, closing)
    for count, snippet in insertions:
        if count == 0:
            before.setdefault(0, []).insert(0, snippet)
        else:
            after.setdefault(count - 1, []).append(snippet)
    out: list[str] = []
    seen = 0
    at = 0
    points = sorted({*before, *after})  # the characters something goes before or after
    upcoming = 0  # the first of them not passed yet
    for match in _TOKEN.finditer(markup):
        token = match.group()
        if token.startswith("<"):
            continue
        if token.startswith("&"):  # an entity: one character, the whole entity
            if html.unescape(token).isspace():
                continue
            characters = [(match.start(), match.end())]
        else:
            counted = len(token) - sum(map(str.isspace, token))
            if upcoming == len(points) or points[upcoming] >= seen + counted:  # nothing in this run
                seen += counted
                continue
            if counted == len(token):  # no white space: the n-th character is at a known place
                base = match.start() - seen
                while upcoming < len(points) and points[upcoming] < seen + counted:
                    n = points[upcoming]
                    if n in before:
                        out += [markup[at:base + n], *before.pop(n)]
                        at = base + n
                    if n in after:
                        out += [markup[at:base + n + 1], *after.pop(n)]
                        at = base + n + 1
                    upcoming += 1
                seen += counted
                continue
            characters = [(match.start() + i, match.start() + i + 1) for i, c in enumerate(token) if not c.isspace()]
        for start, end in characters:
            if seen in before:
                out += [markup[at:start], *before.pop(seen)]
                at = start
            if seen in after:
                out += [markup[at:end], *after.pop(seen)]
                at = end
            seen += 1
        while upcoming < len(points) and points[upcoming] < seen:
            upcoming += 1
    if before or after:
        last = min((*before, *(n + 1 for n in after)))
        raise ValueError(f"text has {seen} characters, cannot insert after character {last}")
    return "".join(out) + markup[at:]

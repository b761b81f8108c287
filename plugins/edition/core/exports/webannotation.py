"""Export: every annotation and emendation as one W3C Web Annotation AnnotationCollection (JSON-LD).

Targets are TextQuoteSelectors (exact, prefix, suffix) on the page URLs, refined by a
FragmentSelector naming the paragraph; notes are `commenting`, glossary terms `identifying`,
timeline events `describing`, emendations `editing`. Bodies are the Markdown the contributors wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..annotations.anchoring import Anchor
from ..annotations.model import Annotation, Source
from ..project import Project
from ..render.apparatus import Placement
from ..text.emendations import Emendation

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MOTIVATION = {"note": "commenting", "term": "identifying", "event": "describing"}
TEXT_LANGUAGE = "zh-Hans"


def _target(page_url: str, exact: str, prefix: str, suffix: str, block_id: str) -> dict[str, Any]:
    return {
        "type": "SpecificResource",
        "source": page_url,
        "selector": [
            {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
            {"type": "FragmentSelector", "conformsTo": "http://tools.ietf.org/rfc/rfc3986", "value": block_id},
        ],
    }


def _sources(source: Source) -> list[dict[str, Any]]:
    """A source as bodies: a link to the document (or, without a url, its citation as text), and a
    link to where it was read when that was a repost (the text then says so)."""
    out: list[dict[str, Any]] = []
    if source.url:
        out.append({"type": "SpecificResource", "purpose": "linking", "source": source.url})
    else:
        out.append({"type": "TextualBody", "purpose": "linking", "value": source_value(source)[0],
                    "format": "text/plain", "language": TEXT_LANGUAGE})
    if source.repost:
        out.append({"type": "SpecificResource", "purpose": "linking", "source": source.repost.url})
    return out


def source_value(source: Source) -> tuple[str, list[tuple[int, int]]]:
    """A source without a url as a text body's value, and where its citation (the editors' words) is."""
    parts = [x for x in (source.title, source.publisher, source.date) if x]
    text = "，".join(parts)
    spans = []
    if source.citation:
        text += "，" if text else ""
        spans.append((len(text), len(text) + len(source.citation)))
        text += source.citation
    if source.repost:
        text += f"（转载：{'，'.join(x for x in (source.repost.publisher, source.repost.title) if x)}）"
    return text, spans


def body_value(a: Annotation) -> tuple[str, list[tuple[int, int]]]:
    """An annotation's body as its Web Annotation says it, and where the editors' words are in it
    (a term's headword is the text's word)."""
    if a.kind != "term":
        return a.body, [(0, len(a.body))]
    head = f"**{a.term}**："
    value = f"{head}{a.definition}\n\n{a.body}".strip()
    return value, [(len(head), len(value))]


def _annotation(a: Annotation, anchors: list[Anchor], base: str, page_url: Callable[[str], str]) -> dict[str, Any]:
    value = body_value(a)[0]
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": MOTIVATION[a.kind], "value": value,
                                   "format": "text/markdown", "language": TEXT_LANGUAGE}]
    body += [item for s in a.sources for item in _sources(s)]
    return {
        "id": f"{base}#{a.id}",
        "type": "Annotation",
        "motivation": MOTIVATION[a.kind],
        "body": body,
        "target": [_target(page_url(x.page.slug), x.target.quote, *x.context, x.block.id) for x in anchors],
    }


def _emendation(p: Placement, base: str, page_url: Callable[[str], str]) -> dict[str, Any]:
    e = p.emendation
    reading = "".join(e.reading.split())
    text = p.block.text
    # The mark sits after the reading: its last characters end at the placement's offset.
    end = _offset(text, p.offset)
    start = max(0, end - len(reading))
    exact = text[start:end]
    return {
        "id": f"{base}#{e.id}",
        "type": "Annotation",
        "motivation": "editing",
        "body": [{"type": "TextualBody", "purpose": "editing", "format": "text/plain", "language": TEXT_LANGUAGE,
                  "value": editing_value(e)}],
        "target": _target(page_url(p.page.slug), exact, text[max(0, start - 16):start], text[end:end + 16],
                          p.block.id),
    }


def editing_value(e: Emendation) -> str:
    """An emendation as its Web Annotation body says it; the reason, the editors' words, ends it."""
    return f"{e.label}：底本作“{e.source}”，今作“{e.reading}”。{e.reason}"


def _offset(text: str, non_whitespace: int) -> int:
    seen = 0
    for index, char in enumerate(text):
        if seen == non_whitespace:
            return index
        seen += not char.isspace()
    return len(text)


def collection(project: Project, base: str, page_url: Callable[[str], str], label: str) -> dict[str, Any]:
    """The AnnotationCollection; `base` is its own URL, `page_url(slug)` a text page's absolute URL."""
    items = []
    of: dict[str, list[Anchor]] = {}
    for x in project.anchors:
        of.setdefault(x.annotation.id, []).append(x)
    for a in project.annotations.annotations:
        anchors = of.get(a.id, [])
        if anchors:
            items.append(_annotation(a, anchors, base, page_url))
    items += [_emendation(p, base, page_url) for p in project.placements]
    return {
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"id": f"{base}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }

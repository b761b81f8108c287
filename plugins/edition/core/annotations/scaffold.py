"""Scaffolding: a new annotation's YAML, from a page and a quote, ready to fill in."""

from __future__ import annotations

import json
import re

from ..errors import EditionError, Problem
from ..text.document import Document
from .anchoring import anchor
from .model import BODY_PLACEHOLDER, PUBLISHER_PLACEHOLDERS, TITLE_PLACEHOLDERS, URL_PLACEHOLDERS, Annotation, Target


def note_yaml(document: Document, page: str, quote: str, ident: str = "", category: str = "background") -> str:
    """A note targeting `quote` on `page`, with a prefix or suffix added if the quote is ambiguous.

    Raises EditionError when the page or quote cannot be found.
    """
    if page not in document.by_slug:
        raise EditionError(Problem("<command line>", 1, f"unknown page '{page}'",
                                   "pages: " + ", ".join(sorted(document.by_slug))))
    target = Target(page, quote, file="<command line>", line=1)
    probe = Annotation("note", ident or "n-new", category, "", (target,), ())
    found = anchor(probe, target, document)
    if isinstance(found, Problem):
        chosen = re.search(r"add (prefix|suffix): '([^']*)'", found.hint)
        if not chosen:
            raise EditionError(found)
        side, text = chosen.group(1), chosen.group(2)
        target = Target(page, quote, prefix=text if side == "prefix" else "", suffix=text if side == "suffix" else "")
    ident = ident or "n-" + "-".join(re.findall(r"[a-z0-9]+", page))[:20] + "-new"
    lines = [
        f"  - id: {ident}",
        f"    category: {category}",
        "    targets:",
        f"      - page: {page}",
        f"        quote: {json.dumps(target.quote, ensure_ascii=False)}",
    ]
    if target.prefix:
        lines.append(f"        prefix: {json.dumps(target.prefix, ensure_ascii=False)}")
    if target.suffix:
        lines.append(f"        suffix: {json.dumps(target.suffix, ensure_ascii=False)}")
    # The placeholders are refused by the check until they are replaced (model.*_PLACEHOLDER*).
    lines += [
        "    body: |",
        f"      {BODY_PLACEHOLDER}",
        "    sources:",
        f"      - title: {TITLE_PLACEHOLDERS[1]}",
        f"        url: {URL_PLACEHOLDERS[0]}",
        f"        publisher: {PUBLISHER_PLACEHOLDERS[1]}",
    ]
    return "\n".join(lines) + "\n"

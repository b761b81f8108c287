"""Quotations of the text in the annotations' own words: where a body or a definition says that
the text (正文) says something, in quotation marks, the quotation must be the text's, character for
character (the source policy: CONTRIBUTING.md, 来源政策). Quotations of other sources are the
reviewers' to check; this is the part a program can."""

from __future__ import annotations

import re

from ..errors import Problem, quote
from ..text.document import Document
from .model import Annotation

#: 正文 followed, within a few characters (说, 作, 写道, 的, 里的 …), by a quotation in “”.
_QUOTED = re.compile(r"正文[^“”。；\n]{0,8}“([^“”]+)”")
#: Fields in the annotations' own words that may quote the text.
FIELDS = ("body", "definition")


def problems(annotations: tuple[Annotation, ...], document: Document) -> list[Problem]:
    """A problem for every quotation of the text that the text does not have (an elision …… may
    join two passages; nested quotation marks ‘’ stand for the text's “”)."""
    text = "".join(block.text for _, block in document.blocks())
    out = []
    for a in annotations:
        for name in FIELDS:
            for match in _QUOTED.finditer(getattr(a, name)):
                quoted = match.group(1).replace("‘", "“").replace("’", "”")
                parts = [p for p in quoted.split("……") if p]
                if parts and all(p in text for p in parts):
                    continue
                out.append(Problem(a.file, a.line_of(name), f"{a.kind} {quote(a.id)}: {name} quotes the text as "
                                   f"{quote(match.group(1))}, which the text does not have",
                                   "copy the quotation exactly from the text (docs/text/), or quote it as a "
                                   "paraphrase without quotation marks"))
    return out

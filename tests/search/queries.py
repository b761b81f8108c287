"""The query set of tests/search/queries.txt, and its other-script counterparts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import opencc

FILE = Path(__file__).with_name("queries.txt")


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    location: str
    line: int

    @property
    def traditional(self) -> bool:
        return self.kind == "traditional"

    def other_script(self) -> Query:
        """The same query as a reader of the other script types it (OpenCC s2tw / tw2s)."""
        config = "tw2s" if self.traditional else "s2tw"
        return Query(f"{self.kind}→{config[-1]}", _converter(config).convert(self.text), self.location, self.line)


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def load() -> list[Query]:
    out = []
    for number, line in enumerate(FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, text, location = (part.strip() for part in line.split(" | "))
        out.append(Query(kind, text, location, number))
    return out

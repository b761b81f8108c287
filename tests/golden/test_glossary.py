"""Golden cases of term matching on sentences of this text: longest match, segmentation
counter-examples, aliases, Latin terms next to Chinese. Each case declares its terms."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest
from markdown_it.utils import read_fixture_file

from edition.core.annotations import glossary
from edition.core.text import segmentation

from .fixtures import cases, check

FIXTURE = Path(__file__).with_name("glossary.txt")



def _spellings(line: str) -> dict[str, str]:
    # "米粉OPEN DAY=t-…" has a space: re-join words without "=" to the spelling before them.
    out: dict[str, str] = {}
    pending = ""
    for item in line.removeprefix("terms: ").split(" "):
        if "=" in item:
            spelling, ident = item.rsplit("=", 1)
            out[(pending + " " + spelling).strip()] = ident
            pending = ""
        else:
            pending = (pending + " " + item).strip()
    return out


# A segmenter of its own, not the shared one that has learnt the real glossary; a segmenter only
# learns, so it learns every case's terms before any case runs, as a build learns the whole
# glossary first: each case gives the same result alone or in the whole suite.
SEGMENTER = segmentation.Segmenter(jieba.Tokenizer())
SEGMENTER.learn(s for case in read_fixture_file(FIXTURE) for s in _spellings(case[2].splitlines()[0]))


def render(given: str) -> str:
    head, text = given.rstrip("\n").split("\n", 1)
    spellings = _spellings(head)
    chosen, rejected = glossary.find(text, spellings, SEGMENTER.boundaries(text))
    out = []
    at = 0
    for start, end, spelling in chosen:
        out += [text[at:start], f"[{spelling}|{spellings[spelling]}]"]
        at = end
    out.append(text[at:] + "\n")
    if rejected:
        out.append("inside longer words: " + ", ".join(f"{text[s:e]} ({spelling})" for s, e, spelling in rejected)
                   + "\n")
    return "".join(out)


@pytest.mark.parametrize(("line", "title"), cases(FIXTURE), ids=[t for _, t in cases(FIXTURE)])
def test_matching(line: int, title: str, update_golden: bool) -> None:
    check(FIXTURE, line, render, update_golden)

"""Golden cases of the Traditional edition's conversion: the characters of this text that have
several Traditional forms, in their own contexts; the reviewed overrides; quotation marks."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.core.editions import variants

from ..conftest import ROOT
from .fixtures import cases, check

FIXTURE = Path(__file__).with_name("conversion.txt")
TAIWAN = variants.Variant("zh-Hant", "s2tw", "zh-Hant/", "繁體中文", "「」『』", "zh-TW")
CONVERTER = variants.Converter(TAIWAN, variants.load_overrides(ROOT, "annotations/conversion.yml"))


def render(given: str) -> str:
    """A passage; "p-2-20: …" is a passage of that paragraph (its scoped overrides apply)."""
    text = given.rstrip("\n")
    block, _, rest = text.partition(": ")
    if block.startswith("p-") and rest:
        return CONVERTER.quotes(CONVERTER.in_block(block, rest, CONVERTER.characters(rest))) + "\n"
    return CONVERTER.convert(text) + "\n"


@pytest.mark.parametrize(("line", "title"), cases(FIXTURE), ids=[t for _, t in cases(FIXTURE)])
def test_conversion(line: int, title: str, update_golden: bool) -> None:
    check(FIXTURE, line, render, update_golden)

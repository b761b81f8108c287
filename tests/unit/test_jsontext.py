"""The exports' JSON writer prints what the standard library's indented, sorted json.dumps prints."""
from __future__ import annotations

import json

import pytest

from edition.core.exports import jsontext

SAMPLES = [
    {},
    [],
    "",
    {"z": [], "a": {}, "m": [[{}], {"x": []}]},
    {"n": [0, -1, 2.5, -0.0, 1e100, 1e-7, True, False, None]},
    {"s": ["中文「引号」", "\u2028\u2029", '"\\/\n\t\x00\x1f', "😀 \ud83d"]},
    {"@context": "http://www.w3.org/ns/anno.jsonld", "items": [{"id": "#n-1", "target": {"selector": [
        {"type": "TextQuoteSelector", "exact": "小米"}]}}]},
]


@pytest.mark.parametrize("data", SAMPLES)
def test_the_same_text_as_the_standard_library(data) -> None:
    for indent in (1, 2):
        assert jsontext.dumps(data, indent) == json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=True)


def test_keys_must_be_strings() -> None:
    with pytest.raises(TypeError, match="keys must be str, not int"):
        jsontext.dumps({1: "a"})

"""The exports' JSON writer prints what the standard library's indented, sorted json.dumps prints."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    # Containers of nothing but strings, numbers, booleans and None, at several depths (the C encoder's)
    {"a": {"b": {"c": "d", "e": 1, "f": [1.5, float("nan"), float("inf"), None, True, "中"]}}, "g": ["x"]},
    [["a"], [1], [{"k": "v"}], [[]], [{}], {"": ""}],
]

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
_DATA = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=4), inner, max_size=4), max_leaves=30)


@given(_DATA)
@settings(derandomize=True, database=None, deadline=None, max_examples=400)
def test_any_data_gives_the_same_text_as_the_standard_library(data) -> None:
    for indent in (1, 2):
        assert jsontext.dumps(data, indent) == json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=True)


@pytest.mark.parametrize("data", SAMPLES)
def test_the_same_text_as_the_standard_library(data) -> None:
    for indent in (1, 2):
        assert jsontext.dumps(data, indent) == json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=True)


def test_keys_must_be_strings() -> None:
    for data in ({1: "a"}, {"a": {1: "a"}}, [{1: []}]):
        with pytest.raises(TypeError, match="keys must be str, not int"):
            jsontext.dumps(data)

"""Emendation ids do not cap at e-999: a book with more than 999 emendations numbers them on."""
from __future__ import annotations

import json
import re

from edition.core.text import emendations

from ..conftest import ROOT


def _pattern() -> str:
    (field,) = [f for f in emendations.FIELDS if f.name == "id"]
    assert field.pattern
    return field.pattern


def test_ids_take_three_digits_or_more() -> None:
    for good in ("e-001", "e-999", "e-1000", "e-1518", "e-12345"):
        assert re.fullmatch(_pattern(), good), good
    for bad in ("e-1", "e-12", "e-", "e-12a", "x-001"):
        assert not re.fullmatch(_pattern(), bad), bad


def test_the_schema_says_so_too() -> None:
    schema = json.loads((ROOT / "annotations/schema/emendations.schema.json").read_text(encoding="utf-8"))
    assert "e-[0-9]{3,}" in json.dumps(schema)

"""Material's interface strings in two languages, so an edition can show the theme's own
translation (搜索 → 搜尋) instead of a character conversion of the source language's."""

from __future__ import annotations

import re
from importlib import resources

_PAIR = re.compile(r'"([a-z0-9.]+)": "([^"]*)"')


def _strings(language: str) -> dict[str, str]:
    path = resources.files("material").joinpath(f"templates/partials/languages/{language}.html")
    if not path.is_file():
        return {}
    return dict(_PAIR.findall(path.read_text(encoding="utf-8")))


def translation(source: str, target: str) -> dict[str, str]:
    """Source-language string → target-language string, for every key both languages have."""
    if not target or target == source:
        return {}
    ours, theirs = _strings(source), _strings(target)
    out: dict[str, str] = {}
    for key, text in sorted(ours.items()):
        if key not in ("language", "direction") and key in theirs and text and text not in out:
            out[text] = theirs[key]
    return out

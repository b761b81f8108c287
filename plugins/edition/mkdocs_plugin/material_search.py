"""What the edition changes in Material for MkDocs' search, all of it (README, "Search").

Material's search box, result list, keyboard handling and translations stay. Behind them:

1. Material's indexer is told to skip every page (`search: {exclude: true}` in the page's
   metadata, a documented Material setting): its index is written empty and costs nothing.
2. The edition writes search/search_index.json itself, for every edition (core/search_index.py),
   in the shape Material's front end loads and hands to its worker unread ({config, docs}).
3. Each page's configuration (<script id="__config">, key "search") names the edition's worker
   (assets/search-worker.js) instead of Material's lunr worker; the worker speaks the same
   messages (SETUP/READY/QUERY/RESULT) and returns results in the shape Material renders.
4. With Material's offline plugin on (file://), search/search_index.js is written too.
5. The `search.highlight` feature stays off: results link with ?h=… and the edition's script marks
   the matches on the page, across markup (Material's marks within single text nodes only).

Written against Material 9.8.2 (pinned in pyproject.toml). Another version makes the build warn
(an error under --strict); tests/browser/test_search.py types queries into the real search box,
so a change in the protocol or the result markup fails the tests.
"""

from __future__ import annotations

import re
from importlib import metadata
from typing import Any

MATERIAL = "9.8.2"
WORKER = "assets/edition/search-worker.js"

# The worker's URL in the page's JSON configuration, as Material's base.html writes it.
_WORKER = re.compile(r'("search": ")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js(")')


def version_problem() -> str | None:
    """A message when the installed Material is not the one this module was written against."""
    found = metadata.version("mkdocs-material")
    if found == MATERIAL:
        return None
    return (f"edition search is written against Material for MkDocs {MATERIAL}, and {found} is installed: "
            f"check Material's search worker protocol and result markup (plugins/edition/mkdocs_plugin/"
            f"material_search.py), run tests/browser/test_search.py, then update MATERIAL there")


def enabled(config: Any) -> bool:
    """Is Material's search plugin on (its search box is what the edition's search sits behind)?"""
    return any(name in config.plugins for name in ("material/search", "search"))


def offline(config: Any) -> bool:
    """Is Material's offline plugin on? It inlines the index into search/search_index.js (as
    `var __index = …`) for file://; the edition writes that file for each of its indexes."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def exclude(meta: dict[str, object]) -> None:
    """Keep Material's indexer off a page."""
    search = meta.get("search")
    meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}


def point_worker(output: str) -> str:
    """The page with the edition's worker in place of Material's; raises ValueError when the page
    has no (or more than one) worker setting: Material's template changed."""
    replaced, count = _WORKER.subn(lambda m: f"{m.group(1)}{m.group(2)}{WORKER}{m.group(3)}", output)
    if count != 1:
        raise ValueError(f"expected Material's search worker in the page configuration once, found it {count} times")
    return replaced

"""Theme adapters: everything the edition knows about one theme's pages, one module per theme,
each implementing core/theme.py's Theme."""

from __future__ import annotations

from ..core.theme import Neutral, Theme


def for_name(name: str) -> Theme:
    """The adapter of a theme (by the configuration's `theme.name`), or the neutral one."""
    if name == "material":
        from .material import Material

        return Material()
    return Neutral(name)

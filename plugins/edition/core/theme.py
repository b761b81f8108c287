"""What the edition needs to know about a site's theme, as an interface: one adapter per theme
implements it (plugins/edition/themes/), and the stages pass it into the core. Nothing in the core
names a theme's class, id or file.

A theme renders the page around the text: its header, its language switcher, its configuration
script, its interface words. The edition adds to that page (its search button, its styles and
scripts) and, in each further edition, rewrites what the theme wrote for the source edition.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Alternate:
    """One edition of the page being written: its language tag, its name, the page's URL in it
    (relative to the page), and whether it is the page's own edition."""

    code: str
    name: str
    href: str
    current: bool = False


class Theme(Protocol):
    """A theme adapter."""

    @property
    def name(self) -> str:
        """Its name, as the configuration file's `theme.name` gives it."""

    def translations(self, source: str, target: str) -> dict[str, str]:
        """The theme's own interface strings, source language → target language (搜索 → 搜尋)."""

    def configuration(self, markup: str, convert: Callable[[str], str], ui: dict[str, str]) -> str:
        """A further edition's page: the theme's configuration script with its strings in the
        edition's words (`ui` first, else `convert`)."""

    def switcher(self, markup: str, alternates: Sequence[Alternate]) -> str:
        """The page with its language switcher linking each edition's same page."""

    def edit_link(self, markup: str, url: str) -> str:
        """The page with its "edit this page" link pointing at `url` (nothing when it has none)."""

    def content(self, markup: str) -> tuple[int, int] | None:
        """Where the page's main content (the rendered Markdown) is: (start, end) in `markup`."""

    def search_button(self, markup: str, label: str) -> str:
        """The page with a button that opens the edition's search (class `edition-search-open`)
        where the theme's header has room for it."""

    def selectors(self) -> dict[str, str]:
        """CSS selectors of the theme's page for the edition's scripts: `header` (what covers the
        top of the window), `content` (the main content), `switcher` (a link of the language
        switcher)."""

    def stylesheet(self) -> str:
        """CSS loaded after the edition's own: its variables (--edition-accent …) in the theme's
        colours, and whatever of the theme's own styles the edition changes ("" for none)."""


@dataclass(frozen=True)
class Neutral:
    """A theme the edition knows nothing about: nothing is rewritten, the search button goes
    first in <body>, and the content is the whole body."""

    name: str = ""
    words: dict[str, str] = field(default_factory=dict)

    def translations(self, source: str, target: str) -> dict[str, str]:
        return {}

    def configuration(self, markup: str, convert: Callable[[str], str], ui: dict[str, str]) -> str:
        return markup

    def switcher(self, markup: str, alternates: Sequence[Alternate]) -> str:
        return markup

    def edit_link(self, markup: str, url: str) -> str:
        return markup

    def content(self, markup: str) -> tuple[int, int] | None:
        body = re.search(r"<body\b[^>]*>", markup)
        end = markup.rfind("</body>")
        return (body.end(), end) if body and end != -1 else None

    def search_button(self, markup: str, label: str) -> str:
        body = re.search(r"<body\b[^>]*>", markup)
        if not body:
            return markup
        return markup[:body.end()] + button(label) + markup[body.end():]

    def selectors(self) -> dict[str, str]:
        return {"header": "", "content": "body", "switcher": ""}

    def stylesheet(self) -> str:
        return ""


def button(label: str, classes: str = "", icon: str = "") -> str:
    """The search button's markup: `classes` and `icon` (an inline SVG) as the theme draws its
    header's buttons."""
    import html

    text = html.escape(label)
    return (f'<button type="button" class="edition-search-open{" " + classes if classes else ""}" '
            f'aria-label="{text}" title="{text}" aria-haspopup="dialog">{icon or text}</button>')

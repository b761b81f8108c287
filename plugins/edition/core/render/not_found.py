"""The edition's "page not found": what a reader can do next, put into the content of the page the
site generator built for a missing page (404.html).

A static host serves the root 404.html for a missing page anywhere, so its links are absolute on
the site's path, and a reader lost under another edition's path is offered that edition's home
page too (assets/edition.js reveals the matching line; the link is a data-href, as the further
editions' copies of the page would otherwise point it into themselves).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .. import strings
from ..strings import Strings


def content(site_path: str, pages: Sequence[tuple[str, str]], editions: Sequence[tuple[str, str, str]],
            example: str, search: bool, words: Strings | None = None) -> str:
    """The page's content. `site_path` is the site's path on its host ("/edition/", or an
    edition's, "/edition/zh-Hant/"); `pages` the (title, site-relative URL) of the pages to offer
    after the home page; `editions` the (language tag, path, name) of the further editions;
    `example` a paragraph id of the text; `words` the edition's own strings (the source edition's
    when absent)."""
    words = words or strings.source()
    links = [f'<a href="{html.escape(site_path + url)}">{html.escape(title)}</a>' for title, url in pages]
    listed = "、".join(links[:-1]) + html.escape(words.list_and) + links[-1] if len(links) > 1 else "".join(links)
    items = []
    if search:
        items.append(f"<li>{html.escape(words.not_found_search)}</li>")
    home = f'<a href="{html.escape(site_path)}">{html.escape(words.home)}</a>'
    items.append("<li>" + (_fill(words.not_found_home_pages, home=home, pages=listed) if listed
                           else _fill(words.not_found_home, home=home)) + "</li>")
    code = f"<code>{html.escape(example)}</code>"
    where = _fill(words.not_found_example_editions if editions else words.not_found_example, example=code)
    out = [
        f'<h1 id="not-found">{html.escape(words.not_found_title)}</h1>',
        f"<p>{html.escape(words.not_found_text)}{where if example else ''}</p>",
        f"<ul>{''.join(items)}</ul>",
    ]
    for code, path, name in editions:
        folder = path.strip("/")
        out.append(f'<p class="edition-not-found-alternate" data-edition-path="{html.escape(folder)}" '
                   f'lang="{html.escape(code)}" hidden><a data-href="{html.escape(site_path + folder)}/">'
                   f"{html.escape(name)}</a></p>")
    return "\n".join(out)


def _fill(template: str, **markup: str) -> str:
    """A string of the table with its placeholders filled with markup, its own text escaped."""
    parts = re.split(r"\{([a-z_]+)\}", template)
    return "".join(html.escape(p) if i % 2 == 0 else markup[p] for i, p in enumerate(parts))

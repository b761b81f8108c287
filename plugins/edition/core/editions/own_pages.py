"""Pages an edition has in its own words: `docs/P.<code>.md` next to `docs/P.md`.

A page the editors wrote (the home page) is their prose, not the author's: converting the
zh-Hans page gives mainland usage in Traditional characters (鼠標, 鏈接, 搜索框). An edition may
then have the page written for it; its main content replaces the converted page's, unconverted.
The rest of the page (the theme's header, navigation, table of contents) stays the converted one.
Site generators must not build these files as pages of their own (`exclude_docs` in mkdocs.yml).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import markdown  # type: ignore[import-untyped]  # (Python-Markdown ships no type information)

from ..theme import Theme

#: What a page of the editors is written with (a subset of the site's Markdown extensions).
EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc")
_HREF = re.compile(r'href="([^":#?]+\.md)(#[^"]*)?"')


def pages(docs: Path, code: str) -> dict[str, Path]:
    """The edition's own pages: the source page's path (under docs) → the edition's file."""
    suffix = f".{code}.md"
    return {p.relative_to(docs).as_posix()[:-len(suffix)] + ".md": p
            for p in sorted(docs.rglob(f"*{suffix}"))}


def output(src: str) -> str:
    """Where a page's HTML lands (directory URLs): index.md → index.html, a/b.md → a/b/index.html."""
    stem = src[:-3]
    return (stem + ".html") if stem == "index" or stem.endswith("/index") else stem + "/index.html"


def render(text: str, src: str, section_link: str) -> str:
    """The page's Markdown as HTML, its links to other pages made the site's URLs."""
    body = markdown.markdown(text, extensions=list(EXTENSIONS),
                             extension_configs={"toc": {"permalink": "¶", "permalink_title": section_link}})
    here = posixpath.dirname(output(src))

    def url(m: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src), m.group(1)))
        folder = posixpath.dirname(output(target))
        relative = posixpath.relpath(folder or ".", here or ".")
        return f'href="{"./" if relative == "." else relative + "/"}{m.group(2) or ""}"'

    return _HREF.sub(url, body)


def place(markup: str, content: str, theme: Theme) -> str:
    """A built page with `content` in place of its main content (from its first heading on:
    the theme's buttons before it stay)."""
    span = theme.content(markup)
    if span is None:
        raise ValueError("the page has no main content the theme adapter can find")
    start = markup.find("<h1", span[0], span[1])
    start = span[0] if start == -1 else start
    return markup[:start] + content + "\n" + markup[span[1]:]

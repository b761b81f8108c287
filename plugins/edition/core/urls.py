"""Where a page of the docs folder ends up in a built site, and links between pages, as every site
generator of the MkDocs family makes them (MkDocs, ProperDocs, Zensical): `a/b.md` is at `a/b/`
(file `a/b/index.html`) with directory URLs, else at `a/b.html`; `index.md` and `README.md` are
their folder's page."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urljoin


@dataclass(frozen=True)
class Urls:
    """The URL scheme of one site."""

    directory_urls: bool = True
    #: The site's absolute URL ("" when unknown), ending in "/".
    site_url: str = ""

    def url(self, src: str) -> str:
        """The URL of a docs file's page, relative to the site root ("" for the home page)."""
        stem, _ = posixpath.splitext(src)
        folder, name = posixpath.split(stem)
        if name in ("index", "README"):
            return f"{folder}/" if folder else ""
        if self.directory_urls:
            return f"{stem}/"
        return f"{stem}.html"

    def output(self, src: str) -> str:
        """The built file of a docs file's page, relative to the site root."""
        url = self.url(src)
        return url + "index.html" if url.endswith("/") or not url else url

    def absolute(self, url: str) -> str:
        """A site-relative URL made absolute on site_url (kept relative without one)."""
        return urljoin(self.site_url, url) if self.site_url else url

    @property
    def path(self) -> str:
        """The site's path on its host ("/edition/"), "/" without a site_url."""
        rest = self.site_url.split("://", 1)[-1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        return path if path.endswith("/") else path + "/"


def relative(url: str, other: str) -> str:
    """`url` relative to the page at `other` (both site-relative), as MkDocs' get_relative_url."""
    folder = other if other.endswith("/") or not other else posixpath.dirname(other)
    if "." not in posixpath.basename(other.rstrip("/")) and not other.endswith("/") and other:
        folder = other  # a directory URL given without its slash
    base = [p for p in folder.split("/") if p]
    target = [p for p in url.split("/") if p]
    common = 0
    for a, b in zip(base, target, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(base) - common) + target[common:]
    out = "/".join(parts) or "."
    if url.endswith("/") and out != ".":
        out += "/"
    return "./" if out == "." else out

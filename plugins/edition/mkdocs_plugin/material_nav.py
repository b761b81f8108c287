"""Material's navigation with each of its links rendered once per build, not once per page.

Material writes the whole navigation into every page, one call of its `render` macro for each
item (templates/partials/nav-item.html). A book's navigation grows with the book, so rendering it
grew with the square of the pages: at 30 copies of the chapter (184 pages), 34,000 item renders, two
thirds of MkDocs' own time for the pages. A link to a page other than the one being rendered is
the same HTML wherever it has the same place in the navigation (`path`, `level`) and the same URL
relative to that page: it is rendered once for each of those and then reused for the build.

Only Material's own template is changed (not an override of it in a `custom_dir`), and only where
its recursion is the one this module knows (Material 9.x); otherwise the navigation renders as it
did. What is reused is exactly what the macro would render (tests/build/test_material_nav.py builds
a site both ways and compares the bytes). MkDocs-specific (a Jinja environment and MkDocs' pages):
the generator-neutral theme adapter (themes/material.py) works on built pages only.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import jinja2
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter

TEMPLATE = "partials/nav-item.html"
#: The macro's call of itself for each child of a section, and what it becomes.
RECURSION = '{{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}'
CACHED = '{{ edition_nav_item(render, item, path ~ "_" ~ loop.index, level + 1, nav_item) }}'
GLOBAL = "edition_nav_item"


def _material_templates() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))).resolve() / "templates"


class _Loader(jinja2.BaseLoader):
    """The theme's loader, with Material's own nav-item.html calling `edition_nav_item` for each child."""

    def __init__(self, inner: jinja2.BaseLoader, material: Path):
        self.inner, self.material = inner, material

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if (template == TEMPLATE and filename and source.count(RECURSION) == 1
                and Path(filename).resolve().is_relative_to(self.material)):
            source = source.replace(RECURSION, CACHED)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def install(env: jinja2.Environment) -> jinja2.Environment:
    """`env` (a build's: MkDocs makes one for each) rendering Material's navigation links once each."""
    material = _material_templates()
    if material is None or env.loader is None:
        return env
    done: dict[tuple[int, str, int, str], Any] = {}

    @jinja2.pass_context
    def edition_nav_item(context: jinja2.runtime.Context, render: Callable[..., Any], item: Any, path: str,
                         level: int, parent: Any) -> Any:
        # A page's link, not the page rendered (the macro marks that one active and lists its
        # contents) and not a section (which holds the page rendered, or may): as the macro renders it.
        if type(item) is not Page or item.active or item == context["page"]:
            return render(item, path, level, parent)
        key = (id(item), path, level, url_filter(cast(Any, context), item.url))
        markup = done.get(key)
        if markup is None:
            markup = done[key] = render(item, path, level, parent)
        return markup

    env.loader = _Loader(env.loader, material)
    env.globals[GLOBAL] = edition_nav_item
    return env

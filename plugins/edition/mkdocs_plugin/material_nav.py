"""Material's navigation with each of its links rendered once per build, not once per page.

Material writes the whole navigation into every page: its `render` macro calls itself for each
child of each section (templates/partials/nav-item.html). A book's navigation grows with the
book, so rendering it grew with the square of the pages: at 30 copies of the chapter (184 pages),
34,000 item renders, two thirds of MkDocs' own time for the pages. A link to a page other than the
one being rendered is the same HTML wherever it has the same place in the navigation (`path`,
`level`), the same URL relative to that page and the same title (and what else of the page it
prints): it is rendered once for each of those and then reused for the build. The loop over a
section's children is written here as the template writes it (its white space taken from the
template), so that a reused link costs a lookup, not a call of a template.

Only Material's own template is changed (not an override of it in a `custom_dir`), and only where
its loop is the one this module knows (Material 9.x); otherwise the navigation renders as it did.
What is reused is exactly what the macro would render (tests/build/test_material_nav.py builds
sites both ways and compares the bytes). MkDocs-specific (a Jinja environment and MkDocs' pages):
the generator-neutral theme adapter (themes/material.py) works on built pages only.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import jinja2
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter

TEMPLATE = "partials/nav-item.html"
#: The macro's loop over a section's children, its white space captured (`{% for %}`, what each
#: child prints: before the test, before and after the call when it passes, after the test).
LOOP = re.compile(r'\{% for item in nav_item\.children %\}(\s*)\{% if not index or item != index %\}(\s*)'
                  r'\{\{ render\(item, path ~ "_" ~ loop\.index, level \+ 1, nav_item\) \}\}(\s*)'
                  r'\{% endif %\}(\s*)\{% endfor %\}')
CHILDREN = "{{ edition_nav_children(render, nav_item, index, path, level) }}"
GLOBAL = "edition_nav_children"


def _material_templates() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))).resolve() / "templates"


class _Loader(jinja2.BaseLoader):
    """The theme's loader, with Material's own nav-item.html calling `edition_nav_children` for
    the children of a section; `spaces`: the loop's white space, once the template is read."""

    def __init__(self, inner: jinja2.BaseLoader, material: Path):
        self.inner, self.material = inner, material
        self.spaces: tuple[str, ...] | None = None

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template == TEMPLATE and filename and Path(filename).resolve().is_relative_to(self.material):
            loops = list(LOOP.finditer(source))
            if len(loops) == 1:
                self.spaces = loops[0].groups()
                source = source[:loops[0].start()] + CHILDREN + source[loops[0].end():]
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def _shown(page: Page) -> tuple[Any, ...]:
    """What the template prints of a page's link but its URL: its title, and what its metadata
    adds (icon, subtitle, status) or a plugin (encrypted, typeset). A plugin may change them as the
    pages are built, after the page's link was rendered (a title, in `on_page_context`)."""
    meta = page.meta or {}
    return (page.title, meta.get("icon"), meta.get("subtitle"), meta.get("status"),
            getattr(page, "encrypted", None), getattr(page, "typeset", None))


def install(env: jinja2.Environment) -> jinja2.Environment:
    """`env` (a build's: MkDocs makes one for each) rendering Material's navigation links once each."""
    material = _material_templates()
    if material is None or env.loader is None:
        return env
    loader = _Loader(env.loader, material)
    done: dict[tuple[Any, ...], Any] = {}

    @jinja2.pass_context
    def edition_nav_children(context: jinja2.runtime.Context, render: Callable[..., Any], nav_item: Any,
                             index: Any, path: str, level: int) -> str:
        assert loader.spaces is not None  # the template calls this only once it is read
        each, before, after, apart = loader.spaces
        page = context["page"]
        out = []
        for number, item in enumerate(nav_item.children, 1):
            out.append(each)
            if not index or item != index:
                here = f"{path}_{number}"
                # A page's link, not the page rendered (the macro marks that one active and lists
                # its contents) and not a section (which holds the page rendered, or may).
                if type(item) is not Page or item.active or item == page:
                    markup = render(item, here, level + 1, nav_item)
                else:
                    key = (id(item), here, level + 1, url_filter(cast(Any, context), item.url), *_shown(item))
                    try:
                        markup = done.get(key)
                    except TypeError:  # metadata that is no key (a list): rendered as the template does
                        markup = render(item, here, level + 1, nav_item)
                    if markup is None:
                        markup = done[key] = render(item, here, level + 1, nav_item)
                out += [before, markup, after]
            out.append(apart)
        return "".join(out)

    env.loader = loader
    env.globals[GLOBAL] = edition_nav_children
    return env

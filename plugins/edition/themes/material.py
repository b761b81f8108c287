"""Material for MkDocs (9.x), and the themes that keep its markup: its header, its language
switcher, its configuration script, its interface strings.

What the edition relies on, each in one place here:
- the header (`.md-header`, `nav.md-header__inner`), where the search button goes before the
  repository link (`.md-header__source`) or at the end;
- the main content (`article.md-content__inner`);
- the language switcher (`a.md-select__link` with `hreflang`, rendered from `extra.alternate`);
- the "edit this page" button (`a.md-content__button[rel=edit]`);
- the page's configuration script (`script#__config`, JSON whose strings the template escapes);
- the interface strings of each language (templates/partials/languages/<lang>.html);
- its colours and fonts, onto which material.css maps the edition's stylesheet variables.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from importlib import resources

from ..core.theme import Alternate, button

_PAIR = re.compile(r'"([a-z0-9.]+)": "([^"]*)"')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_SWITCH = re.compile(r'<a href="[^"]*" hreflang="([^"]+)"[^>]*class="md-select__link"[^>]*>[^<]*</a>')
_EDIT = re.compile(r'(<a href=")[^"]*("[^>]*class="md-content__button md-icon"[^>]*rel="edit")')
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
_SOURCE = '<div class="md-header__source">'
_HEADER_END = re.compile(r'</nav>\s*(?:<nav class="md-tabs"|</header>|\s)', re.DOTALL)
#: Material's magnifier (material/magnify), as its own search button draws it.
_MAGNIFY = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 '
            "6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 "
            '9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 '
            '5"/></svg>')


def _strings(language: str) -> dict[str, str]:
    path = resources.files("material").joinpath(f"templates/partials/languages/{language}.html")
    if not path.is_file():
        return {}
    return dict(_PAIR.findall(path.read_text(encoding="utf-8")))


class Material:
    """The adapter of Material for MkDocs."""

    name = "material"

    def translations(self, source: str, target: str) -> dict[str, str]:
        if not target or target == source:
            return {}
        ours, theirs = _strings(source), _strings(target)
        out: dict[str, str] = {}
        for key, text in sorted(ours.items()):
            if key not in ("language", "direction") and key in theirs and text and text not in out:
                out[text] = theirs[key]
        return out

    def configuration(self, markup: str, convert: Callable[[str], str], ui: dict[str, str]) -> str:
        # The template escapes the JSON's strings (\u5df2…), so the page's conversion never sees
        # them: its translations (the search list's words) are replaced here.
        def one(match: re.Match[str]) -> str:
            data = json.loads(match.group(2))
            strings = data.get("translations")
            if not isinstance(strings, dict):
                return match.group()
            data["translations"] = {k: ui.get(v) or convert(v) if isinstance(v, str) else v
                                    for k, v in strings.items()}
            # As the template writes it (Jinja's tojson: sorted keys, HTML-safe escapes).
            encoded = json.dumps(data, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e") \
                .replace("&", "\\u0026").replace("'", "\\u0027")
            return match.group(1) + encoded + match.group(3)

        return _CONFIG.sub(one, markup)

    def switcher(self, markup: str, alternates: Sequence[Alternate]) -> str:
        by_code = {a.code: a for a in alternates}

        def one(match: re.Match[str]) -> str:
            target = by_code.get(match.group(1))
            if target is None:
                return match.group(0)
            current = ' aria-current="true"' if target.current else ""
            # target="_self": Material's own alternate handling (which looks each page up in a
            # sitemap and drops the fragment) leaves links with a target alone; edition.js keeps
            # the fragment. Each edition's name stays in its own script, whatever the page's.
            return (f'<a href="{html.escape(target.href)}" hreflang="{target.code}" lang="{target.code}" '
                    f'target="_self" class="md-select__link"{current}>{html.escape(target.name)}</a>')

        header = markup.find("</header>")  # the switcher is in the header: not the navigation's links
        if header == -1:
            return _SWITCH.sub(one, markup)
        return _SWITCH.sub(one, markup[:header]) + markup[header:]

    def edit_link(self, markup: str, url: str) -> str:
        return _EDIT.sub(lambda m: m.group(1) + html.escape(url) + m.group(2), markup, count=1)

    def content(self, markup: str) -> tuple[int, int] | None:
        opening = _ARTICLE.search(markup)
        if not opening:
            return None
        end = markup.find("</article>", opening.end())
        return (opening.end(), end) if end != -1 else None

    def search_button(self, markup: str, label: str) -> str:
        html_button = button(label, "md-header__button md-icon", _MAGNIFY)
        at = markup.find(_SOURCE)
        if at == -1:
            end = _HEADER_END.search(markup, markup.find('<header class="md-header'))
            if not end:
                return markup
            at = end.start()
        return markup[:at] + html_button + markup[at:]

    def selectors(self) -> dict[str, str]:
        return {"header": ".md-header", "content": ".md-content__inner", "switcher": "a.md-select__link[hreflang]"}

    def stylesheet(self) -> str:
        return resources.files("edition").joinpath("themes/material.css").read_text(encoding="utf-8")

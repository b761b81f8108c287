"""The edition around any site generator: prepare → the generator's own build → finish.

- `load` reads and checks everything once (the inputs, the annotations, the conversions).
- `prepare` gives what the generator must see: the generated pages' Markdown (apparatus, glossary,
  timeline), whose own HTML is lifted out of the generator's way (fragments); the files it copies
  as they are (the exports, the edition's assets); and which file each page's edit button opens.
  (The text pages are written by ingest and kept in the docs folder.)
- The generator (MkDocs, ProperDocs, Zensical …) renders the docs folder with its standard settings.
- `finish` works on the built site: it puts the fragments back, decorates the text pages (marks,
  notes, term links, permalinks), points edit buttons at their files, writes the 404 page's
  content, adds the edition's styles, scripts and search button, derives the further editions
  (pages, sitemaps, exports) and writes every edition's search index.

A one-off build begins with `begin`: `load` and `prepare` on two cores, and what finish needs of
no built page (`Ahead`) started in a forked process, to be worked out while the generator builds.

The MkDocs plugin's hooks call these same functions (mkdocs_plugin/plugin.py); the command line
calls them around any generator (cli.py). Nothing here imports a site generator.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import rcssmin
import rjsmin

from . import themes
from .core import forked, strings
from .core import project as project_mod
from .core.annotations import glossary, timeline
from .core.config_file import SiteConfig
from .core.editions import boundaries, conversion_report, own_pages, variant_site, variants
from .core.errors import EditionError, Problem
from .core.exports import jsontext, webannotation
from .core.project import Project
from .core.render import apparatus, fragments, glossary_page, not_found, page_html, timeline_page
from .core.search import index as search_index
from .core.search import interface as search_words
from .core.settings import Settings
from .core.text import ingest, segmentation
from .core.theme import Theme
from .core.urls import Urls, relative

#: Where the edition's assets go in the built site, and which the pages load.
ASSETS = "assets/edition"
STYLES = ("edition.css",)
#: The theme adapter's stylesheet, after the edition's (themes/<theme>.css).
THEME_STYLES = "theme.css"
SCRIPTS = ("edition.js", "search.js")
WORKER = "search-worker.js"
CONFIG_ID = "edition-config"


@dataclass
class Edition:
    """Everything loaded and checked once: what prepare and finish need."""

    site: SiteConfig
    settings: Settings
    paths: ingest.Paths
    project: Project
    theme: Theme
    variants: list[variants.Variant]
    converters: dict[str, variants.Converter]
    #: The theme's own translation of its interface strings, per further edition.
    ui: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The word boundaries kept between builds (segmentation.BoundaryCache), for the conversion report.
    segmentation: dict[str, Any] = field(default_factory=dict)

    @property
    def urls(self) -> Urls:
        url = self.site.site_url
        return Urls(self.site.use_directory_urls, url if not url or url.endswith("/") else url + "/")

    @property
    def source(self) -> variants.Variant:
        return dataclasses.replace(variants.SOURCE, name=self.settings.source_name)

    def text_src(self, slug: str) -> str:
        """The docs path of a text page."""
        return f"{self.settings.pages}/{slug}.md"

    @property
    def generated(self) -> dict[str, str]:
        """The generated pages: name (apparatus, glossary, timeline) → docs path."""
        s = self.settings
        return {"apparatus": s.apparatus, "glossary": s.glossary, "timeline": s.timeline}


def load(site: SiteConfig, settings: Settings, paths: ingest.Paths | None = None,
         theme: Theme | None = None) -> Edition:
    """Load and check the edition (raises EditionError with every problem, stale pages included).
    The glossary's pinyin and the text's word boundaries are kept between builds in the cache
    folder: pypinyin's data and jieba's dictionary load slower than a small site builds."""
    edition, kept, checks = _unchecked(site, settings, paths, theme)
    _checked(kept, *checks())
    return edition


@dataclass(frozen=True)
class Begun:
    """A build begun (`begin`): the edition loaded and checked, what the site generator is given,
    `Ahead`, being worked out, and the process that works it out (`search`)."""

    edition: Edition
    prepared: Prepared
    ahead: forked.Started[Ahead | None]
    process: forked.Process
    #: Whether `begin` told the garbage collector to pass over what was in memory (gc.freeze).
    frozen: bool = False

    def release(self) -> None:
        """What `begin` kept from the garbage collector given back to it (gc.unfreeze), for a
        process that builds again; what is still used stays, the rest is collected."""
        if self.frozen:
            gc.unfreeze()

    def search(self, others: list[search_index.OtherPage], glossary_title: str,
               timeline_title: str) -> forked.Started[list[tuple[str, str]]]:
        """The search indexes (`search_indexes`), worked out after `Ahead` in its process: `finish`
        starts them once the pages they need are decorated, while it decorates the others."""
        return self.process.start(2, others, glossary_title, timeline_title)


def begin(site: SiteConfig, settings: Settings, paths: ingest.Paths | None = None, workers: int = 1) -> Begun:
    """`load`, `prepare` and `ahead` for a one-off build on `workers` cores. Where `ahead` forks
    (further editions, pages enough), the checks that only find problems (the further editions'
    overrides, usage and conversion boundaries) run first in its forked process, while the pages
    are prepared; the problems are raised here, before the site generator writes anything, as
    `load` raises them. The checks leave what `Ahead` needs of them in that process's memory
    (the boundary findings the conversion report lists).

    In a build that may fork (`workers` > 1: not a server's rebuild), what the load and prepare
    make stays in memory until the build ends: the garbage collector is off during the load,
    which makes next to no garbage, and then told to pass over what is in memory (gc.freeze),
    before the forks, which inherit it. At book length its passes over it took a twentieth of
    the build (30x: 0.235 s of the main process's time, 0.034 s with this). A process that builds
    again (`edition serve --generator zensical`) calls `Begun.release` when the build ends; a
    begin that raises gives it back itself."""
    keep = workers > 1
    if keep:
        gc.disable()
    try:
        edition, kept, checks = _unchecked(site, settings, paths, None, fork=workers > 1)
    finally:
        if keep:
            gc.enable()
    try:
        if keep:
            gc.freeze()
        works = [checks, lambda prepared: _ahead(edition, prepared),
                 lambda others, glossary_title, timeline_title: search_indexes(edition, others, glossary_title,
                                                                               timeline_title)]
        with forked.Process(works, _forks(edition, workers)) as process:
            found = process.start(0)
            prepared = prepare(edition)
            _checked(kept, *found.get())
            if keep:
                gc.freeze()
            return Begun(edition, prepared, process.start(1, prepared), process, keep)
    except BaseException:
        if keep:
            gc.unfreeze()
        raise


_Checks = tuple[list[Problem], dict[str, Any], dict[str, Any]]


def _unchecked(site: SiteConfig, settings: Settings, paths: ingest.Paths | None, theme: Theme | None,
               fork: bool = False) -> tuple[Edition, Caches, Callable[[], _Checks]]:
    """The edition loaded (its inputs' own problems raised, stale pages included; `fork`: see
    project.check), the caches read, and the checks still to run: they give the problems and the
    caches as they leave them."""
    paths = paths or project_mod.paths(site.root, settings, site.docs_dir)
    kept = Caches.read(site.root, settings)
    caches = kept.data
    loaded = project_mod.load(paths, caches["pinyin"], caches["segmentation"], settings, fork)
    stale = ingest.stale_problems(paths, loaded.edition)
    if stale:
        raise EditionError(stale)
    annotations = loaded.annotations.annotations
    converters, overrides, usage, problems = variants.unchecked(site.root, settings, variants.kept(annotations))

    def checks() -> _Checks:
        found = problems + variants.check(converters, overrides, loaded.edition.document, variants.printed(annotations),
                                          variants.printed_by_annotation(annotations), usage, annotations,
                                          variants.own_prose(loaded.edition.emendations, settings))
        found += boundaries.problems(site.root, settings, loaded.edition, annotations, converters,
                                     caches["segmentation"], agreed=caches["conversion"])
        return found, caches["segmentation"], caches["conversion"]

    theme = theme or themes.for_name(site.theme)
    editions = variants.from_specs(settings.editions)
    ui = {v.code: {**theme.translations(site.language, v.theme_language),
                   **(search_words.translations(v.code, converters[v.code].convert) if settings.search else {})}
          for v in editions}
    for v in editions:  # the edition's own corrections of the theme's translation
        ui[v.code].update((strings.load(v.code) or strings.source()).theme)
    edition = Edition(site, settings, paths, loaded, theme, editions, converters, ui, caches["segmentation"])
    return edition, kept, checks


def _checked(kept: Caches, problems: list[Problem], segmentation: dict[str, Any], conversion: dict[str, Any]) -> None:
    """The caches as the checks left them (from a forked process: a copy) written, then the
    problems raised."""
    for name, data in (("segmentation", segmentation), ("conversion", conversion)):
        if data is not kept.data[name]:
            kept.data[name].clear()
            kept.data[name].update(data)
    kept.write()  # even when the build stops: the next run is as fast
    if problems:
        raise EditionError(problems)


@dataclass
class Caches:
    """What is kept between runs in the settings' cache folder: the glossary's pinyin, the word
    boundaries (segmentation.BoundaryCache) and the passages whose two conversions agreed
    (boundaries.Same), each for the version of its package."""

    files: dict[str, Path]
    data: dict[str, dict[str, Any]]
    before: dict[str, str]

    @classmethod
    def read(cls, root: Path, settings: Settings) -> Caches:
        folder = root / settings.cache
        files = {name: folder / f"{name}-{metadata.version(package)}.json"
                 for name, package in (("pinyin", "pypinyin"), ("segmentation", "jieba"), ("conversion", "opencc"))}
        data = {name: _read_cache(path) for name, path in files.items()}
        return cls(files, data, {name: json.dumps(d, sort_keys=True) for name, d in data.items()})

    def write(self) -> None:
        """Write the caches that changed."""
        for name, path in self.files.items():
            if json.dumps(self.data[name], sort_keys=True) != self.before[name]:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps(self.data[name], ensure_ascii=False, indent=0, sort_keys=True),
                                encoding="utf-8")


def _read_cache(path: Path) -> dict[str, Any]:
    """A kept cache, or an empty one (a damaged file is only a slower build)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def alternate_links(edition: Edition) -> list[dict[str, str]]:
    """The editions for the theme's language switcher (Material's and Zensical's `extra.alternate`):
    made into each page's links after the build."""
    if not edition.variants:
        return []
    return [{"name": edition.settings.source_name, "link": "./", "lang": variants.SOURCE.code},
            *({"name": v.name, "link": f"./{v.path}", "lang": v.code} for v in edition.variants)]


# --- prepare -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """What the site generator is given: the generated pages (docs path → Markdown with fragment
    placeholders), their fragments, the files it copies as they are (docs path → text: exports,
    assets), and for every page the edition makes or decorates, the repository file its edit
    button opens."""

    pages: dict[str, str]
    fragments: dict[str, list[str]]
    files: dict[str, str]
    edits: dict[str, str]


def prepare(edition: Edition) -> Prepared:
    """The generated pages' Markdown. Their HTML blocks are lifted out (fragments.py): the
    generator renders only their headings (for its table of contents)."""
    urls = edition.urls
    names = edition.generated
    p = edition.project
    s = edition.settings

    def block_url(src: str) -> Any:
        here = urls.url(src)
        # Each text page's URL from here once, not once per link to it.
        page_url = functools.cache(lambda slug: relative(urls.url(edition.text_src(slug)), here))
        return lambda page, block: f"{page_url(page.slug)}#{block.id}"

    markdown = {
        names["apparatus"]: apparatus.page_markdown(
            p.edition, lambda page: relative(urls.url(edition.text_src(page.slug)), urls.url(names["apparatus"])),
            s.intro("apparatus")),
        names["glossary"]: glossary_page.page_markdown(p.glossary, block_url(names["glossary"]), s.intro("glossary")),
        names["timeline"]: timeline_page.page_markdown(
            p.timeline, p.glossary, block_url(names["timeline"]),
            relative(urls.url(names["glossary"]), urls.url(names["timeline"])), s.intro("timeline")),
    }
    pages, lifted = {}, {}
    for src, text in markdown.items():
        pages[src], lifted[src] = fragments.lift(text)
    edits = {names["apparatus"]: s.emendations, names["glossary"]: f"{s.annotations}/glossary.yml",
             names["timeline"]: f"{s.annotations}/timeline.yml",
             **{edition.text_src(page.slug): s.emendations for page in p.edition.document.pages}}
    return Prepared(pages, lifted, {**_exports(edition), **_assets(edition)}, edits)


def write_prepared(prepared: Prepared, docs: Path) -> list[str]:
    """Write the generated pages and files into a docs folder; the files written."""
    written = []
    for src, text in {**prepared.pages, **prepared.files}.items():
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(src)
    return written


# --- finish ------------------------------------------------------------------------------------------


Replacements = dict[str, list[tuple[str, str]]]


@dataclass(frozen=True)
class Ahead:
    """What finish needs that no built page holds, by edition code: what the further editions'
    pages replace after their conversion (see `_variant_fields`), each edition's conversion report
    and its exports. Plain data: it may be worked out in a forked process."""

    fields: tuple[Replacements, dict[str, dict[str, str]], dict[str, Replacements]]
    reports: dict[str, str]
    #: The exports the site generator copies (prepared.files), converted, by file (see
    #: variant_site.Site.exports: finish pairs each with the file it converts, which it has).
    exports: dict[str, dict[str, str]]


def ahead(edition: Edition, prepared: Prepared, workers: int = 1) -> forked.Started[Ahead | None]:
    """`Ahead` for `finish`, started now: in a forked process when the build is one-off
    and has further editions and pages enough for forked processes to convert them (the text's and
    the generated ones, `variant_site.processes`: the same decision as the pages'), so that it is
    worked out while the site generator builds the pages; otherwise when finish asks."""
    return forked.Later(lambda: _ahead(edition, prepared), _forks(edition, workers))


def _forks(edition: Edition, workers: int) -> bool:
    """Whether `Ahead` is worked out in a forked process: with further editions and pages enough
    for forked processes to convert them (the text's and the generated ones: the pages' decision)."""
    pages = len(edition.project.edition.document.pages) + len(edition.generated)
    return bool(edition.variants) and variant_site.processes(workers, pages) > 1


def _ahead(edition: Edition, prepared: Prepared) -> Ahead | None:
    if not edition.variants:
        return None
    fields = _variant_fields(edition)
    exports = {src: text for src, text in prepared.files.items()
               if src.endswith((".json", ".jsonld")) and "/" not in src}  # as variant_site._files picks them
    converted = {v.code: {src: variant_site.convert_export(text, edition.converters[v.code], edition.urls.site_url,
                                                           edition.source, v, fields[1][v.code])
                          for src, text in exports.items()} for v in edition.variants}
    return Ahead(fields, _conversion_reports(edition), converted)


def finish(edition: Edition, site: Path, prepared: Prepared, workers: int = 1, begun: Begun | None = None) -> None:
    """Make the built source edition the edition's site, and derive the further editions. Raises
    EditionError when a page is not as the edition expects (a theme or Markdown change). `begun`:
    the build's `begin`, whose process has worked `Ahead` out while the site generator built the
    pages, and works the search indexes out."""
    urls = edition.urls
    s = edition.settings
    names = edition.generated
    skip = {v.path.split("/")[0] for v in edition.variants}
    by_output = {urls.output(src): src for src in (*prepared.pages, *prepared.edits)}
    pages = sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in skip)
    # The pages the search needs (not the text pages, whose text it has) are decorated first.
    text = {p for p in pages if _text_slug(edition, by_output.get(p.relative_to(site).as_posix())) is not None}
    # The further editions' replacements, reports and exports need no built page: at book length they
    # are worked out in a forked process while the pages are built, or at least while they are decorated.
    later = begun.ahead if begun else ahead(edition, prepared, workers)
    searched = None
    try:
        others, titles, problems = _decorated(edition, prepared, site, [p for p in pages if p not in text],
                                              by_output)
        glossary_title = titles.get(urls.output(names["glossary"]), "")
        timeline_title = titles.get(urls.output(names["timeline"]), "")
        if s.search and begun is not None and not problems:
            searched = begun.search(others, glossary_title, timeline_title)
        problems += _decorated(edition, prepared, site, [p for p in pages if p in text], by_output)[2]
        if problems:
            raise EditionError(problems)  # every page's, in file order
        found = later.get()
        if searched is None:
            later.close()  # nothing more to work out there
        if found is not None:
            replacements, texts, by_id = found.fields
            derived = variant_site.Site(site, edition.source, tuple(edition.variants), urls.site_url,
                                        replacements, edition.theme, texts=texts, by_id=by_id,
                                        exports={code: {src: (prepared.files[src], text) for src, text in done.items()}
                                                 for code, done in found.exports.items()})

        def meanwhile() -> None:  # what needs no converted page: while the pages convert
            if found is not None:
                for v in edition.variants:
                    (site / v.path / "conversion-report.txt").write_text(found.reports[v.code], encoding="utf-8")
            if s.search:  # (the forked process that worked them out ends with them)
                _write_search(site, searched.get() if searched is not None else
                              search_indexes(edition, others, glossary_title, timeline_title))

        if found is not None:
            variant_site.build(derived, edition.converters, edition.ui, workers, meanwhile)
            _own_pages(edition, site)
            _not_found_pages(edition, site)
        else:
            meanwhile()
    finally:  # the forked process, if the build stopped first
        later.close()
        if searched is not None:
            searched.close()


def _decorated(edition: Edition, prepared: Prepared, site: Path, pages: list[Path], by_output: dict[str, str]
               ) -> tuple[list[search_index.OtherPage], dict[str, str], list[Problem]]:
    """Pages of the source edition decorated and written back: the pages the edition does not
    generate (for the search), every page's title, by output path, and a problem for each page
    that is not as the edition expects."""
    others: list[search_index.OtherPage] = []
    titles: dict[str, str] = {}
    problems: list[Problem] = []
    for path in pages:
        rel = path.relative_to(site).as_posix()
        markup = path.read_text(encoding="utf-8")
        src = by_output.get(rel)
        try:
            markup, title = _page(edition, prepared, rel, src, markup)
        except ValueError as err:
            problems.append(Problem(src or rel, 1, f"cannot finish the built page {rel}: {err}",
                                    f"the theme ({edition.site.theme or 'unknown'}) or the Markdown settings changed "
                                    "what the page looks like; see plugins/edition/themes/"))
            continue
        titles[rel] = title
        if src is None and rel != "404.html":
            span = edition.theme.content(markup)
            if span:
                others.append(search_index.OtherPage(_url_of(rel), title, markup[span[0]:span[1]]))
        path.write_text(markup, encoding="utf-8")
    return others, titles, problems


def _variant_fields(edition: Edition) -> tuple[Replacements, dict[str, dict[str, str]], dict[str, Replacements]]:
    """What the further editions' pages replace after their conversion, by edition code: the
    replacements of every page, the exports' texts, and the replacements by the id a page names
    (variant_site.Site's fields). Plain data: it may be worked out in a forked process."""
    snippets = glossary_page.snippets(edition.project.glossary.entries)
    annotations = list(edition.project.annotations.annotations)
    scoped = {v.code: variant_site.annotation_fields(annotations, edition.converters[v.code])
              for v in edition.variants}
    intros = [text for _, text in edition.settings.intros]
    own = {v.code: variant_site.emendation_fields(edition.project.edition.emendations, intros,
                                                  edition.converters[v.code]) for v in edition.variants}
    replacements = {v.code: own[v.code][1] for v in edition.variants}
    variant_texts = {v.code: variant_site.variant_fields(annotations, edition.converters[v.code])
                     for v in edition.variants}
    cut = {v.code: variant_site.snippet_fields(snippets, edition.converters[v.code]) for v in edition.variants}
    texts = {v.code: {**scoped[v.code][1], **own[v.code][2]} for v in edition.variants}
    by_id = {v.code: variant_site.by_id(variant_texts[v.code], scoped[v.code][0], own[v.code][0], cut[v.code])
             for v in edition.variants}
    return replacements, texts, by_id


def _conversion_reports(edition: Edition) -> dict[str, str]:
    """Each further edition's conversion report, by word (conversion_report.py), by its code."""
    p, s = edition.project, edition.settings
    texts = boundaries.passages(p.edition.document, s.source, p.annotations.annotations, p.edition.emendations, s)
    reviewed, _ = variants.read_reviewed(edition.site.root, s.conversion)
    known = segmentation.SHARED.cache_for(edition.segmentation)

    def bounds(text: str) -> frozenset[int]:
        return segmentation.SHARED.boundaries(text, known)

    return {v.code: conversion_report.report(edition.converters[v.code], texts, bounds, reviewed) + "\n"
            for v in edition.variants}


def _own_pages(edition: Edition, site: Path) -> None:
    """Each edition's own pages (docs/P.<code>.md) in place of the converted ones' content."""
    docs = edition.site.root / edition.site.docs_dir
    for v in edition.variants:
        table = strings.load(v.code) or strings.source()
        for src, path in own_pages.pages(docs, v.code).items():
            page = site / v.path / own_pages.output(src)
            if not page.exists():
                raise EditionError(Problem(path.relative_to(edition.site.root).as_posix(), 0,
                                           f"there is no page {src!r} for this page to replace in {v.code!r}",
                                           f"name it after a page of the site, like index.{v.code}.md"))
            content = own_pages.render(path.read_text(encoding="utf-8"), src, table.section_link)
            page.write_text(own_pages.place(page.read_text(encoding="utf-8"), content, edition.theme),
                            encoding="utf-8")


def _url_of(rel: str) -> str:
    """The site-relative URL of a built HTML file."""
    return rel[:-len("index.html")] if rel.endswith("index.html") else rel


def _page(edition: Edition, prepared: Prepared, rel: str, src: str | None, markup: str) -> tuple[str, str]:
    """One built page of the source edition, finished; and its title (its first heading)."""
    theme = edition.theme
    url = _url_of(rel)
    span = theme.content(markup)
    if span is None:
        raise ValueError("the page has no main content the theme adapter can find")
    content = markup[span[0]:span[1]]
    if src in prepared.fragments:
        content = fragments.restore(content, prepared.fragments[src])
    slug = _text_slug(edition, src)
    if slug is not None:
        content = _decorate(edition, slug, url, content)
    if rel == "404.html":
        content = _not_found(edition)
    markup = markup[:span[0]] + content + markup[span[1]:]
    if src in prepared.edits:
        target = _repository(edition.site.repo_url, edition.settings.edit_root)
        if target:
            markup = theme.edit_link(markup, target + prepared.edits[src])
    # The 404 page is served at any depth: its links are absolute on the site's path, as the theme's.
    markup = _head_and_scripts(edition, markup, edition.urls.path if rel == "404.html" else "../" * rel.count("/"))
    title = re.search(r"<h1\b[^>]*>(.*?)</h1>", content, re.DOTALL)
    if not title:
        return markup, ""
    # Without its permalink (Python-Markdown's toc: <a class="headerlink" …>¶</a>)
    heading = re.sub(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', "", title.group(1), flags=re.DOTALL)
    return markup, html.unescape(re.sub(r"<[^>]+>", "", heading)).strip()


def _text_slug(edition: Edition, src: str | None) -> str | None:
    if src is None or not src.startswith(edition.settings.pages + "/"):
        return None
    slug = src[len(edition.settings.pages) + 1:-len(".md")]
    return slug if slug in edition.project.edition.document.by_slug else None


def _decorate(edition: Edition, slug: str, url: str, content: str) -> str:
    p = edition.project
    urls = edition.urls
    names = edition.generated
    hrefs = page_html.Hrefs(*(relative(urls.url(names[n]), url) for n in ("apparatus", "glossary", "timeline")),
                            _repository(edition.site.repo_url, edition.settings.suggest_root))
    page = p.edition.document.by_slug[slug]
    return page_html.decorate(content, page, p.placements_on(page), p.notes_on(page), hrefs, p.glossary,
                              p.timeline.on(page), p.edition.document, edition.settings.categories.keys("note"))


def _not_found(edition: Edition, variant: variants.Variant | None = None) -> str:
    """The 404 page's content in the source edition, or in a further one (its own strings, its
    links into it, the page titles as it prints them)."""
    urls = edition.urls
    names = edition.generated
    titles = {"glossary": "术语表", "timeline": "年表", "apparatus": "校勘记"}
    convert = edition.converters[variant.code].convert if variant else str
    offered = [(convert(titles[n]), urls.url(names[n])) for n in ("glossary", "timeline", "apparatus")]
    blocks = [b for _, b in edition.project.edition.document.blocks() if b.kind != "heading"]
    example = blocks[min(len(blocks) - 1, 40)].id if blocks else ""
    words = (strings.load(variant.code) or strings.source()) if variant else strings.source()
    return not_found.content(urls.path + (variant.path if variant else ""), offered,
                             [(v.code, v.path, v.name) for v in edition.variants], example, edition.settings.search,
                             words)


def _not_found_pages(edition: Edition, site: Path) -> None:
    """Each further edition's copy of the 404 page in its own words (a conversion of the source
    edition's would print 用搜索找, mainland usage), when the generator has its strings."""
    for v in edition.variants:
        page = site / v.path / "404.html"
        if page.is_file() and strings.load(v.code) is not None:
            markup = page.read_text(encoding="utf-8")
            page.write_text(own_pages.place(markup, _not_found(edition, v), edition.theme), encoding="utf-8")


def _repository(repo_url: str, relative_url: str) -> str:
    """A URL in the repository (e.g. its edit or new-file root), or "" without repo_url or `relative_url`."""
    if not (repo_url and relative_url):
        return ""
    from urllib.parse import urljoin

    return urljoin(repo_url.rstrip("/") + "/", relative_url)


def _head_and_scripts(edition: Edition, markup: str, up: str) -> str:
    """The edition's styles in <head>; its configuration and scripts at the end of <body>; its
    search button in the theme's header."""
    names = (*STYLES, THEME_STYLES) if edition.theme.stylesheet() else STYLES
    styles = "".join(f'<link rel="stylesheet" href="{up}{ASSETS}/{name}">' for name in names)
    data = {"root": up or "./", "selectors": edition.theme.selectors()}
    if edition.settings.search:
        words = search_words.per_page_language(edition.site.language,
                                               [(v.code, edition.converters[v.code].convert) for v in edition.variants])
        data["search"] = {"index": "search/search_index.json", "worker": f"{up}{ASSETS}/{WORKER}",
                          "source": edition.site.language, "strings": words}
        markup = edition.theme.search_button(markup, words[edition.site.language]["label"])
    encoded = json.dumps(data, ensure_ascii=True, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")
    scripts = (f'<script type="application/json" id="{CONFIG_ID}">{encoded}</script>'
               + "".join(f'<script src="{up}{ASSETS}/{name}"></script>' for name in SCRIPTS))
    head = markup.find("</head>")
    if head != -1:
        markup = markup[:head] + styles + markup[head:]
    body = markup.rfind("</body>")
    if body != -1:
        markup = markup[:body] + scripts + markup[body:]
    return markup


def _assets(edition: Edition) -> dict[str, str]:
    """The edition's styles and scripts, and the theme adapter's stylesheet (the pages load them:
    finish adds the tags), as the site serves them: minified."""
    source = resources.files("edition").joinpath("assets")
    out = {f"{ASSETS}/{name}": minified(name, source.joinpath(name).read_text(encoding="utf-8"))
           for name in (*STYLES, *SCRIPTS, WORKER)}
    theme = edition.theme.stylesheet()
    if theme:
        out[f"{ASSETS}/{THEME_STYLES}"] = minified(THEME_STYLES, theme)
    return out


def minified(name: str, text: str) -> str:
    """A script or stylesheet without its comments and the white space it does not need (rjsmin,
    rcssmin: nothing renamed or rewritten). The sources keep their comments for their readers; a
    reader's first page downloads all of them (a text page, gzipped, 8 KB less so)."""
    if name.endswith(".js"):
        return str(rjsmin.jsmin(text)) + "\n"
    if name.endswith(".css"):
        return str(rcssmin.cssmin(text)) + "\n"
    return text


def _exports(edition: Edition) -> dict[str, str]:
    """The exports, in the source edition (finish derives the further editions' copies)."""
    urls = edition.urls
    s = edition.settings
    p = edition.project
    names = edition.generated

    @functools.cache  # asked for at every occurrence and target: each page's URL once
    def page_url(slug: str) -> str:
        return urls.absolute(urls.url(edition.text_src(slug)))

    def dump(data: Any) -> str:
        return jsontext.dumps(data)

    term_page = urls.absolute(urls.url(names["glossary"]))
    event_page = urls.absolute(urls.url(names["timeline"]))
    return {
        s.export: dump(webannotation.collection(p, urls.absolute(s.export), page_url, edition.site.site_name)),
        s.glossary_export: dump(glossary.export(p.glossary, lambda ident: f"{term_page}#{ident}",
                                                lambda page, block: f"{page_url(page.slug)}#{block.id}")),
        s.timeline_export: dump(timeline.timelinejs(p.timeline, f"{edition.site.site_name} · 年表",
                                                    edition.site.site_description,
                                                    lambda ident: f"{event_page}#{ident}",
                                                    lambda ident: p.glossary.by_id[ident].term.term)),
    }


def search_indexes(edition: Edition, others: list[search_index.OtherPage], glossary_title: str,
                   timeline_title: str) -> list[tuple[str, str]]:
    """Every edition's search index: (the edition's path, the index's text). `others`: the pages
    the edition does not generate, decorated; the titles: of the glossary and timeline pages."""
    urls = edition.urls
    names = edition.generated
    found = search_index.Urls(lambda page: urls.url(edition.text_src(page.slug)), urls.url(names["glossary"]),
                              urls.url(names["timeline"]), glossary_title, timeline_title)
    editions = [("", variants.Converter(variants.SOURCE))] + [(v.path, edition.converters[v.code])
                                                              for v in edition.variants]
    p = edition.project
    return search_index.indexes(p.edition.document.pages, p.notes_on, p.glossary, p.timeline, others, found,
                                editions)


def _write_search(site: Path, indexes: list[tuple[str, str]]) -> None:
    for path, data in indexes:
        target = site / path / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(data, encoding="utf-8")
        # For a copy opened from the file system (file://), where a page cannot fetch the index:
        # the same data as a script that the page loads.
        target.with_suffix(".js").write_text(f"var EDITION_SEARCH_INDEX = {data}", encoding="utf-8")

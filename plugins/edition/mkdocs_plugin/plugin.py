"""MkDocs hooks of the edition. Each hook dispatches to the core; none decides anything itself."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..core import project, settings_file
from ..core.annotations import glossary, timeline
from ..core.editions import variant_site, variants
from ..core.errors import EditionError
from ..core.exports import webannotation
from ..core.render import apparatus, fragments, glossary_page, page_html, timeline_page
from ..core.search import index as search_index
from ..core.text import ingest
from . import material_search, theme_strings
from .config import EditionConfig

CSS = "assets/edition/edition.css"
JS = "assets/edition/edition.js"
log = get_plugin_logger(__name__)


class EditionPlugin(BasePlugin[EditionConfig]):
    """The edition's site: decorated text pages (permalinks, emendation marks, notes, term links,
    timeline marks), the generated apparatus, glossary and timeline pages, the exports, and the
    further script editions made from the built pages."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        docs = Path(config.docs_dir).relative_to(root).as_posix()
        self.paths = ingest.Paths(root, self.config.source, self.config.structure, self.config.emendations,
                                  f"{docs}/{self.config.pages}", self.config.annotations, self.config.layout_fixes)
        try:
            self.layout = settings_file.configured_layout(
                Path(config.config_file_path) if config.config_file_path else None, self.config.layout)
        except EditionError as err:
            raise PluginError(str(err)) from None
        self.project = self._load(root)
        self.edition = self.project.edition
        stale = ingest.stale_problems(self.paths, self.edition)
        if stale:
            raise PluginError(str(EditionError(stale)))
        self._editions(config, root)
        for warning in self.project.warnings:
            log.warning(str(warning))
        problem = material_search.version_problem() if self.config.search else None
        if problem:
            log.warning(problem)
        config.extra_css.append(CSS)
        config.extra_javascript.append(JS)
        # Our templates first (404.html), then the theme's.
        config.theme.dirs.insert(0, str(resources.files("edition").joinpath("templates")))
        return config

    def _load(self, root: Path) -> project.Project:
        """Load and check the project, with the glossary's pinyin and word boundaries kept between
        builds (pypinyin's data and jieba's dictionary load slower than the site builds)."""
        folder = root / self.config.cache
        kept = {name: folder / f"{name}-{metadata.version(package)}.json"
                for name, package in (("pinyin", "pypinyin"), ("segmentation", "jieba"))}
        caches = {name: self._read_cache(path) for name, path in kept.items()}
        before = {name: json.dumps(data, sort_keys=True) for name, data in caches.items()}
        try:
            loaded = project.load(self.paths, self.layout, caches["pinyin"], caches["segmentation"])
        except EditionError as err:
            raise PluginError(str(err)) from None
        for name, path in kept.items():
            if json.dumps(caches[name], sort_keys=True) != before[name]:
                folder.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps(caches[name], ensure_ascii=False, indent=0, sort_keys=True),
                                encoding="utf-8")
        return loaded

    @staticmethod
    def _read_cache(path: Path) -> dict[str, Any]:
        """A kept cache, or an empty one (a damaged file is only a slower build)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _editions(self, config: MkDocsConfig, root: Path) -> None:
        """The further editions: their converters (overrides checked now) and the switcher."""
        self.variants = variants.from_config(dict(e) for e in self.config.editions)
        try:
            overrides = variants.load_overrides(root, self.config.conversion)
        except EditionError as err:
            raise PluginError(str(err)) from None
        self.converters = {v.code: variants.Converter(v, overrides) for v in self.variants}
        problems = variants.check(self.converters, overrides, self.edition.document)
        if problems:
            raise PluginError(str(EditionError(problems)))
        language = config.theme.get("language", "zh")
        self.ui = {v.code: theme_strings.translation(language, v.theme_language) for v in self.variants}
        if self.variants:
            # Material renders the switcher and the head alternates from extra.alternate; the
            # links are made page by page after the build (variant_site.alternates).
            config.extra["alternate"] = [{"name": self.config.source_name, "link": "./", "lang": variants.SOURCE.code},
                                         *({"name": v.name, "link": f"./{v.path}", "lang": v.code}
                                           for v in self.variants)]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Forking to convert pages is safe in a one-off build, not under `mkdocs serve` (threads).
        self.workers = (os.cpu_count() or 1) if command == "build" else 1

    @event_priority(-100)  # after Material's search plugin has written its (empty) index
    def on_post_build(self, config: MkDocsConfig) -> None:
        root = Path(config.site_dir)
        if self.variants:
            source = dataclasses.replace(variants.SOURCE, name=self.config.source_name)
            replacements = {v.code: variant_site.variant_fields(list(self.project.annotations.annotations),
                                                                self.converters[v.code]) for v in self.variants}
            site = variant_site.Site(root, source, tuple(self.variants), config.site_url or "", replacements)
            variant_site.build(site, self.converters, self.ui, getattr(self, "workers", 1))
            for v in self.variants:
                report = variants.report(self.converters[v.code], self.edition.document)
                (root / v.path / "conversion-report.txt").write_text(report + "\n", encoding="utf-8")
        if self.config.search:
            self._search_indexes(config, root)

    def _search_indexes(self, config: MkDocsConfig, root: Path) -> None:
        """Each edition's search index (see material_search)."""
        urls = search_index.Urls(lambda p: self._file(p.slug).url, self.glossary_file.url, self.timeline_file.url,
                                 self._titles.get(self.glossary_file.src_uri, ""),
                                 self._titles.get(self.timeline_file.src_uri, ""))
        editions = [("", variants.Converter(variants.SOURCE))] + [(v.path, self.converters[v.code])
                                                                  for v in self.variants]
        offline = material_search.offline(config)
        for path, data in search_index.indexes(self.edition.document.pages, self.project.notes_on,
                                               self.project.glossary, self.project.timeline, self._others, urls,
                                               editions):
            target = root / path / "search" / "search_index.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(data, encoding="utf-8")
            if offline:  # what Material's offline plugin loads from file:// (it wrote Material's index)
                target.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return self._point_worker(output, page.file.src_uri) if self.config.search else output

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        if self.config.search and "__config" in output_content:
            return self._point_worker(output_content, template_name)
        return output_content

    def _point_worker(self, output: str, name: str) -> str:
        try:
            return material_search.point_worker(output)
        except ValueError as err:
            raise PluginError(f"{name}: {err} (Material {material_search.MATERIAL} expected)") from None

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        # Annotations live outside docs/: watch them so `mkdocs serve` rebuilds when they change.
        server.watch(str(self.paths / self.paths.annotations))
        return server

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.files = files
        assets = resources.files("edition").joinpath("assets")
        files.append(File.generated(config, CSS, content=assets.joinpath("edition.css").read_text(encoding="utf-8")))
        files.append(File.generated(config, JS, content=assets.joinpath("edition.js").read_text(encoding="utf-8")))
        if self.config.search:
            files.append(File.generated(config, material_search.WORKER,
                                        content=assets.joinpath("search-worker.js").read_text(encoding="utf-8")))
        base = urljoin(config.site_url or "", self.config.export)
        export = webannotation.collection(self.project, base, lambda slug: self._absolute(config, slug),
                                          config.site_name)
        files.append(File.generated(config, self.config.export,
                                    content=json.dumps(export, ensure_ascii=False, indent=1, sort_keys=True)))
        self.apparatus_file = File.generated(config, self.config.apparatus, content="")
        files.append(self.apparatus_file)
        self.glossary_file = File.generated(config, self.config.glossary, content="")
        files.append(self.glossary_file)
        terms = glossary.export(self.project.glossary, lambda ident: self._absolute_file(config, self.glossary_file) +
                                f"#{ident}", lambda p, b: self._absolute(config, p.slug) + f"#{b.id}")
        files.append(File.generated(config, self.config.glossary_export,
                                    content=json.dumps(terms, ensure_ascii=False, indent=1, sort_keys=True)))
        self.timeline_file = File.generated(config, self.config.timeline, content="")
        files.append(self.timeline_file)
        events = timeline.timelinejs(self.project.timeline, f"{config.site_name} · 年表", config.site_description or "",
                                     lambda ident: self._absolute_file(config, self.timeline_file) + f"#{ident}",
                                     lambda ident: self.project.glossary.by_id[ident].term.term)
        files.append(File.generated(config, self.config.timeline_export,
                                    content=json.dumps(events, ensure_ascii=False, indent=1, sort_keys=True)))
        self.fragments: dict[str, list[str]] = {}
        self._others: list[search_index.OtherPage] = []
        self._titles: dict[str, str] = {}
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.search:
            material_search.exclude(page.meta)
        generated = self._generated(page, config)
        if generated is None:
            if self._slug(page):
                self._edit(page, config, self.config.emendations)
            return markdown
        # Our own HTML blocks skip Markdown rendering; on_page_content puts them back.
        markdown, self.fragments[page.file.src_uri] = fragments.lift(generated)
        return markdown

    def _generated(self, page: Page, config: MkDocsConfig) -> str | None:
        """The Markdown of a generated page (apparatus, glossary, timeline), or None."""
        if page.file is self.apparatus_file:
            return apparatus.page_markdown(self.edition, lambda p: self._url(page, p.slug))
        if page.file is self.glossary_file:
            self._edit(page, config, f"{self.config.annotations}/glossary.yml")
            return glossary_page.page_markdown(self.project.glossary, lambda p, b: f"{self._url(page, p.slug)}#{b.id}")
        if page.file is self.timeline_file:
            self._edit(page, config, f"{self.config.annotations}/timeline.yml")
            return timeline_page.page_markdown(self.project.timeline, self.project.glossary,
                                               lambda p, b: f"{self._url(page, p.slug)}#{b.id}",
                                               get_relative_url(self.glossary_file.url, page.url))
        return None

    def _edit(self, page: Page, config: MkDocsConfig, path: str) -> None:
        """Point a generated page's edit button at the file it is generated from."""
        root = _repository(config, self.config.edit_root)
        if root:
            page.edit_url = urljoin(root, path)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._titles[page.file.src_uri] = page.title or ""
        if page.file.src_uri in self.fragments:
            html = fragments.restore(html, self.fragments.pop(page.file.src_uri))
        slug = self._slug(page)
        if slug is None:
            if page.file not in (self.glossary_file, self.timeline_file):  # those are indexed from the model
                self._others.append(search_index.OtherPage(page.url, page.title or "", html))
            return html
        text_page = self.edition.document.by_slug[slug]
        hrefs = page_html.Hrefs(*(get_relative_url(f.url, page.url)
                                  for f in (self.apparatus_file, self.glossary_file, self.timeline_file)),
                                _repository(config, self.config.suggest_root))
        try:
            return page_html.decorate(html, text_page, self.project.placements_on(text_page),
                                      self.project.notes_on(text_page), hrefs, self.project.glossary,
                                      self.project.timeline.on(text_page), self.edition.document)
        except ValueError as err:  # the page's HTML lacks a block the text has: a theme or Markdown change
            raise PluginError(f"{page.file.src_uri}: cannot decorate the page: {err}") from None

    def _slug(self, page: Page) -> str | None:
        path = PurePosixPath(page.file.src_uri)
        if path.parent.as_posix() == self.config.pages and path.stem in self.edition.document.by_slug:
            return path.stem
        return None

    def _file(self, slug: str) -> File:
        found = self.files.get_file_from_path(f"{self.config.pages}/{slug}.md")
        assert found is not None, slug  # ingest writes every page's file and checks it is there
        return found

    def _absolute(self, config: MkDocsConfig, slug: str) -> str:
        return self._absolute_file(config, self._file(slug))

    def _absolute_file(self, config: MkDocsConfig, file: File) -> str:
        return urljoin(config.site_url or "", file.url)

    def _url(self, page: Page, slug: str) -> str:
        target = self.files.get_file_from_path(f"{self.config.pages}/{slug}.md")
        return get_relative_url(target.url, page.url) if target else ""


def _repository(config: MkDocsConfig, relative: str) -> str:
    """A URL in the repository (e.g. its edit or new-file root), or "" without repo_url or `relative`."""
    if not (config.repo_url and relative):
        return ""
    return urljoin(config.repo_url.rstrip("/") + "/", relative)

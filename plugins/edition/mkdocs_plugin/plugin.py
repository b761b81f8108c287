"""MkDocs hooks of the edition (MkDocs 1.6 and ProperDocs). Each hook calls a stage (stages.py),
the same functions the command line runs around any other site generator; none decides anything."""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from .. import stages
from ..core import project
from ..core.config_file import SiteConfig
from ..core.errors import EditionError
from . import material_nav
from .config import EditionConfig

log = get_plugin_logger(__name__)
#: Problems are logged as they are written everywhere (`file:line: message`), with no prefix, so
#: that an editor or terminal can follow the file and line.
problems_log = logging.getLogger("mkdocs.plugins.edition.problems")


class EditionPlugin(BasePlugin[EditionConfig]):
    """The edition's site: the generated pages, the finished text pages, the exports, the further
    script editions and the search indexes."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs makes docs_dir and site_dir absolute, not the configuration's own path (`-f mkdocs.yml`)
        root = Path(os.path.abspath(config.config_file_path)).parent
        docs = Path(config.docs_dir).relative_to(root).as_posix()
        theme = config.theme
        site = SiteConfig(root, Path(config.config_file_path).name, docs, str(config.site_dir),
                          config.site_name or "", config.site_url or "", config.site_description or "",
                          config.repo_url or "", bool(config.use_directory_urls), theme.name or "",
                          theme.get("language", "zh"))
        try:  # the settings with their lines, read as every command reads them (core/config_file.py)
            settings = project.inputs(Path(config.config_file_path)).settings
            # Loaded, checked and prepared; what finish needs of no built page is worked out
            # meanwhile, in a one-off build while MkDocs builds the pages.
            begun = stages.begin(site, settings, project.paths(root, settings, docs), getattr(self, "workers", 1))
        except EditionError as err:
            raise _failed(err) from None
        self.begun = begun
        self.edition, self.prepared = begun.edition, begun.prepared
        for warning in self.edition.project.warnings:
            log.warning(str(warning))
        links = stages.alternate_links(self.edition)
        if links:  # the theme renders its language switcher from these; finish makes each page's links
            config.extra["alternate"] = links
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Forking to convert pages is safe in a one-off build, not under `mkdocs serve` (threads).
        self.workers = (os.cpu_count() or 1) if command == "build" else 1

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for src, markdown in self.prepared.pages.items():
            generated = File.generated(config, src, content=markdown)
            generated.edit_uri = src  # an edit button, which finish points at the page's own file
            files.append(generated)
        for src, content in self.prepared.files.items():
            files.append(File.generated(config, src, content=content))
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # Material's navigation in every page: each link rendered once, not once per page.
        return material_nav.install(env)

    @event_priority(-100)  # after every other plugin has written its files
    def on_post_build(self, config: MkDocsConfig) -> None:
        try:
            stages.finish(self.edition, Path(config.site_dir), self.prepared, getattr(self, "workers", 1),
                          self.begun)
        except EditionError as err:
            raise _failed(err) from None

    def on_shutdown(self) -> None:
        # MkDocs exits next (`mkdocs build`, `serve`, `gh-deploy`). What the build left in memory
        # needs no last collection: at book length the collector's pass over it at exit took a
        # twentieth of the build's time.
        gc.freeze()

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        # Annotations live outside docs/: watch them so `mkdocs serve` rebuilds when they change.
        server.watch(str(self.edition.paths / self.edition.paths.annotations))
        return server


def _failed(err: EditionError) -> PluginError:
    """The problems logged one by one, and the error that stops the build. MkDocs logs a build
    error's message once per process (its DuplicateFilter): under `mkdocs serve`, a contributor who
    makes the same mistake twice would see nothing the second time. Our own log lines are not
    filtered, so every failed rebuild prints every problem in full; and the summary, which MkDocs
    itself prints, is taken out of the filter's memory so that it prints again the next time."""
    for problem in err.problems:
        problems_log.error(str(problem))
    for warning in err.warnings:  # found in the same run: the contributor sees everything at once
        problems_log.warning(str(warning))
    count = len(err.problems)
    summary = f"the edition's inputs have {count} problem{'s' if count != 1 else ''} (listed above)"
    _forget(summary)
    return PluginError(summary)


def _forget(message: str) -> None:
    """Let MkDocs's build log print `message` again, though it printed it before in this process."""
    for seen in logging.getLogger("mkdocs.commands.build").filters:
        memory = getattr(seen, "msgs", None)
        if isinstance(memory, set):
            memory.discard(message)

"""Everything a build or a check needs, loaded and checked once: the edition, its annotations,
their anchors and the emendation placements. Errors raise; warnings are returned."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import config_file
from .annotations import anchoring, glossary, timeline
from .annotations.anchoring import Anchor
from .annotations.glossary import Glossary
from .annotations.model import Loaded
from .annotations.model import load as load_annotations
from .annotations.timeline import Timeline
from .errors import EditionError, Problem
from .render import apparatus
from .render.apparatus import Placement
from .render.notes import PageNote, page_notes
from .settings import Settings
from .text import ingest
from .text.document import Page
from .text.segmentation import BoundaryCache


@dataclass(frozen=True)
class Project:
    edition: ingest.Edition
    annotations: Loaded
    anchors: tuple[Anchor, ...]
    placements: tuple[Placement, ...]
    glossary: Glossary
    timeline: Timeline
    glossary_warnings: tuple[Problem, ...] = ()

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(sorted((*self.annotations.warnings, *self.glossary_warnings), key=lambda p: (p.file, p.line)))

    def notes_on(self, page: Page) -> list[PageNote]:
        return page_notes(page, list(self.anchors))

    def placements_on(self, page: Page) -> list[Placement]:
        return [p for p in self.placements if p.page.slug == page.slug]


@dataclass(frozen=True)
class Inputs:
    """Where an edition's inputs are and what its settings say, as its configuration file declares."""

    site: config_file.SiteConfig
    settings: Settings
    paths: ingest.Paths


def paths(root: Path, settings: Settings, docs_dir: str = "docs") -> ingest.Paths:
    """The input and page paths the settings declare, under `root` (the configuration's folder)."""
    return ingest.Paths(root, settings.source, settings.structure, settings.emendations,
                        f"{docs_dir.rstrip('/')}/{settings.pages}", settings.annotations, settings.layout_fixes)


def inputs(config: Path) -> Inputs:
    """Read a configuration file (mkdocs.yml). Raises EditionError with file:line problems."""
    site, settings = config_file.load(config)
    return Inputs(site, settings, paths(config.parent, settings, site.docs_dir))


def load(paths: ingest.Paths, pinyin_cache: glossary.PinyinCache | None = None,
         boundary_cache: BoundaryCache | None = None, settings: Settings | None = None) -> Project:
    """Load and check everything; raises EditionError listing every problem. The caches (see
    glossary.PinyinCache, segmentation.BoundaryCache) may be kept by the caller between loads.
    `settings` give the category vocabularies and the timeline's years (generic ones if absent)."""
    settings = settings or Settings()
    categories = settings.categories
    edition = ingest.load(paths, settings.layout)
    reserved = {e.id: f"{e.file}:{e.file_line}" for e in edition.emendations}
    loaded = load_annotations(paths.root, paths.annotations, set(edition.document.by_slug), reserved, categories)
    anchors, problems = anchoring.anchor_all(loaded.annotations, edition.document)
    checked = glossary.build([a for a in loaded.annotations if a.kind == "term"], edition.document,
                             pinyin_cache=pinyin_cache, boundary_cache=boundary_cache, categories=categories.terms)
    problems += checked.errors
    events, timeline_problems = timeline.build([a for a in loaded.annotations if a.kind == "event"], anchors,
                                               settings.timeline_years, categories.events)
    problems += timeline_problems
    if problems:
        raise EditionError(sorted(problems, key=lambda p: (p.file, p.line)))
    return Project(edition, loaded, tuple(anchors), tuple(apparatus.placements(edition)), checked.glossary,
                   events, checked.warnings)


def load_at(config: Path, pinyin_cache: glossary.PinyinCache | None = None,
            boundary_cache: BoundaryCache | None = None) -> Project:
    """Load the edition that a configuration file (mkdocs.yml) declares."""
    found = inputs(config)
    return load(found.paths, pinyin_cache, boundary_cache, found.settings)

"""Everything a build or a check needs, loaded and checked once: the edition, its annotations,
their anchors and the emendation placements.

One run reports everything knowable: every file is read, and every check that can run does. What
depends on a broken part is skipped, for that part only — an annotation with a bad field is not
anchored (the others are); when the text itself cannot be built (a problem in the source, the
structure or the emendations), the checks against the text (quotes, term occurrences, conversion
overrides) wait, and the run says so. Warnings are found in the same run as errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import config_file, forked
from .annotations import anchoring, glossary, model, quotations, timeline
from .annotations.anchoring import Anchor
from .annotations.glossary import Glossary
from .annotations.model import Loaded
from .annotations.timeline import Timeline
from .editions import boundaries, variants
from .errors import EditionError, Problem, ordered
from .render import apparatus
from .render.apparatus import Placement
from .render.notes import PageNote, page_notes
from .settings import Settings
from .text import ingest
from .text.document import Page
from .text.segmentation import BoundaryCache

#: Said when the text cannot be built, so the checks against it did not run.
TEXT_NOT_CHECKED = ("quotes, glossary terms in the text and conversion overrides were not checked: the text "
                    "itself has errors (above); fix them and check again")


@dataclass(frozen=True)
class Project:
    edition: ingest.Edition
    annotations: Loaded
    anchors: tuple[Anchor, ...]
    placements: tuple[Placement, ...]
    glossary: Glossary
    timeline: Timeline
    glossary_warnings: tuple[Problem, ...] = ()
    _by_page: dict[str, tuple[list[Anchor], list[Placement]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_page: dict[str, tuple[list[Anchor], list[Placement]]] = {}
        for a in self.anchors:
            by_page.setdefault(a.page.slug, ([], []))[0].append(a)
        for p in self.placements:
            by_page.setdefault(p.page.slug, ([], []))[1].append(p)
        object.__setattr__(self, "_by_page", by_page)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return ordered((*self.annotations.warnings, *self.glossary_warnings))

    def notes_on(self, page: Page) -> list[PageNote]:
        return page_notes(page, list(self._by_page.get(page.slug, ([], []))[0]))

    def placements_on(self, page: Page) -> list[Placement]:
        return list(self._by_page.get(page.slug, ([], []))[1])


@dataclass(frozen=True)
class Checked:
    """One run of every check: the errors and the warnings, the project when there are no errors,
    and what could not be checked (and why)."""

    project: Project | None
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    not_checked: tuple[str, ...] = ()


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
         boundary_cache: BoundaryCache | None = None, settings: Settings | None = None, fork: bool = False) -> Project:
    """Load and check everything; raises EditionError listing every error (and, with them, the
    warnings). The caches (see glossary.PinyinCache, segmentation.BoundaryCache) may be kept by
    the caller between loads. `settings` give the layout, the category vocabularies and the
    timeline's years (generic ones if absent)."""
    checked = check(paths, settings, pinyin_cache=pinyin_cache, boundary_cache=boundary_cache, fork=fork)
    if checked.project is None:
        raise EditionError(list(checked.errors), checked.warnings)
    return checked.project


def load_at(config: Path, pinyin_cache: glossary.PinyinCache | None = None,
            boundary_cache: BoundaryCache | None = None) -> Project:
    """Load the edition that a configuration file (mkdocs.yml) declares."""
    found = inputs(config)
    return load(found.paths, pinyin_cache, boundary_cache, found.settings)


#: Forked processes reading the annotation files in a build that may fork (forked.each: with
#: this process, once it has reflowed the text).
_READERS = 2


def check(paths: ingest.Paths, settings: Settings | None = None, conversion: bool = False,
          pinyin_cache: glossary.PinyinCache | None = None, boundary_cache: BoundaryCache | None = None,
          fork: bool = False) -> Checked:
    """Every check, each as far as it can run; never raises for what the files contain. With
    `conversion`, the further editions' overrides (the settings' conversion file) are checked too;
    with `fork` (a one-off build, see forked.py), two cores read the inputs."""
    settings = settings or Settings()
    categories = settings.categories
    given = ingest.given(paths)
    reserved = {e.id: f"{e.file}:{e.file_line}" for e in given.emendations}
    pages = {spec.slug for spec in given.pages} if given.pages is not None else None
    # The annotation files (the longer part) are read one by one by forked processes while this
    # one reflows the text, then by this one too, when the caller's build may fork: each file's
    # result is plain data, and checking them against each other takes little.
    every = model.files(paths.root, paths.annotations)
    reflowing: list[ingest.Reading] = []
    reads = forked.each(len(every), lambda n: model.read_file(paths.root, paths.annotations, *every[n], pages,
                                                              categories),
                        _READERS if fork else 1, lambda: reflowing.append(ingest.reflowed(given, paths,
                                                                                          settings.layout)))
    reading = reflowing[0]
    loaded = model.combined(reads, reserved)
    errors = list(reading.problems)
    errors += loaded.errors
    warnings = list(loaded.warnings)
    overrides: list[variants.Override] = []
    editions = variants.from_specs(settings.editions) if conversion else []
    if conversion:
        overrides, found = variants.read_overrides(paths.root, settings.conversion,
                                                   ingest.schema_path(paths, settings.conversion, "conversion"))
        errors += found
    terms = [a for a in loaded.annotations if a.kind == "term"]
    events = [a for a in loaded.annotations if a.kind == "event"]
    edition = reading.edition
    if edition is None:
        errors += glossary.spelling_problems(terms)
        errors += timeline.build(events, [], settings.timeline_years, categories.events)[1]
        return Checked(None, ordered(errors), ordered(warnings), (TEXT_NOT_CHECKED,))
    anchors, found = anchoring.anchor_all(loaded.annotations, edition.document)
    errors += found
    errors += quotations.problems(loaded.annotations, edition.document)
    checked = glossary.build(terms, edition.document, pinyin_cache=pinyin_cache, boundary_cache=boundary_cache,
                             categories=categories.terms)
    errors += checked.errors
    warnings += checked.warnings
    events_checked, found = timeline.build(events, anchors, settings.timeline_years, categories.events)
    errors += found
    if editions:
        forms, found = variants.read_forms(paths.root, settings.forms,
                                           ingest.schema_path(paths, settings.forms, "forms"))
        errors += found
        usage, found = variants.read_usage(paths.root, settings.forms)
        errors += found
        converters = {v.code: variants.Converter(v, overrides, forms, (), usage, variants.kept(loaded.annotations))
                      for v in editions}
        errors += variants.check(converters, overrides, edition.document, variants.printed(loaded.annotations),
                                 variants.printed_by_annotation(loaded.annotations), usage,
                                 None if loaded.errors else loaded.annotations,  # a broken file's words: unknown
                                 variants.own_prose(edition.emendations, settings))
        errors += boundaries.problems(paths.root, settings, edition, loaded.annotations, converters,
                                      boundary_cache)
    if errors:
        return Checked(None, ordered(errors), ordered(warnings))
    project = Project(edition, loaded, tuple(anchors), tuple(apparatus.placements(edition)), checked.glossary,
                      events_checked, checked.warnings)
    return Checked(project, (), project.warnings)

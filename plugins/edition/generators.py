"""Site generators the edition is built with, each run as its own command line.

- MkDocs and ProperDocs (ProperDocs is the community continuation of MkDocs 1.6 and loads MkDocs
  plugins): they run the edition's plugin (mkdocs_plugin/), whose hooks call the stages.
- Zensical (Material's successor) reads mkdocs.yml but runs no third-party plugin: the stages run
  around it. The edition is prepared into a staging folder (the docs, the generated pages, a
  configuration file made from mkdocs.yml with standard settings only), Zensical builds it, and
  the built site is finished.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import stages
from .core import project
from .core.errors import EditionError, Problem

NAMES = ("mkdocs", "properdocs", "zensical")
#: Where a build around a generator without plugins is staged, under the edition's cache folder.
STAGE = "stage"


@dataclass(frozen=True)
class Result:
    """How a build went: the generator's exit status and its output."""

    returncode: int
    log: str


def _environment() -> dict[str, str]:
    # Material's end-of-life banner (README, "Platform") is noise in every build's log.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _run(command: list[str], cwd: Path, quiet: bool) -> Result:
    result = subprocess.run(command, cwd=cwd, env=_environment(), capture_output=quiet, text=True)
    return Result(result.returncode, (result.stdout or "") + (result.stderr or "") if quiet else "")


def build(name: str, config: Path, site: Path | None = None, strict: bool = True, quiet: bool = False) -> Result:
    """Build the edition with one generator. Raises EditionError when the edition's inputs have
    problems (a generator that runs the plugin reports them in its own log, and fails)."""
    if name not in NAMES:
        raise ValueError(f"unknown generator {name!r}: one of {', '.join(NAMES)}")
    config = config.resolve()
    if name in ("mkdocs", "properdocs"):
        command = [sys.executable, "-m", name, "build", "-f", str(config)]
        if strict:
            command.append("--strict")
        if site is not None:
            command += ["-d", str(site.resolve())]
        return _run(command, config.parent, quiet)
    return _zensical(config, site, strict, quiet)


def _zensical(config: Path, site: Path | None, strict: bool, quiet: bool) -> Result:
    found = project.inputs(config)
    # What finish needs of no built page is worked out while Zensical builds the pages.
    begun = stages.begin(found.site, found.settings, found.paths, os.cpu_count() or 1)
    edition, prepared = begun.edition, begun.prepared
    try:
        stage = config.parent / found.settings.cache / STAGE
        if stage.exists():
            shutil.rmtree(stage)
        docs = stage / "docs"
        shutil.copytree(config.parent / found.site.docs_dir, docs)
        stages.write_prepared(prepared, docs)
        (stage / "mkdocs.yml").write_text(staged_config(config, edition), encoding="utf-8")
        command = [sys.executable, "-m", "zensical", "build", "-f", str(stage / "mkdocs.yml")]
        if strict:
            command.append("--strict")
        result = _run(command, stage, quiet)
        if result.returncode:
            return result
        target = (site or config.parent / found.site.site_dir).resolve()
        if target.exists():
            shutil.rmtree(target)
        shutil.move(str(stage / "site"), str(target))
        stages.finish(edition, target, prepared, os.cpu_count() or 1, begun)
        return result
    finally:
        begun.ahead.close()  # ended already, unless the build stopped first
        begun.release()  # `edition serve` builds again in this process


class _Tagged:
    """A value with a tag for another tool (`!!python/name:…`), written back as it was."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as the generator reads it: !ENV resolved, other tags kept."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(
        node)  # type: ignore[arg-type]
    default = names.pop() if isinstance(node, yaml.SequenceNode) and len(names) > 1 else None
    for name in names:
        if str(name) in os.environ:
            return yaml.safe_load(os.environ[str(name)])
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("", lambda loader, tag, node: _Tagged(tag, node))


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Tagged, lambda dumper, value: value.node)


def staged_config(config: Path, edition: stages.Edition) -> str:
    """The configuration a generator without plugins builds the staged docs with: the edition's
    own, with the docs and site folders of the stage, no plugins of MkDocs' (the edition is
    prepared and finished around the build), the theme's search off when the edition has its own,
    and the editions for the theme's language switcher."""
    data = yaml.load(config.read_text(encoding="utf-8-sig"), Loader=_Loader) or {}
    data["docs_dir"] = "docs"
    data["site_dir"] = "site"
    data.pop("plugins", None)
    # Zensical turns its own search on unless told (its configuration: plugins.search.enabled).
    data["plugins"] = {"search": {"enabled": False}} if edition.settings.search else {}
    links = stages.alternate_links(edition)
    if links:
        data.setdefault("extra", {})["alternate"] = links
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def check_inputs(config: Path) -> list[Problem]:
    """The edition's problems, before a generator is started (none: an empty list)."""
    try:
        found = project.inputs(config)
        stages.load(found.site, found.settings, found.paths)
    except EditionError as err:
        return list(err.problems)
    return []

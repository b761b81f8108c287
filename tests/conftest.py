"""Shared fixtures: the project root, the --update-golden flag, one strict build of the real site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from edition.core import project
from edition.core.text import ingest

ROOT = Path(__file__).resolve().parent.parent
#: This edition's settings and paths, as its mkdocs.yml declares them.
INPUTS = project.inputs(ROOT / "mkdocs.yml")
SETTINGS = INPUTS.settings
PATHS = INPUTS.paths
NOTE_CATEGORIES = SETTINGS.categories.keys("note")
#: This edition's layout, as its mkdocs.yml declares it: what the edition's tests read the text with.
LAYOUT = SETTINGS.layout


def paths_of(root: Path) -> ingest.Paths:
    """The paths of the project at `root` (a copy of this one), as its mkdocs.yml declares them."""
    return project.inputs(root / "mkdocs.yml").paths


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the expected outputs of golden fixture files (review the diff!)")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def copy_project(copy: Path, build: bool = False, ignore: tuple[str, ...] = ()) -> Path:
    """A copy of the project at `copy`: what loading needs (mkdocs.yml, source, annotations, the
    text pages), or with `build` what a site build needs (all of docs/). `ignore`: file patterns."""
    for part in ("source", "annotations", "docs" if build else "docs/text"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns(*ignore))
    shutil.copy(ROOT / "mkdocs.yml", copy)
    return copy


@dataclass(frozen=True)
class Build:
    site: Path
    returncode: int
    log: str


def mkdocs_build(config: Path, site: Path) -> Build:
    """Run `mkdocs build --strict` as a reader would, and capture its log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=config.parent, timeout=1800,
    )
    return Build(site, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session."""
    build = mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("build") / "site")
    assert build.returncode == 0, build.log
    return build

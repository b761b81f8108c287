"""A copy of the project without annotations, and loading it with one annotation file added."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.core import project
from edition.core.errors import EditionError

from ..conftest import copy_project


def bare(where: Path) -> Path:
    """The source, structure, emendations and pages, without notes, glossary or timeline (nor the
    conversion overrides, which count in them too)."""
    return copy_project(where / "project", ignore=("notes", "glossary.yml", "timeline.yml", "conversion.yml"))


def load_with(base: Path, tmp_path: Path, text: str, name: str) -> project.Project:
    """Load a copy of `base` with `text` written to annotations/`name`."""
    copy = tmp_path / "project"
    shutil.copytree(base, copy)
    (copy / "annotations" / name).parent.mkdir(exist_ok=True)
    (copy / "annotations" / name).write_text(text, encoding="utf-8")
    return project.load_at(copy / "mkdocs.yml")


def message(base: Path, tmp_path: Path, text: str, name: str) -> str:
    """The error message of loading it (it must fail)."""
    with pytest.raises(EditionError) as caught:
        load_with(base, tmp_path, text, name)
    return str(caught.value)

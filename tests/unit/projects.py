"""A copy of the project without annotations, and loading it with one annotation file added."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from edition.core import project
from edition.core.editions import variants
from edition.core.errors import EditionError
from edition.core.text import ingest

from ..conftest import LAYOUT, ROOT, SETTINGS, copy_project, paths_of


def bare(where: Path) -> Path:
    """The source, structure, emendations and pages, without notes, glossary or timeline; the
    conversion overrides and reviews of the text only (overrides count in the annotations too), and
    no editors' usage (it applies to the annotations only)."""
    copy = copy_project(where / "project", ignore=("notes", "glossary.yml", "timeline.yml", "conversion.yml"))
    text = "\n".join(b.text for _, b in ingest.load(paths_of(copy), LAYOUT).document.blocks())
    overrides = [o for o in variants.load_overrides(ROOT, SETTINGS.conversion) if o.simplified in text]
    reviewed = [r for r in variants.read_reviewed(ROOT, SETTINGS.conversion)[0] if r.simplified in text]
    lines = ["overrides:"]
    for o in overrides:
        count = text.count(o.simplified)  # no block-scoped override names a paragraph it does not count in
        lines += [f"  - edition: {o.edition}", f"    simplified: {o.simplified}", f"    converted: {o.converted}",
                  f"    count: {count}", f"    reason: {json.dumps(o.reason, ensure_ascii=False)}",
                  *([f"    block: {o.block}"] if o.block else [])]
    lines.append("reviewed:")
    for r in reviewed:
        lines += [f"  - edition: {r.edition}", f"    simplified: {r.simplified}", f"    converted: {r.converted}",
                  f"    reason: {json.dumps(r.reason, ensure_ascii=False)}"]
    (copy / SETTINGS.conversion).write_text("\n".join(lines) + "\n", encoding="utf-8")
    forms = (copy / SETTINGS.forms).read_text(encoding="utf-8")  # the editors' usage is the annotations'
    (copy / SETTINGS.forms).write_text(forms[:forms.index("\nusage:")] + "\n", encoding="utf-8")
    return copy


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

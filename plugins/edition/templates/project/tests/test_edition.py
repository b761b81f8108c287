"""The edition's own tests: its inputs are clean, its text pages are up to date, nothing of the
source is lost, and it builds strictly with every feature."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from edition.core import project
from edition.core.text import fidelity, ingest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


def edition(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "edition.cli", "-f", str(CONFIG), *args],
                          capture_output=True, text=True)


def test_the_inputs_are_clean() -> None:
    result = edition("check", "--strict")
    assert result.returncode == 0, result.stderr


def test_the_text_pages_are_up_to_date() -> None:
    result = edition("ingest", "--check")
    assert result.returncode == 0, result.stderr


def test_nothing_of_the_source_is_lost() -> None:
    """The pages' text, whitespace aside and every emendation undone, is the source."""
    found = project.inputs(CONFIG)
    loaded = ingest.load(found.paths, found.settings.layout)
    assert fidelity.faithful(fidelity.pages_text(found.paths, loaded), loaded)


def test_it_builds_strictly(tmp_path: Path) -> None:
    result = edition("build", "-d", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout + result.stderr

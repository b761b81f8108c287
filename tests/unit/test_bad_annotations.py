"""A corpus of bad annotation files (tests/fixtures/bad-annotations): each gives a clear file:line
error from the checker, exit status 1, and never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT, copy_project

CORPUS = sorted((ROOT / "tests" / "fixtures" / "bad-annotations").glob("*.yml"))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("bad") / "project")


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_bad_file_gives_a_clear_error(project: Path, path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    expected = text.splitlines()[0].removeprefix("# expect: ")
    target = project / "annotations" / "notes" / "x-bad.yml"  # sorts after the real files
    shutil.copy(path, target)
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "annotations.py"), "--root", str(project), "check"],
            capture_output=True, text=True, timeout=1800)
    finally:
        target.unlink()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: "), result.stderr
    # Errors are listed in file and line order: the one expected may follow one in another file.
    assert any(line.startswith(f"error: {expected}") for line in result.stderr.splitlines()), result.stderr
    assert "\n  hint: " in result.stderr


def test_corpus_is_not_empty() -> None:
    assert len(CORPUS) >= 10

"""The generator as a product: its wheel builds, installs into a fresh virtualenv with its
dependencies, and the `edition` command it installs makes and builds a new edition there."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from ..conftest import ROOT

EXTRACTION = ROOT / "tests/generator/extractions/yecao-30em.txt"


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, cwd=cwd, env=env, timeout=900)


def test_the_wheel_installs_into_a_fresh_virtualenv_and_makes_an_edition(tmp_path: Path) -> None:
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", tmp_path / "dist",
                ROOT)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "dist").glob("jiaozhu-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("edition/cli.py", "edition/assets/edition.js", "edition/templates/project/mkdocs.yml",
                 "edition/templates/project/_github/workflows/ci.yml", "edition/core/text/reflow.py"):
        assert name in names, name
    assert not any(name.startswith(("tests/", "annotations/", "docs/")) for name in names)  # the generator only
    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", venv).returncode == 0
    installed = run(venv / "bin/python", "-m", "pip", "install", "--disable-pip-version-check", "-q", wheel)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    made = run(venv / "bin/edition", "new", tmp_path / "yecao", "--source", EXTRACTION)
    assert made.returncode == 0, made.stdout + made.stderr
    site = run(venv / "bin/edition", "-f", tmp_path / "yecao/mkdocs.yml", "build", cwd=tmp_path / "yecao")
    assert site.returncode == 0, site.stdout + site.stderr
    assert (tmp_path / "yecao/site/zh-Hant/text/text/index.html").is_file()

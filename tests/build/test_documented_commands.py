"""Every command that README.md, CONTRIBUTING.md and the pull request template show works exactly as
written, on a fresh copy of the repository, without an activated virtualenv and with only the
system's Python on PATH (the scripts find the project's .venv themselves, as on a fresh clone,
where they make it first)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ..conftest import ROOT

DOCUMENTS = ("README.md", "CONTRIBUTING.md", ".github/pull_request_template.md")
#: How a documented command begins (the commands a reader runs in the repository).
COMMAND = re.compile(r"^(?:[A-Z_]+=\S+ )*(?:scripts/|python3? (?:scripts|bench)/|\.venv/bin/python |pre-commit )")
#: Names of the scripts in running text, which are mentions, not commands (and text with "…").
MENTIONS = ("scripts/", "scripts/edition", "scripts/ingest.py", "scripts/annotations.py")
#: Commands the test does not run, and why (each is run elsewhere).
NOT_HERE = {
    "scripts/test": "the suite itself (CI runs it as .ci/run)",
    "EDITION_SCREENSHOTS=": "the browser tests (part of the suite CI runs), with the README's pictures written",
    "scripts/site serve": "a server: tests/browser/test_serve.py runs it",
    "EDITION_GENERATOR=": "installs another generator's extra into .venv: CI's build step runs these",
    "pre-commit ": "needs pre-commit, which the contributor installs: tests/unit/test_repository.py checks its "
                   "configuration",
    "python3 bench/": "a benchmark: CI runs bench/quality.py, which runs every one",
}
#: What the system's PATH has on a fresh machine (no virtualenv, no user tools).
PATH = "/usr/local/bin:/usr/bin:/bin"


def documented() -> list[tuple[str, str]]:
    """(document, command) for every command in a code block or code span of the documents."""
    out = []
    for name in DOCUMENTS:
        text = (ROOT / name).read_text(encoding="utf-8")
        lines = [line.split("  #")[0].split(" # ")[0].strip() for line in text.splitlines()]
        spans = re.findall(r"`([^`\n]+)`", text)
        for candidate in (*lines, *spans):
            candidate = candidate.strip().rstrip("。，；")
            if COMMAND.match(candidate) and candidate not in MENTIONS and "…" not in candidate \
                    and candidate not in (c for _, c in out):
                out.append((name, candidate))
    return out


def _skipped(command: str) -> str:
    return next((why for start, why in NOT_HERE.items() if command.startswith(start)), "")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's files as a clone has them, with the suite's virtualenv as its .venv."""
    copy = tmp_path_factory.mktemp("fresh") / "repo"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in files.stdout.split("\0"):
        if name and (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    (copy / ".venv").symlink_to(Path(os.environ.get("EDITION_VENV", ROOT / ".venv")).resolve())
    return copy


def test_the_documents_show_commands() -> None:
    commands = [c for _, c in documented()]
    assert "scripts/edition check --strict" in commands
    assert any(c.startswith("scripts/site") for c in commands)


@pytest.mark.parametrize(("document", "command"), documented(), ids=[c for _, c in documented()])
def test_a_documented_command_works_as_written(fresh: Path, document: str, command: str) -> None:
    why = _skipped(command)
    if why:
        pytest.skip(why)
    env = {"PATH": PATH, "HOME": os.environ.get("HOME", "/root"), "LANG": "C.UTF-8",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    result = subprocess.run(["bash", "-c", command], cwd=fresh, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{document}: {command}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr

"""The repository's contributor and CI files: workflows valid against GitHub's schema and
running our commands, the PR template, editor settings, pre-commit, the checker's CI format, and
`mkdocs serve` watching the annotations."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from edition.core.errors import Problem
from edition.mkdocs_plugin.plugin import EditionPlugin

from ..conftest import PATHS, ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def test_workflows_are_valid_github_workflows() -> None:
    assert [w.name for w in WORKFLOWS] == ["ci.yml", "deploy.yml"]
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _runs(workflow: Path) -> list[str]:
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    return [step.get("run", "") for job in data["jobs"].values() for step in job.get("steps", [])]


def test_ci_runs_the_checker_and_the_test_command_in_debian() -> None:
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    assert ci["jobs"]["test"]["container"].endswith("-bookworm")  # Debian's chromium, as scripts/test installs
    runs = _runs(ROOT / ".github/workflows/ci.yml")
    assert "scripts/edition check --strict --github" in runs
    builds = next(r for r in runs if "scripts/site" in r)
    for generator in ("mkdocs", "properdocs", "zensical"):
        assert f"EDITION_GENERATOR={generator} scripts/site" in builds
    assert ".ci/run" in runs
    assert "scripts/test" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_deploy_builds_strictly_and_publishes_the_site_to_pages() -> None:
    data = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    steps = data["jobs"]["build"]["steps"]
    assert {"run": "scripts/site", "name": "Build (strict)"} in steps
    assert {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}} in steps
    assert data["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    for command in ("scripts/site", "scripts/test", "scripts/edition", ".ci/run"):
        assert (ROOT / command).stat().st_mode & 0o111, command


def test_the_pull_request_template_has_the_checklist() -> None:
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", template, re.MULTILINE)
    assert len(boxes) == 5
    assert "scripts/edition check --strict" in template


def test_editors_know_every_annotation_files_schema() -> None:
    settings = json.loads(re.sub(r"^\s*//.*$", "", (ROOT / ".vscode/settings.json").read_text(encoding="utf-8"),
                                 flags=re.MULTILINE))
    schemas = settings["yaml.schemas"]
    for schema in schemas:
        assert (ROOT / schema).is_file(), schema
    covered = {p for pattern in schemas.values() for p in ROOT.glob(pattern)}
    files = set((ROOT / "annotations").rglob("*.yml"))
    assert files == covered
    for path in files:  # and each file names its schema itself, for any editor with the YAML server
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        assert (path.parent / first.split("=", 1)[1]).resolve().is_file(), path
    assert "redhat.vscode-yaml" in json.loads((ROOT / ".vscode/extensions.json").read_text())["recommendations"]


def test_pre_commit_runs_the_checker_and_ruff() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["annotations"]["entry"] == ".venv/bin/python scripts/annotations.py check --strict"
    assert hooks["ruff"]["entry"] == ".venv/bin/ruff check"
    for hook in hooks.values():
        assert hook["language"] == "system" and re.compile(hook.get("files", ""))


def test_problems_become_github_annotations() -> None:
    problem = Problem("annotations/notes/x.yml", 7, "note 'n-x': quote '50%, 60%' not found", "copy it: from p-1-2")
    assert problem.github() == ("::error file=annotations/notes/x.yml,line=7::note 'n-x': quote '50%25, 60%25' "
                                "not found%0Ahint: copy it: from p-1-2")
    assert problem.github("warning").startswith("::warning file=")


class _Server:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_watches_the_annotations(tmp_path: Path) -> None:
    plugin = EditionPlugin()
    plugin.load_config({})
    plugin.edition = SimpleNamespace(paths=PATHS)  # type: ignore[assignment]
    server = _Server()
    assert plugin.on_serve(server, config=None, builder=lambda: None) is server  # type: ignore[arg-type]
    assert server.watched == [str(ROOT / "annotations")]


@pytest.mark.parametrize("flag", ["--strict", "--strict --github"])
def test_the_checker_is_clean(flag: str) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts/annotations.py"), "check", *flag.split()],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert re.match(r"annotations: \d+ annotations and \d+ emendations are fine", result.stdout)

"""`edition serve --generator zensical` watches the project itself: a file changed while a build runs
(an editor saves, the build is already reading) builds again; the pages the build writes itself do
not. The generator is replaced by one that records its calls; the watch loop, the ingest and the
server are the real ones (tests/browser/test_serve.py serves a real Zensical build)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edition import generators, serve

from .projects import write

GEOMETRY = {"column": 10, "indent": 2, "slack": 1, "overflow": 1}
STRUCTURE = "annotations/structure.yml"
SOURCE = "第一篇\n甲乙丙丁戊己庚辛\n壬癸。\n"


Edit = Callable[[Path], None]


def appended(relative: str, text: str) -> Edit:
    """An editor's edit: `text` added to the end of a file of the project."""
    def edit(root: Path) -> None:
        (root / relative).write_text((root / relative).read_text(encoding="utf-8") + text, encoding="utf-8")
    return edit


def watched(monkeypatch: pytest.MonkeyPatch, root: Path, during: dict[int, Edit], between: dict[int, Edit],
            looks: int = 6) -> list[str]:
    """Serve the project for `looks` looks at its files. While the build numbered n (from 1) runs,
    during[n] edits the project; before the look numbered n (from 1), between[n] does. Returns the
    structure file as each build read it."""
    structure = root / "annotations" / "structure.yml"
    seen: list[str] = []
    looked = 0

    def build(name: str, config: Path, site: Path | None = None, strict: bool = True,
              quiet: bool = False) -> generators.Result:
        seen.append(structure.read_text(encoding="utf-8"))
        if len(seen) in during:
            during[len(seen)](root)
        return generators.Result(0, "")

    def sleep(seconds: float) -> None:
        nonlocal looked
        looked += 1
        if looked > looks:
            raise KeyboardInterrupt
        if looked in between:
            between[looked](root)

    monkeypatch.setattr(serve.generators, "build", build)
    monkeypatch.setattr(serve.time, "sleep", sleep)
    assert serve.serve("zensical", root / "mkdocs.yml", "127.0.0.1:0") == 0
    return seen


def test_a_file_changed_while_the_first_build_runs_builds_again(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = write(tmp_path, SOURCE, ["第一篇"], GEOMETRY)
    seen = watched(monkeypatch, root, {1: appended(STRUCTURE, "# saved during the first build\n")}, {})
    assert [s.endswith("# saved during the first build\n") for s in seen] == [False, True]


def test_a_file_changed_while_a_rebuild_runs_builds_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write(tmp_path, SOURCE, ["第一篇"], GEOMETRY)
    seen = watched(monkeypatch, root, {2: appended(STRUCTURE, "# two\n")}, {2: appended(STRUCTURE, "# one\n")})
    assert [s.count("#") for s in seen] == [0, 1, 2]


def test_the_pages_a_build_writes_itself_build_nothing_more(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The first build writes the text pages (none existed); a page the build removes (left over from
    a title no longer declared) is no change either."""
    root = write(tmp_path, SOURCE, ["第一篇"], GEOMETRY)
    (root / "docs" / "text").mkdir(parents=True)
    (root / "docs" / "text" / "left-over.md").write_text("旧页\n", encoding="utf-8")
    seen = watched(monkeypatch, root, {}, {})
    assert len(seen) == 1
    assert sorted(p.name for p in (root / "docs" / "text").iterdir()) == ["page-1.md"]


def test_a_configuration_that_cannot_be_read_is_reported_and_watched(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """mkdocs.yml saved half-edited: that build prints why, the server goes on, and the saved fix
    builds again."""
    root = write(tmp_path, SOURCE, ["第一篇"], GEOMETRY)
    good = (root / "mkdocs.yml").read_text(encoding="utf-8")

    def fixed(root: Path) -> None:
        (root / "mkdocs.yml").write_text(good, encoding="utf-8")

    seen = watched(monkeypatch, root, {}, {2: appended("mkdocs.yml", "nav: [\n"), 4: fixed})
    assert len(seen) == 2  # the first build and the fixed one; the half-edited file built nothing
    printed = capsys.readouterr().err.splitlines()
    assert printed[2].startswith("serve: http://127.0.0.1:") and printed[2].endswith("/ (Ctrl+C to stop)")
    assert printed[:2] + printed[3:] == [
        "serve: building with zensical", "serve: the site is up to date",
        "serve: building with zensical",
        "error: mkdocs.yml:10: YAML syntax error: expected the node content, but found '<stream end>'",
        "  hint: check the indentation and quoting on this line or the one above it",
        "serve: building with zensical", "serve: the site is up to date"]

"""`edition new`: a project made for a text by another author builds at once, and with
configuration only (its headings declared, one paragraph break declared, its pages listed) every
paragraph of the built site is the author's paragraph, as the page that was printed has it."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from edition import new

from .test_extractions import HERE, printed

SOURCE = HERE / "yecao-30em.txt"


def edition(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "edition.cli", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("new") / "yecao"
    result = edition("new", str(root), "--source", str(SOURCE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"new: 26 files in {root}; next: declare the headings")
    return root


def test_the_new_project_has_everything_an_edition_has(made: Path) -> None:
    for name in ("mkdocs.yml", "README.md", "CONTRIBUTING.md", ".gitignore", "requirements.txt",
                 ".github/workflows/ci.yml", ".github/workflows/deploy.yml", "tests/test_edition.py",
                 "docs/index.md", "docs/text/text.md", "source/yecao-30em.txt", "annotations/structure.yml",
                 "annotations/notes/text.yml", "annotations/glossary.yml", "annotations/timeline.yml",
                 "annotations/emendations.yml", "annotations/layout.yml", "annotations/conversion.yml",
                 "annotations/schema/notes.schema.json"):
        assert (made / name).is_file(), name
    assert (made / "source/yecao-30em.txt").read_bytes() == SOURCE.read_bytes()
    config = (made / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_name: 雪\n" in config  # the text's first line is a title
    assert "      layout:\n        kind: page\n        column: auto\n        indent: 2\n" in config
    texts = "".join(p.read_text(encoding="utf-8") for p in made.rglob("*") if p.is_file()
                    and ".cache" not in p.parts and p.suffix in (".yml", ".md", ".py", ".txt"))
    assert re.findall(r"(?<!\$)\{\{", texts) == []  # every placeholder filled in (GitHub's ${{ }} are theirs)


def test_it_builds_at_once_and_its_own_tests_pass(made: Path, tmp_path: Path) -> None:
    result = edition("-f", str(made / "mkdocs.yml"), "build", "-d", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site/zh-Hant/text/text/index.html").is_file()
    result = edition("-f", str(made / "mkdocs.yml"), "check", "--strict")
    assert result.returncode == 0, result.stderr
    # MkDocs itself, given the configuration by a path relative to the folder it runs in
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", "mkdocs.yml",
                             "-d", str(tmp_path / "mkdocs-site")], capture_output=True, text=True, cwd=made,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "mkdocs-site/zh-Hant/text/text/index.html").is_file()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(made / "tests")],
                            capture_output=True, text=True, cwd=made)
    assert result.returncode == 0, result.stdout + result.stderr


def test_configuration_only_makes_every_paragraph_right(made: Path, tmp_path: Path) -> None:
    project = tmp_path / "yecao"
    shutil.copytree(made, project)
    # What the editor writes: the three pieces' headings, the one break the lines cannot show, the nav.
    shutil.copy(HERE / "structure.yml", project / "annotations/structure.yml")
    shutil.copy(HERE / "layout-30em.yml", project / "annotations/layout.yml")
    (project / "annotations/notes/text.yml").unlink()
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    slugs = [p["slug"] for p in yaml.safe_load((HERE / "structure.yml").read_text(encoding="utf-8"))["pages"]]
    config["nav"][1] = {"正文": [f"text/{slug}.md" for slug in slugs]}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for args in (("ingest",), ("check", "--strict"), ("build", "-d", str(tmp_path / "site"))):
        result = edition("-f", str(project / "mkdocs.yml"), *args)
        assert result.returncode == 0, f"{args}: " + result.stdout + result.stderr
    for edition_path in ("", "zh-Hant/"):
        built = [paragraphs(tmp_path / "site" / edition_path / "text" / slug / "index.html") for slug in slugs]
        if not edition_path:
            assert built == printed("yecao-30em.html")
        assert [len(page) for page in built] == [len(page) for page in printed("yecao-30em.html")]


def paragraphs(page: Path) -> list[str]:
    """The text of every paragraph of a built page (its permalink and other marks left out)."""
    markup = page.read_text(encoding="utf-8")
    out = []
    for inner in re.findall(r'<p id="p-[0-9]+-[0-9]+">(.*?)</p>', markup, re.DOTALL):
        inner = re.sub(r'<a class="edition-(?:permalink|suggest)".*?</a>', "", inner, flags=re.DOTALL)
        out.append(html.unescape(re.sub(r"<[^>]+>", "", inner)))
    return out


def test_a_plain_text_of_one_paragraph_a_line_is_read_as_such(tmp_path: Path) -> None:
    source = tmp_path / "essay.txt"
    source.write_text("".join(f"这是第{n}段，它很长，" + "长" * 40 + "。\n" for n in range(1, 9)), encoding="utf-8")
    root = tmp_path / "essay"
    new.create(root, source, "一篇文章")
    assert "      layout:\n        kind: paragraphs\n      editions:" in (root / "mkdocs.yml").read_text("utf-8")
    assert "editorial: true" in (root / "annotations/structure.yml").read_text(encoding="utf-8")


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "here").mkdir()
    (tmp_path / "here" / "notes.txt").write_text("x", encoding="utf-8")
    result = edition("new", str(tmp_path / "here"), "--source", str(SOURCE))
    assert result.returncode == 1
    assert result.stderr == (f"error: {tmp_path / 'here'}:1: the folder is not empty\n"
                             "  hint: give a new folder: edition new makes every file of the project\n")

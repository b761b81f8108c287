"""The edition on every site generator: ProperDocs (the MkDocs plugin, unchanged) and Zensical (the
stages around a build with standard settings) give the edition MkDocs gives: every paragraph
anchor, note marker and note, term link, emendation mark, event link, generated page and further
edition's page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edition import generators

from ..conftest import ROOT, Build, copy_project

EDITIONS = ("", "zh-Hant/")
#: What the edition puts into a page, by kind: each found as (its id or target) in reading order.
MARKS = {
    "block anchors": re.compile(r'<(?:p|li|h[1-6]) id="([^"]+)"'),
    "note markers": re.compile(r'<a class="footnote-ref" href="#([^"]+)"'),
    "notes": re.compile(r'<li id="(n-[^"]+)" class="edition-note'),
    "term links": re.compile(r'<a class="edition-term[^"]*" href="[^"#]*#(t-[^"]+)"'),
    "emendation marks": re.compile(r'<sup class="edition-emendation" id="([^"]+)"'),
    "event links": re.compile(r'<sup class="edition-event-ref" id="([^"]+)"'),
    "permalinks": re.compile(r'<a class="edition-permalink" href="#([^"]+)"'),
    "apparatus entries": re.compile(r'<li id="(e-[0-9]+)"'),
    "glossary entries": re.compile(r'<h3 id="(t-[^"]+)"'),
    "timeline events": re.compile(r'<li id="(ev-[^"]+)" class="edition-event"'),
}


def signature(site: Path) -> dict[str, dict[str, list[str]]]:
    """Per page of every edition (its path), per kind of mark: what the page holds."""
    out = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        markup = path.read_text(encoding="utf-8")
        out[rel] = {kind: pattern.findall(markup) for kind, pattern in MARKS.items()}
        out[rel]["lang"] = re.findall(r'<html lang="([^"]+)"', markup)
    return out


_BUILT: dict[str, Path] = {}


def built_with(name: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built strictly with one generator (once per test session)."""
    if name not in _BUILT:
        root = copy_project(tmp_path_factory.mktemp(name) / "project", build=True)
        result = generators.build(name, root / "mkdocs.yml", root / "site", strict=True, quiet=True)
        assert result.returncode == 0, result.log
        _BUILT[name] = root / "site"
    return _BUILT[name]


@pytest.mark.parametrize("name", ["properdocs", "zensical"])
def test_every_generator_builds_the_same_edition(built_site: Build, name: str,
                                                 tmp_path_factory: pytest.TempPathFactory) -> None:
    ours, theirs = signature(built_site.site), signature(built_with(name, tmp_path_factory))
    assert set(ours) <= set(theirs), sorted(set(ours) - set(theirs))
    assert any(rel.startswith(EDITIONS[1]) for rel in ours)
    for rel in sorted(ours):
        for kind in (*MARKS, "lang"):
            assert theirs[rel][kind] == ours[rel][kind], f"{name}: {rel}: {kind}"
    counted = {kind: sum(len(marks[kind]) for marks in ours.values()) for kind in MARKS}
    assert all(counted.values()), counted  # every kind is compared on something


def test_properdocs_gives_mkdocs_bytes_but_for_the_generator_line(built_site: Build,
                                                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    site = built_with("properdocs", tmp_path_factory)
    for path in sorted(built_site.site.rglob("*")):
        if not path.is_file() or path.suffix == ".gz":
            continue
        rel = path.relative_to(built_site.site).as_posix()
        ours = path.read_bytes()
        theirs = (site / rel).read_bytes()
        if path.suffix == ".html":
            pattern = rb'<meta name="generator" content="[^"]*">'
            ours, theirs = re.sub(pattern, b"", ours), re.sub(pattern, b"", theirs)
        assert theirs == ours, rel


def test_the_staged_configuration_has_standard_settings_only(tmp_path: Path) -> None:
    """What Zensical is given: the project's settings with no plugin of MkDocs', its own search
    off (the edition has its own), the editions for its language switcher."""
    root = copy_project(tmp_path / "project", build=True)
    found = generators.project.inputs(root / "mkdocs.yml")
    edition = generators.stages.load(found.site, found.settings, found.paths)
    staged = generators.staged_config(ROOT / "mkdocs.yml", edition)
    assert "edition:" not in staged and "offline:" not in staged
    assert "plugins:\n  search:\n    enabled: false\n" in staged
    assert "docs_dir: docs\nsite_dir: site\n" in staged
    assert "- name: 繁體中文\n    link: ./zh-Hant/\n    lang: zh-Hant\n" in staged

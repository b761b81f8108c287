"""The real site, built with `mkdocs build --strict` as a reader's host would build it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from edition.core.text import ingest

from ..conftest import LAYOUT, PATHS, ROOT, Build, copy_project, mkdocs_build

TEXT_PAGES = ["opening", "scale-diseconomies", "three-iron-rules", "building-cars", "going-premium",
              "methodology-tested"]


def html(build: Build, path: str) -> str:
    return (build.site / path).read_text(encoding="utf-8")


def article(build: Build, slug: str) -> str:
    page = html(build, f"text/{slug}/index.html")
    return page[page.index("<article"):page.index("</article>")]


def test_strict_build_has_no_warnings(built_site: Build) -> None:
    assert built_site.returncode == 0
    assert not [line for line in built_site.log.splitlines() if "WARNING" in line or "Traceback" in line]


def test_headings_paragraphs_and_lists_render(built_site: Build) -> None:
    pages = [article(built_site, slug) for slug in TEXT_PAGES]
    assert sum(len(re.findall(r"<h1[ >]", p)) for p in pages) == 6
    assert sum(len(re.findall(r"<h2[ >]", p)) for p in pages) == 11
    assert sum(len(re.findall(r'<ol>\s*<li id="p-', p)) for p in pages) == 2
    assert sum(len(re.findall(r'<ul>\s*<li id="p-', p)) for p in pages) == 2
    document = ingest.load(PATHS, LAYOUT).document
    for page, slug in zip(document.pages, TEXT_PAGES, strict=True):
        rendered = article(built_site, slug)
        for block in page.blocks:
            assert f'id="{block.id}"' in rendered, block.id


def test_every_paragraph_and_item_has_a_permalink(built_site: Build) -> None:
    for slug in TEXT_PAGES:
        page = article(built_site, slug)
        ids = re.findall(r'<(?:p|li) id="(p-\d+-\d+)"', page)
        assert ids
        for block_id in ids:
            assert f'<a class="edition-permalink" href="#{block_id}" data-search-exclude' in page


def test_every_emendation_has_a_mark_and_an_entry_linked_both_ways(built_site: Build) -> None:
    count = len(ingest.load(PATHS, LAYOUT).emendations)
    apparatus = html(built_site, "apparatus/index.html")
    entries = re.findall(r'<li id="(e-\d{3,})">.*?<a href="\.\./text/([a-z-]+)/#(ref-e-\d{3,})"', apparatus)
    assert len(entries) == count
    for entry, slug, mark in entries:
        page = article(built_site, slug)
        assert (f'<sup class="edition-emendation" id="{mark}" data-search-exclude>'
                f'<a href="../../apparatus/#{entry}"') in page
        assert mark == f"ref-{entry}"
    assert sum(article(built_site, s).count('class="edition-emendation"') for s in TEXT_PAGES) == count


def test_generated_pages_edit_the_emendations(built_site: Build) -> None:
    assert ("https://github.com/xiaomi-model-edition/edition/edit/main/annotations/emendations.yml"
            in html(built_site, "text/opening/index.html"))
    assert "edit/main/docs/index.md" in html(built_site, "index.html")


def test_the_edition_s_scripts_and_styles_are_served_minified(built_site: Build) -> None:
    """The site's copies of the edition's assets are its sources without their comments and spare
    white space (the browser tests run them as served)."""
    for name in ("edition.css", "edition.js", "search.js", "search-worker.js"):
        source = (ROOT / "plugins/edition/assets" / name).read_text(encoding="utf-8")
        served = html(built_site, f"assets/edition/{name}")
        assert "/*" in source and "/*" not in served and "\n  " not in served, name
        assert len(served) < 0.8 * len(source), name
    assert "/*" not in html(built_site, "assets/edition/theme.css")


def test_builds_are_deterministic(built_site: Build, project: Path, tmp_path: Path) -> None:
    # The copy has no .cache/: a cold build (jieba and pypinyin at work) equals a warm one.
    assert not (project / ".cache").exists()
    again = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert again.returncode == 0
    assert list((project / ".cache/edition").glob("segmentation-*.json"))
    first = sorted(p.relative_to(built_site.site) for p in built_site.site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again.site) for p in again.site.rglob("*") if p.is_file())
    assert first == second
    for path in first:
        assert (built_site.site / path).read_bytes() == (again.site / path).read_bytes(), path
    print(f"quality: reproducible: two builds (one without .cache/) give {len(first)} byte-identical files")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", build=True)


def test_bad_emendation_stops_the_build_with_a_clear_message(project: Path) -> None:
    path = project / "annotations" / "emendations.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("line: 27\n", "line: 28\n"), encoding="utf-8")
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 1
    assert ("ERROR   -  annotations/emendations.yml:6: source text '注意力”⏎，' not found on line 28 of "
            "source/xiaomi-model-2010-2022.txt\n  hint: that text begins on line 27: write 'line: 27'\n"
            in build.log)
    assert "Traceback" not in build.log
    assert not (project / "site").exists()


def test_stale_page_stops_the_build(project: Path) -> None:
    page = project / "docs" / "text" / "opening.md"
    page.write_text(page.read_text(encoding="utf-8").replace("泾渭分明", "泾渭分明！"), encoding="utf-8")
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 1
    assert ("ERROR   -  docs/text/opening.md:17: generated page differs from what ingest writes\n"
            "  hint: run 'python scripts/ingest.py' and commit the result; change the text through "
            "annotations/emendations.yml, never by editing the page\n" in build.log)
    assert not (project / "site").exists()


def test_notes_render_with_markers_and_back_links(built_site: Build) -> None:
    total = 0
    for slug in TEXT_PAGES:
        page = article(built_site, slug)
        notes = re.findall(r'<li id="(n-[a-z0-9-]+)" class="edition-note', page)
        assert len(notes) >= 5, slug
        total += len(notes)
        for note in notes:
            assert f'<a class="footnote-ref" href="#{note}" role="doc-noteref"' in page
            assert f'<a href="#ref-{note}" role="doc-backlink"' in page
            assert f'id="ref-{note}"' in page
    assert total >= 40


def test_web_annotation_export(built_site: Build) -> None:
    export = json.loads(html(built_site, "annotations.jsonld"))
    assert export["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert export["type"] == "AnnotationCollection"
    items = export["first"]["items"]
    assert export["total"] == len(items)
    notes = [i for i in items if i["motivation"] == "commenting"]
    edits = [i for i in items if i["motivation"] == "editing"]
    assert len(notes) >= 40 and len(edits) == 33
    for item in items:
        for target in item["target"] if isinstance(item["target"], list) else [item["target"]]:
            assert target["source"].startswith("https://xiaomi-model-edition.github.io/edition/text/")
            quote_selector, fragment = target["selector"]
            assert quote_selector["type"] == "TextQuoteSelector" and quote_selector["exact"]
            page = article(built_site, target["source"].rstrip("/").rsplit("/", 1)[1])
            assert f'id="{fragment["value"]}"' in page


def relaxed_build(project: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` without --strict: warnings do not stop it."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                           "-d", str(project / "site")], capture_output=True, text=True, timeout=1800,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_untrusted_note_bodies_are_sanitised_in_the_built_page(project: Path) -> None:
    (project / "annotations" / "notes" / "x-evil.yml").write_text(
        "notes:\n  - id: n-evil\n    category: background\n    targets:\n      - page: building-cars\n"
        "        quote: 刻舟求剑\n    body: |\n"
        "      <script>alert(1)</script><img src=x onerror=alert(2)> [a](javascript:alert(3))\n"
        "      <a href=\"https://x\" onclick=\"alert(4)\">b</a> [c](data:text/html,x) [好](https://example.org/)\n"
        "    sources:\n      - title: '<b onmouseover=alert(5)>t</b>'\n        publisher: '<i>p</i>'\n"
        "        url: 'https://www.mi.com/\"><script>'\n",
        encoding="utf-8")
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 1  # the source URL with "> is rejected at load
    assert "field 'url' value 'https://www.mi.com/\"><script>' is malformed" in build.log
    path = project / "annotations" / "notes" / "x-evil.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('"><script>', ""), encoding="utf-8")
    # What is not shown as written is a warning at its line, which fails the strict build.
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 1
    warnings = [line.removeprefix("WARNING -  edition: ") for line in build.log.splitlines()
                if line.startswith("WARNING -  edition: ")]
    assert warnings == [
        "annotations/notes/x-evil.yml:8: note 'n-evil': body contains HTML '<script>', "
        "'<img src=x onerror=alert(2)>', which the page shows as text",
        "annotations/notes/x-evil.yml:8: note 'n-evil': body links to 'javascript:alert(3)', which the page shows "
        "as text",
        "annotations/notes/x-evil.yml:9: note 'n-evil': body contains HTML '<a href=\"https://x\" "
        "onclick=\"alert(4)\">', which the page shows as text",
        "annotations/notes/x-evil.yml:9: note 'n-evil': body links to 'data:text/html,x', which the page shows as "
        "text"]
    assert relaxed_build(project).returncode == 0
    page = (project / "site" / "text" / "building-cars" / "index.html").read_text(encoding="utf-8")
    note = page[page.index('<li id="n-evil"'):]
    note = note[:note.index("</li>")]
    # Raw HTML is shown as text; no tag, event handler or dangerous URL gets through.
    assert "<script" not in note and "<img" not in note
    assert not re.search(r"<[^>]*\son\w+\s*=", note)
    assert not re.search(r'(href|src)="(javascript|data):', note)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in note
    assert '<a href="https://example.org/" rel="noopener noreferrer nofollow">好</a>' in note


def test_a_warning_fails_only_the_strict_build(project: Path) -> None:
    (project / "annotations" / "notes" / "x-unsourced.yml").write_text(
        "notes:\n  - id: n-unsourced\n    category: idiom\n    targets:\n      - page: building-cars\n"
        "        quote: 刻舟求剑\n    body: 比喻拘泥成法。\n    sources: []\n", encoding="utf-8")
    build = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert build.returncode == 1
    assert ("WARNING -  edition: annotations/notes/x-unsourced.yml:8: note 'n-unsourced': no sources\n"
            "  hint: every fact that is not in the text names where it comes from\n") in build.log
    relaxed = relaxed_build(project)
    assert relaxed.returncode == 0, relaxed.stderr


@pytest.mark.parametrize(("value", "message"), [
    ("thirty", "layout: column must be a positive number of em, or auto, got 'thirty'\n"
               "  hint: write the column's width in em, like 'column: 28', or 'column: auto'\n"),
    ("24", "layout: a column of 24 em does not fit the text: its lines are too long (widths at the 50th/90th "
           "percentile: 28/30 em, of 649 lines; no line may run past 24.5 em)\n"
           "  hint: the lines look like a column of 30 em: write 'column: 30' (or 'column: auto' to measure it)\n"),
])
def test_a_layout_that_is_wrong_stops_the_build_at_its_line(project: Path, value: str, message: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("column: 30", f"column: {value}"), encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index(f"        column: {value}") + 1
    build = mkdocs_build(config, project / "site")
    assert build.returncode == 1
    assert f"ERROR   -  mkdocs.yml:{line}: {message}" in build.log, build.log
    assert "Traceback" not in build.log
    assert not (project / "site").exists()


def test_pages_not_as_the_edition_expects_are_all_named_in_their_order(built_site: Build, tmp_path: Path) -> None:
    """A theme or Markdown change: every page finish cannot read is named at once, though the pages
    the search needs are decorated before the text pages; the forked process that works out what
    finish needs is ended."""
    from edition import stages
    from edition.core import forked, project
    from edition.core.errors import EditionError

    root = copy_project(tmp_path / "project")
    found = project.inputs(root / "mkdocs.yml")
    site = tmp_path / "site"
    for page in built_site.site.rglob("*.html"):
        rel = page.relative_to(built_site.site)
        if rel.parts[0] != "zh-Hant":
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_bytes(page.read_bytes())
    for rel in ("text/opening/index.html", "timeline/index.html"):  # a text page and a generated one
        page = site / rel
        page.write_text(page.read_text(encoding="utf-8").replace("md-content__inner", "md-inner"), encoding="utf-8")
    begun = stages.begin(found.site, found.settings, found.paths, workers=2)
    try:
        with pytest.raises(EditionError) as raised:
            stages.finish(begun.edition, site, begun.prepared, 2, begun)
    finally:
        begun.release()
    assert [str(p).split("\n")[0] for p in raised.value.problems] == [
        "text/opening.md:1: cannot finish the built page text/opening/index.html: the page has no main content "
        "the theme adapter can find",
        "timeline.md:1: cannot finish the built page timeline/index.html: the page has no main content the theme "
        "adapter can find"]
    assert begun.process._pool is None and not forked._WORK


def test_a_build_that_may_fork_keeps_its_memory_from_the_collector_until_released(tmp_path: Path) -> None:
    """begin in a one-off build (workers > 1) freezes what it loaded (gc.freeze), and turns the
    collector back on; `release` gives it back (a process that builds again); a server's rebuild
    (one worker) freezes nothing."""
    import gc

    from edition import stages
    from edition.core import project
    from edition.core.errors import EditionError

    root = copy_project(tmp_path / "project", build=True)
    found = project.inputs(root / "mkdocs.yml")
    gc.unfreeze()  # whatever another test left frozen
    one = stages.begin(found.site, found.settings, found.paths, workers=1)
    one.process.close()
    assert (one.frozen, gc.get_freeze_count(), gc.isenabled()) == (False, 0, True)
    begun = stages.begin(found.site, found.settings, found.paths, workers=2)
    try:
        assert begun.frozen and gc.get_freeze_count() > 100_000 and gc.isenabled()
    finally:
        begun.process.close()
        begun.release()
    assert gc.get_freeze_count() == 0
    # A begin that stops at a problem the checks find (after the load froze) gives it back itself.
    conversion = root / "annotations/conversion.yml"
    conversion.write_text(conversion.read_text(encoding="utf-8").replace("    count: 7\n", "    count: 8\n", 1),
                          encoding="utf-8")
    with pytest.raises(EditionError) as raised:
        stages.begin(found.site, found.settings, found.paths, workers=2)
    assert str(raised.value) == (
        "annotations/conversion.yml:27: override '合作伙伴': expected 8 occurrences in the text and the annotations, "
        "found 7\n  hint: the text changed: check the override still applies, then fix its count (or remove it)")
    assert (gc.get_freeze_count(), gc.isenabled()) == (0, True)

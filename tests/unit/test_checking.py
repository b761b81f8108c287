"""One check, everything at once: every file read and every check that can run run, errors and
warnings together; a duplicate id reported at both places; a BOM refused in every input file;
the command line's output and summary, word for word."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from edition.core import project, report

from ..conftest import ROOT

GOOD = """notes:
  - id: {id}
    category: idiom
    targets:
      - page: building-cars
        quote: {quote}
    body: {body}
    sources:
      - title: 吕氏春秋·察今
        publisher: 吕不韦
        citation: 《吕氏春秋·慎大览·察今》
"""


def note(ident: str = "n-test", quote: str = "刻舟求剑", body: str = "比喻拘泥成法。") -> str:
    return GOOD.format(id=ident, quote=quote, body=body)


def copy_of(base: Path, tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(base, copy)
    for name, text in files.items():
        path = copy / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return copy


def checking(root: Path, conversion: bool = False) -> project.Checked:
    """One run of every check on a copy of the project, with its settings (mkdocs.yml)."""
    found = project.inputs(root / "mkdocs.yml")
    return project.check(found.paths, found.settings, conversion)


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "annotations.py"), "--root", str(root), *args],
                          capture_output=True, text=True, timeout=1800)


def test_one_run_reports_every_error_and_every_warning(base: Path, tmp_path: Path) -> None:
    """A YAML error in one file, a bad field in one note and a quote not found in another, a date
    error, and a warning: all in one run. The note with the bad field is not anchored (its quote,
    wrong too, is not reported); the others are."""
    copy = copy_of(base, tmp_path, {
        "annotations/notes/a.yml": "notes:\n  - id: n-a\n    body: [unclosed\n",
        "annotations/notes/b.yml": note("n-bad-field", "刻舟求箭").replace("category: idiom", "category: idoim")
                                   + note("n-quote", "刻舟求劍").split("\n", 1)[1],
        "annotations/notes/c.yml": note("n-html", body="<b>粗</b>"),
        "annotations/timeline.yml": "events:\n  - id: ev-x\n    date: \"2009\"\n    title: 早\n    category: company\n"
                                    "    sources: [{title: t, publisher: p, url: 'https://www.mi.com/'}]\n",
    })
    checked = checking(copy)
    assert checked.project is None
    assert [str(p) for p in checked.errors] == [
        "annotations/notes/a.yml:4: YAML syntax error: expected ',' or ']', but got '<stream end>'\n"
        "  hint: check the indentation and quoting on this line or the one above it",
        "annotations/notes/b.yml:3: note 'n-bad-field': field 'category' has unknown value 'idoim'\n"
        "  hint: use one of: background, fact-check, concept, person, work, idiom",
        "annotations/notes/b.yml:15: note 'n-quote': quote '刻舟求劍' not found on page 'building-cars'\n"
        "  hint: the closest passage is '刻舟求剑' in p-3-36; the quote has the Traditional '劍' where the text has "
        "'剑'; copy the quote exactly from docs/text/building-cars.md",
        "annotations/timeline.yml:3: event 'ev-x': date '2009' is outside the timeline's years 2010–2022\n"
        "  hint: the timeline covers 2010–2022 (timeline_years in mkdocs.yml); tell of earlier or later things in "
        "the body of an event inside it",
    ]
    assert [str(p) for p in checked.warnings] == [
        "annotations/notes/c.yml:7: note 'n-html': body contains HTML '<b>', which the page shows as text\n"
        "  hint: notes are Markdown, never HTML: write **bold**, *italic*, [text](https://…), or remove the tag"]
    assert checked.not_checked == ()


def test_when_the_text_cannot_be_built_the_annotations_are_still_checked(base: Path, tmp_path: Path) -> None:
    emendations = (base / "annotations" / "emendations.yml").read_text(encoding="utf-8")
    copy = copy_of(base, tmp_path, {
        "annotations/emendations.yml": emendations.replace("kind: join", "kind: joint", 1),
        "annotations/notes/x.yml": note().replace("page: building-cars", "page: building-car"),
    })
    checked = checking(copy)
    assert [p.message for p in checked.errors] == [
        "emendation 'e-001': field 'kind' has unknown value 'joint'",
        "note 'n-test': unknown page 'building-car'",  # the pages are known: the structure is fine
    ]
    assert checked.not_checked == (project.TEXT_NOT_CHECKED,)
    result = cli(copy, "check")
    assert result.returncode == 1
    assert result.stderr.endswith(
        "note: quotes, glossary terms in the text and conversion overrides were not checked: the text itself has "
        "errors (above); fix them and check again\nannotations: 2 errors\n")


def test_the_cli_prints_errors_and_warnings_of_one_run_together(base: Path, tmp_path: Path) -> None:
    copy = copy_of(base, tmp_path, {
        "annotations/notes/a.yml": note("n-a", "刻舟求箭"),
        "annotations/notes/b.yml": note("n-b", body="<script>alert(1)</script>"),
    })
    result = cli(copy, "check", "--github")
    assert result.returncode == 1
    assert result.stderr == (
        "error: annotations/notes/a.yml:5: note 'n-a': quote '刻舟求箭' not found on page 'building-cars'\n"
        "  hint: the closest passage is '刻舟求剑' in p-3-36; copy the quote exactly from docs/text/building-cars.md\n"
        "warning: annotations/notes/b.yml:7: note 'n-b': body contains HTML '<script>', which the page shows as "
        "text\n"
        "  hint: notes are Markdown, never HTML: write **bold**, *italic*, [text](https://…), or remove the tag\n"
        "annotations: 1 error and 1 warning\n")
    assert result.stdout.splitlines() == [
        "::error file=annotations/notes/a.yml,line=5::note 'n-a': quote '刻舟求箭' not found on page "
        "'building-cars'%0Ahint: the closest passage is '刻舟求剑' in p-3-36; copy the quote exactly from "
        "docs/text/building-cars.md",
        "::warning file=annotations/notes/b.yml,line=7::note 'n-b': body contains HTML '<script>', which the page "
        "shows as text%0Ahint: notes are Markdown, never HTML: write **bold**, *italic*, [text](https://…), or "
        "remove the tag"]


@pytest.mark.parametrize(("strict", "status", "stdout", "stderr_end"), [
    (False, 0, "annotations: 1 annotation and 33 emendations, no errors; 1 warning (--strict makes warnings fail)\n",
     "  hint: every fact that is not in the text names where it comes from\n"),
    (True, 1, "", "annotations: 1 warning; --strict makes warnings fail\n"),
], ids=["plain", "strict"])
def test_the_summary_of_a_run_with_a_warning(base: Path, tmp_path: Path, strict: bool, status: int, stdout: str,
                                            stderr_end: str) -> None:
    unsourced = note().split("    sources:")[0] + "    sources: []\n"
    copy = copy_of(base, tmp_path, {"annotations/notes/x.yml": unsourced})
    result = cli(copy, "check", *(["--strict"] if strict else []))
    assert (result.returncode, result.stdout) == (status, stdout)
    assert result.stderr.startswith("warning: annotations/notes/x.yml:8: note 'n-test': no sources\n")
    assert result.stderr.endswith(stderr_end)


def test_summaries_count_in_words() -> None:
    assert [report.plural(n, "warning") for n in (0, 1, 2)] == ["0 warnings", "1 warning", "2 warnings"]
    errors = project.Checked(None, tuple(range(2)), tuple(range(3)))  # type: ignore[arg-type]
    assert report.summary(errors, strict=True) == "annotations: 2 errors and 3 warnings"
    one = project.Checked(None, (), tuple(range(1)))  # type: ignore[arg-type]
    assert report.summary(one, strict=True) == "annotations: 1 warning; --strict makes warnings fail"
    assert (report.report(one, strict=True).status, report.report(errors).status) == (1, 1)


def test_a_duplicate_id_is_an_error_at_both_places(base: Path, tmp_path: Path) -> None:
    """The pull request adds a-new.yml; the id is already in b-old.yml. Both places get the error,
    so the annotation lands on the line the pull request adds, whichever file sorts first."""
    copy = copy_of(base, tmp_path, {"annotations/notes/a-new.yml": note("n-same"),
                                    "annotations/notes/b-old.yml": note("n-same")})
    result = cli(copy, "check", "--github")
    assert result.returncode == 1
    hint = "give each annotation its own id: change the one you are adding (a published id never changes)"
    assert result.stderr == (
        f"error: annotations/notes/a-new.yml:2: duplicate id 'n-same' (also in annotations/notes/b-old.yml:2)\n"
        f"  hint: {hint}\n"
        f"error: annotations/notes/b-old.yml:2: duplicate id 'n-same' (also in annotations/notes/a-new.yml:2)\n"
        f"  hint: {hint}\n"
        "annotations: 2 errors\n")
    assert result.stdout.splitlines() == [
        f"::error file=annotations/notes/a-new.yml,line=2::duplicate id 'n-same' (also in annotations/notes/"
        f"b-old.yml:2)%0Ahint: {hint}",
        f"::error file=annotations/notes/b-old.yml,line=2::duplicate id 'n-same' (also in annotations/notes/"
        f"a-new.yml:2)%0Ahint: {hint}"]


def test_files_read_by_forked_processes_give_what_one_process_gives(base: Path, tmp_path: Path) -> None:
    """A build that may fork reads the annotation files in forked processes while the text is
    reflowed, then checks them against each other: the same annotations, errors and warnings, in
    the same order, as one process reading them in turn (here from many files, a file with a YAML
    error, a bad field, an id declared in two files, a warning)."""
    files: dict[str, str | bytes] = {f"annotations/notes/n{n:02}.yml": note(f"n-{n}") for n in range(24)}
    good = copy_of(base, tmp_path / "good", files)
    found = project.inputs(good / "mkdocs.yml")
    readers = tmp_path / "readers.txt"
    read_file = project.model.read_file

    def reading(*args: Any) -> Any:  # which process read each file (the forked ones write it down too)
        with readers.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return read_file(*args)

    reflowed = project.ingest.reflowed

    def reflowing(*args: Any) -> Any:  # this process reflows until a forked one has read a file
        for _ in range(6000):
            if readers.exists() and readers.read_text():
                break
            time.sleep(0.01)
        return reflowed(*args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(project.model, "read_file", reading)
        patch.setattr(project.ingest, "reflowed", reflowing)
        forked = project.check(found.paths, found.settings, fork=True)
    pids = readers.read_text().splitlines()
    assert len(pids) == 24 and set(pids) - {str(os.getpid())}
    alone = project.check(found.paths, found.settings)
    assert forked.project is not None and alone.project is not None
    assert forked.project.annotations == alone.project.annotations
    assert [a.id for a in alone.project.annotations.annotations][:3] == ["n-0", "n-1", "n-2"]
    files.update({"annotations/notes/a.yml": "notes:\n  - id: n-a\n    body: [unclosed\n",
                  "annotations/notes/b.yml": note("n-bad-field").replace("category: idiom", "category: idoim"),
                  "annotations/notes/c.yml": note("n-html", body="<b>粗</b>"),
                  "annotations/notes/d.yml": note("n-7")})
    bad = copy_of(base, tmp_path / "bad", files)
    found = project.inputs(bad / "mkdocs.yml")
    forked, alone = (project.check(found.paths, found.settings, fork=fork) for fork in (True, False))
    assert forked == alone
    assert [p.message[:18] for p in alone.errors] == ["YAML syntax error:", "note 'n-bad-field'",
                                                      "duplicate id 'n-7'", "duplicate id 'n-7'"]
    assert alone.warnings


def test_an_id_declared_three_times_names_the_two_others(base: Path, tmp_path: Path) -> None:
    copy = copy_of(base, tmp_path, {"annotations/notes/x.yml": note("n-same") + note("n-same").split("\n", 1)[1]
                                    + note("n-same").split("\n", 1)[1]})
    messages = [p.message for p in checking(copy).errors]
    assert messages == [
        "duplicate id 'n-same' (also in annotations/notes/x.yml:12, annotations/notes/x.yml:22)",
        "duplicate id 'n-same' (also in annotations/notes/x.yml:2, annotations/notes/x.yml:22)",
        "duplicate id 'n-same' (also in annotations/notes/x.yml:2, annotations/notes/x.yml:12)",
    ]


BOM_HINT = ("save it as UTF-8 without BOM (in VS Code: click 'UTF-8 with BOM' in the status bar, 'Save with "
            "Encoding', 'UTF-8'; in Notepad: Save As, encoding 'UTF-8', not 'UTF-8 with BOM')")
#: Every kind of input file (the checker reads conversion.yml with the editions of mkdocs.yml).
INPUTS = ["annotations/notes/x.yml", "annotations/glossary.yml", "annotations/timeline.yml",
          "annotations/structure.yml", "annotations/emendations.yml", "annotations/conversion.yml",
          "source/xiaomi-model-2010-2022.txt"]


@pytest.mark.parametrize("name", INPUTS)
def test_a_bom_is_refused_at_line_1_of_every_input_file(base: Path, tmp_path: Path, name: str) -> None:
    """The decision (core/textfile.py): UTF-8 without BOM everywhere, as .editorconfig asks; the
    rest of the file is still read, so that the BOM is its only problem here."""
    files: dict[str, str | bytes] = {
        "annotations/notes/x.yml": note(),
        "annotations/glossary.yml": "terms:\n  - id: t-kezhou\n    term: 刻舟求剑\n    category: concept\n"
                                    "    definition: 比喻拘泥成法。\n",
        "annotations/timeline.yml": "events:\n  - id: ev-x\n    date: \"2021\"\n    title: 造车\n    category: company"
                                    "\n    sources: [{title: t, publisher: p, url: 'https://www.mi.com/'}]\n",
    }
    copy = copy_of(base, tmp_path, files)
    path = copy / name
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    checked = checking(copy, conversion=True)
    assert [str(p) for p in checked.errors] == [
        f"{name}:1: the file starts with a byte order mark (BOM)\n  hint: {BOM_HINT}"]


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-16", "annotations/notes/x.yml: the file is in UTF-16, not UTF-8\n"
               "  hint: save it as UTF-8 (in VS Code: click the encoding in the status bar, 'Save with Encoding', "
               "'UTF-8')"),
    ("utf-16-le", "annotations/notes/x.yml: the file is in UTF-16, not UTF-8\n"
                  "  hint: save it as UTF-8 (in VS Code: click the encoding in the status bar, 'Save with Encoding', "
                  "'UTF-8')"),
    ("gb18030", "annotations/notes/x.yml: the file is in GB18030 (GBK), not UTF-8\n"
                "  hint: save it as UTF-8 (in VS Code: click the encoding in the status bar, 'Reopen with Encoding', "
                "'GB 18030', then 'Save with Encoding', 'UTF-8')"),
])
def test_a_file_in_another_encoding_is_named_without_a_line(base: Path, tmp_path: Path, encoding: str,
                                                            expected: str) -> None:
    copy = copy_of(base, tmp_path, {"annotations/notes/x.yml": note().encode(encoding)})
    result = cli(copy, "check", "--github")
    assert result.stderr == f"error: {expected}\nannotations: 1 error\n"
    # On GitHub a whole-file problem goes on the file's first line.
    assert result.stdout.startswith("::error file=annotations/notes/x.yml,line=1::the file is in ")


@pytest.mark.parametrize("name", ["annotations/conversion.yml", "annotations/forms.yml"])
def test_the_conversion_files_in_another_encoding_are_named_without_a_traceback(base: Path, tmp_path: Path,
                                                                                 name: str) -> None:
    """Their second lists (`reviewed`, `usage`) are read apart from the first: an unreadable file
    is its encoding error, once, and the boundary check, which it decides, waits."""
    text = (base / name).read_text(encoding="utf-8")
    copy = copy_of(base, tmp_path, {name: text.encode("utf-16")})
    result = cli(copy, "check")
    assert result.stderr.startswith(f"error: {name}: the file is in UTF-16, not UTF-8\n"), result.stderr
    assert "Traceback" not in result.stderr and "an OpenCC phrase crosses a word" not in result.stderr
    assert result.returncode == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("", "annotations/notes/x.yml: the file is empty\n"
         "  hint: write '# yaml-language-server: $schema=../schema/notes.schema.json', then 'notes:' and under it the "
         "entries, each starting with '- '"),
    ("# yaml-language-server: $schema=../schema/notes.schema.json\n",
     "annotations/notes/x.yml: the file has nothing but comments\n"
     "  hint: write '# yaml-language-server: $schema=../schema/notes.schema.json', then 'notes:' and under it the "
     "entries, each starting with '- '"),
], ids=["empty", "schema-line-only"])
def test_an_empty_file(base: Path, tmp_path: Path, text: str, expected: str) -> None:
    """The hint agrees with the rule that every file starts with its schema line."""
    copy = copy_of(base, tmp_path, {"annotations/notes/x.yml": text})
    assert [str(p) for p in checking(copy).errors] == [expected]


def test_the_glossary_empty_names_its_own_schema(base: Path, tmp_path: Path) -> None:
    copy = copy_of(base, tmp_path, {"annotations/glossary.yml": ""})
    (problem,) = checking(copy).errors
    assert problem.hint.startswith("write '# yaml-language-server: $schema=schema/glossary.schema.json', then 'terms:'")


def test_a_source_text_that_is_not_utf8_is_a_problem_not_a_traceback(base: Path, tmp_path: Path) -> None:
    """It raised UnicodeDecodeError before: the source was decoded without a check."""
    copy = copy_of(base, tmp_path, {})
    source = copy / "source" / "xiaomi-model-2010-2022.txt"
    source.write_bytes(source.read_text(encoding="utf-8").encode("gb18030"))
    checked = checking(copy)
    assert [str(p) for p in checked.errors] == [
        "source/xiaomi-model-2010-2022.txt: the file is in GB18030 (GBK), not UTF-8\n"
        "  hint: save it as UTF-8 (in VS Code: click the encoding in the status bar, 'Reopen with Encoding', "
        "'GB 18030', then 'Save with Encoding', 'UTF-8')"]
    assert checked.not_checked == (project.TEXT_NOT_CHECKED,)

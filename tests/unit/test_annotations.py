"""Annotation files: every message, word for word; anchoring; the JSON Schemas; the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from edition.core import project, schemas
from edition.core.annotations import glossary
from edition.core.annotations.model import Repost, Source
from edition.core.errors import EditionError
from edition.core.exports import webannotation
from edition.core.render import notes, page_html

from ..conftest import ROOT, SETTINGS
from . import projects

NOTE = """notes:
  - id: n-test
    category: idiom
    targets:
      - page: building-cars
        quote: 刻舟求剑
    body: 比喻拘泥成法。
    sources:
      - title: 吕氏春秋·察今
        publisher: 吕不韦
        citation: 《吕氏春秋·慎大览·察今》
"""


def load_with(base: Path, tmp_path: Path, text: str, name: str = "notes/test.yml") -> project.Project:
    return projects.load_with(base, tmp_path, text, name)


def message(base: Path, tmp_path: Path, text: str, name: str = "notes/test.yml") -> str:
    return projects.message(base, tmp_path, text, name)


def test_a_good_note_anchors(base: Path, tmp_path: Path) -> None:
    loaded = load_with(base, tmp_path, NOTE)
    (anchor,) = loaded.anchors
    assert (anchor.page.slug, anchor.block.id, anchor.block.text[anchor.start:anchor.end]) == (
        "building-cars", "p-3-36", "刻舟求剑")
    assert loaded.warnings == ()


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(NOTE.replace("    category: idiom\n", "    category: [idiom\n"),
                 "annotations/notes/test.yml:4: YAML syntax error: expected ',' or ']', but got ':'\n"
                 "  hint: check the indentation and quoting on this line or the one above it", id="yaml-syntax"),
    pytest.param(NOTE.replace("    body:", "    bodi:"),
                 "annotations/notes/test.yml:2: note 'n-test': missing field 'body'\n"
                 "  hint: add 'body: …' (the note, in Markdown (no HTML))\n"
                 "annotations/notes/test.yml:7: note 'n-test': unknown field 'bodi'\n"
                 "  hint: did you mean 'body'? allowed fields: id, category, title, targets, body, sources, variants",
                 id="unknown-and-missing-field"),
    pytest.param(NOTE.replace("    targets:\n      - page: building-cars\n        quote: 刻舟求剑\n",
                              "    targets: 刻舟求剑\n"),
                 "annotations/notes/test.yml:4: note 'n-test': field 'targets' must be a list, got '刻舟求剑'\n"
                 "  hint: write a list", id="wrong-type"),
    pytest.param(NOTE.replace("    body: 比喻拘泥成法。", '    body: "  "'),
                 "annotations/notes/test.yml:7: note 'n-test': field 'body' is empty\n  hint: write the body",
                 id="empty-body"),
    pytest.param(NOTE + NOTE.split("\n", 1)[1],
                 "annotations/notes/test.yml:2: duplicate id 'n-test' (also in annotations/notes/test.yml:12)\n"
                 "  hint: give each annotation its own id: change the one you are adding (a published id never "
                 "changes)\n"
                 "annotations/notes/test.yml:12: duplicate id 'n-test' (also in annotations/notes/test.yml:2)\n"
                 "  hint: give each annotation its own id: change the one you are adding (a published id never "
                 "changes)", id="duplicate-id"),
    pytest.param(NOTE.replace("id: n-test", "id: e-001"),
                 "annotations/notes/test.yml:2: note 'e-001': field 'id' value 'e-001' is malformed\n"
                 "  hint: write a stable ASCII id like n-kezhou-qiujian", id="malformed-id"),
    pytest.param(NOTE.replace("page: building-cars", "page: building-car"),
                 "annotations/notes/test.yml:5: note 'n-test': unknown page 'building-car'\n"
                 "  hint: did you mean 'building-cars'? pages: building-cars, going-premium, methodology-tested, "
                 "opening, scale-diseconomies, three-iron-rules", id="unknown-page"),
    pytest.param(NOTE.replace("quote: 刻舟求剑", "quote: 刻舟求箭"),
                 "annotations/notes/test.yml:5: note 'n-test': quote '刻舟求箭' not found on page 'building-cars'\n"
                 "  hint: the closest passage is '刻舟求剑' in p-3-36; copy the quote exactly from "
                 "docs/text/building-cars.md", id="quote-not-found"),
    pytest.param(NOTE.replace("quote: 刻舟求剑", "quote: 刻舟求劍"),
                 "annotations/notes/test.yml:5: note 'n-test': quote '刻舟求劍' not found on page 'building-cars'\n"
                 "  hint: the closest passage is '刻舟求剑' in p-3-36; the quote has the Traditional '劍' where the "
                 "text has '剑'; copy the quote exactly from docs/text/building-cars.md", id="traditional-quote"),
    pytest.param(NOTE.replace("quote: 刻舟求剑", "quote: 造车"),
                 "annotations/notes/test.yml:5: note 'n-test': quote '造车' is found 18 times on page "
                 "'building-cars' (building-cars, p-3-1, p-3-3, p-3-4, p-3-5, p-3-9, p-3-15, p-3-19, p-3-20, "
                 "p-3-33, p-3-39)\n"
                 "  hint: add suffix: '的思' to choose the one in building-cars, or a prefix for another",
                 id="quote-ambiguous"),
    pytest.param(NOTE.replace("quote: 刻舟求剑", "quote: 刻舟求剑\n        prefix: 不假"),
                 "annotations/notes/test.yml:5: note 'n-test': quote '刻舟求剑' not found on page 'building-cars'\n"
                 "  hint: the quote is on the page (p-3-36) but not with this prefix/suffix; copy them exactly, "
                 "or leave them out", id="wrong-prefix"),
    pytest.param(NOTE.replace("        citation: 《吕氏春秋·慎大览·察今》\n", ""),
                 "annotations/notes/test.yml:9: note 'n-test': source '吕氏春秋·察今' has no url or citation\n"
                 "  hint: add 'url: https://…' or a bibliographic 'citation: …'", id="source-without-url"),
    pytest.param(NOTE.replace("        citation: 《吕氏春秋·慎大览·察今》", "        url: javascript:alert(1)"),
                 "annotations/notes/test.yml:11: note 'n-test': sources 1: field 'url' value 'javascript:alert(1)' "
                 "is malformed\n  hint: write the document's web address (http or https), where its publisher has it",
                 id="javascript-url"),
    pytest.param(NOTE.replace("    targets:", "    variants:\n      zh-Hant:\n        boddy: x\n    targets:"),
                 "annotations/notes/test.yml:6: note 'n-test': variants zh-Hant: unknown field 'boddy'\n"
                 "  hint: did you mean 'body'? allowed fields: title, body", id="variant-field"),
])
def test_note_messages(base: Path, tmp_path: Path, text: str, expected: str) -> None:
    assert message(base, tmp_path, text) == expected


def test_unknown_term_reference(base: Path, tmp_path: Path) -> None:
    text = ("terms:\n  - id: t-gmv\n    term: GMV\n    category: concept\n    definition: 商品交易总额。\n"
            "    see_also: [t-skuu]\n  - id: t-sku\n    term: SKU\n    category: concept\n    definition: 库存单位。\n")
    assert message(base, tmp_path, text, "glossary.yml") == (
        "annotations/glossary.yml:2: term 't-gmv': unknown term 't-skuu'\n  hint: did you mean 't-sku'?")


def test_no_sources_is_a_warning(base: Path, tmp_path: Path) -> None:
    sources = ("    sources:\n      - title: 吕氏春秋·察今\n        publisher: 吕不韦\n"
               "        citation: 《吕氏春秋·慎大览·察今》\n")
    loaded = load_with(base, tmp_path, NOTE.replace(sources, "    sources: []\n"))
    assert [str(w) for w in loaded.warnings] == [
        "annotations/notes/test.yml:8: note 'n-test': no sources\n"
        "  hint: every fact that is not in the text names where it comes from"]


def test_overlapping_and_nested_quotes_anchor(base: Path, tmp_path: Path) -> None:
    text = NOTE + NOTE.split("\n", 1)[1].replace("n-test", "n-outer").replace(
        "quote: 刻舟求剑", "quote: 不假思索、刻舟求剑似的照搬") + NOTE.split("\n", 1)[1].replace(
        "n-test", "n-overlap").replace("quote: 刻舟求剑", "quote: 求剑似的照搬到新业务")
    loaded = load_with(base, tmp_path, text)
    spans = {a.annotation.id: (a.block.id, a.start, a.end) for a in loaded.anchors}
    assert spans["n-outer"][1] < spans["n-test"][1] < spans["n-test"][2] < spans["n-outer"][2]
    assert spans["n-test"][1] < spans["n-overlap"][1] < spans["n-test"][2] < spans["n-overlap"][2]


def test_schemas_are_up_to_date() -> None:
    for name, content in schemas.all_schemas(SETTINGS).items():
        path = ROOT / "annotations" / "schema" / name
        assert json.loads(path.read_text(encoding="utf-8")) == content, \
            f"{name} is stale: run python scripts/annotations.py schema"


def test_every_file_validates_against_its_schema_and_references_it() -> None:
    kinds = {"notes": "notes", "glossary.yml": "glossary", "timeline.yml": "timeline",
             "emendations.yml": "emendations", "structure.yml": "structure", "conversion.yml": "conversion",
             "forms.yml": "forms", "layout.yml": "layout"}
    files = sorted((ROOT / "annotations").rglob("*.yml"))
    assert files
    for path in files:
        key = "notes" if path.parent.name == "notes" else path.name
        schema = json.loads((ROOT / "annotations" / "schema" / f"{kinds[key]}.schema.json").read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(yaml.safe_load(path.read_text("utf-8")), schema,
                            cls=jsonschema.Draft202012Validator)
        first = path.read_text("utf-8").splitlines()[0]
        # (A BOM before it is refused by the checker, at line 1: core/textfile.py.)
        assert first.startswith("# yaml-language-server: $schema="), f"{path}: the first line is {first!r}"
        assert first.endswith(f"{kinds[key]}.schema.json"), f"{path}: the first line names another schema: {first!r}"


def run_cli(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "annotations.py"), "--root", str(root), *args],
                          capture_output=True, text=True, timeout=1800)


def test_cli_check_passes_on_the_repository() -> None:
    result = run_cli("check", "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("annotations: ")


def test_cli_check_reports_file_and_line(base: Path, tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(base, copy)
    (copy / "annotations" / "notes").mkdir()
    (copy / "annotations" / "notes" / "x.yml").write_text(NOTE.replace("刻舟求剑\n", "刻舟求箭\n"), "utf-8")
    result = run_cli("check", root=copy)
    assert result.returncode == 1
    assert result.stderr.startswith("error: annotations/notes/x.yml:5: note 'n-test': quote '刻舟求箭' not found")
    assert "Traceback" not in result.stderr


def test_cli_new_scaffolds_a_note_that_checks_once_filled_in(base: Path, tmp_path: Path) -> None:
    result = run_cli("new", "building-cars", "造车", "--id", "n-cars")
    assert result.returncode == 0, result.stderr
    # As printed, its placeholders are refused, each with the fix.
    assert message(base, tmp_path, "notes:\n" + result.stdout) == (
        "annotations/notes/test.yml:8: note 'n-cars': field 'body' still has the example value "
        "'（在此写注释正文：简体中文，中立，每个文本之外的事实都注明来源。）'\n"
        "  hint: replace it with the note, in Markdown (no HTML)\n"
        "annotations/notes/test.yml:11: note 'n-cars': sources 1: field 'title' still has the example value "
        "'（来源标题）'\n"
        "  hint: replace it with the source's title, as the document carries it\n"
        "annotations/notes/test.yml:12: note 'n-cars': sources 1: field 'url' still has the example value "
        "'https://'\n"
        "  hint: replace it with the document's web address (http or https), where its publisher has it\n"
        "annotations/notes/test.yml:13: note 'n-cars': sources 1: field 'publisher' still has the example value "
        "'（出版者）'\n"
        "  hint: replace it with who issued the document (its author's organisation, the newspaper, the ministry)")
    placeholder = "（在此写注释正文：简体中文，中立，每个文本之外的事实都注明来源。）"
    filled = result.stdout.replace(placeholder, "说明。").replace("（来源标题）", "来源").replace(
        "url: https://", "url: https://www.mi.com/").replace("（出版者）", "小米集团")
    loaded = load_with(base, tmp_path / "filled", "notes:\n" + filled)
    assert [(a.annotation.id, a.block.id) for a in loaded.anchors] == [("n-cars", "building-cars")]


def test_markers_are_placed_across_inline_markup(base: Path, tmp_path: Path) -> None:
    """A quote that crosses markup (an emphasis, another mark) still gets its marker after its end."""
    text = NOTE.replace("page: building-cars", "page: scale-diseconomies").replace(
        "quote: 刻舟求剑", "quote: 注意力”，极致爆品")
    loaded = load_with(base, tmp_path, text)
    page = loaded.edition.document.by_slug["scale-diseconomies"]
    block = next(b for b in page.blocks if b.id == "p-1-2")
    html = f'<p id="p-1-2">{block.text.replace("注意力", "<em>注意力</em>", 1)}</p>'
    marks = [p for p in loaded.placements_on(page) if p.block.id == "p-1-2"]
    out = page_html.decorate(html, page, marks, loaded.notes_on(page), page_html.Hrefs("../../apparatus/"))
    # The emendation mark (after “，”) sits inside the quote; the note's marker follows the quote.
    assert '词叫“<em>注意力</em>”，<sup class="edition-emendation" id="ref-e-001"' in out
    assert '校</a></sup>极致爆品<sup class="edition-note-ref" id="ref-n-test"' in out


def test_variants_override_text_fields_per_edition(base: Path, tmp_path: Path) -> None:
    text = NOTE.replace("    body: 比喻拘泥成法。\n",
                        "    body: 比喻拘泥成法。\n    variants:\n      zh-Hant:\n        body: 比喻拘泥成法。（繁）\n")
    (note,) = load_with(base, tmp_path, text).annotations.annotations
    assert note.text("body", "zh-Hant") == "比喻拘泥成法。（繁）"
    assert note.text("body") == note.text("body", "zh-HK") == "比喻拘泥成法。"


SOURCE = ("    sources:\n      - title: 吕氏春秋·察今\n        publisher: 吕不韦\n"
          "        citation: 《吕氏春秋·慎大览·察今》\n")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(NOTE.replace("        citation: 《吕氏春秋·慎大览·察今》\n",
                              "        citation: 《吕氏春秋·慎大览·察今》\n        date: 2022-03-22\n"),
                 "annotations/notes/test.yml:12: note 'n-test': sources 1: field 'date' must be "
                 "text, got '2022-03-22'\n"
                 '  hint: write it in double quotes: date: "2022-03-22"', id="unquoted-date"),
    pytest.param(NOTE.replace("        citation: 《吕氏春秋·慎大览·察今》\n",
                              "        citation: 《吕氏春秋·慎大览·察今》\n        date: 2022\n"),
                 "annotations/notes/test.yml:12: note 'n-test': sources 1: field 'date' must be text, got '2022'\n"
                 '  hint: write it in double quotes: date: "2022"', id="unquoted-year"),
    pytest.param(NOTE.replace("        citation: 《吕氏春秋·慎大览·察今》\n",
                              "        citation: 《吕氏春秋·慎大览·察今》\n        date: 2022年3月\n"),
                 "annotations/notes/test.yml:12: note 'n-test': sources 1: field 'date' value '2022年3月' "
                 "is malformed\n"
                 '  hint: write date: "2022-03" (when it was published: YYYY, YYYY-MM or YYYY-MM-DD)',
                 id="chinese-date"),
    pytest.param(NOTE.replace("        citation: 《吕氏春秋·慎大览·察今》\n",
                              "        citation: 《吕氏春秋·慎大览·察今》\n        date: 2022/3/22\n"),
                 "annotations/notes/test.yml:12: note 'n-test': sources 1: field 'date' value "
                 "'2022/3/22' is malformed\n"
                 '  hint: write date: "2022-03-22" (when it was published: YYYY, YYYY-MM or YYYY-MM-DD)',
                 id="slashed-date"),
    pytest.param(NOTE.replace("        citation: 《吕氏春秋·慎大览·察今》\n",
                              "        citation: 《吕氏春秋·慎大览·察今》\n        date: 去年\n"),
                 "annotations/notes/test.yml:12: note 'n-test': sources 1: field 'date' value '去年' is malformed\n"
                 "  hint: write when it was published: YYYY, YYYY-MM or YYYY-MM-DD", id="no-date"),
    pytest.param(NOTE.replace("    body: 比喻拘泥成法。\n", "    body:\n"),
                 "annotations/notes/test.yml:7: note 'n-test': field 'body' has no value\n"
                 "  hint: write it after 'body: ' on the same line (the note, in Markdown (no HTML))", id="no-body"),
    pytest.param(NOTE.replace(SOURCE, "    sources:\n      # - title: x\n"),
                 "annotations/notes/test.yml:8: note 'n-test': field 'sources' has no value\n"
                 "  hint: write its items on the lines below, each starting with '- ', indented more than 'sources:'",
                 id="no-sources-value"),
    pytest.param(NOTE.replace("    body: 比喻拘泥成法。\n", "    body: |\n\n"),
                 "annotations/notes/test.yml:7: note 'n-test': field 'body' is empty\n"
                 "  hint: write the body on the lines under 'body: |', indented more than 'body:'", id="empty-block"),
    pytest.param(NOTE.replace("    category: idiom\n", "    category: idiom\n     title: 刻舟\n"),
                 "annotations/notes/test.yml:4: this line is indented by 5 spaces, but 'category: idiom' on line 3 "
                 "by 4\n  hint: indent it by 4 spaces: the fields of one entry line up", id="indented-too-far"),
    pytest.param(NOTE.replace("        quote: 刻舟求剑\n", "       quote: 刻舟求剑\n"),
                 "annotations/notes/test.yml:6: this line is indented by 7 spaces, but 'page: building-cars' on "
                 "line 5 by 8\n  hint: indent it by 8 spaces: the fields of one entry line up", id="target-indent"),
    pytest.param(NOTE.replace("    body: 比喻拘泥成法。\n", "    body: |\n    比喻拘泥成法。\n"),
                 "annotations/notes/test.yml:8: the text of 'body: |' is not indented under it\n"
                 "  hint: indent each line of the text by 6 spaces, more than 'body:'", id="block-not-indented"),
    pytest.param(NOTE.replace("    body:", "\tbody:"),
                 "annotations/notes/test.yml:7: the line is indented with a tab\n"
                 "  hint: replace the tab with spaces (YAML indents with spaces only)", id="tab"),
    pytest.param(NOTE.replace(SOURCE, "    sources: []\n      - title: x\n        citation: y\n"),
                 "annotations/notes/test.yml:9: this line is indented under 'sources: []' on line 8, which already "
                 "has a value\n  hint: if the list belongs to 'sources', delete the value after 'sources:' ('[]'); "
                 "if not, line it up with the items it belongs with", id="list-under-a-value"),
    pytest.param(NOTE.replace("    body: 比喻拘泥成法。", "    body: 注意: 比喻拘泥成法"),
                 "annotations/notes/test.yml:7: the value contains ': ', which YAML reads as the start of another "
                 "field\n  hint: put the value in double quotes: body: \"…\"", id="colon-in-value"),
])
def test_field_and_syntax_messages_in_plain_words(base: Path, tmp_path: Path, text: str, expected: str) -> None:
    assert message(base, tmp_path, text) == expected


@pytest.mark.parametrize(("target", "expected"), [
    pytest.param("quote: 一旦出现认知错误， 必然会导致惯性思维",
                 "annotations/notes/test.yml:5: note 'n-test': quote '一旦出现认知错误， "
                 "必然会导致惯性思维' not found on page "
                 "'building-cars'\n  hint: the closest passage is '一旦出现认知错误，必然会导致惯性思维' in "
                 "p-3-36; the quote has "
                 "a space after '，'; the text has none; copy the quote exactly from docs/text/building-cars.md",
                 id="space-after-comma"),
    pytest.param("quote: 一旦出现认知错误，\n          必然会导致惯性思维",
                 "annotations/notes/test.yml:5: note 'n-test': quote '一旦出现认知错误， "
                 "必然会导致惯性思维' not found on page "
                 "'building-cars'\n  hint: the closest passage is '一旦出现认知错误，必然会导致惯性思维' in "
                 "p-3-36; the quote has "
                 "a space after '，'; the text has none (YAML joins the lines of a value written over several lines "
                 "with a space: write the quote on one line); copy the quote exactly from docs/text/building-cars.md",
                 id="plain-scalar-folded"),
    pytest.param("quote: >\n          一旦出现认知错误，\n          必然会导致惯性思维",
                 "annotations/notes/test.yml:5: note 'n-test': quote '一旦出现认知错误， "
                 "必然会导致惯性思维⏎' not found on page "
                 "'building-cars'\n  hint: the closest passage is '一旦出现认知错误，必然会导致惯性思维' in "
                 "p-3-36; the quote has "
                 "a space after '，'; the text has none; the quote has a line break at its end; the text has none "
                 "(YAML joins the lines of a value written over several lines with a space: write the quote on one "
                 "line); copy the quote exactly from docs/text/building-cars.md", id="folded-block"),
    pytest.param("quote: １２００人",
                 "annotations/notes/test.yml:5: note 'n-test': quote '１２００人' not found on page 'building-cars'\n"
                 "  hint: the closest passage is '1200人' in p-3-30; the quote has the full-width '１２００' where the "
                 "text has the half-width '1200'; copy the quote exactly from docs/text/building-cars.md",
                 id="full-width-digits"),
    pytest.param("quote: 「铁人三项」",
                 "annotations/notes/test.yml:5: note 'n-test': quote '「铁人三项」' not found on page 'building-cars'\n"
                 "  hint: the closest passage is '“铁人三项”' in p-3-11; the quote has the Traditional edition's '「' "
                 "where the text has '“'; the quote has the Traditional edition's '」' where the text has '”'; copy "
                 "the quote exactly from docs/text/building-cars.md", id="traditional-quotation-marks"),
    pytest.param("quote: 不假思索、刻舟求劍似的照搬",
                 "annotations/notes/test.yml:5: note 'n-test': quote '不假思索、刻舟求劍似的照搬' not found on page "
                 "'building-cars'\n  hint: the closest passage is '不假思索、刻舟求剑似的照搬' in p-3-36; "
                 "the quote has the "
                 "Traditional '劍' where the text has '剑'; copy the quote exactly from docs/text/building-cars.md",
                 id="traditional-character"),
])
def test_invisible_differences_in_a_quote_are_named(base: Path, tmp_path: Path, target: str, expected: str) -> None:
    assert message(base, tmp_path, NOTE.replace("quote: 刻舟求剑", target)) == expected


BODY_WARNING = "  hint: notes are Markdown, never HTML: write **bold**, *italic*, [text](https://…), or remove the tag"


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param("    body: 比喻<script>alert(1)</script>拘泥成法。\n",
                 ["annotations/notes/test.yml:7: note 'n-test': body contains HTML '<script>', which the page shows "
                  "as text\n" + BODY_WARNING], id="script"),
    pytest.param("    body: |\n      比喻拘泥成法。\n\n      <img src=x onerror=alert(2)>\n",
                 ["annotations/notes/test.yml:10: note 'n-test': body contains HTML '<img src=x onerror=alert(2)>', "
                  "which the page shows as text\n" + BODY_WARNING], id="img-in-a-block"),
    pytest.param("    body: >\n      比喻拘泥成法，\n      见[此](javascript:alert(3))。\n",
                 ["annotations/notes/test.yml:9: note 'n-test': body links to 'javascript:alert(3)', which the page "
                  "shows as text\n  hint: link only to web addresses: [text](https://…)"], id="javascript-link"),
    pytest.param("    body: \"比喻拘泥成法。![图](https://example.org/a.png)\"\n",
                 ["annotations/notes/test.yml:7: note 'n-test': body has an image ('https://example.org/a.png'), which "
                  "the page leaves out\n  hint: notes show no images: link to it instead, like [text](https://…)"],
                 id="image"),
    pytest.param("    body: 比喻拘泥成法。\n    variants:\n      zh-Hant:\n        body: 比喻<b>拘泥</b>成法。\n",
                 ["annotations/notes/test.yml:10: note 'n-test': the zh-Hant body contains HTML '<b>', which the page "
                  "shows as text\n" + BODY_WARNING], id="variant-body"),
    pytest.param("    body: 写 `<b>` 是代码，\\<b> 是转义，&lt;b&gt; 是实体，[链接](https://www.mi.com/)。\n", [],
                 id="not-html"),
])
def test_raw_html_in_a_body_is_a_warning_at_its_line(base: Path, tmp_path: Path, body: str,
                                                     expected: list[str]) -> None:
    loaded = load_with(base, tmp_path, NOTE.replace("    body: 比喻拘泥成法。\n", body))
    assert [str(w) for w in loaded.warnings] == expected


def test_raw_html_is_reported_beside_errors(base: Path, tmp_path: Path) -> None:
    text = NOTE.replace("    body: 比喻拘泥成法。\n", "    body: <i>x</i>\n")
    text = text.replace("quote: 刻舟求剑", "quote: 刻舟求箭")
    with pytest.raises(EditionError) as caught:
        load_with(base, tmp_path, text)
    assert [p.line for p in caught.value.problems] == [5]
    assert [w.message for w in caught.value.warnings] == [
        "note 'n-test': body contains HTML '<i>', which the page shows as text"]


REPOST = ("        repost:\n          url: https://tech.sina.com.cn/x.html\n          publisher: 新浪科技\n"
          "          title: 转载的标题\n")
NEWS = (NOTE.replace("        publisher: 吕不韦\n        citation: 《吕氏春秋·慎大览·察今》\n",
                     "        citation: 2021年1月11日第3版\n"
                     "        publisher: 北京商报\n        date: \"2021-01-11\"\n" + REPOST)
        .replace("title: 吕氏春秋·察今", "title: 1003家小米之家同时开业"))


def test_a_source_read_at_a_repost(base: Path, tmp_path: Path) -> None:
    (note,) = load_with(base, tmp_path, NEWS).annotations.annotations
    (source,) = note.sources
    assert source == Source("1003家小米之家同时开业", citation="2021年1月11日第3版", publisher="北京商报",
                            date="2021-01-11",
                            repost=Repost("https://tech.sina.com.cn/x.html", "新浪科技", "转载的标题"))
    assert notes.sources_html(note.sources) == (
        '<p class="edition-note-sources">来源：1003家小米之家同时开业，北京商报，2021-01-11，2021年1月11日第3版'
        '（转载：<a href="https://tech.sina.com.cn/x.html" rel="noopener noreferrer nofollow">新浪科技</a>，'
        '转载的标题）。</p>')
    assert glossary.source_data(source) == {
        "title": "1003家小米之家同时开业", "citation": "2021年1月11日第3版", "publisher": "北京商报",
        "date": "2021-01-11",
        "repost": {"url": "https://tech.sina.com.cn/x.html", "publisher": "新浪科技", "title": "转载的标题"}}
    assert webannotation._sources(source) == [
        {"type": "TextualBody", "purpose": "linking", "format": "text/plain", "language": "zh-Hans",
         "value": "1003家小米之家同时开业，北京商报，2021-01-11，2021年1月11日第3版（转载：新浪科技，转载的标题）"},
        {"type": "SpecificResource", "purpose": "linking", "source": "https://tech.sina.com.cn/x.html"}]


def test_source_values_are_escaped_and_linked_only_to_web_addresses() -> None:
    source = Source('<b onmouseover="x">t</b>', url="https://a.example/?q=<x>", publisher="<i>p</i>", date="2021",
                    repost=Repost("https://b.example/\"", "<s>r</s>"))
    assert notes.sources_html((source,)) == (
        '<p class="edition-note-sources">来源：<a href="https://a.example/?q=&lt;x&gt;" rel="noopener noreferrer '
        'nofollow">&lt;b onmouseover=&quot;x&quot;&gt;t&lt;/b&gt;</a>，&lt;i&gt;p&lt;/i&gt;，2021（转载：<a '
        'href="https://b.example/&quot;" rel="noopener noreferrer nofollow">&lt;s&gt;r&lt;/s&gt;</a>）。</p>')
    assert notes.sources_html((Source("t", url="javascript:alert(1)"),)) == (
        '<p class="edition-note-sources">来源：t。</p>')


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(NEWS.replace("          url: https://tech.sina.com.cn/x.html\n", ""),
                 "annotations/notes/test.yml:14: note 'n-test': sources 1: repost: missing field 'url'\n"
                 "  hint: add 'url: …' (the address where the document was read (http or https))",
                 id="repost-without-url"),
    pytest.param(NEWS.replace("        citation: 2021年1月11日第3版\n", "        url: "
                                                                        "https://tech.sina.com.cn/x.html\n"),
                 "annotations/notes/test.yml:14: note 'n-test': source '1003家小米之家同时开业': the repost's url is "
                 "the "
                 "source's own url\n  hint: 'url' is the document at its publisher, 'repost' where it was read "
                 "instead: if you read it at its publisher, remove 'repost'", id="repost-is-the-source"),
    pytest.param(NEWS.replace("url: https://tech.sina.com.cn/x.html", "url: ftp://x"),
                 "annotations/notes/test.yml:14: note 'n-test': sources 1: repost: field 'url' value 'ftp://x' is "
                 "malformed\n  hint: write the address where the document was read (http or https)",
                 id="repost-url-not-web"),
])
def test_repost_messages(base: Path, tmp_path: Path, text: str, expected: str) -> None:
    assert message(base, tmp_path, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(NOTE.replace("        publisher: 吕不韦\n", ""),
                 "annotations/notes/test.yml:9: note 'n-test': source '吕氏春秋·察今' has no publisher\n"
                 "  hint: add 'publisher: …', who issued the document; if you read it elsewhere, say where under "
                 "'repost:' (url, publisher)", id="no-publisher"),
    pytest.param(NEWS.replace("publisher: 北京商报", "publisher: 北京商报（转载）").replace(REPOST, ""),
                 "annotations/notes/test.yml:11: note 'n-test': source '1003家小米之家同时开业': its publisher says "
                 "'转载'\n"
                 "  hint: give the original's publisher here, without '转载', and where you read it under 'repost:' "
                 "(url, publisher)", id="repost-in-publisher"),
    pytest.param(NEWS.replace("title: 1003家小米之家同时开业", "title: 1003家小米之家同时开业（转载）")
                 .replace(REPOST, ""),
                 "annotations/notes/test.yml:9: note 'n-test': source '1003家小米之家同时开业（转载）': its "
                 "title says '转载'\n"
                 "  hint: give the original's title here, without '转载', and where you read it under 'repost:' "
                 "(url, publisher)", id="repost-in-title"),
    pytest.param(NEWS.replace("publisher: 北京商报", "publisher: 北京商报（镜像）").replace(REPOST, ""),
                 "annotations/notes/test.yml:11: note 'n-test': source '1003家小米之家同时开业': its publisher says "
                 "'镜像'\n"
                 "  hint: give the original's publisher here, without '镜像', and where you read it under 'repost:' "
                 "(url, publisher)", id="mirror-in-publisher"),
    pytest.param(NEWS.replace("title: 1003家小米之家同时开业", "title: \"[无标题]\""),
                 "annotations/notes/test.yml:9: note 'n-test': source '[无标题]': the title '[无标题]' says nothing "
                 "more\n"
                 "  hint: after '[无标题]', describe the document (what it is, who wrote it, when)",
                 id="untitled-bare"),
    pytest.param(NEWS.replace("body: 比喻拘泥成法。", "body: 正文说“刻舟求箭”，比喻拘泥成法。"),
                 "annotations/notes/test.yml:7: note 'n-test': body quotes the text as '刻舟求箭', which the text "
                 "does not have\n"
                 "  hint: copy the quotation exactly from the text (docs/text/), or quote it as a paraphrase without "
                 "quotation marks", id="text-quoted-wrongly"),
])
def test_the_source_policy(base: Path, tmp_path: Path, text: str, expected: str) -> None:
    """CONTRIBUTING.md's source policy, where it is mechanical: a publisher, and reposts under `repost:`."""
    assert message(base, tmp_path, text) == expected


def test_the_schema_asks_for_a_publisher() -> None:
    required = schemas.all_schemas(SETTINGS)["notes.schema.json"]["properties"]["notes"]["items"]["properties"][
        "sources"]["items"]["required"]
    assert required == ["title", "publisher"]


def test_a_quotation_of_the_text_as_the_text_has_it_passes(base: Path, tmp_path: Path) -> None:
    body = "body: 正文的“刻舟求剑”与“刻舟求剑……的故事”都照正文，‘’也可：正文作“‘刻舟求剑’”的不算。"
    assert "刻舟求剑" in (base / "docs/text/building-cars.md").read_text(encoding="utf-8")
    loaded = load_with(base, tmp_path, NEWS.replace("body: 比喻拘泥成法。", body.replace("……的故事", "")
                                                    .replace("作“‘刻舟求剑’”的不算", "作“刻舟求剑”")))
    assert loaded.annotations.annotations

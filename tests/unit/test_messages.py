"""Every message a contributor can get from the emendation and structure files, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.core.errors import EditionError
from edition.core.text import emendations, structure

SOURCE = "流量背后有一个词叫“注意力”\n，极致爆品\n一\n定能够\n"


def load_emendations(tmp_path: Path, text: str, source: str = SOURCE) -> tuple:
    path = tmp_path / "emendations.yml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return emendations.load(path, "annotations/emendations.yml", source, "source/text.txt")


def message(tmp_path: Path, text: str | bytes) -> str:
    with pytest.raises(EditionError) as caught:
        load_emendations(tmp_path, text)  # type: ignore[arg-type]
    return str(caught.value)


GOOD = """emendations:
  - id: e-001
    kind: join
    line: 1
    source: "注意力”\\n，"
    reading: "注意力”，"
    reason: 接排。
"""


def test_good_file_loads(tmp_path: Path) -> None:
    (e,) = load_emendations(tmp_path, GOOD)
    assert (e.id, e.line, e.start, e.end, e.label) == ("e-001", 1, 10, 16, "接排")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("emendations:\n  - id: e-001\n    kind: [join\n",
                 "annotations/emendations.yml:4: YAML syntax error: expected ',' or ']', but got '<stream end>'\n"
                 "  hint: check the indentation and quoting on this line or the one above it", id="yaml-syntax"),
    pytest.param(GOOD.replace("    line: 1\n", "   line: 1\n"),
                 "annotations/emendations.yml:4: this line is indented by 3 spaces, but 'kind: join' on line 3 by 4\n"
                 "  hint: indent it by 4 spaces: the fields of one entry line up", id="indentation"),
    pytest.param(GOOD.replace("    line: 1\n", "\tline: 1\n"),
                 "annotations/emendations.yml:4: the line is indented with a tab\n"
                 "  hint: replace the tab with spaces (YAML indents with spaces only)", id="tab"),
    pytest.param(GOOD.replace('reason: 接排。', 'reason: "接排。'),
                 "annotations/emendations.yml:7: the quoted value that starts on this line is not closed\n"
                 "  hint: end it with the quote mark it starts with; inside \"…\" write a \" as \\\", inside '…' "
                 "write a ' as ''", id="unclosed-quote"),
    pytest.param("",
                 "annotations/emendations.yml: the file is empty\n"
                 "  hint: write 'emendations:' and under it the entries, each starting with '- '", id="empty-file"),
    pytest.param(b"\xef\xbb\xbf" + GOOD.encode(),
                 "annotations/emendations.yml:1: the file starts with a byte order mark (BOM)\n"
                 "  hint: save it as UTF-8 without BOM (in VS Code: click 'UTF-8 with BOM' in the status bar, 'Save "
                 "with Encoding', 'UTF-8'; in Notepad: Save As, encoding 'UTF-8', not 'UTF-8 with BOM')", id="bom"),
    pytest.param(b"emendations: \xff\n",
                 "annotations/emendations.yml:1: the file is not valid UTF-8\n  hint: save the file as UTF-8",
                 id="not-utf8"),
    pytest.param("notes: []\n",
                 "annotations/emendations.yml:1: the file must have a top-level 'emendations' list\n"
                 "  hint: start the file with 'emendations:' followed by '- ' items", id="no-top-level-list"),
    pytest.param(GOOD.replace("    reason: 接排。\n", "    reason: 接排。\n    reasn: x\n"),
                 "annotations/emendations.yml:8: emendation 'e-001': unknown field 'reasn'\n"
                 "  hint: did you mean 'reason'? allowed fields: id, kind, line, source, reading, reason",
                 id="unknown-field"),
    pytest.param(GOOD.replace("    reason: 接排。\n", ""),
                 "annotations/emendations.yml:2: emendation 'e-001': missing field 'reason'\n"
                 "  hint: add 'reason: …' (why, in Chinese, for readers)", id="missing-field"),
    pytest.param(GOOD.replace("line: 1", "line: first"),
                 "annotations/emendations.yml:4: emendation 'e-001': field 'line' must be an integer, got 'first'\n"
                 "  hint: write an integer", id="wrong-type"),
    pytest.param(GOOD.replace("reason: 接排。", 'reason: " "'),
                 "annotations/emendations.yml:7: emendation 'e-001': field 'reason' is empty\n"
                 "  hint: write the reason", id="empty"),
    pytest.param(GOOD.replace("kind: join", "kind: fix"),
                 "annotations/emendations.yml:3: emendation 'e-001': field 'kind' has unknown value 'fix'\n"
                 "  hint: use one of: join, reorder, insert, delete", id="unknown-kind"),
    pytest.param(GOOD.replace("id: e-001", "id: E1"),
                 "annotations/emendations.yml:2: emendation 'E1': field 'id' value 'E1' is malformed\n"
                 "  hint: write a stable id like e-012 (three digits or more: e-1234)", id="malformed-id"),
    pytest.param(GOOD + GOOD.split("\n", 1)[1],
                 "annotations/emendations.yml:8: duplicate id 'e-001' (first on line 2)\n"
                 "  hint: give each emendation its own id", id="duplicate-id"),
    pytest.param(GOOD.replace("line: 1", "line: 2"),
                 "annotations/emendations.yml:5: source text '注意力”⏎，' not found on line 2 of source/text.txt\n"
                 "  hint: that text begins on line 1: write 'line: 1'", id="wrong-line"),
    pytest.param(GOOD.replace('source: "注意力”\\n，"', 'source: "注意力\\n，"'),
                 "annotations/emendations.yml:5: source text '注意力⏎，' not found on line 1 of source/text.txt\n"
                 "  hint: line 1 reads '流量背后有一个词叫“注意力”'; copy the text exactly, writing each line "
                 "break as \\n", id="source-not-found"),
    pytest.param(GOOD.replace("line: 1", "line: 9"),
                 "annotations/emendations.yml:4: line 9 is outside source/text.txt (1–5)\n"
                 "  hint: give the source line where the text begins", id="line-outside"),
    pytest.param(GOOD.replace('reading: "注意力”，"', 'reading: "注意力，"'),
                 "annotations/emendations.yml:3: emendation 'e-001': kind 'join' does not fit: a join only "
                 "removes line breaks, but the text differs\n"
                 "  hint: check 'source' and 'reading', or choose another kind", id="kind-mismatch"),
    pytest.param(GOOD + GOOD.split("\n", 1)[1].replace("e-001", "e-002").replace('注意力”\\n，', '”\\n，极')
                 .replace('注意力”，"', '”，极"'),
                 "annotations/emendations.yml:8: emendation 'e-002' overlaps 'e-001'\n"
                 "  hint: merge the two into one emendation, or shorten one of them", id="overlap"),
    pytest.param("emendations:\n  - 5\n",
                 "annotations/emendations.yml:2: emendation must be a mapping of fields, got '5'\n"
                 "  hint: write it as 'field: value' lines", id="not-a-mapping"),
    pytest.param("emendations:\n  - id: e-001\n    id: e-002\n",
                 "annotations/emendations.yml:3: duplicate key 'id' (first on line 2)\n"
                 "  hint: keep one of the two", id="duplicate-key"),
])
def test_emendation_messages(tmp_path: Path, text: str, expected: str) -> None:
    assert message(tmp_path, text) == expected


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = GOOD.replace("line: 1", "line: first") + GOOD.split("\n", 1)[1].replace("e-001", "e-002").replace(
        "kind: join", "kind: fix")
    assert message(tmp_path, text).count("annotations/emendations.yml:") == 2


STRUCTURE = """pages:
  - slug: opening
    title: 开篇
    editorial: true
    sections:
      - id: part-one
        title: 第一节
"""


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(STRUCTURE.replace("slug: opening", "slug: Opening"),
                 "annotations/structure.yml:2: page 0: field 'slug' value 'Opening' is malformed\n"
                 "  hint: write the page's ASCII file name, like three-iron-rules", id="slug"),
    pytest.param(STRUCTURE.replace("id: part-one", "id: opening"),
                 "annotations/structure.yml:6: duplicate id 'opening' (first on line 2)\n"
                 "  hint: every page slug and section id must be unique", id="duplicate"),
    pytest.param(STRUCTURE.replace("editorial: true", "editorial: yes please"),
                 "annotations/structure.yml:4: page 0: field 'editorial' must be true or false, got 'yes please'\n"
                 "  hint: write true or false", id="bool"),
    pytest.param("pages: []\n",
                 "annotations/structure.yml:1: no pages declared\n  hint: list at least one page under 'pages:'",
                 id="empty"),
])
def test_structure_messages(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "structure.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        structure.load(path, "annotations/structure.yml")
    assert str(caught.value) == expected

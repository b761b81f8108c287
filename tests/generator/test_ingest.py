"""Ingest on small texts made for the test: what real extractions contain (page breaks, blank lines,
carriage returns, control characters), declared layout fixes, and the report when the declared
geometry does not fit the text. Every message is asserted whole."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from edition.core.render import apparatus
from edition.core.text import ingest
from edition.core.text.chars import control_characters, without_whitespace
from edition.core.text.emendations import line_starts

from .projects import FIRST_SETTING, load, made_up, message, paragraphs, typeset, write

GEOMETRY = {"column": 10, "indent": 2, "slack": 1, "overflow": 1}


def control_free(edition: ingest.Edition) -> bool:
    """No control character but the line break in any generated page."""
    return all(c == "\n" or (ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F)
               for page in ingest.render(edition).values() for c in page)


def test_page_breaks_and_blank_lines_are_no_paragraph_breaks(tmp_path: Path) -> None:
    # 第二篇 is at the top of a page: pdftotext puts a form feed before it.
    source = ("第一篇\n甲乙丙丁戊己庚辛\n壬癸子丑寅卯辰巳午未\n\n\f申酉戌亥天地玄黄宇\n宙洪。\n"
              "日月盈昃辰宿列张\n寒来暑往秋收冬藏。\n\n\f第二篇\n闰余成岁律吕调阳\n云腾。\n\n\f")
    edition = load(write(tmp_path, source, ["第一篇", "第二篇"], GEOMETRY))
    assert paragraphs(edition) == [["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪。",
                                    "日月盈昃辰宿列张寒来暑往秋收冬藏。"], ["闰余成岁律吕调阳云腾。"]]
    assert [p.title for p in edition.document.pages] == ["第一篇", "第二篇"]
    assert control_free(edition)
    text = "".join(b.source_text for _, b in edition.document.blocks())
    assert without_whitespace(text) == without_whitespace(source)


def test_carriage_returns_are_not_text(tmp_path: Path) -> None:
    source = "第一篇\r\n甲乙丙丁戊己庚辛\r\n壬癸。\r\n".encode()
    edition = load(write(tmp_path, source, ["第一篇"], GEOMETRY))
    assert paragraphs(edition) == [["甲乙丙丁戊己庚辛壬癸。"]]
    assert control_free(edition)


def test_a_byte_order_mark_is_refused_like_in_every_input_file(tmp_path: Path) -> None:
    """The source is compared byte for byte; a BOM an editor saved is refused, as in every input
    file (core/textfile.py), with how to save without one."""
    root = write(tmp_path / "bom", "\ufeff第一篇\n甲乙丙丁戊己庚辛\n壬癸。\n".encode(), ["第一篇"], GEOMETRY)
    assert message(root).startswith("source/text.txt:1: the file starts with a byte order mark (BOM)\n"
                                    "  hint: save it as UTF-8 without BOM")


def test_a_control_character_is_an_artifact_shown_visibly(tmp_path: Path) -> None:
    root = write(tmp_path, "第一篇\n甲乙丙丁\x07戊己庚辛\n壬癸\x1b。\n", ["第一篇"], GEOMETRY)
    assert message(root) == (
        "source/text.txt:2: extraction artifact left in the text: control character ␇ (U+0007) in '甲乙丙丁␇戊己庚辛'\n"
        "  hint: record an emendation (kind 'delete') for it in annotations/emendations.yml\n"
        "source/text.txt:3: extraction artifact left in the text: control character ␛ (U+001B) in '壬癸␛。'\n"
        "  hint: record an emendation (kind 'delete') for it in annotations/emendations.yml")


def test_a_heading_not_found_shows_what_differs(tmp_path: Path) -> None:
    # The line prints 說 as the compatibility ideograph U+F96F, which looks the same as U+8AAA.
    root = write(tmp_path, "\f\uf96f明\n甲乙丙。\n", ["說明"], GEOMETRY)
    assert message(root) == (
        "annotations/structure.yml:2: heading '說明' not found in the text after source line 0\n"
        "  hint: the closest line is 1: '\uf96f明' (it differs at character 1: U+8AAA in the title, U+F96F in the "
        "text); copy the title exactly as the source prints it (after emendations)")


def test_an_emendation_not_found_shows_the_form_feed(tmp_path: Path) -> None:
    root = write(tmp_path, "第一篇\n甲乙丙。\n\n\f丁戊己。\n", ["第一篇"], GEOMETRY,
                 emendations="emendations:\n  - id: e-001\n    kind: delete\n    line: 4\n    source: 丁丁\n"
                             "    reading: 丁\n    reason: 衍文。\n")
    assert message(root) == (
        "annotations/emendations.yml:5: source text '丁丁' not found on line 4 of source/text.txt\n"
        "  hint: line 4 reads '␌丁戊己。'; copy the text exactly, writing each line break as \\n")


BREAK = "fixes:\n  - kind: break\n    line: 4\n    source: 未申\n    reason: 另起一段。\n"


def test_a_declared_break_begins_a_paragraph_without_a_mark(tmp_path: Path) -> None:
    source = "第一篇\n甲乙丙丁戊己庚辛\n壬癸子丑寅卯辰巳午。\n未申酉。\n"
    root = write(tmp_path, source, ["第一篇"], GEOMETRY, fixes=BREAK)
    edition = load(root)
    assert paragraphs(edition) == [["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午。", "未申酉。"]]
    assert apparatus.placements(edition) == []  # no 校 mark in the text
    page = apparatus.page_markdown(edition, lambda p: f"text/{p.slug}/")
    assert "底本没有需要校勘之处" in page
    assert page.endswith(
        "## 版式处理\n\n以下各处只涉及分段与空白，不改动文字，正文中不加“校”字；列在这里，供核对底本。\n\n"
        '<ul class="edition-apparatus-layout">\n'
        '<li><p><span class="edition-apparatus-kind">另起一段</span> <a href="text/page-1/#p-0-2">第一篇 · p-0-2</a> '
        '<span class="edition-apparatus-meta">底本第 4 行</span></p><p>另起一段。</p></li>\n</ul>\n')
    text = "".join(b.source_text for _, b in edition.document.blocks())
    assert without_whitespace(text) == without_whitespace(source)


def test_without_the_break_the_rules_join(tmp_path: Path) -> None:
    root = write(tmp_path, "第一篇\n甲乙丙丁戊己庚辛\n壬癸子丑寅卯辰巳午。\n未申酉。\n", ["第一篇"], GEOMETRY)
    assert paragraphs(load(root)) == [["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午。未申酉。"]]


def test_a_whitespace_fix_joins_a_paragraph_a_plain_text_split(tmp_path: Path) -> None:
    source = "第一篇\n　　前一段的前半，\n后半。\n　　后一段。\n"
    fixes = ("fixes:\n  - kind: whitespace\n    line: 2\n    source: \"前半，\\n后半\"\n    reading: 前半，后半\n"
             "    reason: 一段误分两行。\n")
    edition = load(write(tmp_path, source, ["第一篇"], {"kind": "paragraphs"}, fixes=fixes))
    assert paragraphs(edition) == [["前一段的前半，后半。", "后一段。"]]
    assert apparatus.placements(edition) == []
    assert ('<li><p><span class="edition-apparatus-kind">空白</span> <a href="p/#p-0-1">第一篇 · p-0-1</a> '
            '<span class="edition-apparatus-meta">底本第 2 行</span></p>'
            '<p>底本：<span class="edition-apparatus-text">前半，<span class="edition-linebreak" title="底本换行">⏎'
            '</span>后半</span></p><p>今作：<span class="edition-apparatus-text">前半，后半</span></p>'
            "<p>一段误分两行。</p></li>") in apparatus.page_markdown(edition, lambda p: "p/")


def test_a_whitespace_fix_parts_a_heading_the_extractor_glued_to_the_text(tmp_path: Path) -> None:
    source = "\f第一篇甲乙丙丁戊己\n庚辛。\n"
    fixes = ("fixes:\n  - kind: whitespace\n    line: 1\n    source: \"\\f第一篇甲乙\"\n"
             "    reading: \"\\f第一篇\\n甲乙\"\n    reason: 标题与正文被提取到同一行。\n")
    edition = load(write(tmp_path, source, ["第一篇"], GEOMETRY, fixes=fixes))
    assert paragraphs(edition) == [["甲乙丙丁戊己庚辛。"]]
    assert "底本：<span class=\"edition-apparatus-text\">␌第一篇甲乙</span>" in apparatus.page_markdown(
        edition, lambda p: "p/")


def test_bad_layout_fixes_are_all_reported_with_their_lines(tmp_path: Path) -> None:
    fixes = """fixes:
  - kind: break
    line: 3
    source: 未申
    reading: 未申
    reason: 有 reading。
  - kind: break
    line: 2
    source: 未申
    reason: 不在行首。
  - kind: whitespace
    line: 2
    source: "戊己\\n庚"
    reading: 戊己庚辛
    reason: 改了字。
  - kind: whitespace
    line: 2
    source: "戊己"
    reading: "戊己"
    reason: 没有改。
  - kind: whitespace
    line: 3
    source: "辰巳"
    reason: 缺 reading。
  - kind: break
    line: 40
    source: 未申
    reason: 超出。
  - kind: paragraph
    line: 2
    source: 甲
    reason: 种类不对。
"""
    source = "第一篇\n甲乙丙丁戊己\n庚辛壬癸子丑寅卯辰巳午。\n未申酉。\n"
    root = write(tmp_path, source, ["第一篇"], GEOMETRY, fixes=fixes)
    assert message(root) == (
        "annotations/layout.yml:5: layout fix 1: a break has no 'reading'\n"
        "  hint: remove it: a break changes no text (to change whitespace, write 'kind: whitespace')\n"
        "annotations/layout.yml:9: layout fix 2: line 2 of source/text.txt does not begin with '未申'\n"
        "  hint: that text begins line 4: write 'line: 4'\n"
        "annotations/layout.yml:14: layout fix 3: a whitespace fix changes only whitespace, but '戊己庚辛' differs "
        "from '戊己⏎庚' in its text\n"
        "  hint: a change of the text is an emendation: record it in the emendations file, with its reason\n"
        "annotations/layout.yml:19: layout fix 4: 'reading' is the same as 'source'\n"
        "  hint: write the whitespace the edition reads, or remove the fix\n"
        "annotations/layout.yml:21: layout fix 5: missing field 'reading'\n"
        "  hint: add 'reading: …', the source text with the whitespace the edition reads\n"
        "annotations/layout.yml:26: layout fix 6: line 40 is outside source/text.txt (1–5)\n"
        "  hint: give the source line where the new paragraph begins\n"
        "annotations/layout.yml:29: layout fix 7: field 'kind' has unknown value 'paragraph'\n"
        "  hint: use one of: break, whitespace")


def test_a_break_the_rules_make_anyway_or_that_is_not_on_body_text(tmp_path: Path) -> None:
    fixes = ("fixes:\n  - kind: break\n    line: 4\n    source: 丁戊\n    reason: 多余。\n"
             "  - kind: break\n    line: 1\n    source: 第一篇\n    reason: 标题。\n")
    root = write(tmp_path, "第一篇\n甲乙丙丁戊己庚辛\n壬癸。\n丁戊己。\n", ["第一篇"], GEOMETRY, fixes=fixes)
    assert message(root) == (
        "annotations/layout.yml:2: layout fix: a paragraph begins on line 4 without a declared break\n"
        "  hint: remove the entry: the reflow rules already begin a paragraph there\n"
        "annotations/layout.yml:6: layout fix: line 1 does not begin a printed line of body text\n"
        "  hint: a break goes on a line of a paragraph, not on a heading or on a piece of a printed line the "
        "extractor split")


def test_a_whitespace_fix_may_not_overlap_an_emendation(tmp_path: Path) -> None:
    fixes = ("fixes:\n  - kind: whitespace\n    line: 2\n    source: \"庚辛\\n壬\"\n    reading: 庚辛壬\n"
             "    reason: 接排。\n")
    emendations = ("emendations:\n  - id: e-001\n    kind: delete\n    line: 3\n    source: 壬壬\n    reading: 壬\n"
                   "    reason: 衍文。\n")
    root = write(tmp_path, "第一篇\n甲乙丙丁戊己庚辛\n壬壬癸。\n", ["第一篇"], GEOMETRY, fixes=fixes,
                 emendations=emendations)
    assert message(root) == (
        "annotations/layout.yml:2: the whitespace fix on line 2 overlaps emendation 'e-001' "
        "(annotations/emendations.yml:2)\n"
        "  hint: write the whitespace in the emendation's reading, and remove the fix")


# The declared geometry against the text: the lines are set by projects.typeset.

def test_a_text_printed_narrower_than_declared_is_refused(tmp_path: Path) -> None:
    root = write(tmp_path, "第一篇\n" + typeset(made_up(12), 8, page=9), ["第一篇"], {"column": 10})
    assert message(root) == (
        f"mkdocs.yml:{FIRST_SETTING}: layout: a column of 10 em does not fit the text: its lines are too short "
        "(widths at the 50th/90th percentile: 6/8 em, of 47 lines; a full line is at least 9 em)\n"
        "  hint: the lines look like a column of 8 em: write 'column: 8' (or 'column: auto' to measure it)")


def test_a_text_printed_wider_than_declared_is_refused(tmp_path: Path) -> None:
    root = write(tmp_path, "第一篇\n" + typeset(made_up(24), 14), ["第一篇"], {"kind": "page", "column": 10})
    assert message(root) == (
        f"mkdocs.yml:{FIRST_SETTING + 1}: layout: a column of 10 em does not fit the text: its lines are too long "
        "(widths at the 50th/90th percentile: 12/14 em, of 58 lines; no line may run past 11 em)\n"
        "  hint: the lines look like a column of 14 em: write 'column: 14' (or 'column: auto' to measure it)")


def test_a_text_without_indents_is_refused_when_indents_are_declared(tmp_path: Path) -> None:
    root = write(tmp_path, "第一篇\n" + typeset(made_up(40), 10, indent=0), ["第一篇"], {"column": 10, "indent": 2})
    assert message(root) == (
        f"mkdocs.yml:{FIRST_SETTING + 1}: layout: an indent of 2 em does not fit the text: of the 25 lines that "
        "begin a paragraph after one ending in a short line, 5 are an indented full line (7–9 em), and most are "
        "10 em wide (a full first line indented 2 em is 8 em)\n"
        "  hint: the first lines look not indented: write 'indent: 0'")
    # With no indent, a paragraph that ends with a full line runs on into the next: none does here.
    text = made_up(40, lengths=(23, 7, 41, 16, 31, 12, 55, 8))
    write(tmp_path / "fixed", "第一篇\n" + typeset(text, 10, indent=0), ["第一篇"], {"column": 10, "indent": 0})
    assert paragraphs(load(tmp_path / "fixed")) == [text]


def test_a_printed_page_declared_one_paragraph_per_line_is_refused(tmp_path: Path) -> None:
    root = write(tmp_path, "第一篇\n" + typeset(made_up(12), 10), ["第一篇"], {"kind": "paragraphs"})
    assert message(root) == (
        f"mkdocs.yml:{FIRST_SETTING}: layout: the text does not look like one paragraph per line: 14 of its 37 lines "
        "are 10 em wide, and 14 of those end mid-sentence, as a printed page's lines do\n"
        "  hint: write 'kind: page' and 'column: 10'")


@pytest.mark.parametrize("column", [8, 10, 14, 24])
def test_the_right_geometry_or_auto_reads_every_paragraph(tmp_path: Path, column: int) -> None:
    text = "第一篇\n" + typeset(made_up(30), column, page=7)
    for name, settings in (("declared", {"column": column}), ("auto", {"column": "auto"}), ("default", {})):
        edition = load(write(tmp_path / name, text, ["第一篇"], settings))
        assert edition.layout.column == column, name
        assert paragraphs(edition) == [made_up(30)], name


def test_a_short_text_is_not_measured(tmp_path: Path) -> None:
    # Five lines say nothing about a column: a wrong one is not reported, only read.
    edition = load(write(tmp_path, "第一篇\n甲乙丙丁戊己\n庚辛。\n壬癸。\n", ["第一篇"], {"column": 30}))
    assert paragraphs(edition) == [["甲乙丙丁戊己庚辛。", "壬癸。"]]


def test_control_characters_are_those_of_unicode_that_are_not_white_space() -> None:
    """The 65 C0 and C1 controls but the 10 that are white space (tab, line feed, vertical tab, form
    feed, carriage return, the separators U+001C–U+001F, NEL U+0085); each as often as it occurs, in order."""
    every = "".join(map(chr, range(0x3100)))
    wanted = [c for c in every if unicodedata.category(c) == "Cc" and not c.isspace()]
    assert control_characters(every + every[::-1]) == wanted + wanted[::-1]
    assert len(wanted) == 65 - 10 and control_characters("甲乙\t\n\f\x1c\x85丙") == []


def test_line_starts_are_after_each_line_break() -> None:
    assert line_starts("") == [0]
    assert line_starts("甲\n\n乙\r\n丙\n") == [0, 2, 3, 6, 8]

"""Conversion overrides: their checks, word for word, and that they go stale loudly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition import themes
from edition.core import project
from edition.core.annotations.model import Annotation
from edition.core.editions import variant_site, variants
from edition.core.errors import EditionError
from edition.core.exports import jsontext
from edition.core.text import ingest
from edition.core.text.document import Block
from edition.core.theme import Neutral

from ..conftest import LAYOUT, PATHS, ROOT, SETTINGS, copy_project
from .test_annotations import NOTE, load_with, run_cli

DOCUMENT = ingest.load(PATHS, LAYOUT).document
#: Everything else the edition prints: the annotations' texts (overrides count there too).
PRINTED = variants.printed(project.load(PATHS, settings=SETTINGS).annotations.annotations)
TAIWAN = variants.Variant("zh-Hant", "s2tw", "zh-Hant/", "繁體中文", "「」『』", "zh-TW")
HEAD = "# yaml-language-server: $schema=schema/conversion.schema.json\noverrides:\n"


def override(simplified: str, converted: str, count: int, block: str = "") -> str:
    return (f"  - edition: zh-Hant\n    simplified: {simplified}\n    converted: {converted}\n"
            f"    count: {count}\n    reason: 测试。\n" + (f"    block: {block}\n" if block else ""))


def problems(tmp_path: Path, text: str) -> str:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "conversion.yml").write_text(HEAD + text, encoding="utf-8")
    try:
        loaded = variants.load_overrides(tmp_path, "annotations/conversion.yml")
    except EditionError as err:
        return str(err)
    return "\n".join(str(p) for p in variants.Converter(TAIWAN, loaded).check(DOCUMENT, PRINTED))


def test_the_real_overrides_hold() -> None:
    loaded = variants.load_overrides(ROOT, "annotations/conversion.yml")
    assert loaded and variants.Converter(TAIWAN, loaded).check(DOCUMENT, PRINTED) == []


def test_an_override_for_an_edition_that_is_not_configured() -> None:
    override = variants.Override("zh-Hant-HK", "征程", "征途", 1, "测试", file="annotations/conversion.yml", line=7)
    assert [str(p) for p in variants.check({"zh-Hant": variants.Converter(TAIWAN, [override])}, [override],
                                           DOCUMENT)] == [
        "annotations/conversion.yml:7: override '征程': there is no edition 'zh-Hant-HK'\n"
        "  hint: configured editions: zh-Hant"]


def test_a_paragraph_override_applies_only_there() -> None:
    override = variants.Override("zh-Hant", "征程", "征途", 1, "测试", block="p-2-23")
    converter = variants.Converter(TAIWAN, [override])
    assert converter.check(DOCUMENT) == []
    assert converter.convert("新10年的征程") == "新10年的征程"  # outside the paragraph: OpenCC's own
    assert converter.in_block("p-2-23", "新10年的征程", converter.characters("新10年的征程")) == "新10年的征途"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(override("小米面向未来", "小米面向未來", 3),
                 "annotations/conversion.yml:3: override '小米面向未来': expected 3 occurrences in the text and the "
                 "annotations, found 2\n"
                 "  hint: the text changed: check the override still applies, then fix its count (or remove it)",
                 id="stale-count"),
    pytest.param(override("新征程", "新征程", 2, block="p-2-20"),
                 "annotations/conversion.yml:3: override '新征程': expected 2 occurrences in p-2-20, found 1\n"
                 "  hint: the text changed: check the override still applies, then fix its count (or remove it)",
                 id="stale-count-in-paragraph"),
    pytest.param(override("新征程", "新征程", 1, block="p-9-99"),
                 "annotations/conversion.yml:3: override '新征程': there is no paragraph 'p-9-99'\n"
                 "  hint: use a paragraph id of docs/text/*.md, like p-3-12", id="no-paragraph"),
    pytest.param(override("三大铁律", "三大鐵律", 21),
                 "annotations/conversion.yml:3: override '三大铁律': OpenCC already gives '三大鐵律'\n"
                 "  hint: the converter was fixed; remove the override", id="not-needed"),
    pytest.param(override("雷军发长文", "雷軍發長文", 1),
                 "", id="only-in-the-timeline"),
    pytest.param(override("雷军发长文", "雷軍發長文", 0),
                 "annotations/conversion.yml:3: override '雷军发长文': expected 0 occurrences in the text and the "
                 "annotations, found 1\n"
                 "  hint: the text changed: check the override still applies, then fix its count (or remove it)",
                 id="count-0"),
    pytest.param(override("雷军发长短文", "雷軍發長短文", 0),
                 "annotations/conversion.yml:3: override '雷军发长短文': the phrase occurs nowhere in the text and "
                 "the annotations\n  hint: remove the override, or quote a phrase the edition prints", id="nowhere"),
    pytest.param(override("小米面向未来", "小米面向", 1),
                 "annotations/conversion.yml:5: override: '小米面向' is not as long as '小米面向未来'\n"
                 "  hint: an override replaces the converted phrase character for character", id="length"),
    pytest.param(override("小米面向未来", "小米面向未來", 1).replace("zh-Hant", "Hant"),
                 "annotations/conversion.yml:3: override: field 'edition' value 'Hant' is malformed\n"
                 "  hint: write the edition it applies to, like zh-Hant", id="edition"),
])
def test_override_messages(tmp_path: Path, text: str, expected: str) -> None:
    assert problems(tmp_path, text) == expected


def test_the_checker_reports_stale_overrides(tmp_path: Path) -> None:
    copy = copy_project(tmp_path / "project")  # with the annotations: overrides count there too
    shutil.copy(ROOT / "mkdocs.yml", copy)
    path = copy / "annotations" / "conversion.yml"
    path.write_text((ROOT / "annotations" / "conversion.yml").read_text(encoding="utf-8").replace(
        "count: 7", "count: 8"), encoding="utf-8")
    result = run_cli("check", root=copy)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", (
        "error: annotations/conversion.yml:27: override '合作伙伴': expected 8 occurrences in the text and the "
        "annotations, found 7\n"
        "  hint: the text changed: check the override still applies, then fix its count (or remove it)\n"
        "annotations: 1 error\n"))


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("雷軍內部信曝光：小米成立時喝了碗小米粥", "雷軍內部信曝光：小米成立時喝了碗小米粥", id="a-title"),
    pytest.param("小米12周年 雷軍微博發布舊logo相", "小米12周年 雷軍微博發布舊logo相", id="周年-not-週年"),
    pytest.param("我們對台灣的了解", "我們對台灣的了解", id="了解-not-瞭解"),
    pytest.param("据报道《雷軍內部信曝光》", "據報道《雷軍內部信曝光》", id="a-run-in-simplified-prose"),
    pytest.param("小米的了解", "小米的瞭解", id="simplified-is-converted"),
])
def test_text_already_in_traditional_is_left_as_it_is(text: str, expected: str) -> None:
    assert variants.Converter(TAIWAN).convert(text) == expected


def _traditional_by_a_whole_scan(text: str) -> list[tuple[int, int]]:
    """variants.traditional as it was written first: every break of the text up to the last run, each
    run's unit looked up among them."""
    import bisect
    found = []
    end = -1
    for m in variants._traditional_pattern().finditer(text):
        if m.start() >= end:
            start = m.start()
            while start > 0 and "\u3400" <= text[start - 1] <= "\u9fff":
                start -= 1
            found.append(start)
            end = variants._HAN_RUN.match(text, m.start()).end()  # type: ignore[union-attr]
    if not found:
        return []
    breaks = []
    for m in variants._UNIT_BREAK.finditer(text):
        breaks.append((m.start(), m.end()))
        if m.start() > found[-1]:
            break
    starts = [start for start, _ in breaks]
    out: list[tuple[int, int]] = []
    done = -1
    for run in found:
        k = bisect.bisect_right(starts, run)
        if k != done:
            done = k
            at, stop = breaks[k - 1][1] if k else 0, breaks[k][0] if k < len(breaks) else len(text)
            runs = [(m.start(), m.end(), {variants._script(c) for c in m.group()})
                    for m in variants._HAN_RUN.finditer(text, at, stop)]
            if -1 not in set().union(*(kind for _, _, kind in runs)):
                out.append((at, stop))
            else:
                out += [(a, b) for a, b, kind in runs if 1 in kind and -1 not in kind]
    return out


@given(st.lists(st.sampled_from(["小", "米", "集", "團", "開", "獲", "認", "購", "台", "灣", "了", "瞭", "<", ">",
                                 "a", "\n", "。", "“", "”", "（", ";", "<a>", "</a>", '<a title="集團">', "<b"]),
                max_size=40).map("".join))
@settings(derandomize=True, database=None, deadline=None, max_examples=1000)
def test_traditional_units_are_those_a_whole_scan_of_the_breaks_finds(text: str) -> None:
    """Each run's unit is found from the last '>' before it (no break crosses one), as a scan of
    every break from the start finds it: in tags, after stray '>' and '<', before and after them."""
    assert variants.traditional(text) == _traditional_by_a_whole_scan(text)


def test_a_marked_span_is_kept_and_its_marks_printed_nowhere(base: Path, tmp_path: Path) -> None:
    note = NOTE.replace("body: 比喻拘泥成法。", "body: 比喻拘泥成法，见-{小米云}-的说明。").replace(
        "title: 吕氏春秋·察今", "title: -{吕氏春秋}-·察今")
    (annotation,) = load_with(base, tmp_path, note).annotations.annotations
    assert (annotation.body, annotation.sources[0].title, annotation.kept) == (
        "比喻拘泥成法，见小米云的说明。", "吕氏春秋·察今", ("吕氏春秋", "小米云"))
    converter = variants.Converter(TAIWAN, kept_in=variants.kept([annotation]))
    assert converter.printed_in("", annotation.body, annotation.id) == "比喻拘泥成法，見小米云的說明。"
    assert converter.for_annotation(annotation.id).convert(annotation.sources[0].title) == "吕氏春秋·察今"
    # Where it is marked only: elsewhere in the edition (the text, another note) the phrase is converted.
    assert converter.convert(annotation.body) == "比喻拘泥成法，見小米雲的說明。"
    assert converter.printed_in("p-1-1", "小米云服务", "") == "小米雲服務"
    pairs, texts = variant_site.annotation_fields([annotation], converter)
    assert ("<p>比喻拘泥成法，見小米雲的說明。</p>", "<p>比喻拘泥成法，見小米云的說明。</p>") in pairs[annotation.id]
    assert texts["比喻拘泥成法，见小米云的说明。"] == "比喻拘泥成法，見小米云的說明。"


def test_a_backlink_snippet_is_cut_from_the_converted_paragraph() -> None:
    block = Block("paragraph", "p-1-1", "在产业上游，我们在推进产业投资、供应链金融。", (1, 1))
    start = block.text.index("供应链金融")
    pairs = variant_site.snippet_fields([(block, start, start + 5)], variants.Converter(TAIWAN))
    snippet = '<span class="edition-term-snippet">…{}，我們在推進產業投資、<strong>供應鏈金融</strong>。</span>'
    # Cut at 上|游: alone, 游 is converted as 遊; the paragraph prints 上游.
    assert pairs == {"p-1-1": [(snippet.format("遊"), snippet.format("游"))]}


BY_ANNOTATION = {"ev-a": ["雷军发长文回顾"], "n-b": ["他发长文。"]}


@pytest.mark.parametrize(("scoped", "expected"), [
    pytest.param(variants.Override("zh-Hant", "发长文", "發長文", 1, "测试", file="c.yml", line=3, annotation="ev-a"),
                 [], id="holds"),
    pytest.param(variants.Override("zh-Hant", "发长文", "發長文", 2, "测试", file="c.yml", line=3, annotation="ev-a"),
                 ["c.yml:3: override '发长文': expected 2 occurrences in ev-a, found 1\n"
                  "  hint: the text changed: check the override still applies, then fix its count (or remove it)"],
                 id="count"),
    pytest.param(variants.Override("zh-Hant", "发长文", "發長文", 1, "测试", file="c.yml", line=3, annotation="ev-z"),
                 ["c.yml:3: override '发长文': there is no annotation 'ev-z'\n"
                  "  hint: use the id of a note, term or event, like ev-car-announcement"], id="no-annotation"),
])
def test_an_override_scoped_to_an_annotation_counts_there(scoped: variants.Override, expected: list[str]) -> None:
    converter = variants.Converter(TAIWAN, [scoped])
    assert [str(p) for p in converter.check(DOCUMENT, [], BY_ANNOTATION)] == expected


def test_an_override_scoped_to_an_annotation_applies_only_there() -> None:
    scoped = variants.Override("zh-Hant", "发长文", "發長文", 1, "测试", annotation="ev-a")
    converter = variants.Converter(TAIWAN, [scoped])
    assert converter.printed_in("", "雷军发长文回顾", "ev-a") == "雷軍發長文回顧"
    assert converter.printed_in("", "他发长文。", "n-b") == "他髮長文。"  # elsewhere: OpenCC's own
    event = Annotation("event", "ev-a", "company", "雷军发长文回顾。", (), (), title="雷军发长文")
    pairs, texts = variant_site.annotation_fields([event], converter)
    assert pairs == {"ev-a": [("<strong>雷軍髮長文</strong></p>", "<strong>雷軍發長文</strong></p>"),
                              ('：雷軍髮長文"', '：雷軍發長文"'), ('　雷軍髮長文"', '　雷軍發長文"'),
                              ("　雷軍髮長文</a>", "　雷軍發長文</a>"),
                              ("<p>雷軍髮長文回顧。</p>", "<p>雷軍發長文回顧。</p>")]}
    assert texts == {"雷军发长文": "雷軍發長文", "雷军发长文回顾。": "雷軍發長文回顧。"}


USAGE = [variants.Usage("zh-Hant", simplified, printed, "测试") for simplified, printed in (
    ("网络", "網路"), ("博客", "部落格"), ("在线", "線上"), ("中关村在线", "中關村在線"), ("在线下", "在線下"))]


@pytest.mark.parametrize(("text", "expected"), [
    ("据网络问答，官方博客称", "據網路問答，官方部落格稱"),  # a longer word is fine: the last step
    ("他说“网络是一切”", "他說「網絡是一切」"),  # what the editors quote stays as it was written
    ("见《网络共和国》与网络效应", "見《網絡共和國》與網路效應"),  # a title too
    ("“没有闭合的网络\n\n网络", "「沒有閉合的網絡\n\n網路"),  # an open quotation ends with its paragraph
    ("中关村在线报道在线直销，首次在线下销售", "中關村在線報道線上直銷，首次在線下銷售"),  # the longest entry wins
    ("https://example.org/网络 网络", "https://example.org/網絡 網路"),  # a URL is no prose
])
def test_the_editors_usage_rewords_their_own_words_only(text: str, expected: str) -> None:
    converter = variants.Converter(TAIWAN, usage=USAGE)
    assert converter.reword(text, converter.convert(text)) == expected


def test_the_editors_usage_reaches_every_place_an_annotation_is_printed() -> None:
    converter = variants.Converter(TAIWAN, usage=USAGE)
    note = Annotation("note", "n-a", "background", "据网络问答。", (), (), title="网络与博客")
    pairs, texts = variant_site.annotation_fields([note], converter)
    assert pairs == {"n-a": [("<strong>網絡與博客</strong></p>", "<strong>網路與部落格</strong></p>"),
                             ('：網絡與博客"', '：網路與部落格"'), ('　網絡與博客"', '　網路與部落格"'),
                             ("　網絡與博客</a>", "　網路與部落格</a>"),
                             ("<p>據網絡問答。</p>", "<p>據網路問答。</p>")]}
    assert texts == {"网络与博客": "網路與部落格", "据网络问答。": "據網路問答。"}
    term = Annotation("term", "t-a", "concept", "", (), (), term="网络效应", definition="网络的效应")
    pairs, texts = variant_site.annotation_fields([term], converter)
    assert pairs == {"t-a": [('<p class="edition-term-definition">網絡的效應</p>',
                              '<p class="edition-term-definition">網路的效應</p>'), ('"網絡的效應"', '"網路的效應"')]}
    # In the export's body too; the headword is the text's word: 網絡效應.
    assert texts == {"网络的效应": "網路的效應", "**网络效应**：网络的效应": "**網絡效應**：網路的效應"}


def test_what_an_annotation_marks_kept_is_not_reworded_either() -> None:
    converter = variants.Converter(TAIWAN, usage=USAGE, kept_in={"n-b": ("网络",)})
    note = Annotation("note", "n-b", "background", "见网络，据博客。", (), (), kept=("网络",))
    pairs, _ = variant_site.annotation_fields([note], converter)
    assert pairs == {"n-b": [('：見網絡，據博客。"', '：見网络，據部落格。"'),  # an untitled note's marker label
                             ("<p>見網絡，據博客。</p>", "<p>見网络，據部落格。</p>")]}


USAGE_HEAD = "# yaml-language-server: $schema=schema/forms.schema.json\nforms: []\nusage:\n"


def usage_problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "forms.yml").write_text(USAGE_HEAD + text, encoding="utf-8")
    found, problems = variants.read_usage(tmp_path, "annotations/forms.yml")
    converter = variants.Converter(TAIWAN, usage=found)
    prose = [Annotation("note", "n-a", "background", "据网络问答，“博客”。", (), ())]
    return [str(p) for p in problems + variants.check({"zh-Hant": converter}, [], DOCUMENT, usage=found,
                                                      annotations=prose)]


def entry(simplified: str, printed: str, edition: str = "zh-Hant") -> str:
    return f"  - edition: {edition}\n    simplified: {simplified}\n    printed: {printed}\n    reason: 测试。\n"


def test_usage_messages(tmp_path: Path) -> None:
    assert usage_problems(tmp_path, entry("网络", "網路") + entry("网络", "網路") + entry("博客", "部落格")
                          + entry("网络", "網路", "zh-Hant-HK")) == [
        "annotations/forms.yml:8: usage '网络': given twice (first at line 4)\n"
        "  hint: keep one entry per word and edition",
        "annotations/forms.yml:16: usage '网络': there is no edition 'zh-Hant-HK'\n"
        "  hint: configured editions: zh-Hant",
        "annotations/forms.yml:12: usage '博客': the word occurs nowhere in the editors' prose (outside "
        "quotations and titles)\n  hint: the annotations changed: remove the entry"]


def test_an_override_has_one_scope(tmp_path: Path) -> None:
    assert problems(tmp_path, override("新征程", "新征程", 1, block="p-2-20") + "    annotation: n-x\n") == (
        "annotations/conversion.yml:9: override: 'block' and 'annotation' both given\n"
        "  hint: scope an override to a paragraph or to an annotation, not both")


def test_passages_primed_together_print_as_each_alone() -> None:
    overrides = [variants.Override("zh-Hant", "征程", "征途", 1, "测试", block="p-2-23"),
                 variants.Override("zh-Hant", "发长文", "發長文", 1, "测试", annotation="ev-a")]
    passages = [("p-2-23", "新10年的征程", ""), ("p-2-24", "新10年的征程", ""), ("", "雷军发长文回顾", "ev-a"),
                ("", "他发长文。", "n-b"), ("", "网络的头发", "n-c"), ("p-1-1", "两行\n文字", "")]
    alone = variants.Converter(TAIWAN, overrides, kept_in={"n-c": ("网络",)})
    primed = variants.Converter(TAIWAN, overrides, kept_in={"n-c": ("网络",)})
    primed.prime(passages)
    assert [primed.printed_in(*p) for p in passages] == [alone.printed_in(*p) for p in passages] == [
        "新10年的征途", "新10年的征程", "雷軍發長文回顧", "他髮長文。", "网络的頭髮", "兩行\n文字"]


#: A frame as a theme writes one, with what a split between pieces must not change: a quotation
#: over two lines, an apostrophe and a quotation mark near a piece's edge, Chinese text
#: interrupted by inline markup over a line break, a URL, a Latin-script quotation; an icon, a
#: script and a comment whose lines would be pieces of their own (left unconverted, they are
#: never cut), the edition's own words and an interface string of the theme at a piece's edges.
FRAME = """<header class="md-header">
  <a href="../" title="小米模式">“小米
  模式”</a>
</header>
<nav class="md-nav">
  <li class="md-nav__item">
    <a href="../text/a/" class="md-nav__link">
      <span class="md-ellipsis">头
      </span><span>发</span>
    </a>
  </li>
<li>Lu Xun’</li>
<li>’s 头发 “Redmi” “x”</li>
<li>https://example.com/“头发”</li>
  <li class="md-nav__item">
    <a href="../text/b/" class="md-nav__link">“一”里‘二’的头发</a>
  </li>
<svg viewBox="0 0 24 24">
<title>头发</title>
</svg>
<script>
var label = "<b>头发</b>
<p>头发</p>";
</script>
<!-- <b>头发</b>
<p>头发</p> -->
<a class="headerlink" title="本节链接">¶</a>
<p>本节链接</p>
<span>搜索</span>
<input placeholder="搜索">
</nav>
"""


@pytest.mark.parametrize("frame", [FRAME, FRAME.replace("\n", "\r\n"), FRAME * 3, "头发", "no Chinese\n<p>x</p>\n"])
def test_a_frame_is_made_piece_by_piece_as_it_is_made_whole(frame: str) -> None:
    converter = variants.Converter(TAIWAN)
    words = variant_site._own_words(converter)
    theme = Neutral()
    ui = {"搜索": "搜尋"}
    pieces = variant_site._frame(converter, ui, theme, words)
    assert pieces.apart
    ends = [m.end() for m in variant_site._PIECE_END.finditer(frame)]
    inside = [e for e in ends for m in variant_site._UNCUT.finditer(frame) if m.start() < e < m.end()]
    assert frame != FRAME or (len(ends), len(inside)) == (19, 4)
    whole = variant_site._Frame(converter, ui, theme, words).whole(frame)
    if frame == FRAME:  # what the frame is there for
        assert 'title="本節連結"' in whole and "<p>本節連結</p>" in whole and "<span>搜尋</span>" in whole
        assert 'var label = "<b>头发</b>\n<p>头发</p>";' in whole and "<!-- <b>头发</b>\n<p>头发</p> -->" in whole
    assert pieces(frame) == whole
    assert pieces(frame) == whole  # again, from what it kept


def test_an_edition_page_is_its_content_and_its_frame_made_apart() -> None:
    converter = variants.Converter(TAIWAN)
    page = FRAME + '<article class="md-content__inner md-typeset">本节链接<p>头发</p></article>' + FRAME
    material = themes.for_name("material")
    made = variant_site.edition_page(page, converter, {"搜索": "搜尋"}, material)
    whole = variant_site._Frame(converter, {"搜索": "搜尋"}, material, variant_site._own_words(converter)).whole(page)
    assert made == whole
    assert '<article class="md-content__inner md-typeset">本節連結<p>頭髮</p></article>' in made


def _one_by_one(text: str, edits: list[tuple[int, int, str]]) -> str:
    for at, length, new in edits:
        text = text[:at] + new + text[at + length:]
    return text


@given(st.text(alphabet="布佈占佔ab", max_size=30),
       st.lists(st.tuples(st.integers(0, 32), st.integers(0, 3), st.text(alphabet="布占xy", max_size=3)),
                max_size=8))
@settings(derandomize=True, database=None, deadline=None, max_examples=400)
def test_edits_placed_at_once_are_the_edits_made_one_by_one(text: str, edits: list[tuple[int, int, str]]) -> None:
    # Standard forms and overrides keep lengths and seldom overlap: those are placed in one pass,
    # the rest one after another, as before.
    kept = [(at, len(new), new) for at, _, new in edits]
    assert variants.overwritten(text, kept) == _one_by_one(text, kept)
    assert variants.overwritten(text, edits) == _one_by_one(text, edits)


def test_standard_forms_are_printed_in_a_long_passage_but_in_their_exceptions() -> None:
    form = variants.Form("zh-Hant", "佈", "布", "")
    keep = variants.Form("zh-Hant", "佈", "", "", keep="佈袋戲")
    converter = variants.Converter(variants.Variant("zh-Hant", "s2tw"), [], [form, keep])
    passage = "宣佈。" * 500 + "佈袋戲" + "分佈" * 500
    assert converter.standard(passage) == "宣布。" * 500 + "佈袋戲" + "分布" * 500


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["zh-Hans", "zh-Hant", "https://example.org/edition/text/", "https://example.org/edition/zh-Hant/",
                       "小米发布会", "计划", "“说”", "ab", "", "发布\n“说”\t\"计划\"", "\\发布"])
    | st.text(alphabet='发布计划说这个"\\/\n\t\x00\u2028😀ab:{}[], ', max_size=12),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["language", "text", "id", "发布", 'k"ey', "a\\b", "url"]), inner, max_size=4),
    max_leaves=20)


@given(_JSON)
@settings(derandomize=True, database=None, deadline=None, max_examples=300)
def test_an_export_converted_as_text_is_its_data_converted_and_written_again(data: object) -> None:
    """convert_export replaces the strings of the export's text (keys kept, a `language` field
    naming the source edition naming this one, absolute URLs into this edition, Chinese strings
    converted or given by `texts`): the same text as the data converted and written again."""
    converter = variants.Converter(TAIWAN)
    source = variants.Variant("zh-Hans")
    site_url = "https://example.org/edition/"
    texts = {"计划": "計畫（另）"}
    chinese: set[str] = set()

    def strings(value: object) -> None:
        if isinstance(value, str):
            chinese.update([value] if variant_site._HAN.search(value) else [])
        for item in value.values() if isinstance(value, dict) else value if isinstance(value, list) else ():
            strings(item)

    strings(data)
    table = {**dict(zip(sorted(chinese), converter.convert_all(sorted(chinese)), strict=True)), **texts}

    def converted(value: object) -> object:
        if isinstance(value, str):
            if value.startswith(site_url) and not value.startswith(site_url + TAIWAN.path):
                return site_url + TAIWAN.path + value[len(site_url):]
            return table.get(value, value)
        if isinstance(value, list):
            return [converted(v) for v in value]
        if isinstance(value, dict):
            return {k: TAIWAN.code if k == "language" and v == source.code else converted(v) for k, v in value.items()}
        return value

    text = jsontext.dumps(data)
    expected = jsontext.dumps(converted(data))
    assert variant_site.convert_export(text, converter, site_url, source, TAIWAN, texts) == expected

"""The boundary check: a passage converted whole against word by word; every finding fixed by an
override or reviewed, unreviewed ones and stale reviews reported with their place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.core import project
from edition.core.editions import boundaries, variants
from edition.core.text import segmentation

from ..conftest import PATHS, ROOT, SETTINGS, copy_project
from .test_annotations import run_cli

TAIWAN = variants.Variant("zh-Hant", "s2tw", "zh-Hant/", "繁體中文", "「」『』", "zh-TW")
#: A small text made for the test: phrases of OpenCC that cross jieba's words (发长, 往复, 年历),
#: one that does not (头发长), and a place where the whole passage is right against its words (回归).
PASSAGES = [
    boundaries.Passage("annotations/timeline.yml", 7, "ev-a source 1 title", "雷军发长文回顾12年历史",
                       annotation="ev-a"),
    boundaries.Passage("source/text.txt", 3, "p-1-2", "问题往往复杂，她的头发长了。", block="p-1-2"),
    boundaries.Passage("source/text.txt", 5, "p-1-3", "最终要回归竞争的常识。", block="p-1-3"),
]
#: The passages' words, as jieba cuts them (given here: the test does not depend on its dictionary).
WORDS = {"雷军发长文回顾12年历史": "雷军 发 长文 回顾 12 年 历史",
         "问题往往复杂，她的头发长了。": "问题 往往 复杂 ， 她 的 头发 长 了 。",
         "最终要回归竞争的常识。": "最终 要 回归 竞争 的 常识 。"}


def bounds(text: str, words: dict[str, str] = WORDS) -> list[int]:
    out = [0]
    for word in words[text].split():
        out.append(out[-1] + len(word))
    assert out[-1] == len(text)
    return out


def found(converter: variants.Converter) -> list[tuple[str, str, str, str, str]]:
    return [(f.passage.place, f.simplified, f.form(f.whole), f.form(f.words), f.form(f.printed))
            for f in boundaries.findings(converter, PASSAGES, bounds)]


def test_findings_are_where_a_phrase_crosses_a_word() -> None:
    assert found(variants.Converter(TAIWAN)) == [
        ("ev-a source 1 title", "雷军发长文", "雷軍髮長文", "雷軍發長文", "雷軍髮長文"),
        ("ev-a source 1 title", "年历史", "年曆史", "年歷史", "年曆史"),
        ("p-1-2", "往往复杂", "往往復雜", "往往複雜", "往往復雜"),
        ("p-1-3", "要回归竞争", "要回歸競爭", "要迴歸競爭", "要回歸競爭"),
    ]


def test_passages_that_agreed_are_remembered_and_the_findings_stay() -> None:
    agrees = boundaries.Passage("source/text.txt", 9, "p-1-4", "她的头发长了。", block="p-1-4")
    words = {**WORDS, agrees.text: "她 的 头发 长 了 。"}
    store: dict = {"same": ["a passage no longer in the text"]}
    first = boundaries.Same(store)
    expected = boundaries._findings(variants.Converter(TAIWAN), [*PASSAGES, agrees], lambda t: bounds(t, words), None)
    assert boundaries._findings(variants.Converter(TAIWAN), [*PASSAGES, agrees], lambda t: bounds(t, words),
                                first) == expected
    first.keep()
    # Only the passage whose two conversions agree is kept (the first three have findings); the
    # stale entry is dropped.
    assert store == {"same": [boundaries.Same.key(variants.Converter(TAIWAN), bounds(agrees.text, words), agrees.text)]}
    again = boundaries.Same(store)
    assert boundaries._findings(variants.Converter(TAIWAN), [*PASSAGES, agrees], lambda t: bounds(t, words),
                                again) == expected
    assert again.now == again.before
    # Another converter (a standard form of its own) converts otherwise: nothing of it is known.
    form = variants.Form("zh-Hant", "髮", "發", "测试")
    assert boundaries.Same.key(variants.Converter(TAIWAN, forms=[form]), [0, 1], "发") != \
        boundaries.Same.key(variants.Converter(TAIWAN), [0, 1], "发")


def test_what_the_edition_prints_has_the_overrides() -> None:
    fix = variants.Override("zh-Hant", "往往复杂", "往往複雜", 1, "测试")
    assert found(variants.Converter(TAIWAN, [fix]))[2] == ("p-1-2", "往往复杂", "往往復雜", "往往複雜", "往往複雜")


def test_an_unreviewed_finding_names_its_place_and_both_forms() -> None:
    problems = boundaries.check({"zh-Hant": variants.Converter(TAIWAN)}, PASSAGES[2:], [], bounds,
                                "annotations/conversion.yml")
    assert [str(p) for p in problems] == [
        "source/text.txt:5: zh-Hant, p-1-3: '要回归竞争' converts to '要回歸競爭' as the passage reads but to "
        "'要迴歸競爭' word by word (an OpenCC phrase crosses a word)\n"
        "  hint: decide which is right: if '要回歸競爭', record it in annotations/conversion.yml under 'reviewed:' "
        "(edition: zh-Hant, simplified: 要回归竞争, converted: 要回歸競爭, reason: …); if not, fix it with an override"]


def test_every_finding_fixed_or_reviewed_passes() -> None:
    fixes = [variants.Override("zh-Hant", "雷军发长文", "雷軍發長文", 1, "测试"),
             variants.Override("zh-Hant", "12年历史", "12年歷史", 1, "测试"),
             variants.Override("zh-Hant", "往往复杂", "往往複雜", 1, "测试", block="p-1-2")]
    kept = variants.Reviewed("zh-Hant", "回归竞争", "回歸競爭", "测试")
    assert boundaries.check({"zh-Hant": variants.Converter(TAIWAN, fixes)}, PASSAGES, [kept], bounds, "c.yml") == []


def test_an_override_scoped_to_another_paragraph_does_not_decide() -> None:
    fix = variants.Override("zh-Hant", "往往复杂", "往往複雜", 1, "测试", block="p-9-9")
    problems = boundaries.check({"zh-Hant": variants.Converter(TAIWAN, [fix])}, PASSAGES[1:2], [], bounds, "c.yml")
    assert [p.message for p in problems] == [
        "zh-Hant, p-1-2: '往往复杂' converts to '往往復雜' as the passage reads but to '往往複雜' word by word "
        "(an OpenCC phrase crosses a word)"]


DECIDED = variants.Reviewed("zh-Hant", "回归竞争", "回歸競爭", "测试")


@pytest.mark.parametrize(("reviews", "expected"), [
    pytest.param([DECIDED, variants.Reviewed("zh-Hant", "头发长了", "頭髮長了", "测试", "c.yml", 9)],
                 "c.yml:9: reviewed '头发长了': converting whole and word by word no longer differ there\n"
                 "  hint: the text or the converter changed: remove the entry", id="stale"),
    pytest.param([variants.Reviewed("zh-Hant", "回归竞争", "迴歸競爭", "测试", "c.yml", 9)],
                 "c.yml:9: reviewed '回归竞争': the edition prints '回歸競爭', not '迴歸競爭'\n"
                 "  hint: quote the form it prints, or fix it with an override", id="not-the-printed-form"),
    pytest.param([DECIDED, variants.Reviewed("zh-Hant-HK", "回归竞争", "回歸競爭", "测试", "c.yml", 9)],
                 "c.yml:9: reviewed '回归竞争': there is no edition 'zh-Hant-HK'\n"
                 "  hint: configured editions: zh-Hant", id="edition"),
])
def test_review_messages(reviews: list[variants.Reviewed], expected: str) -> None:
    problems = boundaries.check({"zh-Hant": variants.Converter(TAIWAN)}, PASSAGES[2:], reviews, bounds, "c.yml")
    assert [str(p) for p in problems] == [expected]


HEAD = "# yaml-language-server: $schema=schema/conversion.schema.json\noverrides: []\nreviewed:\n"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("  - edition: zh-Hant\n    simplified: 回归竞争\n    converted: 回歸競\n    reason: 测试。\n",
                 "annotations/conversion.yml:6: reviewed: '回歸競' is not as long as '回归竞争'\n"
                 "  hint: quote the converted phrase, character for character", id="length"),
    pytest.param("  - edition: zh-Hant\n    simplified: 回归竞争\n    converted: 回歸競爭\n",
                 "annotations/conversion.yml:4: reviewed: missing field 'reason'\n"
                 "  hint: add 'reason: …' (why that form is right here)", id="reason"),
])
def test_a_wrong_review_is_refused_with_its_line(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "conversion.yml").write_text(HEAD + text, encoding="utf-8")
    reviewed, problems = variants.read_reviewed(tmp_path, "annotations/conversion.yml")
    assert (reviewed, "\n".join(str(p) for p in problems)) == ([], expected)


def test_the_book_has_no_undecided_finding() -> None:
    loaded = project.load(PATHS, settings=SETTINGS)
    converters, problems = variants.converters(ROOT, SETTINGS, loaded.edition.document,
                                               variants.printed(loaded.annotations.annotations),
                                               annotations=loaded.annotations.annotations,
                                               own=variants.own_prose(loaded.edition.emendations, SETTINGS))
    assert problems == []  # no stale override, no editors' usage that applies nowhere
    assert boundaries.problems(ROOT, SETTINGS, loaded.edition, loaded.annotations.annotations, converters) == []
    texts = boundaries.passages(loaded.edition.document, SETTINGS.source, loaded.annotations.annotations,
                                loaded.edition.emendations, SETTINGS)
    found = boundaries.findings(converters["zh-Hant"], texts, segmentation.SHARED.boundaries)
    # Each decided (the last form is what the edition prints): ten fixed by an override, two kept.
    assert [(f.passage.place, f.simplified, f.form(f.whole), f.form(f.words), f.form(f.printed)) for f in found] == [
        ("p-2-6", "小米面向未来的", "小米麵向未來的", "小米面向未來的", "小米面向未來的"),
        ("p-2-11", "要回归竞争", "要回歸競爭", "要迴歸競爭", "要回歸競爭"),
        ("p-2-20", "新征程", "新徵程", "新征程", "新征程"),
        ("p-3-31", "开始了如火如荼", "開始瞭如火如荼", "開始了如火如荼", "開始了如火如荼"),
        ("p-5-23", "才能扎下", "才能紮下", "才能扎下", "才能紮下"),
        ("n-sanction-date-discrepancy title", "美国制裁的", "美國製裁的", "美國制裁的", "美國制裁的"),
        ("n-one-centre-two-points body", "一个中心", "一箇中心", "一個中心", "一個中心"),
        ("n-one-centre-two-points source 1 title", "一个中心", "一箇中心", "一個中心", "一個中心"),
        ("n-one-centre-two-points source 2 title", "一个中心", "一箇中心", "一個中心", "一個中心"),
        ("n-tenth-anniversary body", "总结汇报", "總結匯報", "總結彙報", "總結彙報"),
        ("t-san-da-tielv body", "往往复杂", "往往復雜", "往往複雜", "往往複雜"),
        ("t-jishu-weiben body", "小米面向未来的", "小米麵向未來的", "小米面向未來的", "小米面向未來的"),
        ("ev-first-mi-fan-festival source 2 title", "军发长文", "軍髮長文", "軍發長文", "軍發長文"),
        ("ev-first-mi-fan-festival source 2 title", "年历史", "年曆史", "年歷史", "年歷史"),
        ("ev-us-dod-designation body", "天后生效", "天后生效", "天後生效", "天後生效"),
        ("ev-us-dod-designation body", "美国制裁", "美國製裁", "美國制裁", "美國制裁"),
        ("ev-annual-speech-2022 body", "并发布", "併發布", "並發布", "並發布"),
    ]


def test_the_checker_reports_an_unreviewed_finding(tmp_path: Path) -> None:
    copy = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "mkdocs.yml", copy)
    path = copy / "annotations" / "conversion.yml"
    text = (ROOT / "annotations" / "conversion.yml").read_text(encoding="utf-8")
    entry = text[text.index("  - edition: zh-Hant\n    simplified: 才能扎下"):]
    entry = entry[:entry.find("\n  - ") + 1 or len(entry)]
    path.write_text(text.replace(entry, ""), encoding="utf-8")
    result = run_cli("check", root=copy)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", (
        "error: source/xiaomi-model-2010-2022.txt:605: zh-Hant, p-5-23: '才能扎下' converts to '才能紮下' as the "
        "passage reads but to '才能扎下' word by word (an OpenCC phrase crosses a word)\n"
        "  hint: decide which is right: if '才能紮下', record it in annotations/conversion.yml under 'reviewed:' "
        "(edition: zh-Hant, simplified: 才能扎下, converted: 才能紮下, reason: …); if not, fix it with an override\n"
        "annotations: 1 error\n"))

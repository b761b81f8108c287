"""The conversion report: by word, over every passage, problems first."""

from __future__ import annotations

from edition.core.editions import boundaries, conversion_report, variants

from .test_boundaries import PASSAGES, TAIWAN, WORDS, bounds

FIX = variants.Override("zh-Hant", "往往复杂", "往往複雜", 1, "测试", file="c.yml", line=3)
#: An override against the policy (宣布): the report says so.
AGAINST = variants.Override("zh-Hant", "宣布了", "宣佈了", 1, "测试", file="c.yml", line=8)
KEPT = variants.Reviewed("zh-Hant", "回归竞争", "回歸競爭", "测试", "c.yml", 12)
FORM = variants.Form("zh-Hant", "宣佈", "宣布", "测试", file="f.yml", line=2)
TWICE = boundaries.Passage("source/text.txt", 7, "p-1-4", "他宣布了，又宣布一次。", block="p-1-4")


def test_the_report_names_each_finding_and_its_decision_then_every_word() -> None:
    words = {**WORDS, TWICE.text: "他 宣布 了 ， 又 宣布 一 次 。"}
    converter = variants.Converter(TAIWAN, [FIX, AGAINST], [FORM])
    report = conversion_report.report(converter, [*PASSAGES, TWICE], lambda t: bounds(t, words), [KEPT])
    assert report == """\
# zh-Hant (s2tw): the conversion by word, over everything the edition prints
# 4 passages. Problems first; then every word printed in another form (Simplified → printed, count, where).

## Boundary findings (4): the passage converted whole and word by word differ
  ev-a source 1 title  雷军发长文: whole 雷軍髮長文, word by word 雷軍發長文; printed 雷軍髮長文 (NOT REVIEWED)
  ev-a source 1 title  年历史: whole 年曆史, word by word 年歷史; printed 年曆史 (NOT REVIEWED)
  p-1-2  往往复杂: whole 往往復雜, word by word 往往複雜; printed 往往複雜 (fixed by the override at c.yml:3)
  p-1-3  要回归竞争: whole 要回歸競爭, word by word 要迴歸競爭; printed 要回歸競爭 (reviewed at c.yml:12)

## Words printed two ways (1)
  宣布 → 宣佈 (1: p-1-4); 宣布 (1: p-1-4)

## Forms outside the policy (1)
  宣布 → 宣佈: 宣佈 where the policy prints 宣布 (f.yml:2; p-1-4)

## What each override changed (2)
  c.yml:3  往往复杂 → 往往複雜 (OpenCC: 往往復雜): 1 place: p-1-2
  c.yml:8  宣布了 → 宣佈了 (OpenCC: 宣布了): 1 place: p-1-4

## Every word printed in another form (15 forms of 14 words)
  历史 → 曆史  1  ev-a source 1 title
  发 → 髮  1  ev-a source 1 title
  回归 → 回歸  1  p-1-3
  回顾 → 回顧  1  ev-a source 1 title
  复杂 → 複雜  1  p-1-2
  头发 → 頭髮  1  p-1-2
  宣布 → 宣佈  1  p-1-4
  宣布 → 宣布  1  p-1-4
  常识 → 常識  1  p-1-3
  最终 → 最終  1  p-1-3
  竞争 → 競爭  1  p-1-3
  长 → 長  1  p-1-2
  长文 → 長文  1  ev-a source 1 title
  问题 → 問題  1  p-1-2
  雷军 → 雷軍  1  ev-a source 1 title"""

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
#: The editors' prose, and their usage: it applies there, not in the text (p-1-2) nor in a source's title.
NOTE = boundaries.Passage("annotations/notes/a.yml", 4, "n-b body", "据网络问答，问题不大。", annotation="n-b",
                          prose=True)
USAGE = [variants.Usage("zh-Hant", "网络", "網路", "测试", "f.yml", 6),
         variants.Usage("zh-Hant", "问题", "問題", "测试", "f.yml", 10)]


def test_the_report_names_each_finding_and_its_decision_then_every_word() -> None:
    words = {**WORDS, TWICE.text: "他 宣布 了 ， 又 宣布 一 次 。", NOTE.text: "据 网络 问答 ， 问题 不 大 。"}
    converter = variants.Converter(TAIWAN, [FIX, AGAINST], [FORM], usage=USAGE)
    report = conversion_report.report(converter, [*PASSAGES, TWICE, NOTE], lambda t: bounds(t, words), [KEPT])
    assert report == """\
# zh-Hant (s2tw): the conversion by word, over everything the edition prints
# 5 passages. Problems first; then every word printed in another form (Simplified → printed, count, where).

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

## The editors' usage (2 words): their prose printed in the edition's words
  f.yml:6  网络 → 網路: 1 place: n-b body
  f.yml:10  问题 → 問題 (an exception: printed as converted): 1 place: n-b body

## Every word printed in another form (18 forms of 17 words)
  问题 → 問題  2  p-1-2, n-b body
  历史 → 曆史  1  ev-a source 1 title
  发 → 髮  1  ev-a source 1 title
  回归 → 回歸  1  p-1-3
  回顾 → 回顧  1  ev-a source 1 title
  复杂 → 複雜  1  p-1-2
  头发 → 頭髮  1  p-1-2
  宣布 → 宣佈  1  p-1-4
  宣布 → 宣布  1  p-1-4
  常识 → 常識  1  p-1-3
  据 → 據  1  n-b body
  最终 → 最終  1  p-1-3
  竞争 → 競爭  1  p-1-3
  网络 → 網絡  1  n-b body
  长 → 長  1  p-1-2
  长文 → 長文  1  ev-a source 1 title
  问答 → 問答  1  n-b body
  雷军 → 雷軍  1  ev-a source 1 title"""

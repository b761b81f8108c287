"""The further editions' variant policy (annotations/forms.yml), applied after OpenCC."""

from __future__ import annotations

from pathlib import Path

from edition.core.editions.variants import Converter, Form, Variant, read_forms

HANT = Variant("zh-Hant", opencc="s2tw")


def test_the_standard_forms_replace_opencc_s_and_exceptions_stay() -> None:
    forms = [Form("zh-Hant", "宣佈", "宣布", "MOE"), Form("zh-Hant", "發佈", "發布", "MOE"),
             Form("zh-Hant", "計劃", "計畫", "MOE"), Form("zh-Hant", "佔", "占", "MOE"),
             Form("zh-Hant", "佔", "", "a name as its owner writes it", keep="佔中計劃")]
    converter = Converter(HANT, [], forms)
    assert converter.convert("小米宣布发布会计划，占比三成") == "小米宣布發布會計畫，占比三成"
    assert converter.convert("雷军宣布了占中计划") == "雷軍宣布了佔中計劃"
    assert Converter(Variant("zh-Hant-HK", opencc="s2hk"), [], forms).convert("宣布") == "宣佈"


def test_a_wrong_form_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "forms.yml").write_text(
        "forms:\n"
        "  - edition: zh-Hant\n    printed: 宣佈\n    standard: 宣\n    reason: MOE\n"
        "  - edition: zh-Hant\n    printed: 佔\n    keep: 占中\n    reason: a name\n", encoding="utf-8")
    forms, problems = read_forms(tmp_path, "forms.yml")
    assert forms == []
    assert [str(p) for p in problems] == [
        "forms.yml:4: form '宣佈': the standard form '宣' is not as long\n"
        "  hint: a form replaces the printed one character for character, like 宣佈: 宣布",
        "forms.yml:8: form '佔': the exception '占中' does not contain it\n"
        "  hint: quote the converted phrase where '佔' stays"]


def test_only_simplified_chinese_is_converted() -> None:
    """Kana runs (a Japanese title) and Latin-script quotations in Latin text keep their characters
    and marks; a Latin word quoted in Chinese prose gets Chinese marks (issue 16, point 4)."""
    converter = Converter(Variant("zh-Hant", opencc="s2tw", quotes="「」『』"))
    cases = {
        "上半期の携帯電話販売台数（2021）": "上半期の携帯電話販売台数（2021）",
        "中国のGDPの世界シェア 中国台湾": "中国のGDPの世界シェア 中國臺灣",
        "Xiaomi launches the ‘most epic’ flagship phone": "Xiaomi launches the ‘most epic’ flagship phone",
        "Trump’s “Trump Executive Orders 2017-2021” list": "Trump’s “Trump Executive Orders 2017-2021” list",
        "列入“Communist Chinese military company”清单": "列入「Communist Chinese military company」清單",
        "他说“我们的‘铁律’很重要”": "他說「我們的『鐵律』很重要」",
    }
    assert {text: converter.convert(text) for text in cases} == cases

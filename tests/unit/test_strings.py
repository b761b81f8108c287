"""The generator's own words, written for each edition (plugins/edition/strings/*.yml)."""

from __future__ import annotations

import json
import random

import pytest

from edition.core import strings
from edition.core.editions.variants import Converter, Variant
from edition.core.errors import EditionError

#: Mainland words a Taiwanese reader would not expect in the editors' own prose.
MAINLAND = ("鼠標", "鏈接", "搜索框", "點擊", "網絡", "數據", "程序", "倉庫", "字段", "純文本", "下劃線")


def test_every_edition_has_every_string_in_its_own_usage() -> None:
    hans, hant = strings.source(), strings.load("zh-Hant")
    assert hant is not None
    assert hans.paragraph_link == "本段链接 {id}"
    assert (hant.paragraph_link, hant.section_link, hant.suggest_note) == (
        "本段連結 {id}", "本節連結", "為這一段建議註釋")
    for _, text in hant.items():
        assert not any(word in text for word in MAINLAND), text
    assert strings.load("ja") is None


def test_a_converted_page_gets_the_editions_own_strings() -> None:
    converter = Converter(Variant("zh-Hant", opencc="s2tw"))
    source = ('<a title="本段链接 p-1-2" aria-label="本段链接 p-1-2">¶</a><h2>本节链接<a title="本节链接">¶</a></h2>'
              '<a title="为这一段建议注释" aria-label="为 p-1-2 段建议注释"></a><p>本段链接在正文里</p>')
    converted = strings.apply(converter.convert(source), strings.replacements(strings.load("zh-Hant"),
                                                                                   converter.convert))
    assert converted == ('<a title="本段連結 p-1-2" aria-label="本段連結 p-1-2">¶</a><h2>本節連結'
                         '<a title="本節連結">¶</a></h2>'
                         '<a title="為這一段建議註釋" aria-label="為 p-1-2 段建議註釋"></a>'
                         '<p>本段鏈接在正文裡</p>')


def test_replacing_where_the_literal_is_gives_what_the_pattern_gives() -> None:
    """strings.apply looks only around each occurrence of a string's literal part: on pages of
    random tags, attributes and texts it gives what the whole-page regular expressions give."""
    converter = Converter(Variant("zh-Hant", opencc="s2tw"))
    pairs = strings.replacements(strings.load("zh-Hant"), converter.convert)
    pieces = ['"', "<", ">", " ", "x", "p-1-2", "<a title=\"", "\">", "</a>", "<p>", "</p>",
              *(converter.convert(text.replace("{id}", "p-3-4").replace("{block}", "p-5-6"))
                for _, text in strings.source().items())]
    rng = random.Random(19)
    replaced = 0
    for _ in range(3000):
        markup = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = markup
        for pair in pairs:
            expected = pair.pattern.sub(pair.target, expected)
        assert strings.apply(markup, pairs) == expected, markup
        replaced += expected != markup
    assert replaced > 100


@pytest.mark.parametrize(("text", "message"), [
    ("paragraph_link: 本段連結\n", "zh-Hant.yml:1: paragraph_link: placeholders differ from the source edition's: "
     "'本段連結'\n  hint: use the placeholders {id}"),
    ("paragrap_link: 本段連結 {id}\n", "zh-Hant.yml:1: unknown string 'paragrap_link'\n  hint: the strings are: "
     + ", ".join(strings.NAMES)),
    ("section_link: ''\n", "zh-Hant.yml:1: section_link: the string is empty or not text: ''\n"
     "  hint: write it as 'section_link: 本段連結'"),
    ("- 本段連結\n", "zh-Hant.yml:1: the strings are not a mapping\n  hint: write one 'name: string' line per string"),
])
def test_a_wrong_table_is_refused_with_its_line(text: str, message: str) -> None:
    complete = {name: value for name, value in strings.load("zh-Hant").items()}
    lines = text if text.startswith("- ") else text + "".join(
        f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in complete.items()
        if not text.startswith(k + ":") and not (text.startswith("paragrap_") and k == "paragraph_link"))
    with pytest.raises(EditionError) as error:
        strings.parse(lines, "zh-Hant.yml", strings.source())
    assert message in [str(p) for p in error.value.problems]


def test_a_missing_string_is_named() -> None:
    with pytest.raises(EditionError) as error:
        strings.parse("section_link: 本節連結\n", "zh-Hant.yml")
    assert str(error.value).splitlines()[:2] == ["zh-Hant.yml: missing string 'back_to_text'",
                                                 "  hint: add a line 'back_to_text: …'"]

"""The glossary's checks, word for word, its order, and where it finds terms in the real text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.core import project
from edition.core.annotations import glossary
from edition.core.errors import EditionError

from .projects import load_with

HEAD = "# yaml-language-server: $schema=schema/glossary.schema.json\nterms:\n"


def term(ident: str, spelling: str, category: str = "concept", aliases: str = "") -> str:
    return (f"  - id: {ident}\n    term: {spelling}\n    category: {category}\n"
            + (f"    aliases: [{aliases}]\n" if aliases else "") + f"    definition: {spelling}的定义。\n")


def load(base: Path, tmp_path: Path, terms: str) -> project.Project:
    return load_with(base, tmp_path, HEAD + terms, "glossary.yml")


def warnings(base: Path, tmp_path: Path, terms: str) -> str:
    return "\n".join(str(w) for w in load(base, tmp_path, terms).warnings)


def test_a_spelling_of_two_terms_is_an_error(base: Path, tmp_path: Path) -> None:
    with pytest.raises(EditionError) as caught:
        load(base, tmp_path, term("t-xiaomi", "小米集团", "company", "小米") + term("t-mi", "小米", "company"))
    assert str(caught.value) == (
        "annotations/glossary.yml:8: term 't-mi': '小米' is already a spelling of term 't-xiaomi'\n"
        "  hint: a spelling links to one entry; remove it here or there")


def test_an_alias_the_text_does_not_use_is_a_warning(base: Path, tmp_path: Path) -> None:
    assert warnings(base, tmp_path, term("t-gmv", "GMV", aliases="成交总额")) == (
        "annotations/glossary.yml:3: term 't-gmv': alias '成交总额' does not occur in the text\n"
        "  hint: aliases are the text's other spellings of the term; remove it or copy the text's spelling")


def test_a_term_found_only_inside_longer_words_says_which(base: Path, tmp_path: Path) -> None:
    # The text has 家电 only in 硬件（手机、电视、智能硬件、大家电等）, where jieba reads 大家/电.
    assert warnings(base, tmp_path, term("t-jiadian", "家电")) == (
        "annotations/glossary.yml:3: term 't-jiadian': '家电' does not occur in the text\n"
        "  hint: it occurs only inside longer words (大家电); add one as an alias if it means this term")


def test_a_term_the_text_does_not_use_is_a_warning(base: Path, tmp_path: Path) -> None:
    assert warnings(base, tmp_path, term("t-leijun", "雷军", "person")) == (
        "annotations/glossary.yml:3: term 't-leijun': '雷军' does not occur in the text\n"
        "  hint: use the spelling of the text, or add the text's spelling as an alias")


def test_entries_are_grouped_by_category_and_ordered_by_pinyin(base: Path, tmp_path: Path) -> None:
    terms = "".join(term(i, s, c) for i, s, c in [
        ("t-zhongju", "终局意识", "concept"), ("t-zhong-zichan", "重资产", "concept"),
        ("t-tesla", "特斯拉", "company"), ("t-xingwen", "行稳致远", "concept"), ("t-gmv", "GMV", "concept"),
        ("t-baopin", "爆品", "concept"), ("t-xingjiabi", "性价比", "concept"), ("t-samsung", "三星", "company"),
    ])
    glossary = load(base, tmp_path, terms).glossary
    assert [(c, [(e.term.term, e.reading) for e in entries]) for c, entries in glossary.by_category()] == [
        ("concept", [("爆品", "bào pǐn"), ("GMV", ""), ("性价比", "xìng jià bǐ"), ("行稳致远", "xíng wěn zhì yuǎn"),
                     ("终局意识", "zhōng jú yì shí"), ("重资产", "zhòng zī chǎn")]),
        ("company", [("三星", "sān xīng"), ("特斯拉", "tè sī lā")]),
    ]


def test_a_pinyin_field_overrides_the_reading(base: Path, tmp_path: Path) -> None:
    glossary = load(base, tmp_path, term("t-baopin", "爆品") + "    pinyin: bàopǐn\n").glossary
    assert glossary.by_id["t-baopin"].reading == "bàopǐn"


def test_occurrences_in_the_real_text(base: Path, tmp_path: Path) -> None:
    terms = (term("t-xiaomi", "小米集团", "company", "小米") + term("t-zhijia", "小米之家", "product")
             + term("t-xingjiabi", "性价比", aliases="高性价比"))
    glossary = load(base, tmp_path, terms).glossary
    found = {(o.block.id, o.surface) for o in glossary.occurrences}
    # 小米之家 wins over 小米 (the longest spelling), in both its paragraphs.
    assert {("p-1-15", "小米之家"), ("p-5-5", "小米之家"), ("p-1-27", "高性价比")} <= found
    assert not any(o.surface == "小米" and o.block.text[o.start:o.start + 4] == "小米之家"
                   for o in glossary.occurrences)
    # Headings are never searched: the title 小米的高端化战略 has 小米 but yields nothing.
    assert all(o.block.kind != "heading" for o in glossary.occurrences)


def _every_occurrence(text: str, spellings: list[str]) -> list[tuple[int, str]]:
    return sorted((at, s) for s in spellings for at in range(len(text) + 1) if text.startswith(s, at))


@given(st.text(alphabet="小米手机模式互联网", max_size=30),
       st.lists(st.text(alphabet="小米手机模式互联网", max_size=4), max_size=8, unique=True))
@settings(derandomize=True, database=None, deadline=None, max_examples=400)
def test_every_occurrence_of_every_spelling_is_found_overlapping_ones_too(text: str, spellings: list[str]) -> None:
    assert sorted(glossary.Starts(spellings).occurrences(text)) == _every_occurrence(text, spellings)

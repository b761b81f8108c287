"""Word boundaries, and the cache that spares a build jieba's dictionary when nothing changed."""

from __future__ import annotations

import jieba

from edition.core.text import segmentation

TEXT = "体验指标：以净推荐值为代表的质量满意度和公开平台的好评率。"


def fresh() -> segmentation.Segmenter:
    segmenter = segmentation.Segmenter(jieba.Tokenizer())
    segmenter.learn(["净推荐值"])
    return segmenter


def test_cached_boundaries_are_the_computed_ones() -> None:
    segmenter = fresh()
    store: segmentation.BoundaryCache = {}
    computed = segmenter.boundaries(TEXT, segmenter.cache_for(store))
    assert computed == segmenter.boundaries(TEXT)
    assert {TEXT.index("净"), TEXT.index("为代表")} <= computed  # 净推荐值 whole, once learnt
    assert store["texts"] == {TEXT: sorted(computed)}


def test_a_warm_cache_never_loads_the_dictionary() -> None:
    store: segmentation.BoundaryCache = {}
    first = fresh()
    expected = first.boundaries(TEXT, first.cache_for(store))
    tokenizer = jieba.Tokenizer()
    second = segmentation.Segmenter(tokenizer)
    second.learn(["净推荐值"])
    assert second.boundaries(TEXT, second.cache_for(store)) == expected
    assert not tokenizer.initialized


def test_another_vocabulary_drops_the_cache() -> None:
    store: segmentation.BoundaryCache = {}
    first = fresh()
    first.boundaries(TEXT, first.cache_for(store))
    other = segmentation.Segmenter(jieba.Tokenizer())
    other.learn(["净推荐值", "满意度"])
    assert other.cache_for(store) == {}
    assert store["vocabulary"] != "" and store["texts"] == {}

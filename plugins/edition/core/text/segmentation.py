"""Chinese word segmentation: where the words of a passage begin and end.

The glossary asks it whether an occurrence of a term is a word (is 有品 a word here, or part of
有品质?). It is jieba's process-wide tokenizer, after learning every term and alias. Loading
jieba's dictionary costs about half a second, so the tokenizer is only touched when a passage's
boundaries are not in the caller's cache (see `cache_for`): a build whose text and glossary did
not change never loads it, nor imports jieba (a third of a second: it imports pkg_resources).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from importlib import metadata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jieba

#: Boundaries computed before, for one vocabulary: {"vocabulary": digest, "texts": {text: [offsets]}}.
BoundaryCache = dict[str, Any]


class Segmenter:
    """Cuts text into words with a jieba tokenizer, after learning the words it must keep whole."""

    def __init__(self, tokenizer: jieba.Tokenizer | None = None) -> None:
        self._tokenizer = tokenizer
        self._learned: set[str] = set()
        self._pending: set[str] = set()

    def learn(self, words: Iterable[str]) -> None:
        """Learn words to keep whole (glossary terms and their aliases).

        Each word is learnt once, so that a second build in the same process segments exactly as
        the first (jieba's word probabilities depend on the dictionary's total count). The words
        reach the tokenizer when it is first needed.
        """
        self._pending |= set(words) - self._learned

    def _ready(self) -> jieba.Tokenizer:
        if self._tokenizer is None:
            import jieba

            # jieba announces its dictionary loading on stderr at DEBUG level: noise in a build log.
            jieba.setLogLevel(logging.WARNING)
            self._tokenizer = jieba.dt
        for word in sorted(self._pending):
            self._tokenizer.add_word(word)
            self._learned.add(word)
        self._pending.clear()
        return self._tokenizer

    def words(self, text: str) -> list[str]:
        """The text cut into words, by the dictionary alone (no guessing of unknown words)."""
        return list(self._ready().cut(text, HMM=False))

    def boundaries(self, text: str, cache: dict[str, list[int]] | None = None) -> frozenset[int]:
        """Offsets in `text` where a word begins or ends (0 and len(text) included). `cache`
        (from `cache_for`) holds earlier answers for the same vocabulary."""
        if cache is not None and text in cache:
            return frozenset(cache[text])
        out = {0}
        at = 0
        for word in self.words(text):
            at += len(word)
            out.add(at)
        if cache is not None:
            cache[text] = sorted(out)
        return frozenset(out)

    def cache_for(self, store: BoundaryCache) -> dict[str, list[int]]:
        """The part of a kept cache that is valid now: answers depend on jieba's version and on
        every word this tokenizer has learnt; anything kept for another vocabulary is dropped."""
        vocabulary = "\n".join(sorted(self._learned | self._pending))
        digest = hashlib.sha256(f"jieba {metadata.version('jieba')}\n{vocabulary}".encode()).hexdigest()[:16]
        if store.get("vocabulary") != digest or not isinstance(store.get("texts"), dict):
            store.clear()
            store.update({"vocabulary": digest, "texts": {}})
        texts: dict[str, list[int]] = store["texts"]
        return texts


#: The process-wide segmenter.
SHARED = Segmenter()

"""Chinese word segmentation: where the words of a passage begin and end.

One segmenter serves the glossary (is this occurrence of 有品 a word, or part of 有品质?) and the
search index, so the text is linked and indexed with the same words. By default it is jieba's
process-wide tokenizer, on purpose: Material's search plugin segments the index with
`jieba.cut`, so the words the glossary teaches it (净推荐值, 互联网+制造) are indexed whole as
well. Loading jieba's dictionary costs about half a second, once per tokenizer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import jieba

# jieba announces its dictionary loading on stderr at DEBUG level; that is noise in a build log.
jieba.setLogLevel(logging.WARNING)


class Segmenter:
    """Cuts text into words with a jieba tokenizer, after learning the words it must keep whole."""

    def __init__(self, tokenizer: jieba.Tokenizer | None = None) -> None:
        self._tokenizer = tokenizer or jieba.dt
        self._learned: set[str] = set()

    def learn(self, words: Iterable[str]) -> None:
        """Learn words to keep whole (glossary terms and their aliases).

        Each word is learnt once, so that a second build in the same process segments exactly as
        the first (jieba's word probabilities depend on the dictionary's total count).
        """
        for word in sorted(set(words) - self._learned):
            self._tokenizer.add_word(word)
            self._learned.add(word)

    def words(self, text: str) -> list[str]:
        """The text cut into words, by the dictionary alone (no guessing of unknown words)."""
        return list(self._tokenizer.cut(text, HMM=False))

    def boundaries(self, text: str) -> frozenset[int]:
        """Offsets in `text` where a word begins or ends (0 and len(text) included)."""
        out = {0}
        at = 0
        for word in self.words(text):
            at += len(word)
            out.add(at)
        return frozenset(out)


#: The process-wide segmenter, shared with Material's search index.
SHARED = Segmenter()

"""Recognise syndicated copies: the same article republished with another title, furniture or edits.

Two articles are copies when most of their substantial sentences are the same after folding case and
spacing. Articles are placed in publication order (then by id); each is a copy of the earlier article
it shares most sentences with, when that is enough (the latest of those on a tie: the nearest in
time), and the original of a copy's copy is the first original.
Candidates are found through an index of sentence hashes, so the cost grows with the number of shared
sentences, not with the square of the number of articles. Because placement is sequential, a nightly
load places only its new articles after the settled ones (`CopyIndex.settle`), and keeps each
sentence hash with its article so the settled ones are not read and hashed again.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

from ingest.news.articles import Article

MIN_SENTENCE_CHARS = 40
# share of the shorter article's substantial sentences that must also stand in the other
MIN_SHARED_SHARE = 0.6
_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
UNDATED_LAST = "9999-12-31"


def sentence_hashes(text: str) -> list[int]:
    """The distinct substantial sentences of a text, each as a 60-bit hash (fits a signed BIGINT)."""
    sentences = (re.sub(r"\W+", " ", s.lower()).strip() for s in _SPLIT.split(text))
    hashes = {int(hashlib.sha1(s.encode()).hexdigest()[:15], 16) for s in sentences if len(s) >= MIN_SENTENCE_CHARS}
    return sorted(hashes)


def placement_order(published_date: str | None, article_id: str) -> tuple[str, str]:
    """Where an article stands in the sequence: earliest published first, undated last, then by id."""
    return (published_date or UNDATED_LAST, article_id)


class CopyIndex:
    """Articles placed so far, by sentence; `place` decides a new one against them."""

    def __init__(self) -> None:
        self.by_sentence: dict[int, list[str]] = defaultdict(list)
        self.placed: dict[str, tuple[int, int]] = {}  # article -> (place in the sequence, sentences)
        self.originals: dict[str, str] = {}

    def settle(self, article_id: str, hashes: Iterable[int], duplicate_of: str | None) -> None:
        """Add an article decided earlier, keeping that decision."""
        self._add(article_id, list(hashes))
        if duplicate_of:
            self.originals[article_id] = duplicate_of

    def place(self, article_id: str, hashes: Iterable[int]) -> str | None:
        """The original this article copies, if any, deciding it against every article added before."""
        mine = list(hashes)
        shared: dict[str, int] = defaultdict(int)
        for sentence in mine:
            for other in self.by_sentence.get(sentence, ()):
                shared[other] += 1
        candidates = [
            (count, self.placed[other][0], other)
            for other, count in shared.items()
            if count >= MIN_SHARED_SHARE * min(len(mine), self.placed[other][1])
        ]
        self._add(article_id, mine)
        if not candidates:
            return None
        nearest = max(candidates)[2]
        self.originals[article_id] = self.originals.get(nearest, nearest)
        return self.originals[article_id]

    def _add(self, article_id: str, hashes: list[int]) -> None:
        self.placed[article_id] = (len(self.placed), len(hashes))
        for sentence in hashes:
            self.by_sentence[sentence].append(article_id)


def find_copies(articles: Iterable[Article]) -> dict[str, str]:
    """article_id -> id of the article it copies, for a set of articles decided together."""
    index = CopyIndex()
    copies = {}
    for article in sorted(articles, key=lambda a: placement_order(a.published_date, a.article_id)):
        if original := index.place(article.article_id, sentence_hashes(article.text)):
            copies[article.article_id] = original
    return copies

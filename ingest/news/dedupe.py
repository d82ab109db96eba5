"""Recognise syndicated copies: the same article republished with another title, furniture or edits.

Two articles are copies when most of their substantial sentences are the same after folding case and
spacing. Candidates are found through an index of sentence hashes, so the cost grows with the number
of shared sentences, not with the square of the number of articles.
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


def fingerprint(article: Article) -> set[str]:
    sentences = (re.sub(r"\W+", " ", s.lower()).strip() for s in _SPLIT.split(article.text))
    return {hashlib.sha1(s.encode()).hexdigest()[:16] for s in sentences if len(s) >= MIN_SENTENCE_CHARS}


def find_copies(articles: Iterable[Article]) -> dict[str, str]:
    """article_id -> id of the article it copies; the original is the earliest published (then the lowest id)."""
    ordered = sorted(articles, key=lambda a: (a.published_date or "9999-12-31", a.article_id))
    index: dict[str, list[str]] = defaultdict(list)
    prints: dict[str, set[str]] = {}
    copies: dict[str, str] = {}
    for article in ordered:
        mine = fingerprint(article)
        prints[article.article_id] = mine
        shared: dict[str, int] = defaultdict(int)
        for sentence in mine:
            for other in index[sentence]:
                shared[other] += 1
        for other, count in sorted(shared.items(), key=lambda item: -item[1]):
            if count >= MIN_SHARED_SHARE * min(len(mine), len(prints[other])):
                copies[article.article_id] = copies.get(other, other)
                break
        for sentence in mine:
            index[sentence].append(article.article_id)
    return copies

"""Score the extractor against hand-labelled gold files: precision, recall and F1 per metric and overall.

`python -m ingest.news.evaluate GOLD.json [GOLD.json ...]` (`make eval-news`). Each gold file lists the
facts of the articles in its own folder (see tests/fixtures/news/gold.json for the format); a copy of
another article (syndication) must yield no facts of its own.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.landing import survey
from ingest.news.articles import ARTICLE_SUFFIXES, read_articles
from ingest.news.dedupe import find_copies
from ingest.news.extract import Fact, extract_facts


def fact_key(metric: str, region_code: str, value) -> tuple:
    return metric, region_code, round(float(value), 2) if isinstance(value, int | float) else str(value)


def key_of(fact: Fact) -> tuple:
    return fact_key(fact.metric, fact.region_code, fact.value if fact.value is not None else fact.value_text)


@dataclass
class Scores:
    true_positive: Counter = field(default_factory=Counter)
    false_positive: Counter = field(default_factory=Counter)
    false_negative: Counter = field(default_factory=Counter)
    mistakes: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        self.true_positive += other.true_positive
        self.false_positive += other.false_positive
        self.false_negative += other.false_negative
        self.mistakes += other.mistakes

    def prf(self, metric: str | None = None) -> tuple[float, float, float]:
        def total(counter: Counter) -> int:
            return counter[metric] if metric else sum(counter.values())

        tp, fp, fn = total(self.true_positive), total(self.false_positive), total(self.false_negative)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def metrics(self) -> list[str]:
        return sorted(set(self.true_positive) | set(self.false_positive) | set(self.false_negative))


def evaluate(gold_path: Path) -> Scores:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    offered = [e.path for e in survey(gold_path.parent, ARTICLE_SUFFIXES, "news") if not e.refused]
    articles = [a for p in offered for a in read_articles(p)]
    copies = find_copies(articles)
    scores = Scores()
    for article in articles:
        if article.article_id not in gold:
            continue
        found = set() if article.article_id in copies else {key_of(f) for f in extract_facts(article)}
        expected = {fact_key(g["metric"], g["region_code"], g["value"]) for g in gold[article.article_id]}
        for key in found & expected:
            scores.true_positive[key[0]] += 1
        for key in found - expected:
            scores.false_positive[key[0]] += 1
            scores.mistakes.append(f"{article.article_id}: extracted {key} not in gold")
        for key in expected - found:
            scores.false_negative[key[0]] += 1
            scores.mistakes.append(f"{article.article_id}: missed {key}")
    missing = set(gold) - {a.article_id for a in articles}
    if missing:
        raise ValueError(f"{gold_path}: gold names articles that are not in its folder: {sorted(missing)}")
    return scores


def report(scores: Scores) -> str:
    lines = [f"{'metric':<20} {'precision':>9} {'recall':>7} {'F1':>6}"]
    for metric in [*scores.metrics(), None]:
        p, r, f = scores.prf(metric)
        lines.append(f"{metric or 'overall':<20} {p:>9.3f} {r:>7.3f} {f:>6.3f}")
    return "\n".join(lines + [f"  {m}" for m in scores.mistakes])


def main(paths: list[str]) -> int:
    total = Scores()
    for path in paths:
        scores = evaluate(Path(path))
        print(f"== {path}\n{report(scores)}\n")
        total.add(scores)
    if len(paths) > 1:
        print(f"== all gold files\n{report(total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

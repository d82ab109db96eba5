"""Score the extractor against hand-labelled gold files: precision, recall and F1 per metric and overall.

`python -m ingest.news.evaluate GOLD.json [GOLD.json ...] [--texts FOLDER]` (`make eval-news`). A gold
file lists the facts of the articles in its own folder (tests/fixtures/news/gold.json), or, in the
development set's format (`articles: {key: {address, facts}}`), of articles whose texts are kept in
`--texts` as `<key>.txt`, first line the address. A copy of another article (syndication) must yield
no facts of its own.

Scoring follows the development set's scorer: a gold fact may accept several metrics, values match
within 0.011, a fact marked optional counts neither way, and each gold fact is matched once. Articles
of the development set are also scored per fold of outlets (the outlet's name hashed into three
folds), so a figure can be reported on outlets whose articles were not looked at while writing rules.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.landing import survey
from ingest.news.articles import (
    ARTICLE_SUFFIXES,
    Article,
    clean,
    published_date_in,
    published_date_in_url,
    read_articles,
)
from ingest.news.dedupe import find_copies
from ingest.news.extract import Candidate, Fact, extract

FOLDS = 3


def _region(code: str | None) -> str:
    code = (code or "").strip().upper()
    return "ID" if code in ("ID", "00", "NASIONAL", "") else code.replace(".", "")


def _same_value(found, expected) -> bool:
    if isinstance(expected, str):
        return str(found).strip().lower() == expected.lower()
    try:
        return abs(float(found) - float(expected)) <= 0.011
    except (TypeError, ValueError):
        return False


def accepts_metric(metric: str, gold: dict) -> bool:
    """Whether a gold fact accepts the metric: it names one metric, a list of accepted ones, or "*"."""
    metrics = gold["metric"] if isinstance(gold["metric"], list) else [gold["metric"]]
    return "*" in metrics or metric in metrics


def matches(fact: Fact, gold: dict) -> bool:
    if not accepts_metric(fact.metric, gold):
        return False
    if _region(fact.region_code) != _region(gold["region_code"]):
        return False
    found = fact.value_text if isinstance(gold["value"], str) else fact.value
    return _same_value(found, gold["value"])


def fold_of(article_key: str) -> int:
    """The fold of a development-set article: its outlet (the key's second part) hashed, so an outlet's
    articles always fall in one fold."""
    parts = article_key.split("_")
    outlet = parts[1] if len(parts) > 2 else article_key
    return zlib.crc32(outlet.encode()) % FOLDS


@dataclass
class Scores:
    true_positive: Counter = field(default_factory=Counter)
    false_positive: Counter = field(default_factory=Counter)
    false_negative: Counter = field(default_factory=Counter)
    mistakes: list[str] = field(default_factory=list)
    held: int = 0  # candidates held for review
    held_right: int = 0  # of them, those that would have been a true positive

    def add(self, other: Scores) -> None:
        self.true_positive += other.true_positive
        self.false_positive += other.false_positive
        self.false_negative += other.false_negative
        self.mistakes += other.mistakes
        self.held += other.held
        self.held_right += other.held_right

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


def score_article(
    article_id: str, facts: list[Fact], gold: list[dict], scores: Scores, held: list[Candidate] = ()
) -> None:
    """Add one article's outcome to `scores`, as the development set's scorer counts it; the candidates
    held for review count apart, by whether they would have matched a gold fact left unmatched."""
    distinct = {(f.metric, _region(f.region_code), f.value, f.value_text): f for f in facts}
    used: set[int] = set()
    for fact in distinct.values():
        hit = next((i for i, g in enumerate(gold) if i not in used and matches(fact, g)), None)
        if hit is None:
            scores.false_positive[fact.metric] += 1
            scores.mistakes.append(f"{article_id}: extracted {fact.metric} {fact.region_code} {fact.value_text}")
            continue
        used.add(hit)
        if not gold[hit].get("optional"):
            scores.true_positive[fact.metric] += 1
    for candidate in held:
        scores.held += 1
        hit = next((i for i, g in enumerate(gold) if i not in used and matches(candidate.fact, g)), None)
        if hit is not None and not gold[hit].get("optional"):
            scores.held_right += 1
    for i, g in enumerate(gold):
        if i not in used and not g.get("optional"):
            metric = g["metric"][0] if isinstance(g["metric"], list) else g["metric"]
            scores.false_negative[metric] += 1
            scores.mistakes.append(f"{article_id}: missed {g['metric']} {g['region_code']} {g['value']}")


def evaluate(gold_path: Path, texts: Path | None = None) -> dict[str, Scores]:
    """Scores for every article of a gold file: under "all", and per fold for the development set."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    development = all(isinstance(entry, dict) for entry in gold.values())
    if development:
        if texts is None:
            raise ValueError(f"{gold_path} names its articles by address: give --texts, the folder of their copies")
        articles = [_kept_copy(texts / f"{key}.txt", key) for key in gold if (texts / f"{key}.txt").exists()]
        gold = {key: entry["facts"] for key, entry in gold.items()}
    else:
        offered = [e.path for e in survey(gold_path.parent, ARTICLE_SUFFIXES, "news") if not e.refused]
        articles = [a for p in offered for a in read_articles(p)]
    copies = find_copies(articles)
    scores: dict[str, Scores] = {"all": Scores()}
    for article in articles:
        if article.article_id not in gold:
            continue
        found, held = ([], []) if article.article_id in copies else extract(article)
        targets = [scores["all"]]
        if development:
            targets.append(scores.setdefault(f"fold {fold_of(article.article_id)}", Scores()))
        for target in targets:
            score_article(article.article_id, found, gold[article.article_id], target, held)
    missing = set(gold) - {a.article_id for a in articles}
    if missing and not development:
        raise ValueError(f"{gold_path}: gold names articles that are not in its folder: {sorted(missing)}")
    if missing:
        scores["all"].mistakes.append(f"{len(missing)} article(s) without a local copy, not scored: {sorted(missing)}")
    return scores


def _kept_copy(path: Path, key: str) -> Article:
    """A development article kept as `<key>.txt`: its address on the first line, then the page's text."""
    address, _, text = path.read_text(encoding="utf-8").partition("\n")
    article = Article(key, path.name, clean(text), source_url=address.strip())
    article.published_date = published_date_in(text) or published_date_in_url(article.source_url)
    return article


def report(scores: Scores, mistakes: bool = True) -> str:
    """Precision, recall and F1 per metric and overall, with the counts behind each."""
    lines = [f"{'metric':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for metric in [*scores.metrics(), None]:
        p, r, f = scores.prf(metric)
        counts = [c[metric] if metric else sum(c.values()) for c in (
            scores.true_positive, scores.false_positive, scores.false_negative)]  # fmt: skip
        tp, fp, fn = counts
        lines.append(f"{metric or 'overall':<20} {p:>9.3f} {r:>7.3f} {f:>6.3f} {tp:>5} {fp:>5} {fn:>5}")
    lines.append(
        f"held for review (not counted above): {scores.held} candidate(s), {scores.held_right} of them a gold fact"
    )
    return "\n".join(lines + ([f"  {m}" for m in scores.mistakes] if mistakes else []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", help="gold files")
    parser.add_argument("--texts", type=Path, help="folder of the development articles' local copies (<key>.txt)")
    args = parser.parse_args(argv)
    total = Scores()
    for path in args.gold:
        scores = evaluate(Path(path), args.texts)
        print(f"== {path}\n{report(scores['all'])}\n")
        for name in sorted(k for k in scores if k != "all"):
            print(f"-- {path}, {name} of the outlets\n{report(scores[name], mistakes=False)}\n")
        total.add(scores["all"])
    if len(args.gold) > 1:
        print(f"== all gold files\n{report(total, mistakes=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

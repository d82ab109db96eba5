"""Could a model trained on the extractor's own unseen mistakes make its published facts surer?

`make study-gate` answers with the labelled rounds of `data/news-labels/rounds.csv`. Each round was
labelled before the extractor ever ran on it, and the commit that added its labels still holds the
extractor as it was then, so running that commit on the round repeats its unseen first run. The study
does so for every round (in a temporary git worktree, the local copies of the texts read in place),
keeps each published fact with what the extractor knew of it (metric, confidence, reasons, stage,
value, evidence sentence) and whether the labels hold it, and then walks forward through the rounds:
a logistic regression trained on the first runs of rounds 1..k-1 decides which of round k's facts it
would publish. Facts it refuses become false negatives, as they would in `news_facts`.

The model is never part of the extractor: it is the measurement behind "no learned gate" in
`docs/news-extraction.md`. scikit-learn is installed only for it (the `study` dependency group).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ingest.news.evaluate import _region, _same_value, accepts_metric

ROUNDS = Path("data/news-labels/rounds.csv")
CACHE = Path("warehouse/news-study")
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)

# Run inside a worktree of an old commit: its own extractor and scorer, whatever their age. The
# candidates are seen by wrapping the extractor's deciding step, which every version has had under
# one of two names; a published fact takes the confidence of its first candidate.
_FIRST_RUN = r"""
import json, sys
sys.path.insert(0, ".")
from pathlib import Path
from ingest.news import evaluate as ev
from ingest.news import extract as xm
from ingest.news.dedupe import find_copies

labels, texts = Path(sys.argv[1]), Path(sys.argv[2])
seen = []
name = "decide" if hasattr(xm, "decide") else "_decide"
original = getattr(xm, name)
def spy(candidates, *args, **kwargs):
    seen[:] = candidates
    return original(candidates, *args, **kwargs)
setattr(xm, name, spy)
gold = json.loads(labels.read_text(encoding="utf-8"))["articles"]
articles = [ev._kept_copy(texts / f"{k}.txt", k) for k in gold if (texts / f"{k}.txt").exists()]
copies = find_copies(articles)
facts, missed = [], 0
for article in articles:
    wanted = gold[article.article_id]["facts"]
    seen.clear()
    found, _ = ([], []) if article.article_id in copies else xm.extract(article)
    known = {}
    for c in seen:
        known.setdefault(c.fact, c)
    distinct = {(f.metric, ev._region(f.region_code), f.value, f.value_text): f for f in found}
    used = set()
    for f in distinct.values():
        hit = next((i for i, g in enumerate(wanted) if i not in used and ev.matches(f, g)), None)
        if hit is not None:
            used.add(hit)
        c = known.get(f)
        facts.append(dict(
            article=article.article_id, metric=f.metric, region=f.region_code, value=f.value,
            election=f.election_id, evidence=f.evidence, facts_in_article=len(distinct),
            confidence=c.confidence if c else 1.0, reasons=list(c.reasons) if c else [],
            stage=getattr(c, "stage", ""), breakdown=getattr(c, "parent", None) is not None,
            title=bool(getattr(c, "title", False)),
            outcome="wrong" if hit is None else ("optional" if wanted[hit].get("optional") else "right"),
        ))
    missed += sum(1 for i, g in enumerate(wanted) if i not in used and not g.get("optional"))
print(json.dumps(dict(facts=facts, missed=missed), ensure_ascii=False))
"""


@dataclass(frozen=True)
class Round:
    number: int
    labels: Path
    texts: Path
    commit: str


def rounds(path: Path = ROUNDS) -> list[Round]:
    with path.open(encoding="utf-8") as f:
        return [
            Round(int(r["round"]), Path(r["labels"]), Path(r["texts"]), r["first_run_commit"])
            for r in csv.DictReader(f)
            if r["first_run_commit"]
        ]


def first_run(r: Round, refresh: bool = False) -> dict:
    """The round's unseen first run, from the cache when it was run at this commit before."""
    cached = CACHE / f"round{r.number}-{r.commit}.json"
    if cached.exists() and not refresh:
        return json.loads(cached.read_text(encoding="utf-8"))
    if not r.texts.is_dir():
        raise SystemExit(f"round {r.number}: no local copies in {r.texts}/ (<key>.txt, first line the address)")
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / r.commit
        added = subprocess.run(
            ["git", "worktree", "add", "--detach", str(tree), r.commit], capture_output=True, text=True
        )
        if added.returncode:
            raise SystemExit(f"round {r.number}: cannot check out {r.commit} (a full clone is needed): {added.stderr}")
        try:
            done = subprocess.run(
                [sys.executable, "-c", _FIRST_RUN, str(r.labels.resolve()), str(r.texts.resolve())],
                cwd=tree,
                check=True,
                capture_output=True,
                text=True,
            )
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], check=True, capture_output=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(done.stdout, encoding="utf-8")
    return json.loads(done.stdout)


def features(fact: dict, words: bool) -> dict[str, float]:
    """What the extractor knew of a fact when it published it; with `words`, its sentence's words too."""
    f = {
        "metric=" + fact["metric"]: 1.0,
        "confidence": fact["confidence"],
        "stage=" + (fact["stage"] or ""): 1.0,
        "breakdown": float(fact["breakdown"]),
        "title": float(fact["title"]),
        "national": float((fact["region"] or "ID").upper() in ("ID", "00")),
        "regency": float(len((fact["region"] or "").replace(".", "")) == 4),
        "facts_in_article": math.log1p(fact["facts_in_article"]),
        "election=" + (fact["election"] or "none"): 1.0,
    }
    f.update({"reason=" + reason: 1.0 for reason in fact["reasons"]})
    if fact["value"] is not None:
        v = fact["value"]
        f.update({"log_value": math.log1p(abs(v)), "zero": float(v == 0), "one": float(v == 1)})
        f["fraction"] = float(v != int(v))
    if words:
        f.update({"word=" + w: 1.0 for w in set(re.findall(r"[a-z]+", fact["evidence"].lower()))})
    return f


def walk_forward(runs: dict[int, dict], start: int, words: bool) -> tuple[list[int], dict[float, list[int]]]:
    """[TP, FP, FN] without the gate and at each threshold, pooled over rounds start.. ."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    scored = {n: [f for f in run["facts"] if f["outcome"] != "optional"] for n, run in runs.items()}
    base, gated = [0, 0, 0], {t: [0, 0, 0] for t in THRESHOLDS}
    for k in sorted(n for n in runs if n >= start):
        train = [f for n in runs if n < k for f in scored[n]]
        test = scored[k]
        right = [f["outcome"] == "right" for f in test]
        base[0] += sum(right)
        base[1] += len(right) - sum(right)
        base[2] += runs[k]["missed"]
        for t in THRESHOLDS:
            gated[t][2] += runs[k]["missed"]
        if not test:
            continue
        vectors = DictVectorizer()
        x = vectors.fit_transform([features(f, words) for f in train])
        model = LogisticRegression(C=0.3, max_iter=5000).fit(x, [f["outcome"] == "right" for f in train])
        p = model.predict_proba(vectors.transform([features(f, words) for f in test]))[:, 1]
        for t in THRESHOLDS:
            for ok, q in zip(right, p, strict=True):
                if q >= t:
                    gated[t][0 if ok else 1] += 1
                elif ok:
                    gated[t][2] += 1
    return base, gated


def what_went_wrong(runs: dict[int, dict], labelled: dict[int, Round]) -> Counter:
    """The first runs' false facts by how far they were from a labelled one of their article."""

    def near(fact: dict, gold: dict) -> tuple[bool, bool, bool]:
        """Whether the fact has the labelled fact's value, metric and region, each as the scorer compares them."""
        place = _region(gold["region_code"]) == _region(fact["region"])
        return _same_value(fact["value"], gold["value"]), accepts_metric(fact["metric"], gold), place

    kinds: Counter = Counter()
    for n, run in runs.items():
        gold = json.loads(labelled[n].labels.read_text(encoding="utf-8"))["articles"]
        for fact in run["facts"]:
            if fact["outcome"] != "wrong":
                continue
            close = [near(fact, g) for g in gold[fact["article"]]["facts"]]
            if not close:
                kinds["in an article that states no fact"] += 1
            elif (True, True, False) in close:
                kinds["the right count and metric in the wrong region"] += 1
            elif (True, False, True) in close:
                kinds["the right count and region as the wrong metric"] += 1
            elif any(value for value, _, _ in close):
                kinds["the right count, wrong in metric and region"] += 1
            else:
                kinds["a figure that is none of its article's facts"] += 1
    return kinds


def _row(label: str, c: list[int]) -> str:
    p = c[0] / (c[0] + c[1]) if c[0] + c[1] else 0.0
    r = c[0] / (c[0] + c[2]) if c[0] + c[2] else 0.0
    return f"| {label} | {c[0]} | {c[1]} | {c[2]} | {p:.3f} | {r:.3f} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=10, help="first round scored (the model trains on those before)")
    parser.add_argument("--refresh", action="store_true", help="run the first runs again instead of reading the cache")
    args = parser.parse_args(argv)
    labelled = {r.number: r for r in rounds()}
    runs = {}
    for r in labelled.values():
        runs[r.number] = first_run(r, args.refresh)
        print(f"round {r.number}: first run at {r.commit} read", file=sys.stderr)
    kinds = what_went_wrong(runs, labelled)
    print(f"the false facts of the first runs of rounds 1..{max(runs)}, {kinds.total()}:\n")
    for kind, count in kinds.most_common():
        print(f"- {count} ({count / kinds.total():.0%}) {kind}")
    for words, name in ((False, "what the extractor knew"), (True, "the same and the evidence sentence's words")):
        base, gated = walk_forward(runs, args.start, words)
        print(f"\nrounds {args.start}..{max(runs)}, model on {name}\n")
        print("| published | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|")
        print(_row("every fact (no gate)", base))
        for t in THRESHOLDS:
            print(_row(f"model's P(right) >= {t:.1f}", gated[t]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

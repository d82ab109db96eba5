"""The labelled rounds in the repository: addresses and facts only, each round listed once for the study.

The articles themselves are third-party texts kept in git-ignored folders; a labels file that carried
a sentence, or a round missing from `rounds.csv`, would break that promise or the study's walk forward.
"""

import csv
import json
from pathlib import Path

LABELS = Path("data/news-labels")


def _rounds() -> list[dict]:
    with (LABELS / "rounds.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_labels_file_but_the_tuning_set_is_one_round_in_order():
    rows = _rounds()
    assert [int(r["round"]) for r in rows] == list(range(1, len(rows) + 1))
    listed = sorted(Path(r["labels"]).name for r in rows)
    on_disk = sorted(p.name for p in LABELS.glob("*.json") if p.name != "tuning.json")
    assert listed == on_disk
    for r in rows:
        assert r["texts"].startswith("data/news-"), r
    # Only the newest round may wait for its commit: its labels are committed before its first run.
    assert all(len(r["first_run_commit"]) >= 7 for r in rows[:-1]), rows


def test_labels_hold_addresses_and_facts_only():
    for path in LABELS.glob("*.json"):
        labels = json.loads(path.read_text(encoding="utf-8"))
        assert set(labels) == {"about", "articles"}, path
        for key, article in labels["articles"].items():
            assert set(article) == {"address", "facts"}, (path.name, key)
            assert article["address"].startswith("http"), (path.name, key)
            for fact in article["facts"]:
                assert set(fact) <= {"metric", "region_code", "value", "optional"}, (path.name, key, fact)
                if isinstance(fact["value"], str):  # a zone's name, never a sentence
                    assert len(fact["value"].split()) <= 4, (path.name, key, fact)

"""Reference data shared by the Python ingest and dbt: the CSV seeds under `dbt_project/seeds/`.

The seeds are the single copy of the region list, aliases and vocabularies; ingest reads the same
files that dbt loads, so the two can never disagree.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ingest.settings import REPO_ROOT

SEEDS_DIR = REPO_ROOT / "dbt_project" / "seeds"


def read_seed(relative_path: str) -> list[dict[str, str]]:
    """The rows of one seed file, e.g. `read_seed("regions/ref_provinces.csv")`."""
    path: Path = SEEDS_DIR / relative_path
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

"""Header normalisation: exports name the same column in many ways ("No. Laporan", "NOMOR LAPORAN").

Headers are compared after folding case, spacing and punctuation; the spelling variants themselves
are reference data in `reference/column_aliases.csv`, so adding one is a data change, not a code change.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache
from pathlib import Path

ALIASES_FILE = Path(__file__).parent / "reference" / "column_aliases.csv"


def fold(text: str) -> str:
    """`"No. Laporan "` -> `"no_laporan"`: lower case, accents removed, runs of other characters -> `_`."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


@cache
def aliases() -> dict[str, str]:
    """Folded alias -> canonical column name, from the reference file."""
    with ALIASES_FILE.open(newline="", encoding="utf-8") as f:
        return {fold(row["alias"]): row["column"] for row in csv.DictReader(f)}


def canonical(header: str) -> str:
    """The canonical column name for an export's header (the folded header if no alias matches)."""
    folded = fold(header)
    return aliases().get(folded, folded)

"""IKP edition names as people write them, matched to the editions of the methodology seeds.

Bawaslu's tables name an edition in free text, and no two exports spell it alike. A name is reduced to
its distinguishing words (`reference/edition_words.yaml`: filler dropped, synonyms mapped), and two
names are one edition when those words are the same set, in any order and case. A name whose words
match no alias is a new edition: it still loads, under an id made from its words and year, and the
loader says which methodology rows to add for it (its election, method and category bands).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ingest.headers import fold
from ingest.reference_data import read_seed

WORDS_FILE = Path(__file__).parent / "reference" / "edition_words.yaml"
ALIASES_SEED = "methodology/ref_ikp_edition_aliases.csv"
_YEAR = re.compile(r"^(19|20)\d{2}$")


class EditionVocabularyError(ValueError):
    """Two aliases of different editions reduce to the same words: the seed must tell them apart."""


@dataclass(frozen=True)
class EditionMatch:
    edition_id: str | None
    is_new: bool = False
    problem: str | None = None


@cache
def _vocabulary() -> tuple[frozenset[str], dict[str, str]]:
    words = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(words["filler"]), dict(words["synonyms"])


def distinguishing_words(name: str) -> list[str]:
    """The words of an edition name that tell editions apart, in the name's order, without repeats."""
    filler, synonyms = _vocabulary()
    words = [synonyms.get(w, w) for w in fold(name).split("_") if w]
    return list(dict.fromkeys(w for w in words if w not in filler))


@cache
def _aliases() -> dict[frozenset[str], str]:
    index: dict[frozenset[str], str] = {}
    for row in read_seed(ALIASES_SEED):
        key = frozenset(distinguishing_words(row["alias"]))
        if index.get(key, row["edition_id"]) != row["edition_id"]:
            raise EditionVocabularyError(
                f"aliases of {index[key]} and {row['edition_id']} both reduce to {sorted(key)}: "
                f"reword one in dbt_project/seeds/{ALIASES_SEED} or drop a word from {WORDS_FILE.name}'s filler"
            )
        index[key] = row["edition_id"]
    return index


def match_edition(name: str) -> EditionMatch:
    """The edition an `edisi` value names; a new one gets an id from its words, or a problem when it has no year."""
    words = distinguishing_words(name)
    known = _aliases().get(frozenset(words))
    if known:
        return EditionMatch(known)
    years = [w for w in words if _YEAR.match(w)]
    if len(years) != 1:
        return EditionMatch(
            None,
            problem=f"unknown edisi '{name}' without one year to name it by: add it to "
            f"dbt_project/seeds/{ALIASES_SEED}",
        )
    others = [w for w in words if w != years[0]]
    return EditionMatch("_".join(["IKP", *others, years[0]]).upper(), is_new=True)


def new_edition_advice(name: str, edition_id: str) -> str:
    return (
        f"new IKP edition '{name}' loaded as {edition_id}: add a row for it to "
        "dbt_project/seeds/methodology/ref_ikp_editions.csv (election, method, release date) and its bands to "
        f"ref_ikp_category_bands.csv, or, if it is a known edition spelled anew, the spelling to {ALIASES_SEED}; "
        "until then its category is the table's own kategori"
    )

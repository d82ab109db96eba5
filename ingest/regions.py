"""Resolve the region names in exports to dotted Kemendagri codes (`36.01`), or say why not.

Exports write "Kab. Serang", "KABUPATEN SERANG", "Serang" or "Tangsel". Names are folded, the
regency type ("Kabupaten"/"Kota") is read from the prefix, and spelling variants come from the alias
seed. A bare name that fits two places (Kab. Serang 36.04 and Kota Serang 36.73) is never guessed: it
comes back unresolved with both candidates named, so the row is quarantined for a person to decide.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from ingest.headers import fold
from ingest.reference_data import read_seed

NATIONAL_CODE = "ID"
_TYPE_PREFIXES = {
    "kabupaten": "Kabupaten",
    "kab": "Kabupaten",
    "kota": "Kota",
    "kotamadya": "Kota",
    "kodya": "Kota",
}
_PROVINCE_PREFIXES = ("provinsi", "propinsi", "prov")
_ADMINISTRATIVE = "administrasi"
_DOTTED_CODE = re.compile(r"^\d{2}(\.\d{2})?$")
# Fuzzy matching is the last resort, only among the regencies of the row's own province: a name is
# accepted when its similarity (rapidfuzz ratio, 0-100) is at least this, and the runner-up trails
# by at least FUZZY_MARGIN. "Pandeglan" -> Kabupaten Pandeglang scores 94.7; two different regencies
# of one province rarely score above 80 against each other.
FUZZY_MIN_SCORE = 90.0
FUZZY_MARGIN = 5.0


@dataclass(frozen=True)
class Resolution:
    code: str | None
    problem: str | None = None
    # how the code was found: code | crosswalk | name | alias | fuzzy | province
    method: str | None = None


@dataclass(frozen=True)
class _Regency:
    code: str
    province_code: str
    kind: str
    core: str
    name: str


def _split_type(folded: str) -> tuple[str | None, str]:
    """`"kab_serang"` -> ("Kabupaten", "serang"); `"serang"` -> (None, "serang")."""
    head, _, rest = folded.partition("_")
    kind = _TYPE_PREFIXES.get(head)
    if kind is None or not rest:
        return None, folded
    if rest.startswith(_ADMINISTRATIVE + "_"):
        rest = rest[len(_ADMINISTRATIVE) + 1 :]
    return kind, rest


def _strip_province_prefix(folded: str) -> str:
    head, _, rest = folded.partition("_")
    return rest if head in _PROVINCE_PREFIXES and rest else folded


class RegionResolver:
    """Name -> code lookups built once from the region seeds."""

    def __init__(self) -> None:
        self.province_names: dict[str, str] = {}
        self._province_by_name: dict[str, str] = {}
        for row in read_seed("regions/ref_provinces.csv"):
            self.province_names[row["code"]] = row["name"]
            self._province_by_name[fold(row["name"])] = row["code"]
        self.regencies: dict[str, _Regency] = {}
        self._regencies_by_core: dict[str, list[_Regency]] = defaultdict(list)
        for row in read_seed("regions/ref_regencies.csv"):
            kind, core = _split_type(fold(row["name"]))
            regency = _Regency(row["code"], row["province_code"], kind or "", core, row["name"])
            self.regencies[regency.code] = regency
            self._regencies_by_core[core].append(regency)
        self._aliases: dict[str, str] = {
            fold(row["alias"]): row["region_code"] for row in read_seed("regions/ref_region_aliases.csv")
        }
        self._crosswalk: dict[str, str] = {
            row["old_code"]: row["new_code"] for row in read_seed("regions/ref_region_code_crosswalk.csv")
        }

    def name_of(self, code: str) -> str:
        if code in self.province_names:
            return self.province_names[code]
        return self.regencies[code].name

    def province(self, name: str) -> Resolution:
        folded = _strip_province_prefix(fold(name))
        code = self._province_by_name.get(folded) or self._aliases.get(folded)
        if code and code in self.province_names:
            return Resolution(code, method="province")
        return Resolution(None, f"unknown province '{name}'")

    def regency(self, name: str, province_code: str | None = None) -> Resolution:
        folded = fold(name)
        alias = self._aliases.get(folded)
        if alias in self.regencies:
            return self._within(alias, name, province_code)
        kind, core = _split_type(folded)
        candidates = [r for r in self._regencies_by_core.get(core, []) if kind is None or r.kind == kind]
        in_province = [r for r in candidates if province_code is None or r.province_code == province_code]
        if len(in_province) == 1:
            return Resolution(in_province[0].code, method="name")
        if len(in_province) > 1:
            names = " or ".join(f"{r.name} ({r.code})" for r in in_province)
            return Resolution(None, f"ambiguous region '{name}': {names}; write 'Kabupaten' or 'Kota'")
        if candidates:
            where = ", ".join(f"{r.name} ({r.code})" for r in candidates)
            return Resolution(None, f"region '{name}' is not in province {province_code}: it matches {where}")
        if province_code:
            return self._fuzzy(name, kind, core, province_code)
        return Resolution(None, f"unknown regency or city '{name}' (give the province to allow close spellings)")

    def _fuzzy(self, name: str, kind: str | None, core: str, province_code: str) -> Resolution:
        scored = sorted(
            (
                (fuzz.ratio(core, r.core), r)
                for r in self.regencies.values()
                if r.province_code == province_code and (kind is None or r.kind == kind)
            ),
            key=lambda pair: pair[0],
            reverse=True,
        )
        if not scored or scored[0][0] < FUZZY_MIN_SCORE:
            best = f"; closest: {scored[0][1].name} ({scored[0][0]:.0f})" if scored else ""
            return Resolution(None, f"unknown regency or city '{name}' in province {province_code}{best}")
        if len(scored) > 1 and scored[0][0] - scored[1][0] < FUZZY_MARGIN:
            names = " or ".join(f"{r.name} ({r.code})" for _, r in scored[:2])
            return Resolution(None, f"ambiguous region '{name}': close to {names}")
        return Resolution(scored[0][1].code, method="fuzzy")

    def _within(self, code: str, name: str, province_code: str | None) -> Resolution:
        if province_code and self.regencies[code].province_code != province_code:
            return Resolution(None, f"region '{name}' ({code}) is not in province {province_code}")
        return Resolution(code, method="alias")

    def resolve(self, province: str | None, regency: str | None, code: str | None = None) -> Resolution:
        """The most precise code the row gives: its code, else its regency, else its province."""
        if code:
            code = code.strip()
            if code.upper() == NATIONAL_CODE:
                return Resolution(NATIONAL_CODE, method="code")
            if not _DOTTED_CODE.match(code):
                return Resolution(
                    None,
                    f"region code '{code}' is not a dotted Kemendagri code such as 36.01 "
                    "(BPS codes look alike but differ)",
                )
            if code in self.province_names or code in self.regencies:
                return Resolution(code, method="code")
            if code in self._crosswalk:  # a Papua code from before the 2022 splits
                return Resolution(self._crosswalk[code], method="crosswalk")
            return Resolution(None, f"region code '{code}' is not in the Kemendagri 2025 reference")
        province_code = None
        if province:
            found = self.province(province)
            if found.code is None:
                return found
            province_code = found.code
        if regency:
            return self.regency(regency, province_code)
        if province_code:
            return Resolution(province_code, method="province")
        return Resolution(None, "no region given (provinsi, kabupaten_kota or kode_wilayah)")


@cache
def region_resolver() -> RegionResolver:
    return RegionResolver()

"""What the suites may ask of the warehouse: the region reference and the row counts last published."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb

from ingest.regions import NATIONAL_CODE, region_resolver


class WarehouseFacts:
    def __init__(self, serving_db: Path) -> None:
        self._serving_db = serving_db

    def region_codes(self) -> list[str]:
        return _region_codes()

    def published_rows(self, table: str) -> int | None:
        """Rows of `marts.<table>` in the serving database now, before this run publishes."""
        if not self._serving_db.exists():
            return None
        with duckdb.connect(str(self._serving_db), read_only=True) as con:
            found = con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'marts' AND table_name = ?",
                [table],
            ).fetchall()[0][0]
            return con.execute(f"SELECT count(*) FROM marts.{table}").fetchall()[0][0] if found else None


@cache
def _region_codes() -> list[str]:
    resolver = region_resolver()
    return sorted([*resolver.province_names, *resolver.regencies, NATIONAL_CODE])

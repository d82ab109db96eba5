"""What each file is a complete copy of, and the date its rows describe.

A case export is a snapshot of all cases as of one date (`tanggal_ekspor`, or `_YYYY-MM-DD` in its
name): a later file for the same date replaces it. An IKP table holds whole editions: a later file for
an edition replaces it. A Bawaslu register export is a list of entries: a file replaces only an
earlier file of the same name, and each register number's newest row wins (in staging), so registers
split over several files, dated or not, all count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ingest.sources import Source

_DATE_IN_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})(?=\D*$)")


class BatchError(ValueError):
    """The file cannot be placed: no date, more than one, or a date in the future."""


@dataclass(frozen=True)
class Batch:
    keys: list[str]  # what the file replaces: snapshot dates, edition ids or its own name
    as_of: dt.date | None  # the date its rows describe (snapshot and register sources)
    as_of_from: str | None = None  # where that date came from, for the load log


def date_in_name(name: str) -> dt.date | None:
    match = _DATE_IN_NAME.search(name)
    return dt.date.fromisoformat(match.group(1)) if match else None


def batch_of(
    source: Source,
    path: Path,
    frame: pd.DataFrame,
    parse_date: Callable[[str], dt.date | None],
    today: dt.date,
) -> Batch:
    if source.batch == "edition":
        return Batch(sorted({e for e in frame["edition_id"] if e}), None)
    exported = _export_date(frame, parse_date)
    as_of, origin = exported, "tanggal_ekspor"
    if as_of is None:
        as_of, origin = date_in_name(path.name), "file name"
    if as_of is None and source.batch == "entries":
        dates = [d for d in (parse_date(v) for v in set(frame.get("tanggal", [])) if v) if d]
        as_of, origin = (max(dates), "latest tanggal") if dates else (None, None)
    if as_of is not None and as_of > today:
        raise BatchError(
            f"snapshot date {as_of} (from its {origin}) is after today, {today}: correct it, "
            "or the file would become the newest snapshot and end the validity of the real one"
        )
    if source.batch == "entries":
        return Batch([path.name], as_of or today, origin or "load date")
    if as_of is None:
        raise BatchError("no snapshot date: add a tanggal_ekspor column or end the file name with _YYYY-MM-DD")
    return Batch([as_of.isoformat()], as_of, origin)


def _export_date(frame: pd.DataFrame, parse_date: Callable[[str], dt.date | None]) -> dt.date | None:
    values = sorted({v for v in frame.get("tanggal_ekspor", []) if v})
    dates = {parse_date(v) for v in values}
    if len(dates) > 1 or None in dates:
        raise BatchError(f"tanggal_ekspor must hold one readable date for the whole file, found {values}")
    return dates.pop() if dates else None

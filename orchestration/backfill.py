"""Backfills: a refresh that redoes a range of days, asked for by two run tags.

News facts are re-extracted for every article of those days (published on them, or, undated, first
loaded on them), and dbt rebuilds the case snapshots dated in them (its `window_start` / `window_end`
vars). `make backfill FROM=2024-01-01 TO=2024-01-31` starts one; in the Dagster UI, launch
netra_refresh with the same two tags.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

# A backfill is a refresh run tagged with the first and last day it redoes (`make backfill`, or these
# tags in the Dagster UI's launchpad); news extraction and dbt both read them.
WINDOW_TAGS = ("netra/backfill_from", "netra/backfill_to")


class BackfillTagError(ValueError):
    """The backfill tags do not name a range of days."""


def rebuild_window(tags: Mapping[str, str]) -> tuple[dt.date, dt.date] | None:
    """The days [start, end) a backfill run redoes, from its tags (both days inclusive there), else None."""
    first, last = (tags.get(tag) for tag in WINDOW_TAGS)
    if not first and not last:
        return None
    try:
        start, end = dt.date.fromisoformat(first or last), dt.date.fromisoformat(last or first)
    except ValueError as exc:
        raise BackfillTagError(f"{WINDOW_TAGS[0]} / {WINDOW_TAGS[1]} must be YYYY-MM-DD days: {exc}") from exc
    if end < start:
        raise BackfillTagError(f"backfill ends ({end}) before it starts ({start})")
    return start, end + dt.timedelta(days=1)

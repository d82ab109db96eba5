"""Withdraw a file loaded by mistake: `make retract FILE=kasn/export.csv`, then `make run`.

Its rows leave the raw table and the quarantine, its articles and their facts leave the news tables,
and the load log marks it `retracted`, so the same bytes under the same name are never loaded again,
even if the file is still in the landing folder (delete it there too, or rename a corrected export).
The next refresh rebuilds the incremental models in full, because a withdrawn snapshot must leave the
history marts, which an incremental build only adds to; publishing then replaces the serving database,
the Parquet exports and the report without the file's rows.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

import duckdb

from ingest.news.dedupe import placement_order
from ingest.news.load import ensure_news_tables, mark_copies
from ingest.settings import load_settings
from ingest.sources import NEWS_SOURCE, SOURCES
from ingest.warehouse import connect, transaction

RETRACTED = "retracted"


class RetractionError(ValueError):
    """The file cannot be retracted as named; the message says why."""


@dataclass(frozen=True)
class Retraction:
    source: str
    file_name: str
    rows: int
    quarantined: int


def retract(con: duckdb.DuckDBPyConnection, source: str, file_name: str) -> Retraction:
    """Remove everything `source/file_name` loaded, in one transaction, and mark it retracted."""
    if source not in (*SOURCES, NEWS_SOURCE):
        raise RetractionError(f"unknown source folder '{source}': one of {', '.join([*SOURCES, NEWS_SOURCE])}")
    logged = con.execute(
        "SELECT count(*) FILTER (status IN ('loaded', 'replaced')), count(*) FILTER (status = ?) "
        "FROM ops.load_log WHERE source = ? AND file_name = ?",
        [RETRACTED, source, file_name],
    ).fetchone()
    if logged[1]:
        raise RetractionError(f"{source}/{file_name} is already retracted")
    if not logged[0]:
        raise RetractionError(f"{source}/{file_name} was never loaded (see ops.load_log for the names loaded)")
    with transaction(con):
        if source == NEWS_SOURCE:
            ensure_news_tables(con)
            removed = con.execute(
                "SELECT CAST(published_date AS VARCHAR), article_id FROM raw.news_articles WHERE source_file = ?",
                [file_name],
            ).fetchall()
            for table in ("raw.news_facts", "raw.news_fact_review"):
                con.execute(
                    f"DELETE FROM {table} WHERE article_id IN "
                    "(SELECT article_id FROM raw.news_articles WHERE source_file = ?)",
                    [file_name],
                )
            con.execute("DELETE FROM raw.news_articles WHERE source_file = ?", [file_name])
            rows = len(removed)
        else:
            table = SOURCES[source].raw_table
            rows = con.execute(f"SELECT count(*) FROM {table} WHERE _file_name = ?", [file_name]).fetchone()[0]
            con.execute(f"DELETE FROM {table} WHERE _file_name = ?", [file_name])
        quarantined = con.execute(
            "SELECT count(*) FROM ops.quarantine WHERE source = ? AND file_name = ?", [source, file_name]
        ).fetchone()[0]
        con.execute("DELETE FROM ops.quarantine WHERE source = ? AND file_name = ?", [source, file_name])
        con.execute(
            "UPDATE ops.load_log SET status = ?, message = concat_ws('; ', message, 'retracted by hand') "
            "WHERE source = ? AND file_name = ? AND status IN ('loaded', 'replaced')",
            [RETRACTED, source, file_name],
        )
        # the next dbt build starts from scratch: incremental models only add and replace snapshots
        con.execute("DELETE FROM ops.dbt_builds")
    if source == NEWS_SOURCE:
        mark_copies(con, [placement_order(published, article_id) for published, article_id in removed])
    return Retraction(source, file_name, rows, quarantined)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Withdraw a file loaded by mistake; then run `make run`.")
    parser.add_argument("file", help="the file as SOURCE/NAME, e.g. kasn/kasn_2020-09-30.csv")
    args = parser.parse_args(argv)
    source, _, name = args.file.strip("/").partition("/")
    from ingest.warehouse_lock import RefreshRunning, refresh_lock

    try:
        with refresh_lock(None), connect(load_settings().build_db) as con:
            done = retract(con, source, name)
    except (RetractionError, RefreshRunning) as exc:
        print(f"not retracted: {exc}")
        return 1
    print(
        f"retracted {done.source}/{done.file_name}: {done.rows} row(s) and {done.quarantined} quarantined row(s) "
        "removed. Run `make run` to rebuild and publish without them (delete the file from the landing folder "
        "too, or it stays listed as retracted)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

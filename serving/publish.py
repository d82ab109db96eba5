"""Write, audit, publish: BI reads `serving.duckdb`, which only ever changes by an atomic rename.

The new database is written beside the old one under a temporary name, closed, then renamed over it
(`os.replace`, atomic on one filesystem). A reader that opened the old file keeps reading it; the
next connection sees the new one. No reader ever waits on the pipeline's write lock or sees a table
half-built.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from serving.report import render

# DuckDB 2.x writes files that 1.x clients (as BI drivers bundle them) cannot open unless told to
# write an older storage format; v1.4.0 was opened read-only by duckdb 1.5.6 here.
SERVING_STORAGE_VERSION = "v1.4.0"
MARTS_SCHEMA = "marts"
# Columns that would carry personal data; their presence in a mart stops the publish outright.
FORBIDDEN_COLUMNS = {"nama", "nip", "asn_pseudonym", "name", "jabatan", "instansi"}


class PublishRefused(Exception):
    """The marts must not be published as they are; the message says why."""


@dataclass(frozen=True)
class Published:
    path: Path
    row_counts: dict[str, int]
    exports: Path | None = None
    report: Path | None = None


def publish(build_db: Path, serving_db: Path, exports: Path | None = None, report: Path | None = None) -> Published:
    """Copy every table of schema `marts` into a fresh serving database, then Parquet and the HTML report.

    Each of the three is swapped in by a rename, so each is either the old or the new whole; the
    serving database goes first, as the one BI tools rely on.
    """
    staging = serving_db.with_name(serving_db.name + ".new")
    # leftovers of a publish that was killed half-way: the partial file and its write-ahead log
    staging.unlink(missing_ok=True)
    staging.with_name(staging.name + ".wal").unlink(missing_ok=True)
    with duckdb.connect() as con:
        con.execute(f"ATTACH '{build_db}' AS build (READ_ONLY)")
        tables = [
            name
            for (name,) in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'build' "
                "AND table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name",
                [MARTS_SCHEMA],
            ).fetchall()
        ]
        if not tables:
            raise PublishRefused(f"no tables in schema {MARTS_SCHEMA} of {build_db}: run dbt first")
        personal = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = 'build' "
            "AND table_schema = ? AND lower(column_name) IN (SELECT unnest(?))",
            [MARTS_SCHEMA, sorted(FORBIDDEN_COLUMNS)],
        ).fetchall()
        if personal:
            raise PublishRefused(f"personal-data columns in marts, not published: {personal}")
        con.execute(f"ATTACH '{staging}' AS serving (STORAGE_VERSION '{SERVING_STORAGE_VERSION}')")
        con.execute(f"CREATE SCHEMA serving.{MARTS_SCHEMA}")
        counts = {}
        for table in tables:
            con.execute(f"CREATE TABLE serving.{MARTS_SCHEMA}.{table} AS SELECT * FROM build.{MARTS_SCHEMA}.{table}")
            counts[table] = con.execute(f"SELECT count(*) FROM serving.{MARTS_SCHEMA}.{table}").fetchall()[0][0]
        con.execute("DETACH serving")
        os.replace(staging, serving_db)
        if exports is not None:
            _export_parquet(con, tables, exports)
        if report is not None:
            _replace_text(report, render(con, schema=f"build.{MARTS_SCHEMA}"))
        con.execute("DETACH build")
    return Published(serving_db, counts, exports, report)


def _export_parquet(con: duckdb.DuckDBPyConnection, tables: list[str], link: Path) -> None:
    """Write the marts as Parquet into a new folder, then point the `exports` link at it atomically.

    A reader that resolved the link before the swap keeps the folder it opened: the previous folder is
    kept until the next publish, older ones are removed.
    """
    folder = link.with_name(f"{link.name}-{dt.datetime.now():%Y%m%dT%H%M%S%f}")
    folder.mkdir(parents=True)
    for table in tables:
        con.execute(f"COPY build.{MARTS_SCHEMA}.{table} TO '{folder / table}.parquet' (FORMAT parquet)")
    previous = link.resolve() if link.is_symlink() else None
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a plain folder left by hand or by an older version
    new_link = link.with_name(link.name + ".new")
    new_link.unlink(missing_ok=True)
    new_link.symlink_to(folder.name)
    os.replace(new_link, link)
    for old in link.parent.glob(f"{link.name}-*"):
        if old not in (folder, previous):
            shutil.rmtree(old, ignore_errors=True)


def _replace_text(path: Path, text: str) -> None:
    staging = path.with_name(path.name + ".new")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, path)

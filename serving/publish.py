"""Write, audit, publish: BI reads `serving.duckdb`, which only ever changes by an atomic rename.

The new database is written beside the old one under a temporary name, closed, then renamed over it
(`os.replace`, atomic on one filesystem). A reader that opened the old file keeps reading it; the
next connection sees the new one. No reader ever waits on the pipeline's write lock or sees a table
half-built.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

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


def publish(build_db: Path, serving_db: Path) -> Published:
    """Copy every table of schema `marts` from the build database into a fresh serving database."""
    staging = serving_db.with_name(serving_db.name + ".new")
    staging.unlink(missing_ok=True)
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
        con.execute("DETACH build")
    os.replace(staging, serving_db)
    return Published(serving_db, counts)

"""Write, audit, publish: BI reads `serving.duckdb`, which only ever changes by an atomic rename.

The new database is written beside the old one under a name no other publish uses, closed, then
renamed over it (`os.replace`, atomic on one filesystem). A reader that opened the old file keeps
reading it; the next connection sees the new one. No reader ever waits on the pipeline's write lock
or sees a table half-built.

Publishing is per mart: a mart that passed its checks is copied from the build database; a mart held
back keeps its last good version from the serving database being replaced, and `marts.publish_status`
says which is which, since when, and why. One failing source never blacks out the others.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from serving.report import render

# DuckDB 2.x writes files that 1.x clients (as BI drivers bundle them) cannot open unless told to
# write an older storage format. v1.0.0 is the oldest DuckDB 2.0 writes; DuckDB 1.0 and later read it.
SERVING_STORAGE_VERSION = "v1.0.0"
MARTS_SCHEMA = "marts"
STATUS_TABLE = "publish_status"
# Columns that would carry personal data; a mart holding one is never published.
FORBIDDEN_COLUMNS = {"nama", "nip", "asn_pseudonym", "name", "jabatan", "instansi"}
# The column whose newest value says how current a mart is, first match wins.
AS_OF_COLUMNS = ("as_of_date", "published_date", "release_date")
_STAGING_SUFFIX = ".new"


class PublishRefused(Exception):
    """Nothing can be published; the message says why."""


@dataclass(frozen=True)
class MartStatus:
    mart: str
    status: str  # published | stale (last good version kept) | held_back (no good version yet)
    published_at: dt.datetime | None
    data_as_of: dt.date | None
    reason: str | None
    rows: int | None


@dataclass(frozen=True)
class Published:
    path: Path
    statuses: list[MartStatus]
    exports: Path | None = None
    report: Path | None = None

    @property
    def row_counts(self) -> dict[str, int]:
        return {s.mart: s.rows for s in self.statuses if s.rows is not None}

    @property
    def held(self) -> list[MartStatus]:
        return [s for s in self.statuses if s.status != "published"]


def publish(
    build_db: Path,
    serving_db: Path,
    exports: Path | None = None,
    report: Path | None = None,
    held: Mapping[str, str] | None = None,
    marts: Sequence[str] | None = None,
) -> Published:
    """Publish every mart of `marts` (default: all in schema `marts`) not in `held` (mart -> reason).

    The serving database, the Parquet exports and the report are each swapped in by a rename, so each
    is either the old or the new whole; the serving database goes first, as the one BI tools rely on,
    and the other two are written from it, so all three show the same versions.
    """
    held = dict(held or {})
    now = dt.datetime.now().replace(microsecond=0)
    _clear_leftovers(serving_db)
    staging = serving_db.with_name(f"{serving_db.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{_STAGING_SUFFIX}")
    with duckdb.connect() as con:
        con.execute(f"ATTACH '{build_db}' AS build (READ_ONLY)")
        built = _tables(con, "build")
        chosen = sorted(marts) if marts is not None else built
        if not chosen:
            raise PublishRefused(f"no tables in schema {MARTS_SCHEMA} of {build_db}: run dbt first")
        for table, columns in _personal_columns(con, "build").items():
            held.setdefault(table, f"personal-data columns {', '.join(columns)}: never published")
        previous = _previous(con, serving_db)
        con.execute(f"ATTACH '{staging}' AS serving (STORAGE_VERSION '{SERVING_STORAGE_VERSION}')")
        try:
            con.execute(f"CREATE SCHEMA serving.{MARTS_SCHEMA}")
            statuses = [_publish_mart(con, mart, mart in built, held.get(mart), previous, now) for mart in chosen]
            _write_status(con, statuses)
            _copy_comments(con)
            con.execute("DETACH serving")
        except BaseException:
            con.execute("DETACH DATABASE IF EXISTS serving")
            staging.unlink(missing_ok=True)
            raise
        os.replace(staging, serving_db)
        con.execute("DETACH build")
        con.execute("DETACH DATABASE IF EXISTS previous")
        con.execute(f"ATTACH '{serving_db}' AS published (READ_ONLY)")
        tables = _tables(con, "published")
        if exports is not None:
            _export_parquet(con, tables, exports)
        if report is not None:
            _replace_text(report, render(con, schema=f"published.{MARTS_SCHEMA}"))
    return Published(serving_db, statuses, exports, report)


def _tables(con: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    return [
        name
        for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? "
            "AND table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> ? ORDER BY table_name",
            [catalog, MARTS_SCHEMA, STATUS_TABLE],
        ).fetchall()
    ]


def _personal_columns(con: duckdb.DuckDBPyConnection, catalog: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = ? "
        "AND table_schema = ? AND lower(column_name) IN (SELECT unnest(?)) ORDER BY 1, 2",
        [catalog, MARTS_SCHEMA, sorted(FORBIDDEN_COLUMNS)],
    ).fetchall():
        found.setdefault(table, []).append(column)
    return found


def _previous(con: duckdb.DuckDBPyConnection, serving_db: Path) -> dict[str, dt.datetime | None]:
    """The serving database being replaced, attached as `previous`: each of its marts, with when it was
    published (from its publish_status, where it has one)."""
    if not serving_db.exists():
        return {}
    try:
        con.execute(f"ATTACH '{serving_db}' AS previous (READ_ONLY)")
    except duckdb.Error:
        return {}  # unreadable (a file from a much older version): nothing to keep from it
    marts: dict[str, dt.datetime | None] = dict.fromkeys(_tables(con, "previous"))
    has_status = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'previous' AND table_schema = ? "
        "AND table_name = ?",
        [MARTS_SCHEMA, STATUS_TABLE],
    ).fetchone()[0]
    if has_status:
        for mart, published_at in con.execute(
            f"SELECT mart, published_at FROM previous.{MARTS_SCHEMA}.{STATUS_TABLE}"
        ).fetchall():
            if mart in marts:
                marts[mart] = published_at
    return marts


def _publish_mart(con, mart: str, built: bool, reason: str | None, previous: dict, now) -> MartStatus:
    if reason is None and not built:
        reason = "not built in the build database (its dbt model failed or has not run yet)"
    if reason is None:
        con.execute(f"CREATE TABLE serving.{MARTS_SCHEMA}.{mart} AS SELECT * FROM build.{MARTS_SCHEMA}.{mart}")
        return MartStatus(mart, "published", now, _as_of(con, mart), None, _count(con, mart))
    if mart in previous:
        con.execute(f"CREATE TABLE serving.{MARTS_SCHEMA}.{mart} AS SELECT * FROM previous.{MARTS_SCHEMA}.{mart}")
        return MartStatus(mart, "stale", previous[mart], _as_of(con, mart), reason, _count(con, mart))
    return MartStatus(mart, "held_back", None, None, reason, None)


def _as_of(con, mart: str) -> dt.date | None:
    columns = {
        c
        for (c,) in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_catalog = 'serving' "
            "AND table_schema = ? AND table_name = ?",
            [MARTS_SCHEMA, mart],
        ).fetchall()
    }
    column = next((c for c in AS_OF_COLUMNS if c in columns), None)
    if column is None:
        return None
    value = con.execute(f"SELECT CAST(max({column}) AS DATE) FROM serving.{MARTS_SCHEMA}.{mart}").fetchone()[0]
    return value


def _count(con, mart: str) -> int:
    return con.execute(f"SELECT count(*) FROM serving.{MARTS_SCHEMA}.{mart}").fetchone()[0]


def _write_status(con, statuses: list[MartStatus]) -> None:
    con.execute(
        f"""CREATE TABLE serving.{MARTS_SCHEMA}.{STATUS_TABLE} (
                mart VARCHAR NOT NULL, status VARCHAR NOT NULL, published_at TIMESTAMP, data_as_of DATE,
                reason VARCHAR, row_count BIGINT)"""
    )
    con.executemany(
        f"INSERT INTO serving.{MARTS_SCHEMA}.{STATUS_TABLE} VALUES (?, ?, ?, ?, ?, ?)",
        [[s.mart, s.status, s.published_at, s.data_as_of, s.reason, s.rows] for s in statuses],
    )
    con.execute(
        f"COMMENT ON TABLE serving.{MARTS_SCHEMA}.{STATUS_TABLE} IS 'Each mart of this database: published by "
        "the latest refresh, stale (held back by a failed check; the last good version is kept), or held_back "
        "(no good version yet), with when it was published, the newest date its data describes and why it was "
        "held back.'"
    )
    for column, text in {
        "mart": "Table name in schema marts.",
        "status": "published, stale or held_back.",
        "published_at": "When the version in this database was published.",
        "data_as_of": "Newest as-of (or publication) date in the version published.",
        "reason": "Why the latest refresh held the mart back, and what to do; null when published.",
        "row_count": "Rows in the version in this database.",
    }.items():
        con.execute(f"COMMENT ON COLUMN serving.{MARTS_SCHEMA}.{STATUS_TABLE}.{column} IS '{_quote(text)}'")


def _copy_comments(con) -> None:
    """Table and column descriptions from the build database (dbt's persist_docs), for BI tools to show."""
    present = set(
        con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = 'serving' AND schema_name = ?",
            [MARTS_SCHEMA],
        ).fetchall()
    )
    tables = {table for table, _ in present}
    for table, comment in con.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = 'build' AND schema_name = ? "
        "AND comment IS NOT NULL",
        [MARTS_SCHEMA],
    ).fetchall():
        if table in tables:
            con.execute(f"COMMENT ON TABLE serving.{MARTS_SCHEMA}.{table} IS '{_quote(comment)}'")
    for table, column, comment in con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE database_name = 'build' "
        "AND schema_name = ? AND comment IS NOT NULL",
        [MARTS_SCHEMA],
    ).fetchall():
        if (table, column) in present:
            con.execute(f"COMMENT ON COLUMN serving.{MARTS_SCHEMA}.{table}.\"{column}\" IS '{_quote(comment)}'")


def _quote(text: str) -> str:
    return text.replace("'", "''")


def _clear_leftovers(serving_db: Path) -> None:
    """Remove staging files of publishes that were killed half-way (their process is gone)."""
    for leftover in serving_db.parent.glob(f"{serving_db.name}.*{_STAGING_SUFFIX}*"):
        pid = leftover.name.removeprefix(f"{serving_db.name}.").split("-", 1)[0]
        if not pid.isdigit() or not _alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _export_parquet(con: duckdb.DuckDBPyConnection, tables: list[str], link: Path) -> None:
    """Write the published marts as Parquet into a new folder, then point the `exports` link at it atomically.

    A reader that resolved the link before the swap keeps the folder it opened: the previous folder is
    kept until the next publish, older ones are removed.
    """
    folder = link.with_name(f"{link.name}-{dt.datetime.now():%Y%m%dT%H%M%S%f}-{os.getpid()}")
    folder.mkdir(parents=True)
    for table in [*tables, STATUS_TABLE]:
        con.execute(f"COPY published.{MARTS_SCHEMA}.{table} TO '{folder / table}.parquet' (FORMAT parquet)")
    previous = link.resolve() if link.is_symlink() else None
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a plain folder left by hand or by an older version
    new_link = link.with_name(f"{link.name}.{os.getpid()}{_STAGING_SUFFIX}")
    new_link.unlink(missing_ok=True)
    new_link.symlink_to(folder.name)
    os.replace(new_link, link)
    for old in link.parent.glob(f"{link.name}-*"):
        if old not in (folder, previous):
            shutil.rmtree(old, ignore_errors=True)


def _replace_text(path: Path, text: str) -> None:
    staging = path.with_name(f"{path.name}.{os.getpid()}{_STAGING_SUFFIX}")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, path)

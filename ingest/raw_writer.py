"""Type a chunk of files' rows in DuckDB and write them to `raw.<source>` and `ops.quarantine` atomically.

The values arrive as text. One SQL statement per chunk masks NIP-shaped digits in every column, parses
dates and numbers with the macros of `sql/parse_macros.sql`, and states every reason to quarantine a
row; one transaction per chunk then replaces what earlier files loaded for the same batches and inserts
the rows, so a failure half-way leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from ingest.batches import Batch
from ingest.pii import MASK
from ingest.sources import Source
from ingest.warehouse import transaction

# Bump when reading or typing changes, so files are re-read and the log says which parser loaded them.
PARSER_VERSION = "2"
_SQL_TYPES = {"text": "VARCHAR", "date": "DATE", "number": "DOUBLE", "integer": "BIGINT"}
_PARSERS = {
    "text": "nullif(trim({c}), '')",
    "date": "netra_parse_date({c})",
    "number": "netra_parse_number({c})",
    "integer": "TRY_CAST(netra_parse_number({c}) AS BIGINT)",
}
# Columns resolved in Python (one look-up per distinct value) before typing, and the column they add.
LOOKUP_COLUMNS = {"pemilihan": "election_id", "edisi": "edition_id"}
# Columns of the rows as read that are bookkeeping, not data.
_BOOKKEEPING = ("_row_number", "_problems", "_ragged", "_file_index")


@dataclass
class FileReport:
    file_name: str
    status: str  # loaded | skipped | refused | rejected | unreadable | failed
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    message: str | None = None
    # what a data steward should act on although the file loaded (a new IKP edition, masked NIPs)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Prepared:
    """A file read and checked in Python, waiting to be typed and written with its chunk."""

    path: Path
    sha: str
    frame: pd.DataFrame
    batch: Batch
    note: str | None
    warnings: list[str] = field(default_factory=list)
    number: int = 0


def ensure_raw_table(con: duckdb.DuckDBPyConnection, source: Source) -> None:
    columns = [
        "_file_name VARCHAR",
        "_file_sha256 VARCHAR",
        "_row_number BIGINT",
        "_batch_key VARCHAR",
        "_as_of_date DATE",
        "_loaded_at TIMESTAMP",
    ]
    for column in source.columns:
        if column.kind == "personal":
            continue
        if column.kind == "nip":
            columns.append("asn_pseudonym VARCHAR")
        else:
            columns.append(f"{column.name} {_SQL_TYPES[column.kind]}")
        if column.name in LOOKUP_COLUMNS:
            columns.append(f"{LOOKUP_COLUMNS[column.name]} VARCHAR")
    columns += ["region_code VARCHAR", "region_match VARCHAR"]
    con.execute(f"CREATE TABLE IF NOT EXISTS {source.raw_table} ({', '.join(columns)})")
    # A warehouse built by an earlier version gains the columns added since; nothing is dropped.
    for column in columns:
        con.execute(f"ALTER TABLE {source.raw_table} ADD COLUMN IF NOT EXISTS {column}")


def stored_columns(source: Source) -> list[str]:
    """The data columns of the rows as read (names are dropped before anything reaches DuckDB)."""
    return [c.name for c in source.columns if c.kind != "personal"]


def _typed_select(source: Source) -> str:
    """SQL that types the `incoming` rows of a chunk and states every reason to quarantine one.

    Each value is parsed once (in `parsed`), then its reasons refer to the parsed column: the parsing
    macros are large expressions, and repeating them would multiply the planning time. A shifted row
    (more or fewer fields than the header) has only that reason: its values sit under the wrong
    columns, so any other reason would quote them out of place, a name or NIP perhaps.
    """
    parsed, typed, reasons = [], [], ["_problems"]
    for column in source.columns:
        c = column.name
        if column.kind == "personal":
            continue
        if column.kind == "nip":
            typed.append(f"nullif(nip, '{MASK}') AS asn_pseudonym")
            continue
        parsed.append(f"{_PARSERS[column.kind].format(c=c)} AS {c}__typed")
        typed.append(f"{c}__typed AS {c}")
        if c in LOOKUP_COLUMNS:
            typed.append(LOOKUP_COLUMNS[c])
        if column.required:
            reasons.append(f"CASE WHEN nullif(trim({c}), '') IS NULL THEN 'missing required value in {c}' END")
        if column.bounds is not None:
            low, high = column.bounds
            upper = "" if high == float("inf") else f" OR {c}__typed > {high}"
            span = f"at least {low:g}" if high == float("inf") else f"between {low:g} and {high:g}"
            message = f"'{c} {{}} is outside its range: it must be {span}'"
            reasons.append(f"CASE WHEN {c}__typed < {low}{upper} THEN format({message}, {c}) END")
        if column.kind == "integer":
            reasons.append(
                f"CASE WHEN {c}__typed IS NULL AND netra_parse_number({c}) IS NOT NULL "
                f"THEN format('{c} {{}} is not a whole number a count can hold', {c}) END"
            )
        elif column.kind != "text":
            reasons.append(
                f"CASE WHEN nullif(trim({c}), '') IS NOT NULL AND {c}__typed IS NULL "
                f"THEN format('unreadable {column.kind} ''{{}}'' in {c}', {c}) END"
            )
    key = ", ".join(source.key)
    first = f"min(_row_number) OVER (PARTITION BY _file_index, {key})"
    duplicate = f"format('duplicate {key} (first at row {{}})', {first})"
    if "edisi" in source.column_names:
        # two spellings of one edition in one table: say so, or the duplicate looks like a different row
        first_name = f"first_value(edisi) OVER (PARTITION BY _file_index, {key} ORDER BY _row_number)"
        duplicate = (
            f"{duplicate} || CASE WHEN edisi IS DISTINCT FROM {first_name} "
            f"THEN format(': ''{{}}'' and ''{{}}'' name the same edition', {first_name}, edisi) ELSE '' END"
        )
    reasons.append(f"CASE WHEN _row_number > {first} THEN {duplicate} END")
    return f"""
        WITH parsed AS (SELECT *, {", ".join(parsed)} FROM incoming)
        SELECT _file_index, _row_number, region_code, region_match, {", ".join(typed)},
               CASE WHEN _ragged THEN _problems ELSE nullif(concat_ws('; ', {", ".join(reasons)}), '') END
                   AS _reason
        FROM parsed
    """


def write_chunk(con: duckdb.DuckDBPyConnection, source: Source, chunk: list[Prepared]) -> list[FileReport]:
    """Type the chunk's rows in one statement and write them in one transaction.

    If DuckDB refuses the chunk, its files are written one at a time, so only the file at fault fails.
    """
    if not chunk:
        return []
    try:
        counts, masked = _type_chunk(con, source, chunk)
        return _write(con, source, chunk, counts, masked)
    except duckdb.Error as exc:
        if len(chunk) > 1:
            return [report for prepared in chunk for report in write_chunk(con, source, [prepared])]
        prepared = chunk[0]
        message = f"{prepared.path.name}: {exc}"
        return [log_failure(con, source, prepared.path, prepared.sha, "failed", len(prepared.frame), message)]
    finally:
        con.execute("DROP TABLE IF EXISTS incoming")
        con.execute("DROP TABLE IF EXISTS checked")


def _type_chunk(con, source: Source, chunk: list[Prepared]) -> tuple[dict[int, tuple[int, int]], dict[int, int]]:
    """Tables `incoming` (the rows as read, NIP-shaped digits masked) and `checked` (typed, with reasons).

    Returns (loaded, quarantined) per file and how many rows had a NIP-shaped value masked.
    """
    frames = [p.frame.assign(_file_index=i) for i, p in enumerate(chunk)]
    con.register("incoming_frame", pd.concat(frames, ignore_index=True))
    # every data column as text, whatever pandas inferred (a column empty in every row, a header-only file)
    data = ["nip", *(c for c in stored_columns(source) if c != "nip"), *LOOKUP_COLUMNS.values()]
    present = [c for c in dict.fromkeys(data) if c in frames[0].columns]
    # NIPs are already pseudonyms (or masked); every other value has NIP-shaped digits masked
    values = [
        "CAST(nip AS VARCHAR) AS nip" if c == "nip" else f"netra_mask_nip(CAST({c} AS VARCHAR)) AS {c}" for c in present
    ]
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE incoming AS
                SELECT CAST(_file_index AS INTEGER) AS _file_index, CAST(_row_number AS BIGINT) AS _row_number,
                       {", ".join(values)},
                       CAST(region_code AS VARCHAR) AS region_code, CAST(region_match AS VARCHAR) AS region_match,
                       netra_mask_nip(CAST(_problems AS VARCHAR)) AS _problems, CAST(_ragged AS BOOLEAN) AS _ragged
                FROM incoming_frame"""
        )
    finally:
        con.unregister("incoming_frame")
    con.execute(f"CREATE OR REPLACE TEMP TABLE checked AS {_typed_select(source)}")
    counts = dict.fromkeys(range(len(chunk)), (0, 0))
    for index, loaded, quarantined in con.execute(
        "SELECT _file_index, count(*) FILTER (_reason IS NULL), count(*) FILTER (_reason IS NOT NULL) "
        "FROM checked GROUP BY _file_index"
    ).fetchall():
        counts[index] = (loaded, quarantined)
    text = [c for c in present if c != "nip"]
    condition = " OR ".join(f"contains({c}, '<NIP masked>')" for c in text) or "false"
    masked = dict(
        con.execute(f"SELECT _file_index, count(*) FROM incoming WHERE {condition} GROUP BY _file_index").fetchall()
    )
    return counts, masked


def _write(con, source: Source, chunk: list[Prepared], counts, masked: dict[int, int]) -> list[FileReport]:
    """Replace earlier copies of the chunk's batches and insert its rows, in one transaction.

    One statement per table for the whole chunk, not one per file: over a folder of daily snapshots,
    per-file statements cost more than the rows. A crash rolls the whole chunk back; the next run
    loads it again.
    """
    now = dt.datetime.now()
    stored = ["asn_pseudonym" if c.kind == "nip" else c.name for c in source.columns if c.kind != "personal"]
    stored += [LOOKUP_COLUMNS[c] for c in source.column_names if c in LOOKUP_COLUMNS]
    files = pd.DataFrame(
        [(i, p.path.name, p.sha, ",".join(p.batch.keys), p.batch.as_of) for i, p in enumerate(chunk)],
        columns=["_file_index", "file_name", "file_sha256", "batch_key", "as_of_date"],
    )
    try:
        with transaction(con):
            replaced = _replace_batches(con, source, chunk)
            con.register("chunk_files", files)
            con.execute(
                f"""INSERT INTO {source.raw_table} (_file_name, _file_sha256, _row_number, _batch_key, _as_of_date,
                       _loaded_at, region_code, region_match, {", ".join(stored)})
                    SELECT f.file_name, f.file_sha256, c._row_number, f.batch_key, CAST(f.as_of_date AS DATE), ?,
                           c.region_code, c.region_match, {", ".join(f"c.{column}" for column in stored)}
                    FROM checked c JOIN chunk_files f USING (_file_index)
                    WHERE c._reason IS NULL""",
                [now],
            )
            reports = []
            row, masked_row = _row_struct(con, masked_values=False), _row_struct(con, masked_values=True)
            for index, prepared in enumerate(chunk):
                loaded, quarantined = counts[index]
                if quarantined:
                    # a shifted row's values stand under the wrong columns (a name under pemilihan, say): the
                    # quarantine keeps which cells were filled, never what they held
                    con.execute(
                        f"""INSERT INTO ops.quarantine
                           SELECT ?, ?, ?, c._row_number, c._reason,
                                  CASE WHEN i._ragged THEN to_json({masked_row}) ELSE to_json({row}) END, ?
                           FROM checked c
                           JOIN (SELECT * FROM incoming WHERE _file_index = ?) i USING (_row_number)
                           WHERE c._file_index = ? AND c._reason IS NOT NULL""",
                        [source.name, prepared.path.name, prepared.sha, now, index, index],
                    )
                warnings = list(prepared.warnings)
                if masked.get(index):
                    warnings.append(
                        f"{masked[index]} row(s) had an NIP-shaped number in a text column; it was masked before "
                        "storing (the NIP column is the only place for a NIP)"
                    )
                message = "; ".join(m for m in (replaced.get(index), prepared.note) if m) or None
                read = len(prepared.frame)
                reports.append(FileReport(prepared.path.name, "loaded", read, loaded, quarantined, message, warnings))
            for prepared, report in zip(chunk, reports, strict=True):
                log_file(con, source, prepared.path, prepared.sha, report, prepared.batch, now)
    finally:
        con.unregister("chunk_files")
    return reports


def _row_struct(con, masked_values: bool) -> str:
    """A struct of the row as read (bookkeeping columns left out), every filled value masked if asked."""
    described = con.execute("SELECT * FROM incoming LIMIT 0").description
    columns = [name for name, *_ in described if name not in _BOOKKEEPING]
    if masked_values:
        return "{" + ", ".join(f"'{c}': CASE WHEN i.{c} IS NOT NULL THEN '{MASK}' END" for c in columns) + "}"
    return "{" + ", ".join(f"'{c}': i.{c}" for c in columns) + "}"


def _replace_batches(con, source: Source, chunk: list[Prepared]) -> dict[int, str]:
    """Delete what earlier files loaded for the chunk's batches; say, per file, what it replaced.

    A chunk never holds two files of the same batch (the loader writes the first before adding the second).
    """
    column = {"edition": "edition_id", "entries": "_file_name"}.get(source.batch, "_batch_key")
    keys = sorted({key for p in chunk for key in p.batch.keys})
    earlier = con.execute(
        f"SELECT DISTINCT {column}, _file_name FROM {source.raw_table} WHERE {column} IN (SELECT unnest(?))",
        [keys],
    ).fetchall()
    if not earlier:
        return {}
    con.execute(f"DELETE FROM {source.raw_table} WHERE {column} IN (SELECT unnest(?))", [keys])
    messages = {}
    for index, prepared in enumerate(chunk):
        names = sorted({name for key, name in earlier if key in prepared.batch.keys})
        if not names:
            continue
        con.execute(
            "DELETE FROM ops.quarantine WHERE source = ? AND file_name IN (SELECT unnest(?))",
            [source.name, names],
        )
        con.execute(
            """UPDATE ops.load_log SET status = 'replaced', message = concat_ws('; ', message, ?)
               WHERE source = ? AND file_name IN (SELECT unnest(?)) AND status = 'loaded'""",
            [f"replaced by a file with sha256 {prepared.sha[:12]}", source.name, names],
        )
        messages[index] = f"replaces {', '.join(names)}"
    return messages


def log_failure(con, source: Source, path: Path, sha: str, status: str, rows: int, message: str) -> FileReport:
    """Log a file that loaded nothing (refused, rejected, unreadable or failed) and report it."""
    report = FileReport(path.name, status, rows, 0, 0, message)
    log_file(con, source, path, sha, report, None, dt.datetime.now())
    return report


def log_file(con, source: Source, path: Path, sha: str, report: FileReport, batch: Batch | None, when) -> None:
    con.execute(
        "INSERT INTO ops.load_log (source, file_name, file_sha256, parser_version, status, rows_read, "
        "rows_loaded, rows_quarantined, batch_key, message, loaded_at, snapshot_date, warning) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            source.name,
            path.name,
            sha,
            PARSER_VERSION,
            report.status,
            report.rows_read,
            report.rows_loaded,
            report.rows_quarantined,
            ",".join(batch.keys) if batch else None,
            report.message,
            when,
            batch.as_of if batch else None,
            "; ".join(report.warnings) or None,
        ],
    )

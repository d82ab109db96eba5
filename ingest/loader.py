"""Load one landing folder into its raw table: every row loaded or quarantined, every file logged.

Per file: hash it (a file already loaded is skipped), read it, map headers, pseudonymise NIPs, resolve
regions and elections, then type the values in DuckDB and split the rows into `raw.<source>` and
`ops.quarantine` in one transaction, so a failure half-way leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from ingest.headers import fold
from ingest.pii import MASK, pseudonymise_nip
from ingest.readers import SUPPORTED_SUFFIXES, UnreadableFile, read_table
from ingest.reference_data import read_seed
from ingest.regions import region_resolver
from ingest.sources import Source

# Bump when reading or typing changes, so files are re-read and the log says which parser loaded them.
PARSER_VERSION = "1"
_DATE_IN_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})(?=\D*$)")
_SQL_TYPES = {"text": "VARCHAR", "date": "DATE", "number": "DOUBLE", "integer": "BIGINT"}
_PARSERS = {
    "text": "nullif(trim({c}), '')",
    "date": "netra_parse_date({c})",
    "number": "netra_parse_number({c})",
    "integer": "CAST(netra_parse_number({c}) AS BIGINT)",
}
# Columns resolved in Python (one look-up per distinct value) before typing.
_LOOKUP_COLUMNS = {"pemilihan": "election_id", "edisi": "edition_id"}


@dataclass
class FileReport:
    file_name: str
    status: str  # loaded | skipped | rejected | unreadable | failed
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    message: str | None = None


@dataclass
class SourceReport:
    source: str
    files: list[FileReport] = field(default_factory=list)

    def total(self, attribute: str) -> int:
        return sum(getattr(f, attribute) for f in self.files)

    def with_status(self, *statuses: str) -> list[FileReport]:
        return [f for f in self.files if f.status in statuses]


def landing_files(folder: Path, suffixes: tuple[str, ...] = SUPPORTED_SUFFIXES) -> list[Path]:
    """The files a folder offers for loading, in a stable order (hidden and lock files excluded)."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith((".", "~$")) and p.suffix.lower() in suffixes
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def load_source(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    folder: Path,
    salt: bytes,
    progress: Callable[[str], None] = lambda message: None,
) -> SourceReport:
    """Load every file in `folder` for `source`; one bad file never stops the others."""
    ensure_raw_table(con, source)
    report = SourceReport(source.name)
    files = landing_files(folder)
    for number, path in enumerate(files, start=1):
        file_report = _load_file(con, source, path, salt)
        report.files.append(file_report)
        progress(
            f"{source.name}: {number}/{len(files)} {path.name}: {file_report.status}, "
            f"{file_report.rows_loaded} loaded, {file_report.rows_quarantined} quarantined"
            + (f" ({file_report.message})" if file_report.message else "")
        )
    return report


def ensure_raw_table(con: duckdb.DuckDBPyConnection, source: Source) -> None:
    columns = [
        "_file_name VARCHAR",
        "_file_sha256 VARCHAR",
        "_row_number BIGINT",
        "_batch_key VARCHAR",
        "_loaded_at TIMESTAMP",
    ]
    for column in source.columns:
        if column.kind == "personal":
            continue
        if column.kind == "nip":
            columns.append("asn_pseudonym VARCHAR")
        else:
            columns.append(f"{column.name} {_SQL_TYPES[column.kind]}")
        if column.name in _LOOKUP_COLUMNS:
            columns.append(f"{_LOOKUP_COLUMNS[column.name]} VARCHAR")
    columns += ["region_code VARCHAR", "region_match VARCHAR"]
    con.execute(f"CREATE TABLE IF NOT EXISTS {source.raw_table} ({', '.join(columns)})")
    # A warehouse built by an earlier version gains the columns added since; nothing is dropped.
    for column in columns:
        con.execute(f"ALTER TABLE {source.raw_table} ADD COLUMN IF NOT EXISTS {column}")


def _load_file(con: duckdb.DuckDBPyConnection, source: Source, path: Path, salt: bytes) -> FileReport:
    sha = sha256_of(path)
    seen = [source.name, sha, PARSER_VERSION]
    # A file that failed for a passing reason (disk, lock) is tried again; any other outcome stands.
    con.execute(
        "DELETE FROM ops.load_log WHERE source = ? AND file_sha256 = ? AND parser_version = ? AND status = 'failed'",
        seen,
    )
    # Same bytes already loaded: skip, whatever the name. Same bytes rejected: skip only under the
    # same name, since a renamed copy may now carry the snapshot date its name lacked.
    already = con.execute(
        "SELECT status, message FROM ops.load_log WHERE source = ? AND file_sha256 = ? "
        "AND parser_version = ? AND (status IN ('loaded', 'replaced') OR file_name = ?)",
        [*seen, path.name],
    ).fetchall()
    if already:
        status, message = already[0]
        return FileReport(
            path.name,
            "skipped",
            message=f"already {status} (same sha256)" + (f": {message}" if message and status != "loaded" else ""),
        )
    try:
        table = read_table(path, source.column_names)
    except UnreadableFile as exc:
        return _log_file_failure(con, source, path, sha, "unreadable", 0, f"{path.name}: {exc}")

    missing = [c for c in source.required if c not in table.columns]
    if missing:
        message = (
            f"{path.name}: missing required column(s) {', '.join(missing)}; columns found: "
            f"{', '.join(h for h in table.original_headers if h)}. Rename the header, or add the "
            "spelling to ingest/reference/column_aliases.csv"
        )
        return _log_file_failure(con, source, path, sha, "rejected", len(table.rows), message)

    frame = _frame(source, table, salt)
    try:
        batch_keys = _batch_keys(con, source, path, frame)
    except ValueError as exc:
        return _log_file_failure(con, source, path, sha, "rejected", len(frame), f"{path.name}: {exc}")

    ignored = sorted({c for c in table.columns if c and c not in source.column_names})
    # how the file was read (encoding, delimiter or sheet) stays in the load log as provenance
    note = "; ".join([", ".join(table.notes), *([f"ignored columns: {', '.join(ignored)}"] if ignored else [])])
    try:
        return _write(con, source, path, sha, frame, batch_keys, note)
    except duckdb.Error as exc:
        return _log_file_failure(con, source, path, sha, "failed", len(frame), f"{path.name}: {exc}")


def _frame(source: Source, table, salt: bytes) -> pd.DataFrame:
    """The rows as text with problems found in Python: ragged rows, NIPs, regions, elections."""
    width = len(table.columns)
    index = {name: i for i, name in enumerate(table.columns) if name}
    records, problems = [], []
    for row_number, cells in table.rows:
        record = {"_row_number": row_number}
        row_problems = []
        # Excel pads rows with empty trailing cells; a short row, or text past the header, means damage.
        if len(cells) < width or any(cells[width:]):
            row_problems.append(f"row has {len(cells)} fields but the header has {width} (truncated or shifted row)")
        for column in source.columns:
            i = index.get(column.name)
            value = cells[i] if i is not None and i < len(cells) else None
            if column.kind == "personal":
                continue
            if column.kind == "nip":
                value, problem = pseudonymise_nip(value, salt)
                if problem:
                    row_problems.append(problem)
                    value = MASK
            record[column.name] = value
        records.append(record)
        problems.append(row_problems)
    frame = pd.DataFrame.from_records(records, columns=["_row_number", *_stored_columns(source)])
    _resolve_lookups(frame, problems)
    frame["_problems"] = ["; ".join(p) if p else None for p in problems]
    return frame


def _stored_columns(source: Source) -> list[str]:
    return [c.name for c in source.columns if c.kind != "personal"]


def _resolve_lookups(frame: pd.DataFrame, problems: list[list[str]]) -> None:
    """Add region_code, election_id and edition_id, resolving each distinct value once."""
    resolver = region_resolver()
    region_keys = list(
        zip(
            frame.get("provinsi"),
            frame.get("kabupaten_kota"),
            frame.get("kode_wilayah"),
            strict=True,
        )
    )
    resolved = {key: resolver.resolve(*key) for key in set(region_keys)}
    frame["region_code"] = [resolved[key].code for key in region_keys]
    frame["region_match"] = [resolved[key].method for key in region_keys]
    for i, key in enumerate(region_keys):
        if resolved[key].problem:
            problems[i].append(resolved[key].problem)
    for column, target in _LOOKUP_COLUMNS.items():
        if column not in frame:
            continue
        table = _lookup_table(target)
        codes = []
        for i, value in enumerate(frame[column]):
            code = table.get(fold(value)) if value else None
            if value and code is None:
                problems[i].append(
                    f"unknown {column} '{value}': add it to dbt_project/seeds/methodology/{_LOOKUP_SEEDS[target]}"
                )
            codes.append(code)
        frame[target] = codes


_LOOKUP_SEEDS = {
    "election_id": "ref_election_aliases.csv",
    "edition_id": "ref_ikp_edition_aliases.csv",
}


@cache
def _lookup_table(target: str) -> dict[str, str]:
    return {fold(r["alias"]): r[target] for r in read_seed(f"methodology/{_LOOKUP_SEEDS[target]}")}


def _batch_keys(con: duckdb.DuckDBPyConnection, source: Source, path: Path, frame: pd.DataFrame) -> list[str]:
    """What this file is a complete copy of: its snapshot date, or the IKP editions it holds."""
    if source.batch == "edition":
        return sorted({e for e in frame["edition_id"] if e})
    values = sorted({v for v in frame.get("tanggal_ekspor", []) if v})
    dates = {con.execute("SELECT netra_parse_date(?)", [v]).fetchall()[0][0] for v in values}
    if len(dates) > 1 or None in dates:
        raise ValueError(f"tanggal_ekspor must hold one readable date for the whole file, found {values}")
    if dates:
        return [dates.pop().isoformat()]
    match = _DATE_IN_NAME.search(path.stem + path.suffix)
    if match:
        return [dt.date.fromisoformat(match.group(1)).isoformat()]
    raise ValueError("no snapshot date: add a tanggal_ekspor column or end the file name with _YYYY-MM-DD")


def _typed_select(source: Source) -> str:
    """SQL that types the registered `incoming` rows and states every reason to quarantine one."""
    typed, reasons = [], ["_problems"]
    for column in source.columns:
        c = column.name
        if column.kind == "personal":
            continue
        if column.kind == "nip":
            typed.append(f"nullif(nip, '{MASK}') AS asn_pseudonym")
            continue
        parsed = _PARSERS[column.kind].format(c=c)
        typed.append(f"{parsed} AS {c}")
        if c in _LOOKUP_COLUMNS:
            typed.append(_LOOKUP_COLUMNS[c])
        if column.required:
            reasons.append(f"CASE WHEN nullif(trim({c}), '') IS NULL THEN 'missing required value in {c}' END")
        if column.bounds is not None:
            low, high = column.bounds
            upper = "" if high == float("inf") else f" OR {parsed} > {high}"
            span = f"at least {low:g}" if high == float("inf") else f"between {low:g} and {high:g}"
            message = f"'{c} {{}} is outside its range: it must be {span}'"
            reasons.append(f"CASE WHEN {parsed} < {low}{upper} THEN format({message}, {c}) END")
        if column.kind != "text":
            reasons.append(
                f"CASE WHEN nullif(trim({c}), '') IS NOT NULL AND {parsed} IS NULL "
                f"THEN format('unreadable {column.kind} ''{{}}'' in {c}', {c}) END"
            )
    key = ", ".join(source.key)
    first = f"min(_row_number) OVER (PARTITION BY {key})"
    reasons.append(f"CASE WHEN _row_number > {first} THEN format('duplicate {key} (first at row {{}})', {first}) END")
    return f"""
        SELECT _row_number, region_code, region_match, {", ".join(typed)},
               nullif(concat_ws('; ', {", ".join(reasons)}), '') AS _reason
        FROM incoming
    """


def _write(
    con,
    source: Source,
    path: Path,
    sha: str,
    frame: pd.DataFrame,
    batch_keys: list[str],
    note: str | None,
) -> FileReport:
    now = dt.datetime.now()
    batch_key = ",".join(batch_keys)
    stored = ["asn_pseudonym" if c.kind == "nip" else c.name for c in source.columns if c.kind != "personal"]
    stored += [_LOOKUP_COLUMNS[c] for c in source.column_names if c in _LOOKUP_COLUMNS]
    con.register("incoming", frame)
    try:
        con.execute("BEGIN TRANSACTION")
        replaced = _replace_batches(con, source, batch_keys, sha)
        con.execute(f"CREATE OR REPLACE TEMP TABLE checked AS {_typed_select(source)}")
        con.execute(
            f"""INSERT INTO {source.raw_table} (_file_name, _file_sha256, _row_number, _batch_key, _loaded_at,
                   region_code, region_match, {", ".join(stored)})
                SELECT ?, ?, _row_number, ?, ?, region_code, region_match, {", ".join(stored)}
                FROM checked WHERE _reason IS NULL""",
            [path.name, sha, batch_key, now],
        )
        con.execute(
            """INSERT INTO ops.quarantine
               SELECT ?, ?, ?, c._row_number, c._reason, to_json(i), ?
               FROM checked c JOIN incoming i USING (_row_number) WHERE c._reason IS NOT NULL""",
            [source.name, path.name, sha, now],
        )
        loaded, quarantined = con.execute(
            "SELECT count(*) FILTER (_reason IS NULL), count(*) FILTER (_reason IS NOT NULL) FROM checked"
        ).fetchall()[0]
        message = "; ".join(m for m in (replaced, note) if m) or None
        log_file(
            con,
            source,
            path,
            sha,
            "loaded",
            len(frame),
            loaded,
            quarantined,
            batch_key,
            message,
            now,
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("incoming")
    return FileReport(path.name, "loaded", len(frame), loaded, quarantined, message)


def _replace_batches(con, source: Source, batch_keys: list[str], sha: str) -> str | None:
    """Delete what earlier files loaded for the same snapshot date or edition; say what was replaced."""
    if source.batch == "edition":
        earlier = con.execute(
            f"SELECT DISTINCT _file_name FROM {source.raw_table} WHERE edition_id IN (SELECT unnest(?))",
            [batch_keys],
        ).fetchall()
        con.execute(f"DELETE FROM {source.raw_table} WHERE edition_id IN (SELECT unnest(?))", [batch_keys])
    else:
        earlier = con.execute(
            f"SELECT DISTINCT _file_name FROM {source.raw_table} WHERE _batch_key IN (SELECT unnest(?))",
            [batch_keys],
        ).fetchall()
        con.execute(f"DELETE FROM {source.raw_table} WHERE _batch_key IN (SELECT unnest(?))", [batch_keys])
    names = sorted(name for (name,) in earlier)
    if not names:
        return None
    con.execute(
        "DELETE FROM ops.quarantine WHERE source = ? AND file_name IN (SELECT unnest(?))",
        [source.name, names],
    )
    con.execute(
        """UPDATE ops.load_log SET status = 'replaced', message = concat_ws('; ', message, ?)
           WHERE source = ? AND file_name IN (SELECT unnest(?)) AND status = 'loaded'""",
        [f"replaced by a file with sha256 {sha[:12]}", source.name, names],
    )
    return f"replaces {', '.join(names)}"


def _log_file_failure(con, source: Source, path: Path, sha: str, status: str, rows: int, message: str) -> FileReport:
    log_file(con, source, path, sha, status, rows, 0, 0, None, message, dt.datetime.now())
    return FileReport(path.name, status, rows, 0, 0, message)


def log_file(con, source, path, sha, status, read, loaded, quarantined, batch_key, message, when) -> None:
    snapshot = batch_key if source.batch == "snapshot" else None
    con.execute(
        "INSERT INTO ops.load_log (source, file_name, file_sha256, parser_version, status, rows_read, "
        "rows_loaded, rows_quarantined, batch_key, message, loaded_at, snapshot_date) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            source.name,
            path.name,
            sha,
            PARSER_VERSION,
            status,
            read,
            loaded,
            quarantined,
            batch_key,
            message,
            when,
            snapshot,
        ],
    )

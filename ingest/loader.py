"""Load one landing folder into its raw table: every row loaded or quarantined, every file logged.

Per file: hash it (a file already loaded is skipped), read it, map headers, pseudonymise NIPs, resolve
regions and elections, then type the values in DuckDB and split the rows into `raw.<source>` and
`ops.quarantine` in one transaction, so a failure half-way leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
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
from ingest.regions import Resolution, region_resolver
from ingest.sources import Source

# Bump when reading or typing changes, so files are re-read and the log says which parser loaded them.
PARSER_VERSION = "1"
# Rows typed per DuckDB statement: large enough that planning is negligible (~0.1 s a statement),
# small enough that a first load of years of snapshots stays well inside memory.
CHUNK_ROWS = 200_000
_DATE_IN_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})(?=\D*$)")
_SQL_TYPES = {"text": "VARCHAR", "date": "DATE", "number": "DOUBLE", "integer": "BIGINT"}
_PARSERS = {
    "text": "nullif(trim({c}), '')",
    "date": "netra_parse_date({c})",
    "number": "netra_parse_number({c})",
    "integer": "CAST(netra_parse_number({c}) AS BIGINT)",
}
# Columns resolved in Python (one look-up per distinct value) before typing.
LOOKUP_COLUMNS = {"pemilihan": "election_id", "edisi": "edition_id"}


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

    def summary(self) -> str:
        """One line for the run log; each file's own line is logged as it is loaded, skipped ones aside."""
        counts = Counter(f.status for f in self.files)
        by_status = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        return (
            f"{self.source}: {len(self.files)} file(s) ({by_status or 'none found'}); "
            f"{self.total('rows_loaded'):,} row(s) loaded, {self.total('rows_quarantined'):,} quarantined"
        )


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
    """Load every file in `folder` for `source`; one bad file never stops the others.

    Files are read and checked one by one, then typed in DuckDB a chunk of files at a time: one typing
    statement costs ~0.1 s to plan whatever its size, which per file would dominate a nightly folder of
    small daily snapshots. Each file is still written in its own transaction.
    """
    ensure_raw_table(con, source)
    report = SourceReport(source.name)
    files = landing_files(folder)
    lookups = _Lookups(salt)
    chunk: list[_Prepared] = []
    # A file that failed for a passing reason (disk, lock) is tried again; any other outcome stands.
    con.execute(
        "DELETE FROM ops.load_log WHERE source = ? AND parser_version = ? AND status = 'failed'",
        [source.name, PARSER_VERSION],
    )
    # what earlier loads did with each file, read once: a nightly folder holds years of files
    history = _LoadHistory(con, source)

    def record(file_report: FileReport, number: int, path: Path, sha: str) -> None:
        history.add(path, sha, file_report)
        report.files.append(file_report)
        if file_report.status == "skipped":
            return  # unchanged since its last load: counted in the summary, not logged one by one
        progress(
            f"{source.name}: {number}/{len(files)} {path.name}: {file_report.status}, "
            f"{file_report.rows_loaded} loaded, {file_report.rows_quarantined} quarantined"
            + (f" ({file_report.message})" if file_report.message else "")
        )

    def flush() -> None:
        for prepared, file_report in _write_chunk(con, source, chunk):
            record(file_report, prepared.number, prepared.path, prepared.sha)
        chunk.clear()

    for number, path in enumerate(files, start=1):
        sha = sha256_of(path)
        if any(p.sha == sha for p in chunk):
            flush()  # a copy of a file in this chunk: write the chunk first, so the copy is skipped
        outcome = history.skip(path, sha) or _prepare(con, source, path, sha, lookups)
        if isinstance(outcome, FileReport):
            record(outcome, number, path, sha)
            continue
        if any(set(p.batch_keys) & set(outcome.batch_keys) for p in chunk):
            flush()  # a second file for a snapshot date or edition in this chunk replaces the first
        outcome.number = number
        chunk.append(outcome)
        if sum(len(p.frame) for p in chunk) >= CHUNK_ROWS:
            flush()
    flush()
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
        if column.name in LOOKUP_COLUMNS:
            columns.append(f"{LOOKUP_COLUMNS[column.name]} VARCHAR")
    columns += ["region_code VARCHAR", "region_match VARCHAR"]
    con.execute(f"CREATE TABLE IF NOT EXISTS {source.raw_table} ({', '.join(columns)})")
    # A warehouse built by an earlier version gains the columns added since; nothing is dropped.
    for column in columns:
        con.execute(f"ALTER TABLE {source.raw_table} ADD COLUMN IF NOT EXISTS {column}")


@dataclass
class _Prepared:
    """A file read and checked in Python, waiting to be typed and written with its chunk."""

    path: Path
    sha: str
    frame: pd.DataFrame
    batch_keys: list[str]
    note: str | None
    number: int = 0


def _prepare(
    con: duckdb.DuckDBPyConnection, source: Source, path: Path, sha: str, lookups: _Lookups
) -> _Prepared | FileReport:
    """Read one file and find what Python must find (headers, NIPs, regions); or say why it is not loaded."""
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

    frame = _frame(source, table, lookups)
    try:
        batch_keys = _batch_keys(con, source, path, frame)
    except ValueError as exc:
        return _log_file_failure(con, source, path, sha, "rejected", len(frame), f"{path.name}: {exc}")

    ignored = sorted({c for c in table.columns if c and c not in source.column_names})
    # how the file was read (encoding, delimiter or sheet) stays in the load log as provenance
    note = "; ".join([", ".join(table.notes), *([f"ignored columns: {', '.join(ignored)}"] if ignored else [])])
    return _Prepared(path, sha, frame, batch_keys, note or None)


class _LoadHistory:
    """What earlier loads of this parser version did with each file's bytes.

    Same bytes already loaded: skip, whatever the name. Same bytes rejected: skip only under the
    same name, since a renamed copy may now carry the snapshot date its name lacked.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, source: Source) -> None:
        self.outcomes: dict[str, list[tuple[str, str, str | None]]] = {}
        for sha, name, status, message in con.execute(
            "SELECT file_sha256, file_name, status, message FROM ops.load_log "
            "WHERE source = ? AND parser_version = ? ORDER BY loaded_at",
            [source.name, PARSER_VERSION],
        ).fetchall():
            self.outcomes.setdefault(sha, []).append((name, status, message))

    def add(self, path: Path, sha: str, report: FileReport) -> None:
        if report.status != "skipped":
            self.outcomes.setdefault(sha, []).append((path.name, report.status, report.message))

    def skip(self, path: Path, sha: str) -> FileReport | None:
        for name, status, message in self.outcomes.get(sha, []):
            if status in ("loaded", "replaced") or name == path.name:
                detail = f": {message}" if message and status != "loaded" else ""
                return FileReport(path.name, "skipped", message=f"already {status} (same sha256){detail}")
        return None


class _Lookups:
    """Each distinct NIP, region and election of a load resolved once, not once per row.

    Daily snapshots repeat the same cases: over a month of them, one NIP appears thirty times.
    """

    def __init__(self, salt: bytes) -> None:
        self.salt = salt
        self.nips: dict[str | None, tuple[str | None, str | None]] = {}
        self.regions: dict[tuple, Resolution] = {}
        self.codes: dict[tuple[str, str], str | None] = {}

    def nip(self, raw: str | None) -> tuple[str | None, str | None]:
        if raw not in self.nips:
            self.nips[raw] = pseudonymise_nip(raw, self.salt)
        return self.nips[raw]

    def region(self, key: tuple) -> Resolution:
        if key not in self.regions:
            self.regions[key] = region_resolver().resolve(*key)
        return self.regions[key]

    def code(self, target: str, value: str) -> str | None:
        if (target, value) not in self.codes:
            self.codes[target, value] = lookup_table(target).get(fold(value))
        return self.codes[target, value]


def _frame(source: Source, table, lookups: _Lookups) -> pd.DataFrame:
    """The rows as text, column by column, with problems found in Python: ragged rows, NIPs, regions, elections."""
    width = len(table.columns)
    index = {name: i for i, name in enumerate(table.columns) if name}
    rows = [cells for _, cells in table.rows]
    problems: list[list[str]] = [[] for _ in rows]
    # Excel pads rows with empty trailing cells; a short row, or text past the header, means damage.
    for cells, row_problems in zip(rows, problems, strict=True):
        if len(cells) < width or any(cells[width:]):
            row_problems.append(f"row has {len(cells)} fields but the header has {width} (truncated or shifted row)")
    # one transposition (zip, in C) instead of a Python pass over the rows for every column
    padded = (cells if len(cells) >= width else [*cells, *[None] * (width - len(cells))] for cells in rows)
    by_column = list(zip(*padded, strict=False)) if rows else [()] * width
    data: dict[str, list] = {"_row_number": [number for number, _ in table.rows]}
    for column in source.columns:
        if column.kind == "personal":
            continue
        i = index.get(column.name)
        values = [None] * len(rows) if i is None else list(by_column[i])
        if column.kind == "nip":
            pseudonyms = [lookups.nip(value) for value in values]
            for row_problems, (_, problem) in zip(problems, pseudonyms, strict=True):
                if problem:
                    row_problems.append(problem)
            values = [MASK if problem else pseudonym for pseudonym, problem in pseudonyms]
        data[column.name] = values
    frame = pd.DataFrame(data, columns=["_row_number", *_stored_columns(source)])
    _resolve_lookups(frame, problems, lookups)
    frame["_problems"] = ["; ".join(p) if p else None for p in problems]
    return frame


def _stored_columns(source: Source) -> list[str]:
    return [c.name for c in source.columns if c.kind != "personal"]


def _resolve_lookups(frame: pd.DataFrame, problems: list[list[str]], lookups: _Lookups) -> None:
    """Add region_code, election_id and edition_id."""
    region_keys = list(
        zip(
            frame.get("provinsi"),
            frame.get("kabupaten_kota"),
            frame.get("kode_wilayah"),
            strict=True,
        )
    )
    distinct = {key: lookups.region(key) for key in set(region_keys)}
    resolved = [distinct[key] for key in region_keys]
    frame["region_code"] = [r.code for r in resolved]
    frame["region_match"] = [r.method for r in resolved]
    for row_problems, resolution in zip(problems, resolved, strict=True):
        if resolution.problem:
            row_problems.append(resolution.problem)
    for column, target in LOOKUP_COLUMNS.items():
        if column not in frame:
            continue
        codes = []
        for row_problems, value in zip(problems, frame[column], strict=True):
            code = lookups.code(target, value) if value else None
            if value and code is None:
                row_problems.append(
                    f"unknown {column} '{value}': add it to dbt_project/seeds/methodology/{_LOOKUP_SEEDS[target]}"
                )
            codes.append(code)
        frame[target] = codes


_LOOKUP_SEEDS = {
    "election_id": "ref_election_aliases.csv",
    "edition_id": "ref_ikp_edition_aliases.csv",
}


@cache
def lookup_table(target: str) -> dict[str, str]:
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
    """SQL that types the `incoming` rows of a chunk and states every reason to quarantine one.

    Each value is parsed once (in `parsed`), then its reasons refer to the parsed column: the parsing
    macros are large expressions, and repeating them would multiply the planning time.
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
        if column.kind != "text":
            reasons.append(
                f"CASE WHEN nullif(trim({c}), '') IS NOT NULL AND {c}__typed IS NULL "
                f"THEN format('unreadable {column.kind} ''{{}}'' in {c}', {c}) END"
            )
    key = ", ".join(source.key)
    first = f"min(_row_number) OVER (PARTITION BY _file_index, {key})"
    reasons.append(f"CASE WHEN _row_number > {first} THEN format('duplicate {key} (first at row {{}})', {first}) END")
    return f"""
        WITH parsed AS (SELECT *, {", ".join(parsed)} FROM incoming)
        SELECT _file_index, _row_number, region_code, region_match, {", ".join(typed)},
               nullif(concat_ws('; ', {", ".join(reasons)}), '') AS _reason
        FROM parsed
    """


def _write_chunk(
    con: duckdb.DuckDBPyConnection, source: Source, chunk: list[_Prepared]
) -> list[tuple[_Prepared, FileReport]]:
    """Type the chunk's rows in one statement and write them in one transaction.

    If DuckDB refuses the chunk, its files are written one at a time, so only the file at fault fails.
    """
    if not chunk:
        return []
    try:
        counts = _type_chunk(con, source, chunk)
        reports = _write(con, source, chunk, counts)
    except duckdb.Error as exc:
        if len(chunk) > 1:
            return [result for prepared in chunk for result in _write_chunk(con, source, [prepared])]
        prepared = chunk[0]
        message = f"{prepared.path.name}: {exc}"
        reports = [_log_file_failure(con, source, prepared.path, prepared.sha, "failed", len(prepared.frame), message)]
    finally:
        con.execute("DROP TABLE IF EXISTS incoming")
        con.execute("DROP TABLE IF EXISTS checked")
    return list(zip(chunk, reports, strict=True))


def _type_chunk(con: duckdb.DuckDBPyConnection, source: Source, chunk: list[_Prepared]) -> dict[int, tuple[int, int]]:
    """Tables `incoming` (the rows as read) and `checked` (typed, with reasons); (loaded, quarantined) per file."""
    frames = [p.frame.assign(_file_index=i) for i, p in enumerate(chunk)]
    con.register("incoming_frame", pd.concat(frames, ignore_index=True))
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE incoming AS SELECT * FROM incoming_frame")
    finally:
        con.unregister("incoming_frame")
    con.execute(f"CREATE OR REPLACE TEMP TABLE checked AS {_typed_select(source)}")
    counts = dict.fromkeys(range(len(chunk)), (0, 0))
    for index, loaded, quarantined in con.execute(
        "SELECT _file_index, count(*) FILTER (_reason IS NULL), count(*) FILTER (_reason IS NOT NULL) "
        "FROM checked GROUP BY _file_index"
    ).fetchall():
        counts[index] = (loaded, quarantined)
    return counts


def _write(con, source: Source, chunk: list[_Prepared], counts: dict[int, tuple[int, int]]) -> list[FileReport]:
    """Replace earlier copies of the chunk's snapshots or editions and insert its rows, in one transaction.

    One statement per table for the whole chunk, not one per file: over a folder of daily snapshots,
    per-file statements cost more than the rows. A crash rolls the whole chunk back; the next run
    loads it again.
    """
    now = dt.datetime.now()
    stored = ["asn_pseudonym" if c.kind == "nip" else c.name for c in source.columns if c.kind != "personal"]
    stored += [LOOKUP_COLUMNS[c] for c in source.column_names if c in LOOKUP_COLUMNS]
    files = pd.DataFrame(
        [(i, p.path.name, p.sha, ",".join(p.batch_keys)) for i, p in enumerate(chunk)],
        columns=["_file_index", "file_name", "file_sha256", "batch_key"],
    )
    con.execute("BEGIN TRANSACTION")
    try:
        replaced = _replace_batches(con, source, chunk)
        con.register("chunk_files", files)
        con.execute(
            f"""INSERT INTO {source.raw_table} (_file_name, _file_sha256, _row_number, _batch_key, _loaded_at,
                   region_code, region_match, {", ".join(stored)})
                SELECT f.file_name, f.file_sha256, c._row_number, f.batch_key, ?, c.region_code, c.region_match,
                       {", ".join(f"c.{column}" for column in stored)}
                FROM checked c JOIN chunk_files f USING (_file_index)
                WHERE c._reason IS NULL""",
            [now],
        )
        reports = []
        for index, prepared in enumerate(chunk):
            loaded, quarantined = counts[index]
            if quarantined:
                con.execute(
                    """INSERT INTO ops.quarantine
                       SELECT ?, ?, ?, c._row_number, c._reason, to_json(i), ?
                       FROM checked c
                       JOIN (SELECT * EXCLUDE (_file_index) FROM incoming WHERE _file_index = ?) i USING (_row_number)
                       WHERE c._file_index = ? AND c._reason IS NOT NULL""",
                    [source.name, prepared.path.name, prepared.sha, now, index, index],
                )
            message = "; ".join(m for m in (replaced.get(index), prepared.note) if m) or None
            reports.append(FileReport(prepared.path.name, "loaded", len(prepared.frame), loaded, quarantined, message))
        for prepared, report in zip(chunk, reports, strict=True):
            batch_key = ",".join(prepared.batch_keys)
            log_file(
                con,
                source,
                prepared.path,
                prepared.sha,
                "loaded",
                report.rows_read,
                report.rows_loaded,
                report.rows_quarantined,
                batch_key,
                report.message,
                now,
            )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("chunk_files")
    return reports


def _replace_batches(con, source: Source, chunk: list[_Prepared]) -> dict[int, str]:
    """Delete what earlier files loaded for the chunk's snapshot dates or editions; say, per file, what it replaced.

    A chunk never holds two files of the same batch (`load_source` writes the first before adding the second).
    """
    column = "edition_id" if source.batch == "edition" else "_batch_key"
    keys = sorted({key for p in chunk for key in p.batch_keys})
    earlier = con.execute(
        f"SELECT DISTINCT {column}, _file_name FROM {source.raw_table} WHERE {column} IN (SELECT unnest(?))",
        [keys],
    ).fetchall()
    if not earlier:
        return {}
    con.execute(f"DELETE FROM {source.raw_table} WHERE {column} IN (SELECT unnest(?))", [keys])
    messages = {}
    for index, prepared in enumerate(chunk):
        names = sorted({name for key, name in earlier if key in prepared.batch_keys})
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

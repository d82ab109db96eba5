"""Load one landing folder into its raw table: every row loaded or quarantined, every entry logged.

Per source folder: survey it (`landing.py`: links, folders and other types are refused by name), hash
each file (a file already loaded is skipped), read it, map headers, pseudonymise NIPs, resolve regions,
elections and editions, find its batch (`batches.py`), then type and write a chunk of files at a time
(`raw_writer.py`). One bad file or row never stops the others.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pandas as pd

from ingest.batches import BatchError, batch_of, date_in_name
from ingest.editions import match_edition, new_edition_advice
from ingest.headers import fold
from ingest.landing import Entry, content_hash, survey
from ingest.pii import MASK, pseudonymise_nip
from ingest.raw_writer import (
    PARSER_VERSION,
    FileReport,
    Prepared,
    ensure_raw_table,
    log_failure,
    stored_columns,
    write_chunk,
)
from ingest.readers import SUPPORTED_SUFFIXES, UnreadableFile, read_table
from ingest.reference_data import read_seed
from ingest.regions import Resolution, region_resolver
from ingest.sources import Source

# Rows typed per DuckDB statement: large enough that planning is negligible (~0.1 s a statement),
# small enough that a first load of years of snapshots stays well inside memory.
CHUNK_ROWS = 200_000
# "Today" for snapshot dates is the day in Indonesia's western time zone, where the exports are made.
JAKARTA = ZoneInfo("Asia/Jakarta")
NOT_LOADED = ("refused", "rejected", "unreadable", "failed")
# Entries at the top of the landing folder, outside every source folder, are logged under this name.
LANDING = Source("landing", "entries at the top of the landing folder", (), key=(), batch="none")


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
    small daily snapshots. Each chunk is written in its own transaction.
    """
    ensure_raw_table(con, source)
    report = SourceReport(source.name)
    entries = survey(folder, SUPPORTED_SUFFIXES, source.name)
    lookups = _Lookups(salt, con)
    chunk: list[Prepared] = []
    today = dt.datetime.now(JAKARTA).date()
    # A file that failed for a passing reason (disk, lock) is tried again; any other outcome stands.
    con.execute("DELETE FROM ops.load_log WHERE source = ? AND status = 'failed'", [source.name])
    # what earlier loads did with each file, read once: a nightly folder holds years of files
    history = LoadHistory(con, source.name)

    def record(file_report: FileReport, number: int, path: Path, sha: str) -> None:
        history.add(path.name, sha, file_report)
        report.files.append(file_report)
        if file_report.status == "skipped":
            return  # unchanged since its last load: counted in the summary, not logged one by one
        progress(
            f"{source.name}: {number}/{len(entries)} {path.name}: {file_report.status}, "
            f"{file_report.rows_loaded} loaded, {file_report.rows_quarantined} quarantined"
            + (f" ({file_report.message})" if file_report.message else "")
        )
        for warning in file_report.warnings:
            progress(f"{source.name}: {path.name}: {warning}")

    def flush() -> None:
        for prepared, file_report in zip(chunk, write_chunk(con, source, chunk), strict=True):
            record(file_report, prepared.number, prepared.path, prepared.sha)
        chunk.clear()

    for number, entry in enumerate(entries, start=1):
        sha = content_hash(entry)
        if entry.refused:
            record(refuse(con, source, entry, sha, history), number, entry.path, sha)
            continue
        if any(p.sha == sha for p in chunk):
            flush()  # a copy of a file in this chunk: write the chunk first, so the copy is skipped
        outcome = history.skip(entry.name, sha) or _prepare(con, source, entry.path, sha, lookups, today)
        if isinstance(outcome, FileReport):
            record(outcome, number, entry.path, sha)
            continue
        if any(set(p.batch.keys) & set(outcome.batch.keys) for p in chunk):
            flush()  # a second file for a snapshot date or edition in this chunk replaces the first
        outcome.number = number
        chunk.append(outcome)
        if sum(len(p.frame) for p in chunk) >= CHUNK_ROWS:
            flush()
    flush()
    return report


def refuse(con: duckdb.DuckDBPyConnection, source: Source, entry: Entry, sha: str, history: LoadHistory) -> FileReport:
    """The report of a refused entry, logged the first time it is refused under its name; it is reported
    on every run it stays."""
    known = history.skip(entry.name, sha, refused=True)
    return known or log_failure(con, source, entry.path, sha, "refused", 0, f"{entry.name}: {entry.refused}")


def log_stray(con: duckdb.DuckDBPyConnection, entry: Entry) -> FileReport:
    """Refuse an entry outside every source folder (see `refuse`)."""
    return refuse(con, LANDING, entry, content_hash(entry), LoadHistory(con, LANDING.name))


def _prepare(
    con: duckdb.DuckDBPyConnection, source: Source, path: Path, sha: str, lookups: _Lookups, today: dt.date
) -> Prepared | FileReport:
    """Read one file and find what Python must find (headers, NIPs, regions, editions); or say why it is not loaded."""
    try:
        table = read_table(path, source.column_names)
    except UnreadableFile as exc:
        return log_failure(con, source, path, sha, "unreadable", 0, f"{path.name}: {exc}")

    problem = _header_problem(source, table)
    if problem:
        return log_failure(con, source, path, sha, "rejected", len(table.rows), f"{path.name}: {problem}")

    frame, warnings = _frame(source, table, lookups)
    try:
        batch = batch_of(source, path, frame, lookups.date, today)
    except BatchError as exc:
        return log_failure(con, source, path, sha, "rejected", len(frame), f"{path.name}: {exc}")

    ignored = sorted({c for c in table.columns if c and c not in source.column_names})
    # how the file was read (encoding, delimiter or sheet) stays in the load log as provenance
    notes = [", ".join(table.notes)]
    if ignored:
        notes.append(f"ignored columns: {', '.join(ignored)}")
    if batch.as_of_from and source.batch == "entries":
        notes.append(f"as of {batch.as_of} ({batch.as_of_from})")
    note = "; ".join(n for n in notes if n)
    return Prepared(path, sha, frame, batch, note or None, warnings)


def _header_problem(source: Source, table) -> str | None:
    """Why the file's header cannot be loaded: a column missing, or one named twice."""
    found = ", ".join(h for h in table.original_headers if h)
    missing = [c for c in source.required if c not in table.columns]
    if missing:
        return (
            f"missing required column(s) {', '.join(missing)}; columns found: {found}. Rename the header, "
            "or add the spelling to ingest/reference/column_aliases.csv"
        )
    absent = [c for c in source.expected if c not in table.columns]
    if absent:
        return (
            f"missing column(s) {', '.join(absent)}, which the marts depend on (without them every case would "
            f"count as undecided or not followed up); columns found: {found}. Export them, even if empty"
        )
    positions: dict[str, list[str]] = {}
    for number, (name, header) in enumerate(zip(table.columns, table.original_headers, strict=True), start=1):
        if name in source.column_names:
            positions.setdefault(name, []).append(f"'{header}' (column {number})")
    twice = {name: where for name, where in positions.items() if len(where) > 1}
    if twice:
        listed = "; ".join(f"{name}: {' and '.join(where)}" for name, where in twice.items())
        return f"a column is named more than once, so which one holds the data is unclear: {listed}. Keep one"
    return None


class LoadHistory:
    """What earlier loads of this parser version did with each file's bytes.

    Same bytes already loaded: skip, unless the name now carries another snapshot date (a re-export of
    unchanged data under a new date is a snapshot of its own). Same bytes rejected or refused: skip only
    under the same name, since a renamed copy may now carry the date its name lacked.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, source: str) -> None:
        self.outcomes: dict[str, list[tuple[str, str, str | None, dt.date | None]]] = {}
        for sha, name, status, message, as_of in con.execute(
            "SELECT file_sha256, file_name, status, message, snapshot_date FROM ops.load_log "
            "WHERE source = ? AND parser_version = ? ORDER BY loaded_at",
            [source, PARSER_VERSION],
        ).fetchall():
            self.outcomes.setdefault(sha, []).append((name, status, message, as_of))

    def add(self, name: str, sha: str, report: FileReport) -> None:
        if report.status != "skipped":
            self.outcomes.setdefault(sha, []).append((name, report.status, report.message, None))

    def skip(self, name: str, sha: str, refused: bool = False) -> FileReport | None:
        """The report for an entry whose outcome is already logged, or None when it must be (re)considered."""
        named = date_in_name(name)
        for earlier, status, message, as_of in self.outcomes.get(sha, []):
            if refused or status == "refused":
                if refused and status == "refused" and earlier == name:
                    return FileReport(name, "refused", message=message)  # still refused, logged once
                continue
            if status in ("loaded", "replaced") and (earlier == name or named is None or named == as_of):
                return FileReport(name, "skipped", message=f"already {status} (same sha256)")
            if status not in ("loaded", "replaced") and earlier == name:
                return FileReport(name, "skipped", message=f"already {status} (same sha256): {message}")
        return None


class _Lookups:
    """Each distinct NIP, region, election, edition and date of a load resolved once, not once per row.

    Daily snapshots repeat the same cases: over a month of them, one NIP appears thirty times.
    """

    def __init__(self, salt: bytes, con: duckdb.DuckDBPyConnection) -> None:
        self.salt = salt
        self.con = con  # the build database's connection, which has the parsing macros
        self.nips: dict[str | None, tuple[str | None, str | None]] = {}
        self.regions: dict[tuple, Resolution] = {}
        self.elections: dict[str, str | None] = {}
        self.dates: dict[str, dt.date | None] = {}

    def nip(self, raw: str | None) -> tuple[str | None, str | None]:
        if raw not in self.nips:
            self.nips[raw] = pseudonymise_nip(raw, self.salt)
        return self.nips[raw]

    def region(self, key: tuple) -> Resolution:
        if key not in self.regions:
            self.regions[key] = region_resolver().resolve(*key)
        return self.regions[key]

    def election(self, value: str) -> str | None:
        if value not in self.elections:
            self.elections[value] = election_aliases().get(fold(value))
        return self.elections[value]

    def date(self, value: str) -> dt.date | None:
        """A date as the loader's SQL macros read it, so a batch date and a typed date never disagree."""
        if value not in self.dates:
            self.dates[value] = self.con.execute("SELECT netra_parse_date(?)", [value]).fetchall()[0][0]
        return self.dates[value]


def _frame(source: Source, table, lookups: _Lookups) -> tuple[pd.DataFrame, list[str]]:
    """The rows as text, column by column, with problems found in Python; and warnings for the file."""
    width = len(table.columns)
    index = {name: i for i, name in enumerate(table.columns) if name}
    rows = [cells for _, cells in table.rows]
    problems: list[list[str]] = [[] for _ in rows]
    # Excel pads rows with empty trailing cells; a short row, or text past the header, means damage.
    ragged = [len(cells) < width or any(cells[width:]) for cells in rows]
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
    frame = pd.DataFrame(data, columns=["_row_number", *stored_columns(source)])
    warnings = _resolve_lookups(frame, problems, lookups)
    for row, is_ragged in enumerate(ragged):
        if is_ragged:
            # its values stand under the wrong columns: only this reason, which quotes none of them (the
            # quarantine keeps which cells were filled, never their values: raw_writer._row_struct)
            problems[row] = [f"row has {len(rows[row])} fields but the header has {width} (truncated or shifted row)"]
    frame["_problems"] = ["; ".join(p) if p else None for p in problems]
    frame["_ragged"] = ragged
    return frame, warnings


def _resolve_lookups(frame: pd.DataFrame, problems: list[list[str]], lookups: _Lookups) -> list[str]:
    """Add region_code, election_id and edition_id; return warnings about new editions."""
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
    warnings: dict[str, str] = {}
    if "pemilihan" in frame:
        codes = []
        for row_problems, value in zip(problems, frame["pemilihan"], strict=True):
            code = lookups.election(value) if value else None
            if value and code is None:
                row_problems.append(
                    f"unknown pemilihan '{value}': add it to dbt_project/seeds/methodology/ref_election_aliases.csv"
                )
            codes.append(code)
        frame["election_id"] = codes
    if "edisi" in frame:
        matches = {value: match_edition(value) for value in set(frame["edisi"]) if value}
        for row_problems, value in zip(problems, frame["edisi"], strict=True):
            if value and matches[value].problem:
                row_problems.append(matches[value].problem)
        frame["edition_id"] = [matches[v].edition_id if v else None for v in frame["edisi"]]
        for value, match in sorted(matches.items()):
            if match.is_new:
                warnings[match.edition_id] = new_edition_advice(value, match.edition_id)
    return list(warnings.values())


@cache
def election_aliases() -> dict[str, str]:
    """Folded election alias ("pilkada_serentak_2020") -> election id, from the methodology seed."""
    return {fold(r["alias"]): r["election_id"] for r in read_seed("methodology/ref_election_aliases.csv")}

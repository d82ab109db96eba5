"""Read CSV and XLSX exports into a header and rows of text, whatever the delimiter, encoding or title rows.

Every cell comes back as text (or None when empty): typing happens later, in DuckDB, where a value that
does not parse can be quarantined with its original text instead of being silently coerced.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
from python_calamine import CalamineWorkbook

from ingest.headers import canonical

CSV_DELIMITERS = ",;\t"
# A cell may be long (a chronology pasted into a remark column); Python's csv refuses fields over
# 128 KiB by default, which would make the whole file unreadable for one cell.
csv.field_size_limit(64 * 1024 * 1024)
SUPPORTED_SUFFIXES = (".csv", ".xlsx")
# A row is the header when at least this many of its cells name known columns; title rows above it
# ("REKAP KASUS NETRALITAS ASN", a date line) name none.
MIN_KNOWN_HEADER_CELLS = 2
# Floats at or above 2**53 cannot hold every digit of an integer: an 18-digit NIP stored as a number
# in Excel has already lost digits, so it must stay visibly mangled ("1.98e+17"), never be "repaired".
FLOAT_EXACT_INTEGER_LIMIT = 2**53


class UnreadableFile(Exception):
    """A file that cannot be read at all; the message says why, for the load log."""


@dataclass
class Table:
    """One export as read: canonical column names, the rows below the header, and where they came from."""

    columns: list[str]
    # (row number as a person finds it in the file: 1-based CSV record or sheet row, cells)
    rows: list[tuple[int, list[str | None]]]
    header_row_number: int
    original_headers: list[str]
    notes: list[str] = field(default_factory=list)


def read_table(path: Path, known_columns: Collection[str]) -> Table:
    """Read one export; raises UnreadableFile naming the problem if it has no recognisable table."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        grid, notes = _read_csv_grid(path)
    elif suffix == ".xlsx":
        grid, notes = _read_xlsx_grid(path, known_columns)
    else:
        raise UnreadableFile(f"unsupported file type '{suffix}' (expected one of {SUPPORTED_SUFFIXES})")
    header_index = _find_header(grid, known_columns)
    if header_index is None:
        raise UnreadableFile(
            "no header row found: no row names at least "
            f"{MIN_KNOWN_HEADER_CELLS} known columns (for example {sorted(known_columns)[:4]})"
        )
    headers = [cell or "" for cell in grid[header_index]]
    rows = [
        (index + 1, row)
        for index, row in enumerate(grid)
        if index > header_index and any(cell not in (None, "") for cell in row)
    ]
    return Table(
        columns=[canonical(h) for h in headers],
        rows=rows,
        header_row_number=header_index + 1,
        original_headers=headers,
        notes=notes,
    )


def decode(data: bytes) -> tuple[str, str]:
    """Decode an export: UTF-16 when it says so, UTF-8 (with or without BOM), then Windows-1252, then a
    detector's guess.

    Excel on Indonesian Windows saves "CSV" as Windows-1252, "CSV UTF-8" with a BOM and "Unicode text"
    as UTF-16 with a BOM; trying those strictly, in that order, is deterministic, where a detector can
    misjudge a short file. Text with NUL bytes is UTF-16 without its BOM (or not text at all).
    """
    utf16 = _utf16_encoding(data)
    if utf16:
        try:
            return data.decode(utf16), utf16.replace("-sig", "")
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"looks like {utf16} text but does not decode as it ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        raise UnreadableFile("binary data, not text in any encoding (NUL bytes): is it really a CSV file?")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UnreadableFile("not text in any known encoding (is it a CSV file?)")
    return str(best), best.encoding


def _utf16_encoding(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) >= 4 and head.count(b"\x00") * 3 >= len(head):  # every other byte NUL: ASCII in UTF-16
        return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
    return None


def _read_csv_grid(path: Path) -> tuple[list[list[str | None]], list[str]]:
    text, encoding = decode(path.read_bytes())
    if not text.strip():
        raise UnreadableFile("the file is empty")
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        grid = [[cell.strip() or None for cell in row] for row in reader]
    except csv.Error as exc:
        raise UnreadableFile(f"broken CSV: {exc}") from exc
    return grid, [f"encoding {encoding}", f"delimiter {delimiter!r}"]


def _sniff_delimiter(text: str) -> str:
    # the first lines, and no more than 64 KiB of them: a megabyte cell would make the sniffer crawl
    sample = "\n".join(text[: 64 * 1024].splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in CSV_DELIMITERS}
        return max(counts, key=counts.get)


def _read_xlsx_grid(path: Path, known_columns: Collection[str]) -> tuple[list[list], list[str]]:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several types for damaged or mislabelled files
        raise UnreadableFile(f"not a readable XLSX workbook: {exc}") from exc
    for name in workbook.sheet_names:
        grid = [[_cell_text(c) for c in row] for row in workbook.get_sheet_by_name(name).to_python()]
        if _find_header(grid, known_columns) is not None:
            return grid, [f"sheet {name!r}"]
    raise UnreadableFile(f"no sheet has a recognisable header row (sheets: {workbook.sheet_names})")


def _cell_text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < FLOAT_EXACT_INTEGER_LIMIT:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip() or None


def _find_header(grid: list[list], known_columns: Collection[str]) -> int | None:
    known = set(known_columns)
    for index, row in enumerate(grid[:30]):
        hits = sum(1 for cell in row if cell and canonical(str(cell)) in known)
        if hits >= MIN_KNOWN_HEADER_CELLS:
            return index
    return None

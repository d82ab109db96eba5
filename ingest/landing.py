"""What a landing folder offers: every entry in it, either offered for loading or refused with the reason.

People drop whatever they have into the landing folder: old `.xls` workbooks, a PDF beside the CSVs, a
sub-folder of last year's exports, a link to a file elsewhere, Excel's `~$` lock file while the workbook
is open. None of it may pass unnoticed, and none of it may be followed out of the folder: each entry is
either a regular file of a type its source reads, or it is refused by name with what to do about it.
Symbolic links are never followed (`news/x.txt -> /etc/passwd` must not become an article).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

# The hash logged for entries that have no content of their own to hash (a folder, a link).
NO_CONTENT = ""


@dataclass(frozen=True)
class Entry:
    """One entry of a landing folder: offered for loading when `refused` is None."""

    path: Path
    refused: str | None = None

    @property
    def name(self) -> str:
        return self.path.name


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def content_hash(entry: Entry) -> str:
    """The sha256 of a regular file's bytes; entries that are not regular files have none."""
    if entry.path.is_symlink() or not entry.path.is_file():
        return NO_CONTENT
    return sha256_of(entry.path)


def source_folder(landing: Path, source: str) -> Path:
    """The folder of a source: `kasn/`, or a folder named the same in other case (`KASN/`) when that is all there is."""
    exact = landing / source
    if exact.exists() or exact.is_symlink() or not landing.is_dir():
        return exact
    for candidate in sorted(landing.iterdir()):
        if candidate.name.lower() == source:
            return candidate
    return exact


def survey(folder: Path, suffixes: tuple[str, ...], source: str) -> list[Entry]:
    """Every entry of a source folder in a stable order, each offered or refused with a reason."""
    if folder.is_symlink():
        return [Entry(folder, f"the {source} folder is a symbolic link, which is never followed: make it a folder")]
    if not folder.is_dir():
        return []
    return [Entry(path, _refusal(path, suffixes, source)) for path in sorted(folder.iterdir())]


def _refusal(path: Path, suffixes: tuple[str, ...], source: str) -> str | None:
    name = path.name
    if path.is_symlink():
        return "a symbolic link, never followed: copy the file itself into the landing folder"
    if path.is_dir():
        return f"a folder: files in sub-folders are not loaded; move them into {source}/ itself"
    if not path.is_file():
        return "not a regular file"
    if name.startswith("~$"):
        return "an Excel lock file (the workbook is open in Excel); it is not data"
    if name.startswith("."):
        return "a hidden file; rename it without the leading dot if it is an export"
    suffix = path.suffix.lower()
    if suffix in suffixes:
        return None
    if suffix == ".xls":
        return "an old Excel workbook (.xls): open it in Excel and save it as .xlsx"
    return f"unsupported file type '{suffix or name}': {source}/ takes {', '.join(suffixes)}"


def strays(landing: Path, sources: tuple[str, ...]) -> list[Entry]:
    """Entries at the top of the landing folder that belong to no source: loose files, unknown folders."""
    if not landing.is_dir():
        return []
    known = {s.lower() for s in sources}
    found = []
    for path in sorted(landing.iterdir()):
        if path.name.lower() in known and path.is_dir() and not path.is_symlink():
            continue
        if path.name.lower() in known:
            continue  # a source folder that is a link or a file: its own source reports it
        if path.name.startswith(".") or path.name.lower() in ("readme.md", "readme.txt"):
            continue  # notes for people, and hidden system files (.DS_Store), are not exports
        where = ", ".join(f"{s}/" for s in sources)
        found.append(Entry(path, f"not in a source folder: move it into one of {where}"))
    return found


class LandingFolderError(Exception):
    """The landing folder is missing or holds nothing to load; the message names it and what belongs there."""


def check_landing(landing: Path, folders: dict[str, str]) -> None:
    """Raise LandingFolderError unless `landing` is a folder holding at least one file to offer.

    `folders` maps each source folder to what belongs in it, for the message. A misspelt
    NETRA_LANDING_DIR must fail loudly, not "succeed" by republishing yesterday's data.
    """
    layout = "; ".join(f"{name}/ ({what})" for name, what in folders.items())
    if not landing.is_dir():
        raise LandingFolderError(
            f"landing folder {landing} does not exist: set NETRA_LANDING_DIR to the folder that holds {layout}"
        )
    for name in folders:
        folder = source_folder(landing, name)
        if folder.is_dir() and not folder.is_symlink() and any(p.is_file() for p in folder.iterdir()):
            return
    raise LandingFolderError(f"landing folder {landing} holds no exports: drop files into {layout}")

"""One digest of a set of files, for deciding when derived data was made by other code or methodology.

The extractor's version (`ingest.news.version`) and the dbt project's fingerprint (`orchestration.dbt`)
both ask the same question of different files: has any of them changed, been added, removed or renamed?
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def files_digest(paths: list[Path], base: Path) -> str:
    """The sha256 of the files' names (relative to `base`) and contents, in the order given. Each name and
    content is ended by a NUL, so no two sets of files run together into the same bytes; line endings are
    made alike, so a checkout on Windows does not count as a change."""
    digest = hashlib.sha256()
    for path in paths:
        name = path.relative_to(base) if path.is_relative_to(base) else path.name
        digest.update(f"{Path(name).as_posix()}\0".encode())
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
        digest.update(b"\0")
    return digest.hexdigest()

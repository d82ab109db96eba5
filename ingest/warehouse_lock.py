"""One refresh at a time, whoever starts it: `make run`, the schedule, the sensor, the UI, Dagster's CLI
or `make retract`.

DuckDB takes one writer per file, and two refreshes interleaving their loads and publishes would see
each other's half-done work. A refresh therefore holds an exclusive lock on a file in the warehouse
folder for its whole run (`fcntl.flock`: the operating system releases it when the process ends, so
a killed run never leaves it held). The file says who holds it, for the message the next one prints.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ingest.settings import load_settings

LOCK_FILE_NAME = ".refresh.lock"
# How long a run started by Dagster waits for another refresh before giving up.
WAIT_SECONDS = 4 * 60 * 60
_POLL_SECONDS = 2.0
# The lock this process holds, by path: a refresh that `make run` locked runs in this same process,
# and its Dagster run must not wait for itself.
_held: dict[Path, int] = {}


class RefreshRunning(Exception):
    """Another refresh holds the lock; the message says which and since when."""


def lock_path() -> Path:
    return load_settings().warehouse_dir / LOCK_FILE_NAME


def holder(path: Path) -> str:
    """Who holds the lock, in words: "run 1a2b3c4d, started 2026-11-24 02:00:03 (process 4242)"."""
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        info = {}
    run = info.get("run_id") or "outside Dagster"
    return f"run {run[:8]}, started {info.get('started', 'at an unknown time')} (process {info.get('pid', '?')})"


@contextlib.contextmanager
def refresh_lock(
    run_id: str | None,
    wait_seconds: float = 0,
    on_wait: Callable[[str], None] = lambda message: None,
) -> Iterator[None]:
    """Hold the refresh lock, waiting up to `wait_seconds` for it; RefreshRunning if it stays taken."""
    path = lock_path()
    if path in _held:
        yield  # this process already holds it (make run, then its own Dagster run)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline, told = time.monotonic() + wait_seconds, False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RefreshRunning(f"a refresh is already running ({holder(path)})") from None
                if not told:
                    on_wait(f"waiting for the refresh already running ({holder(path)})")
                    told = True
                time.sleep(_POLL_SECONDS)
        os.ftruncate(fd, 0)
        started = dt.datetime.now().isoformat(sep=" ", timespec="seconds")
        os.write(fd, json.dumps({"run_id": run_id, "started": started, "pid": os.getpid()}).encode())
        _held[path] = fd
        try:
            yield
        finally:
            del _held[path]
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)

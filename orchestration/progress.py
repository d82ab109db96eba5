"""`make run`'s console: one line per step as it runs, and everything else in a log file.

Dagster's console logger prints every event (a warm refresh printed over 200 lines, many of them dbt's
per-model lines with colour codes). This logger writes every record to the run's log file and shows a
person one line per step: what ran, how long it took, and the step's own last word (a source's load
summary, say), or why it failed.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from typing import TextIO

import dagster as dg

_EVENT = dg.DagsterEventType
_STEP_ENDS = {
    _EVENT.STEP_SUCCESS: "done",
    _EVENT.STEP_FAILURE: "FAILED",
    _EVENT.STEP_UP_FOR_RETRY: "failed, retrying",
    _EVENT.STEP_SKIPPED: "skipped: a step it depends on failed",
}


def step_label(step_key: str) -> str:
    """`ingest__kasn` -> `ingest/kasn`; dbt's step reads as what it does."""
    if step_key == "netra_dbt":
        return "dbt build and tests"
    return step_key.replace("__", "/")


class ProgressHandler(logging.Handler):
    """Every record to the log file; a line per step that materializes something to the console.

    Check steps (a suite, a freshness check) are counted, not listed: their outcomes are in the summary.
    On a terminal a step's line opens when it starts, so a long step shows what is running.
    """

    def __init__(self, console: TextIO, log_file: Path) -> None:
        super().__init__(logging.DEBUG)
        self.console = console
        self.log_file = log_file
        self.live = console.isatty()
        self.started: dict[str, float] = {}
        self.last_word: dict[str, str] = {}
        self.materialized: set[str] = set()
        self.checks = 0
        self.open_line: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", {}) or {}
        message = meta.get("orig_message") or record.getMessage()
        step = meta.get("step_key")
        event = meta.get("dagster_event")
        kind = event.event_type if event is not None else None
        # opened per record: Dagster may close a run's handlers before its last events are logged
        with self.log_file.open("a", encoding="utf-8") as log:
            log.write(f"{time.strftime('%H:%M:%S')} {record.levelname:7} {step or '-'}: {message}\n")
        if kind in (_EVENT.RUN_SUCCESS, _EVENT.RUN_FAILURE) and self.checks:
            self._line(f"  {self.checks} check step(s) ran; their failures and warnings are in the summary")
        if not step:
            return
        if kind is None and record.levelno >= logging.INFO:
            self.last_word[step] = message.splitlines()[0][:160]
        elif kind == _EVENT.ASSET_MATERIALIZATION:
            self.materialized.add(step)
        elif kind == _EVENT.STEP_START:
            self.started[step] = time.monotonic()
            if self.live:
                self._close_line()
                self.console.write(f"  {step_label(step)} ...")
                self.console.flush()
                self.open_line = step
        elif kind in _STEP_ENDS:
            self._finish(step, kind)

    def _finish(self, step: str, kind: dg.DagsterEventType) -> None:
        seconds = time.monotonic() - self.started.get(step, time.monotonic())
        if kind == _EVENT.STEP_SUCCESS and step not in self.materialized:
            self.checks += 1
            if self.open_line == step:
                self.console.write("\r\033[K")  # a check step: its line goes again
                self.open_line = None
            return
        word = self.last_word.get(step)
        outcome = _STEP_ENDS[kind]
        if kind != _EVENT.STEP_SKIPPED:
            outcome += f" ({seconds:.1f} s)"
        if kind == _EVENT.STEP_SUCCESS and word:
            outcome += f": {word}"
        if self.open_line == step:
            self.console.write(f" {outcome}\n")
            self.console.flush()
            self.open_line = None
        else:
            self._line(f"  {step_label(step)}: {outcome}")

    def _close_line(self) -> None:
        if self.open_line is not None:
            self.console.write("\n")
            self.open_line = None

    def _line(self, text: str) -> None:
        self._close_line()
        self.console.write(text + "\n")
        self.console.flush()


@dg.logger(
    config_schema={"log_file": dg.Field(str, description="where every record of the run is written")},
    description="make run's console: one line per step; every record to the log file",
)
def progress_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    logger = logging.Logger("netra_progress", level=logging.DEBUG)
    # the terminal the run started from, even while the process's stdout is redirected to the log
    logger.addHandler(ProgressHandler(sys.__stdout__, Path(init_context.logger_config["log_file"])))
    return logger

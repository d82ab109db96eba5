"""The quality reports: one self-contained HTML page per suite's latest validation, and one index of all.

Great Expectations' own Data Docs load their styles and scripts from CDNs (blank pages offline),
copy about 1 MB of static assets into every site (49 MB for Netra's suites), and render values from
the data as HTML, so a `<script>` in an export would run when the page opens. These pages are written
here from GE's validation results instead: plain HTML with the styles inline, every value escaped,
no request leaving the machine, and one index over every suite.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path

INDEX = "index.html"
RESULTS = "results.json"
UNEXPECTED_SHOWN = 20

_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em; color: #222; max-width: 1100px; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ddd; padding: 4px 8px;
text-align: left; vertical-align: top; } .ok { color: #1e8449; } .failed { color: #c0392b; font-weight: 600; }
.warn { color: #b9770e; font-weight: 600; } code { font-size: 12px; word-break: break-all; }
"""


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation: str
    arguments: str
    success: bool
    observed: str
    unexpected: list[str]


@dataclass(frozen=True)
class SuiteOutcome:
    suite: str
    description: str
    severity: str
    success: bool
    rows: int
    validated_at: str
    expectations: list[ExpectationOutcome]


def outcome_from(result, suite: str, description: str, severity: str, rows: int) -> SuiteOutcome:
    """Our record of a GE validation result (the fields the pages show, as plain text)."""
    expectations = []
    for r in result.results:
        config = r.expectation_config
        details = r.result or {}
        observed = details.get("observed_value")
        if observed is None and "unexpected_count" in details:
            observed = f"{details['unexpected_count']} unexpected of {details.get('element_count', '?')}"
        info = r.exception_info or {}
        if info.get("raised_exception"):
            observed = f"error: {info.get('exception_message')}"
        expectations.append(
            ExpectationOutcome(
                expectation=config.type,
                arguments=", ".join(f"{k}={v}" for k, v in config.kwargs.items() if k != "batch_id"),
                success=bool(r.success),
                observed="" if observed is None else str(observed),
                unexpected=[str(v) for v in (details.get("partial_unexpected_list") or [])[:UNEXPECTED_SHOWN]],
            )
        )
    now = dt.datetime.now().isoformat(sep=" ", timespec="seconds")
    return SuiteOutcome(suite, description, severity, bool(result.success), rows, now, expectations)


def write_report(folder: Path, outcome: SuiteOutcome) -> Path:
    """Write the suite's page and refresh the index; returns the page."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_dir():  # a Data Docs site of an earlier version, with its 1 MB of copied assets
            shutil.rmtree(old, ignore_errors=True)
    page = folder / f"{outcome.suite}.html"
    _replace(page, _suite_page(outcome))
    results_file = folder / RESULTS
    results = json.loads(results_file.read_text(encoding="utf-8")) if results_file.exists() else {}
    summary = asdict(outcome)
    summary["failed"] = sum(1 for e in outcome.expectations if not e.success)
    del summary["expectations"]
    results[outcome.suite] = summary
    _replace(results_file, json.dumps(results, indent=1, sort_keys=True))
    _replace(folder / INDEX, _index_page(results))
    return page


def _status(success: bool, severity: str) -> str:
    if success:
        return '<span class="ok">passed</span>'
    return '<span class="failed">failed</span>' if severity == "error" else '<span class="warn">warning</span>'


def _suite_page(outcome: SuiteOutcome) -> str:
    rows = "".join(
        f"<tr><td>{_status(e.success, outcome.severity)}</td><td><code>{escape(e.expectation)}</code></td>"
        f"<td><code>{escape(e.arguments)}</code></td><td>{escape(e.observed)}</td>"
        f"<td>{'<br>'.join(f'<code>{escape(v)}</code>' for v in e.unexpected)}</td></tr>"
        for e in outcome.expectations
    )
    return _page(
        f"Quality: {outcome.suite}",
        f"<p><a href='{INDEX}'>all suites</a></p><h1>{escape(outcome.suite)}: "
        f"{_status(outcome.success, outcome.severity)}</h1>"
        f"<p>{escape(outcome.description)}</p><p>{outcome.rows:,} rows validated at {escape(outcome.validated_at)} "
        f"(severity {escape(outcome.severity)}).</p>"
        "<table><tr><th>result</th><th>expectation</th><th>arguments</th><th>observed</th>"
        f"<th>unexpected values (first {UNEXPECTED_SHOWN})</th></tr>{rows}</table>",
    )


def _index_page(results: dict) -> str:
    rows = "".join(
        f"<tr><td><a href='{escape(name)}.html'>{escape(name)}</a></td><td>{_status(r['success'], r['severity'])}</td>"
        f"<td>{r['failed']}</td><td>{r['rows']:,}</td><td>{escape(r['validated_at'])}</td>"
        f"<td>{escape(r['description'])}</td></tr>"
        for name, r in sorted(results.items())
    )
    return _page(
        "Netra quality reports",
        "<h1>Netra: quality of the latest validations</h1>"
        "<table><tr><th>suite</th><th>result</th><th>failed expectations</th><th>rows</th><th>validated</th>"
        f"<th>what it checks</th></tr>{rows}</table>",
    )


def _page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body>{body}</body></html>\n"
    )


def _replace(path: Path, text: str) -> None:
    staging = path.with_name(f"{path.name}.{os.getpid()}.new")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, path)

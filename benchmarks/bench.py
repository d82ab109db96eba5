"""`make bench`: measured figures for docs/benchmarks.md, each a median against a baseline in this script.

- News extraction throughput, text and HTML: articles per second for read + furniture removal +
  extraction, against reading alone (the baseline) on the same articles.
- Fixed overhead: a full refresh of the bundled sample data (Dagster + dbt + Great Expectations
  start-up and checks, in a fresh process as `make run` does), against importing the definitions alone.
- National scale (`--scale`, synthetic data from `benchmarks/generate.py`): a full refresh's wall time
  and peak memory against the floor (`benchmarks/floor.py`, the same loads and model SQL in one DuckDB
  process), then a nightly run after one new snapshot and one new day of articles.

Writes docs/benchmarks.md. Never part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import dagster as dg
import duckdb

from benchmarks.floor import build_floor
from benchmarks.generate import bench_folder, generate
from ingest.news.articles import read_articles
from ingest.news.extract import extract_facts
from ingest.sources import SOURCES

REPO = Path(__file__).resolve().parent.parent
LABELLED = REPO / "tests" / "fixtures" / "news" / "labelled"
REPEATS = 3


def median_seconds(action: Callable[[], object], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# Character lengths of the development set's articles (the first ~2,000 characters of each page, as
# kept in data/news-dev): minimum, quartiles, 90th percentile and maximum of 22 measured. Benchmark
# articles are written at these lengths from the project's own labelled articles, because the
# development texts are third-party and stay out of the repository.
REAL_LENGTHS = (1116, 1353, 1621, 1794, 1883, 1984, 2001)


def article_corpus(folder: Path, copies: int) -> tuple[list[Path], list[Path]]:
    """Text articles of real length and HTML pages, `copies` of each kind (distinct names and texts),
    as a landing folder holds them."""
    sources = [*sorted(LABELLED.glob("*.txt")), *sorted((REPO / "tests" / "fixtures" / "news").glob("*.txt"))]
    paragraphs = [
        line for source in sources for line in source.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    page = (LABELLED / "tribun_riau_kaltim.html").read_text(encoding="utf-8")
    texts, pages = [], []
    for i in range(copies):
        length = REAL_LENGTHS[i % len(REAL_LENGTHS)]
        body, k = [], i
        while sum(len(p) + 1 for p in body) < length:
            body.append(paragraphs[k % len(paragraphs)])
            k += 7
        path = folder / f"article_{i:05d}.txt"
        path.write_text("\n".join(body)[:length], encoding="utf-8")
        texts.append(path)
        path = folder / f"page_{i:05d}.html"
        path.write_text(page, encoding="utf-8")
        pages.append(path)
    return texts, pages


def news_throughput(paths: list[Path]) -> dict[str, float]:
    read_only = median_seconds(lambda: [read_articles(p) for p in paths])
    full = median_seconds(lambda: [extract_facts(a) for p in paths for a in read_articles(p)])
    return {
        "articles": len(paths),
        "per_second": len(paths) / full,
        "read_per_second": len(paths) / read_only,
        "ratio": full / read_only,
    }


def fixed_overhead() -> dict[str, float]:
    env = {**os.environ, "GX_ANALYTICS_ENABLED": "false"}

    def refresh() -> None:
        # an empty warehouse each time, at the same path: as in production, where the path is fixed
        warehouse, home = fresh_folder("overhead/warehouse"), fresh_folder("overhead/home")
        (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
        subprocess.run(
            [sys.executable, "-m", "orchestration.run"],
            cwd=REPO,
            check=True,
            capture_output=True,
            env={**env, "NETRA_WAREHOUSE_DIR": str(warehouse), "DAGSTER_HOME": str(home)},
        )

    def import_definitions() -> None:
        subprocess.run([sys.executable, "-c", "import orchestration.definitions"], cwd=REPO, check=True, env=env)

    warm_dbt_parse(bench_folder(1).parent / "overhead" / "warehouse")
    full = median_seconds(refresh)
    start_up = median_seconds(import_definitions)
    return {"refresh": full, "import": start_up, "ratio": full / start_up}


def fresh_folder(name: str) -> Path:
    """An empty folder under the bench folder, at a fixed path: dbt re-parses its whole project (8-9 s)
    whenever the warehouse path in its profile changes, which no production deployment does."""
    folder = bench_folder(1).parent / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def warm_dbt_parse(warehouse: Path) -> None:
    """Parse the dbt project once for this warehouse path, as `make setup` does for the default one."""
    env = {**os.environ, "NETRA_WAREHOUSE_DIR": str(warehouse)}
    dbt = Path(sys.executable).parent / "dbt"
    subprocess.run([dbt, "parse", "--quiet", "--profiles-dir", "."], cwd=REPO / "dbt_project", env=env, check=True)


def timed_refresh(landing: Path, warehouse: Path, home: Path, *extra: str) -> dict[str, float]:
    """One refresh in a fresh process, as `make run` starts it: wall seconds and the peak memory of the
    largest process (the refresh itself or the dbt process it starts), in MiB."""
    env = {
        **os.environ,
        "GX_ANALYTICS_ENABLED": "false",
        "NETRA_LANDING_DIR": str(landing),
        "NETRA_WAREHOUSE_DIR": str(warehouse),
        "DAGSTER_HOME": str(home),
    }
    probe = (
        "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "orchestration.run", *extra],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"refresh failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    steps = step_seconds(home)
    steps[START_UP] = seconds - sum(steps.values())
    return {"seconds": seconds, "peak_mib": int(done.stdout.strip().splitlines()[-1]) / 1024, "steps": steps}


CHECKS = "asset checks (Great Expectations, quarantine, freshness)"
START_UP = "start-up, run bookkeeping, summary"
# asset step keys -> row labels, in the order the table shows them; every other step is a check
_STEP_LABELS = {
    **{f"ingest__{name}": f"ingest/{name}" for name in [*SOURCES, "news_articles", "news_facts"]},
    "netra_dbt": "dbt build (models, then their tests)",
    "serving__serving_database": "publish",
}


def step_seconds(home: Path) -> dict[str, float]:
    """Where the instance's latest run spent its time, per asset step (check steps summed), from the
    STEP_START and STEP_SUCCESS/STEP_FAILURE events in Dagster's event log."""
    ends = {dg.DagsterEventType.STEP_SUCCESS, dg.DagsterEventType.STEP_FAILURE}
    with dg.DagsterInstance.from_config(str(home)) as instance:
        run = instance.get_runs(limit=1)[0]
        records = instance.get_records_for_run(run.run_id, of_type={dg.DagsterEventType.STEP_START, *ends}).records
    started: dict[str, float] = {}
    spent: dict[str, float] = defaultdict(float)
    for record in records:
        entry = record.event_log_entry
        if entry.dagster_event.event_type in ends:
            spent[_STEP_LABELS.get(entry.step_key, CHECKS)] += entry.timestamp - started.pop(entry.step_key)
        else:
            started[entry.step_key] = entry.timestamp
    return dict(spent)


def at_scale(scale: float, fixed: float) -> dict[str, float]:
    """Full refresh, the floor, and a nightly run after one new snapshot and one new day of articles."""
    data = bench_folder(scale)
    if not (data / "truth.json").exists():
        generate(scale, data)
    truth = json.loads((data / "truth.json").read_text())
    work = fresh_folder(f"scale-{scale:g}-run")
    landing, warehouse, home = work / "landing", work / "warehouse", work / "home"
    shutil.copytree(data / "landing", landing)
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    warm_dbt_parse(warehouse)
    print(f"  full refresh at SCALE={scale:g} ...", flush=True)
    full = timed_refresh(landing, warehouse, home, "--full-refresh")
    print(f"    {full['seconds']:.1f} s, peak {full['peak_mib']:,.0f} MiB", flush=True)
    # the run's model build (its tests run in a later invocation, in a folder of their own)
    builds = [p for p in (REPO / "dbt_project" / "target").glob("netra_dbt-*") if _built_models(p)]
    run_folder = max(builds, key=lambda p: p.stat().st_mtime)
    print("  floor: the same loads and model SQL in one DuckDB process ...", flush=True)
    started = time.perf_counter()
    counts = build_floor(landing, warehouse / "netra.duckdb", run_folder, work / "floor" / "netra.duckdb")
    floor = time.perf_counter() - started
    print(f"    {floor:.1f} s", flush=True)
    national = _national_funnel(warehouse / "serving.duckdb", truth)
    print("  nightly: one new snapshot and one new day of articles ...", flush=True)
    for path in (data / "nightly").rglob("*.*"):
        if path.suffix in (".csv", ".jsonl"):
            target = landing / path.relative_to(data / "nightly")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    nightly = timed_refresh(landing, warehouse, home)
    print(f"    {nightly['seconds']:.1f} s, peak {nightly['peak_mib']:,.0f} MiB", flush=True)
    variable = full["seconds"] - fixed
    return {
        "scale": scale,
        "case_rows": truth["case_rows"],
        "articles": truth["articles"],
        "full": full["seconds"],
        "peak_mib": max(full["peak_mib"], nightly["peak_mib"]),
        "floor": floor,
        "variable": variable,
        "ratio": variable / floor,
        "nightly": nightly["seconds"],
        "nightly_share": (nightly["seconds"] - fixed) / variable,
        "floor_rows": counts["kasn"] + counts["bkn"],
        "steps": (full["steps"], nightly["steps"]),
        "funnel_matches": national,
    }


def _built_models(run_folder: Path) -> bool:
    """Whether a dbt invocation's folder is a build of models (not the data tests that follow it)."""
    results = run_folder / "run_results.json"
    return results.exists() and any(
        r["unique_id"].startswith("model.") for r in json.loads(results.read_text())["results"]
    )


def _national_funnel(serving: Path, truth: dict) -> bool:
    """The published national funnel equals the generator's known answer for every election."""
    with duckdb.connect(str(serving), read_only=True) as con:
        for election, known in truth.items():
            if not isinstance(known, dict) or "national" not in known:
                continue
            row = con.execute(
                "SELECT asn_reported, asn_recommended, asn_followed_up FROM marts.sanction_funnel "
                "WHERE election_id = ? AND region_code = 'ID'",
                [election],
            ).fetchone()
            expected = known["national_day_before"] if election == "PILKADA_2024" else known["national"]
            if row != (expected["asn_reported"], expected["asn_recommended"], expected["asn_followed_up"]):
                print(f"  ! {election}: published {row}, generated {expected}")
                return False
    return True


def _share(share: float) -> str:
    """A share of the full refresh's variable time. The fixed overhead it is net of is measured in another
    process, so a nightly run shorter than that overhead reads below zero: within its noise, not negative."""
    return f"{100 * share:.1f} %" if share >= 0 else "within the fixed overhead's run-to-run noise"


def scale_lines(result: dict, command: str) -> list[str]:
    return [
        f"### SCALE={result['scale']:g}: {result['case_rows']:,} case rows, {result['articles']:,} articles",
        "",
        f"Reproduce: `{command}` (data from `make bench-data SCALE={result['scale']:g}`).",
        "",
        "| what | value |",
        "|---|---|",
        f"| full refresh (fresh process, `--full-refresh`) | {result['full']:.1f} s |",
        f"| fixed overhead, measured in the same run (sample data) | {result['full'] - result['variable']:.1f} s |",
        f"| of which variable (full refresh minus the fixed overhead) | {result['variable']:.1f} s |",
        f"| floor: the same loads and model SQL in one DuckDB process | {result['floor']:.1f} s |",
        f"| ratio, variable time / floor | {result['ratio']:.2f}x |",
        f"| nightly run after one new snapshot and one day of articles | {result['nightly']:.1f} s |",
        f"| nightly variable time as a share of the full refresh's | {_share(result['nightly_share'])} |",
        f"| peak memory, largest process | {result['peak_mib']:,.0f} MiB |",
        f"| published national funnels equal the generated truth | {'yes' if result['funnel_matches'] else 'NO'} |",
        "",
        "Where the time goes (Dagster's step events; the nightly run's checks validate only its new rows):",
        "",
        "| step | full refresh, s | nightly, s |",
        "|---|---|---|",
        *step_lines(*result["steps"]),
        "",
    ]


def step_lines(full: dict[str, float], nightly: dict[str, float]) -> list[str]:
    order = [*_STEP_LABELS.values(), CHECKS, START_UP]
    return [f"| {step} | {full.get(step, 0):.1f} | {nightly.get(step, 0):.1f} |" for step in order]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1, help="synthetic national data at this scale (0: skip)")
    args = parser.parse_args(argv)
    print("news extraction throughput ...", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        texts, pages = article_corpus(Path(folder), copies=1000)
        text = news_throughput(texts)
        html = news_throughput(pages)
    print("fixed overhead (three full refreshes of the sample data) ...", flush=True)
    overhead = fixed_overhead()
    scaled = at_scale(args.scale, overhead["refresh"]) if args.scale > 0 else None
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench SCALE={args.scale:g}` (`benchmarks/bench.py`) on {machine}, "
        f"{time.strftime('%Y-%m-%d')}. Figures from other scales are kept below, each with its command.",
        f"Each throughput and overhead figure is the median of {REPEATS} runs; each ratio is against a "
        "baseline run in the same script.",
        "",
        "## News extraction throughput",
        "",
        "Text articles are written at the development set's lengths (median 1,794 characters; "
        "`REAL_LENGTHS` in `benchmarks/bench.py`) from the project's own labelled articles; one process, one core.",
        "",
        "| input | articles | articles/s (read + clean + extract) | baseline: read + clean only, articles/s | ratio |",
        "|---|---|---|---|---|",
        f"| text (`.txt`) | {text['articles']} | {text['per_second']:,.0f} | {text['read_per_second']:,.0f} "
        f"| {text['ratio']:.2f}x |",
        f"| HTML (`.html`, trafilatura) | {html['articles']} | {html['per_second']:,.0f} | "
        f"{html['read_per_second']:,.0f} | {html['ratio']:.2f}x |",
        "",
        "## Fixed overhead",
        "",
        "A full refresh of the bundled sample data in a fresh process, as `make run` does it (ingest, dbt "
        "build with its tests, every Great Expectations suite, publish), against the baseline of importing "
        "the Dagster definitions alone.",
        "",
        "| what | seconds |",
        "|---|---|",
        f"| full refresh, sample data | {overhead['refresh']:.1f} |",
        f"| baseline: `import orchestration.definitions` | {overhead['import']:.1f} |",
        f"| ratio | {overhead['ratio']:.1f}x |",
        "",
        "## National scale",
        "",
        "Synthetic national data (`benchmarks/generate.py`): 38 provinces, 514 regencies, four elections, "
        "daily case snapshots, registers, IKP tables and articles with known facts. Single runs (each takes "
        "minutes). The floor (`benchmarks/floor.py`) does the same loads and runs the SQL dbt compiled for "
        "each model, in one DuckDB process, without Dagster, dbt, tests, checks or bookkeeping. The variable "
        "time is the full refresh minus the fixed overhead measured in the same `make bench` run.",
        "",
    ]
    target = REPO / "docs" / "benchmarks.md"
    kept = _kept_scales(target, args.scale)
    if scaled:
        lines += scale_lines(scaled, f"make bench SCALE={args.scale:g}")
    lines += kept
    target.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


def _kept_scales(target: Path, measured: float) -> list[str]:
    """Sections for other scales from the previous docs/benchmarks.md, so SCALE=1 figures survive a 0.1 run."""
    if not target.exists():
        return []
    kept, keep = [], False
    for line in target.read_text(encoding="utf-8").splitlines():
        if line.startswith("### SCALE="):
            keep = not line.startswith(f"### SCALE={measured:g}:")
        elif line.startswith("## "):
            keep = False
        if keep:
            kept.append(line)
    return kept


if __name__ == "__main__":
    sys.exit(main())

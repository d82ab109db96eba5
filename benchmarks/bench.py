"""`make bench`: measured figures for docs/benchmarks.md, each a median against a baseline in this script.

- News extraction throughput, text and HTML: articles per second for read + furniture removal +
  extraction, against reading alone (the baseline) on the same articles.
- Fixed overhead: a full refresh of the bundled sample data (Dagster + dbt + Great Expectations
  start-up and checks, in a fresh process as `make run` does), against importing the definitions alone.

Writes docs/benchmarks.md. Never part of `make test`.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ingest.news.articles import read_articles
from ingest.news.extract import extract_facts

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


def article_corpus(folder: Path, copies: int) -> tuple[list[Path], list[Path]]:
    """Text and HTML articles written `copies` times each (distinct names), as a landing folder holds them."""
    texts, pages = [], []
    sources = [*sorted(LABELLED.glob("*.txt")), *sorted((REPO / "tests" / "fixtures" / "news").glob("*.txt"))]
    page = (LABELLED / "tribun_riau_kaltim.html").read_text(encoding="utf-8")
    for i in range(copies):
        for source in sources:
            path = folder / f"{source.stem}_{i:05d}.txt"
            path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
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
        with tempfile.TemporaryDirectory() as warehouse, tempfile.TemporaryDirectory() as home:
            Path(home, "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
            subprocess.run(
                [sys.executable, "-m", "orchestration.run"],
                cwd=REPO,
                check=True,
                capture_output=True,
                env={**env, "NETRA_WAREHOUSE_DIR": warehouse, "DAGSTER_HOME": home},
            )

    def import_definitions() -> None:
        subprocess.run([sys.executable, "-c", "import orchestration.definitions"], cwd=REPO, check=True, env=env)

    full = median_seconds(refresh)
    start_up = median_seconds(import_definitions)
    return {"refresh": full, "import": start_up, "ratio": full / start_up}


def main() -> int:
    print("news extraction throughput ...", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        texts, pages = article_corpus(Path(folder), copies=150)
        text = news_throughput(texts)
        html = news_throughput(pages)
    print("fixed overhead (three full refreshes of the sample data) ...", flush=True)
    overhead = fixed_overhead()
    command = "make bench"
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `{command}` (`benchmarks/bench.py`) on {machine}, {time.strftime('%Y-%m-%d')}.",
        f"Each figure is the median of {REPEATS} runs; each ratio is against a baseline run in the same script.",
        "",
        "## News extraction throughput",
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
    ]
    target = REPO / "docs" / "benchmarks.md"
    target.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

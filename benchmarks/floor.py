"""The floor for `make bench`: the same loads and the same model SQL, run directly in one DuckDB process.

No Dagster, no dbt process, no tests or checks, no per-file bookkeeping: every case export is read by
one `read_csv` over the folder, typed by the same parsing macros, given region codes through a join,
and pseudonymised with a hash in SQL; articles are read and extracted by the same Python functions;
then the SQL dbt compiled for each model in the pipeline's own run is executed in dbt's order. The
reference seeds, which are the same few hundred rows either way, are copied from the pipeline's
warehouse. The difference between the pipeline and this floor is the price of orchestration,
bookkeeping, quarantine and checks.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd

from ingest.editions import match_edition
from ingest.headers import canonical, fold
from ingest.loader import election_aliases
from ingest.news.articles import read_articles
from ingest.news.extract import extract_facts
from ingest.news.load import ensure_news_tables
from ingest.raw_writer import LOOKUP_COLUMNS, ensure_raw_table
from ingest.regions import region_resolver
from ingest.sources import SOURCES
from ingest.warehouse import PARSE_MACROS

_TYPED = {
    "date": "netra_parse_date({c})",
    "number": "netra_parse_number({c})",
    "integer": "CAST(netra_parse_number({c}) AS BIGINT)",
}


def build_floor(landing: Path, pipeline_db: Path, run_folder: Path, target: Path) -> dict[str, int]:
    """Build `target` (named netra.duckdb, the catalog dbt's SQL names) from `landing`; return row counts."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    con = duckdb.connect(str(target))
    con.execute("SET enable_progress_bar = false")
    con.execute(PARSE_MACROS.read_text())
    con.execute("CREATE SCHEMA raw; CREATE SCHEMA reference; CREATE SCHEMA staging; CREATE SCHEMA intermediate")
    con.execute("CREATE SCHEMA marts")
    counts = {name: _load_cases_like(con, landing / name, name) for name in SOURCES}
    counts["articles"], counts["facts"] = _load_news(con, landing / "news")
    con.execute(f"ATTACH '{pipeline_db}' AS pipeline (READ_ONLY)")
    for (table,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = 'pipeline' AND schema_name = 'reference'"
    ).fetchall():
        con.execute(f"CREATE TABLE reference.{table} AS SELECT * FROM pipeline.reference.{table}")
    con.execute("DETACH pipeline")
    _run_models(con, run_folder)
    counts["funnel_rows"] = con.execute("SELECT count(*) FROM marts.sanction_funnel_history").fetchone()[0]
    con.close()
    return counts


def _load_cases_like(con: duckdb.DuckDBPyConnection, folder: Path, name: str) -> int:
    source = SOURCES[name]
    ensure_raw_table(con, source)
    files = sorted(folder.glob("*.csv"))
    if not files:
        return 0
    pattern = str(folder / "*.csv")
    header = con.execute(f"SELECT * FROM read_csv('{pattern}', all_varchar = true) LIMIT 0").description
    renamed = {column[0]: canonical(column[0]) for column in header}
    selects = []
    for column in source.columns:
        original = next((k for k, v in renamed.items() if v == column.name), None)
        if original is None or column.kind == "personal":
            continue
        quoted = f'"{original}"'
        if column.kind == "nip":
            selects.append(f"'asn_' || left(sha256('floor' || {quoted}), 20) AS asn_pseudonym")
        else:
            selects.append(
                f"{_TYPED.get(column.kind, 'nullif(trim({c}), {empty})').format(c=quoted, empty=repr(''))}"
                f" AS {column.name}"
            )
    regions = _region_table(con, pattern, renamed)
    regency = _original(renamed, "kabupaten_kota")
    regency_match = f'regions.regency IS NOT DISTINCT FROM e."{regency}"' if regency else "regions.regency IS NULL"
    lookups, joins = [], []
    for column, target in LOOKUP_COLUMNS.items():
        original = _original(renamed, column)
        if original is None:
            continue
        values = con.execute(
            f"SELECT DISTINCT \"{original}\" FROM read_csv('{pattern}', all_varchar = true)"
        ).fetchall()
        codes = [(v, _code(target, v or "")) for (v,) in values]
        con.register(target, pd.DataFrame(codes, columns=["v", "code"]))
        lookups.append(f"{target}.code AS {target}")
        joins.append(f'LEFT JOIN {target} ON {target}.v = e."{original}"')
    con.register("regions", regions)
    con.execute(
        f"""INSERT INTO {source.raw_table} BY NAME
            SELECT filename AS _file_name, 'floor' AS _file_sha256, 0 AS _row_number,
                   regexp_extract(filename, '_(\\d{{4}}-\\d{{2}}-\\d{{2}})\\.csv$', 1) AS _batch_key,
                   now() AS _loaded_at, regions.region_code, {", ".join(selects + lookups)}
            FROM read_csv('{pattern}', all_varchar = true, filename = true, union_by_name = true) AS e
            LEFT JOIN regions ON regions.province = e."{_original(renamed, "provinsi")}" AND {regency_match}
            {" ".join(joins)}"""
    )
    con.unregister("regions")
    return con.execute(f"SELECT count(*) FROM {source.raw_table}").fetchone()[0]


def _code(target: str, value: str) -> str | None:
    """The election or edition a value names, as the loader resolves it."""
    if target == "election_id":
        return election_aliases().get(fold(value))
    return match_edition(value).edition_id


def _original(renamed: dict[str, str], canonical_name: str) -> str | None:
    return next((k for k, v in renamed.items() if v == canonical_name), None)


def _region_table(con, pattern: str, renamed: dict[str, str]) -> pd.DataFrame:
    """Distinct (province, regency) pairs resolved once, to be joined in SQL."""
    province, regency = _original(renamed, "provinsi"), _original(renamed, "kabupaten_kota")
    pairs = con.execute(
        f'SELECT DISTINCT "{province}", '
        + (f'"{regency}"' if regency else "NULL")
        + f" FROM read_csv('{pattern}', all_varchar = true, union_by_name = true)"
    ).fetchall()
    resolver = region_resolver()
    return pd.DataFrame(
        [(p, r, resolver.resolve(p, r).code) for p, r in pairs], columns=["province", "regency", "region_code"]
    )


def _load_news(con: duckdb.DuckDBPyConnection, folder: Path) -> tuple[int, int]:
    ensure_news_tables(con)
    articles = [a for path in sorted(folder.glob("*.jsonl")) for a in read_articles(path)]
    facts = [f for a in articles for f in extract_facts(a)]
    frame = pd.DataFrame(
        [(a.article_id, a.source_file, a.title, a.source_url, a.published_date, a.text) for a in articles],
        columns=["article_id", "source_file", "title", "source_url", "published_date", "body"],
    )
    con.register("articles", frame)
    con.execute(
        "INSERT INTO raw.news_articles BY NAME SELECT * REPLACE (CAST(published_date AS DATE) AS published_date), "
        "'floor' AS file_sha256, now() AS loaded_at, CAST(published_date AS DATE) AS partition_date FROM articles"
    )
    fact_frame = pd.DataFrame([vars(f) for f in facts])
    fact_frame["extractor_version"] = "floor"
    con.register("facts", fact_frame)
    con.execute(
        "INSERT INTO raw.news_facts BY NAME SELECT * REPLACE (CAST(as_of_date AS DATE) AS as_of_date) FROM facts"
    )
    return len(articles), len(facts)


def _run_models(con: duckdb.DuckDBPyConnection, run_folder: Path) -> None:
    """Every model dbt built, in dbt's order, from the SQL dbt compiled for that run."""
    manifest = json.loads((run_folder / "manifest.json").read_text())
    results = json.loads((run_folder / "run_results.json").read_text())["results"]
    for result in sorted(results, key=lambda r: r["timing"][0]["started_at"] if r["timing"] else ""):
        node = manifest["nodes"].get(result["unique_id"])
        if not node or node["resource_type"] != "model":
            continue
        compiled = (run_folder / "compiled" / "netra" / node["original_file_path"]).read_text()
        kind = "VIEW" if node["config"]["materialized"] == "view" else "TABLE"
        con.execute(f"CREATE OR REPLACE {kind} {result['relation_name']} AS {compiled}")

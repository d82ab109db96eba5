"""Load articles into `raw.news_articles` and their extracted facts into `raw.news_facts`.

Each article is keyed by its id; loading a file again replaces its articles and their facts, so reruns
never duplicate. A copy of an article already loaded (same folded text) is kept with `duplicate_of`
set, and the marts count its facts once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import duckdb
import pandas as pd

from ingest.loader import FileReport, SourceReport, landing_files, log_file, sha256_of
from ingest.news.articles import ARTICLE_SUFFIXES, Article, read_articles
from ingest.news.dedupe import find_copies
from ingest.news.extract import EXTRACTOR_VERSION, Fact, extract_facts
from ingest.sources import NEWS_SOURCE, Source

NEWS_DDL = """
CREATE TABLE IF NOT EXISTS raw.news_articles (
    article_id VARCHAR PRIMARY KEY,
    source_file VARCHAR NOT NULL,
    file_sha256 VARCHAR NOT NULL,
    source_url VARCHAR,
    title VARCHAR,
    published_date DATE,
    content_sha256 VARCHAR NOT NULL,
    duplicate_of VARCHAR,
    body VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS raw.news_facts (
    article_id VARCHAR NOT NULL,
    metric VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL,
    value DOUBLE,                     -- null for a zone, whose name is in value_text
    value_text VARCHAR NOT NULL,
    evidence VARCHAR NOT NULL,
    as_of_date DATE,
    election_id VARCHAR,
    extractor_version VARCHAR NOT NULL
);
"""
_NEWS = Source(NEWS_SOURCE, "news articles", (), key=(), batch="article")


def load_articles(
    con: duckdb.DuckDBPyConnection, folder: Path, progress: Callable[[str], None] = lambda m: None
) -> SourceReport:
    """Read every article file; an unreadable one is logged by name and the rest still load."""
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    con.execute(NEWS_DDL)
    # zone facts carry no number: an older warehouse declared value NOT NULL
    con.execute("ALTER TABLE raw.news_facts ALTER COLUMN value DROP NOT NULL")
    report = SourceReport(NEWS_SOURCE)
    for path in landing_files(folder, ARTICLE_SUFFIXES):
        sha = sha256_of(path)
        now = dt.datetime.now()
        try:
            articles = read_articles(path)
        except (ValueError, UnicodeDecodeError) as exc:
            log_file(con, _NEWS, path, sha, "unreadable", 0, 0, 0, None, str(exc), now)
            report.files.append(FileReport(path.name, "unreadable", message=str(exc)))
            progress(f"news: {path.name}: unreadable ({exc})")
            continue
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM raw.news_articles WHERE source_file = ?", [path.name])
        con.execute("DELETE FROM ops.load_log WHERE source = ? AND file_name = ?", [NEWS_SOURCE, path.name])
        for article in articles:
            con.execute("DELETE FROM raw.news_articles WHERE article_id = ?", [article.article_id])
            con.execute(
                "INSERT INTO raw.news_articles VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                [
                    article.article_id,
                    path.name,
                    sha,
                    article.source_url,
                    article.title,
                    article.published_date,
                    article.content_sha256,
                    article.text,
                    now,
                ],
            )
        log_file(con, _NEWS, path, sha, "loaded", len(articles), len(articles), 0, None, None, now)
        con.execute("COMMIT")
        report.files.append(FileReport(path.name, "loaded", len(articles), len(articles)))
        progress(f"news: {path.name}: {len(articles)} article(s)")
    mark_copies(con)
    return report


def loaded_articles(con: duckdb.DuckDBPyConnection, where: str = "", params: list | None = None) -> list[Article]:
    rows = con.execute(
        "SELECT article_id, source_file, body, title, source_url, CAST(published_date AS VARCHAR) "
        f"FROM raw.news_articles {where} ORDER BY article_id",
        params or [],
    ).fetchall()
    return [Article(*row) for row in rows]


def mark_copies(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute which loaded articles are syndicated copies of another (duplicate_of)."""
    copies = find_copies(loaded_articles(con))
    con.execute("UPDATE raw.news_articles SET duplicate_of = NULL")
    for article_id, original in copies.items():
        con.execute("UPDATE raw.news_articles SET duplicate_of = ? WHERE article_id = ?", [original, article_id])


def extract_all(con: duckdb.DuckDBPyConnection) -> list[Fact]:
    """Re-extract facts for every loaded original article (copies add nothing), replacing the previous extraction."""
    facts = [f for article in loaded_articles(con, "WHERE duplicate_of IS NULL") for f in extract_facts(article)]
    frame = pd.DataFrame([asdict(f) for f in facts], columns=list(Fact.__dataclass_fields__))
    frame["extractor_version"] = EXTRACTOR_VERSION
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM raw.news_facts")
    con.register("extracted", frame)
    con.execute(
        "INSERT INTO raw.news_facts SELECT article_id, metric, region_code, value, value_text, evidence, "
        "CAST(as_of_date AS DATE), election_id, extractor_version FROM extracted"
    )
    con.unregister("extracted")
    con.execute("COMMIT")
    return facts

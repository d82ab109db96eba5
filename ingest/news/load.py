"""Load articles into `raw.news_articles`, their extracted facts into `raw.news_facts`, and the
candidates the extractor is unsure of into `raw.news_fact_review` (with confidence and reasons).

Each article is keyed by its id and belongs to one day, its partition: the publication date, or for
an article that states none, the day it was first loaded. A file already loaded with the same bytes
is skipped; a changed file replaces its articles, whose facts are then due again. Extraction works on
a set of articles: those not yet extracted by the current extractor (the nightly run), or every
article of a range of days (a backfill). A copy of another article (syndication) is marked with
`duplicate_of`, and the marts count its facts once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from ingest.landing import content_hash, survey
from ingest.loader import LoadHistory, SourceReport, refuse
from ingest.news.articles import ARTICLE_SUFFIXES, Article, read_article_file
from ingest.news.dedupe import CopyIndex, placement_order, sentence_hashes
from ingest.news.extract import Candidate, Fact, extract
from ingest.news.names import mask_names
from ingest.news.version import current_version
from ingest.raw_writer import FileReport, log_failure, log_file
from ingest.sources import NEWS_SOURCE, Source
from ingest.warehouse import transaction

NEWS_DDL = """
CREATE TABLE IF NOT EXISTS raw.news_articles (
    article_id VARCHAR PRIMARY KEY,
    source_file VARCHAR NOT NULL,
    file_sha256 VARCHAR NOT NULL,
    source_url VARCHAR,
    title VARCHAR,
    published_date DATE,
    duplicate_of VARCHAR,
    body VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    partition_date DATE,              -- published_date, or the day an undated article was first loaded
    extracted_version VARCHAR,        -- extractor that produced its facts; NULL while they are due
    sentence_hashes BIGINT[],         -- its substantial sentences, hashed; NULL until copies are marked
    names_masked BOOLEAN              -- people's names masked in body and title (NULL: stored before masking)
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
CREATE TABLE IF NOT EXISTS raw.news_fact_review (
    article_id VARCHAR NOT NULL,
    metric VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL,     -- '?' where the place named fits several regions, or none known
    value DOUBLE,
    value_text VARCHAR NOT NULL,
    evidence VARCHAR NOT NULL,
    as_of_date DATE,
    election_id VARCHAR,
    confidence DOUBLE NOT NULL,       -- 0-1; news_facts takes candidates from the rules' publish_at
    reasons VARCHAR NOT NULL,         -- what the candidate borrowed or what makes it doubtful, '; '-joined
    extractor_version VARCHAR NOT NULL
);
"""
# A warehouse built by an earlier version: zone facts carry no number, articles gained a partition and
# an extraction mark and kept sentence hashes, and the unused content hash went.
NEWS_MIGRATIONS = """
ALTER TABLE raw.news_facts ALTER COLUMN value DROP NOT NULL;
ALTER TABLE raw.news_articles ADD COLUMN IF NOT EXISTS partition_date DATE;
ALTER TABLE raw.news_articles ADD COLUMN IF NOT EXISTS extracted_version VARCHAR;
UPDATE raw.news_articles SET partition_date = coalesce(published_date, CAST(loaded_at AS DATE))
    WHERE partition_date IS NULL;
ALTER TABLE raw.news_articles DROP COLUMN IF EXISTS content_sha256;
ALTER TABLE raw.news_articles ADD COLUMN IF NOT EXISTS sentence_hashes BIGINT[];
ALTER TABLE raw.news_articles ADD COLUMN IF NOT EXISTS names_masked BOOLEAN;
"""
_NEWS = Source(NEWS_SOURCE, "news articles", (), key=(), batch="article")
_ARTICLE_COLUMNS = ["article_id", "source_url", "title", "published_date", "body"]


def ensure_news_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    con.execute(NEWS_DDL)
    con.execute(NEWS_MIGRATIONS)
    _mask_stored_names(con)


def _mask_stored_names(con: duckdb.DuckDBPyConnection) -> None:
    """Articles a warehouse stored before names were masked: mask them now, and extract them and place
    them among copies again (their text changed)."""
    rows = con.execute("SELECT article_id, body, title FROM raw.news_articles WHERE names_masked IS NULL").fetchall()
    if not rows:
        return
    masked = pd.DataFrame(
        [(a, mask_names(body), mask_names(title) if title else title) for a, body, title in rows],
        columns=["article_id", "body", "title"],
    )
    con.register("masked_articles", masked)
    try:
        with transaction(con):
            con.execute(
                """UPDATE raw.news_articles a SET body = m.body, title = m.title, names_masked = TRUE,
                          extracted_version = NULL, sentence_hashes = NULL
                   FROM masked_articles m WHERE a.article_id = m.article_id"""
            )
    finally:
        con.unregister("masked_articles")


def load_articles(
    con: duckdb.DuckDBPyConnection, folder: Path, progress: Callable[[str], None] = lambda m: None
) -> SourceReport:
    """Read every new or changed article file; an unreadable one is logged by name and the rest still load.

    An article id names one article: a `.txt` or `.html` article's is its file name, a `.jsonl` line's
    its `id`. A second article under an id already taken (by another file, or earlier in the same file)
    is quarantined with both names rather than replacing the first.
    """
    ensure_news_tables(con)
    report = SourceReport(NEWS_SOURCE)
    entries = survey(folder, ARTICLE_SUFFIXES, NEWS_SOURCE)
    history = LoadHistory(con, NEWS_SOURCE)
    removed: list[tuple[str, str]] = []
    for number, entry in enumerate(entries, start=1):
        path, sha = entry.path, content_hash(entry)
        if entry.refused:
            report.files.append(refuse(con, _NEWS, entry, sha, history))
            progress(f"news: {number}/{len(entries)} {path.name}: refused ({entry.refused})")
            continue
        done = con.execute(
            "SELECT status FROM ops.load_log WHERE source = ? AND file_name = ? AND file_sha256 = ? "
            "AND status IN ('loaded', 'retracted')",
            [NEWS_SOURCE, path.name, sha],
        ).fetchall()
        if done:
            report.files.append(FileReport(path.name, "skipped", message=f"already {done[0][0]} (same sha256)"))
            continue
        try:
            articles, bad_lines = read_article_file(path)
        except (ValueError, UnicodeDecodeError) as exc:
            con.execute("DELETE FROM ops.load_log WHERE source = ? AND file_name = ?", [NEWS_SOURCE, path.name])
            report.files.append(log_failure(con, _NEWS, path, sha, "unreadable", 0, f"{path.name}: {exc}"))
            progress(f"news: {number}/{len(entries)} {path.name}: unreadable ({exc})")
            continue
        file_report, replaced = _replace_file(con, path, sha, articles, bad_lines)
        removed += replaced
        report.files.append(file_report)
        progress(
            f"news: {number}/{len(entries)} {path.name}: {file_report.rows_loaded} article(s)"
            + (f", {file_report.rows_quarantined} quarantined" if file_report.rows_quarantined else "")
        )
    if report.with_status("loaded"):
        mark_copies(con, removed)
    return report


def _replace_file(
    con: duckdb.DuckDBPyConnection, path: Path, sha: str, articles: list[tuple[int, Article]], bad_lines
) -> tuple[FileReport, list[tuple[str, str]]]:
    """Replace what this file loaded before, in one transaction; an article keeps its first-load day.

    Returns the file's report, and where the replaced articles stood in the copy order, from which
    copies are marked again.
    """
    now = dt.datetime.now()
    taken = dict(
        con.execute(
            "SELECT article_id, source_file FROM raw.news_articles WHERE source_file <> ? "
            "AND article_id IN (SELECT unnest(?))",
            [path.name, [a.article_id for _, a in articles]],
        ).fetchall()
    )
    kept, quarantined, first_line = [], [(b.line, b.reason, b.preview) for b in bad_lines], {}
    for line, article in articles:
        preview = {"id": article.article_id, "url": article.source_url, "title": (article.title or "")[:200]}
        if article.article_id in taken:
            reason = (
                f"article id '{article.article_id}' is already the id of an article from {taken[article.article_id]}: "
                "rename one file (a .txt or .html article's id is its file name) or give the .jsonl line another id"
            )
            quarantined.append((line, reason, preview))
        elif article.article_id in first_line:
            first = first_line[article.article_id]
            reason = f"article id '{article.article_id}' is used twice in {path.name} (first at line {first})"
            quarantined.append((line, reason, preview))
        else:
            first_line[article.article_id] = line
            kept.append(article)
    frame = pd.DataFrame(
        [[a.article_id, a.source_url, a.title, a.published_date, a.text] for a in kept],
        columns=_ARTICLE_COLUMNS,
    )
    report = FileReport(path.name, "loaded", len(articles) + len(bad_lines), len(kept), len(quarantined))
    con.register("incoming_articles", frame)
    try:
        with transaction(con):
            con.execute(
                "CREATE OR REPLACE TEMP TABLE first_loaded AS "
                "SELECT article_id, partition_date, CAST(published_date AS VARCHAR) AS published_date "
                "FROM raw.news_articles WHERE source_file = ?",
                [path.name],
            )
            con.execute("DELETE FROM raw.news_facts WHERE article_id IN (SELECT article_id FROM first_loaded)")
            con.execute("DELETE FROM raw.news_articles WHERE article_id IN (SELECT article_id FROM first_loaded)")
            con.execute("DELETE FROM ops.quarantine WHERE source = ? AND file_name = ?", [NEWS_SOURCE, path.name])
            con.execute(
                """INSERT INTO raw.news_articles
                       (article_id, source_file, file_sha256, source_url, title, published_date, body, loaded_at,
                        partition_date, names_masked)
                   SELECT i.article_id, ?, ?, i.source_url, i.title, TRY_CAST(i.published_date AS DATE), i.body, ?,
                          coalesce(TRY_CAST(i.published_date AS DATE), f.partition_date, CAST(? AS DATE)), TRUE
                   FROM incoming_articles i LEFT JOIN first_loaded f USING (article_id)""",
                [path.name, sha, now, now],
            )
            for line, reason, preview in quarantined:
                con.execute(
                    "INSERT INTO ops.quarantine VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [NEWS_SOURCE, path.name, sha, line, reason, json.dumps(preview, ensure_ascii=False), now],
                )
            con.execute("DELETE FROM ops.load_log WHERE source = ? AND file_name = ?", [NEWS_SOURCE, path.name])
            log_file(con, _NEWS, path, sha, report, None, now)
            removed = con.execute("SELECT published_date, article_id FROM first_loaded").fetchall()
    finally:
        con.unregister("incoming_articles")
    return report, [placement_order(published, article_id) for published, article_id in removed]


def loaded_articles(con: duckdb.DuckDBPyConnection, where: str = "", params: list | None = None) -> list[Article]:
    rows = con.execute(
        "SELECT article_id, source_file, body, title, source_url, CAST(published_date AS VARCHAR) "
        f"FROM raw.news_articles {where} ORDER BY article_id",
        params or [],
    ).fetchall()
    return [Article(*row) for row in rows]


def mark_copies(con: duckdb.DuckDBPyConnection, removed: Sequence[tuple[str, str]] = ()) -> None:
    """Mark which articles are syndicated copies of another (duplicate_of).

    Placement is sequential (see `ingest.news.dedupe`): the articles before the earliest new or removed
    one keep their decision, and only those from there on are placed again, so a nightly load of the
    newest day costs as much as that day, while an older article arriving late still re-decides the rest.
    """
    rows = con.execute(
        "SELECT article_id, CAST(published_date AS VARCHAR), sentence_hashes, duplicate_of FROM raw.news_articles"
    ).fetchall()
    starts = [placement_order(published, article_id) for article_id, published, hashes, _ in rows if hashes is None]
    if not starts and not removed:
        return
    start = min([*starts, *removed])
    unplaced = con.execute("SELECT article_id, body FROM raw.news_articles WHERE sentence_hashes IS NULL")
    bodies = dict(unplaced.fetchall())
    index, decided = CopyIndex(), []
    for article_id, published, hashes, duplicate_of in sorted(rows, key=lambda r: placement_order(r[1], r[0])):
        if hashes is None:
            hashes = sentence_hashes(bodies[article_id])
        if placement_order(published, article_id) < start:
            index.settle(article_id, hashes, duplicate_of)
        else:
            decided.append((article_id, hashes, index.place(article_id, hashes)))
    if not decided:
        return
    con.register("placed", pd.DataFrame(decided, columns=["article_id", "sentence_hashes", "duplicate_of"]))
    try:
        con.execute(
            """UPDATE raw.news_articles a
               SET sentence_hashes = CAST(p.sentence_hashes AS BIGINT[]), duplicate_of = CAST(p.duplicate_of AS VARCHAR)
               FROM placed p WHERE a.article_id = p.article_id"""
        )
    finally:
        con.unregister("placed")


@dataclass
class Extraction:
    articles: int
    facts: list[Fact]
    days: list[str]  # the partition days whose articles were extracted
    review: list[Candidate] = field(default_factory=list)  # candidates held for a person to check


def extract_facts_for(con: duckdb.DuckDBPyConnection, window: tuple[dt.date, dt.date] | None = None) -> Extraction:
    """Extract the facts of the articles due, or of every article in the days [start, end), replacing theirs.

    Copies are extracted too: whether an article is a copy can change when an earlier original
    arrives, and the marts, not the extraction, leave copies out.
    """
    ensure_news_tables(con)
    version = current_version()
    if window is None:
        where, params = "WHERE extracted_version IS DISTINCT FROM ?", [version]
    else:
        where, params = "WHERE partition_date >= ? AND partition_date < ?", list(window)
    chosen = con.execute(
        f"SELECT article_id, CAST(partition_date AS VARCHAR) FROM raw.news_articles {where}", params
    ).fetchall()
    articles = loaded_articles(con, where, params)
    if not articles:
        return Extraction(0, [], [])
    facts: list[Fact] = []
    review: list[Candidate] = []
    for article in articles:
        found, doubtful = extract(article)
        facts += found
        review += doubtful
    frame = pd.DataFrame([asdict(f) for f in facts], columns=list(Fact.__dataclass_fields__))
    frame["extractor_version"] = version
    held = pd.DataFrame(
        [{**asdict(c.fact), "confidence": c.confidence, "reasons": "; ".join(c.reasons)} for c in review],
        columns=[*Fact.__dataclass_fields__, "confidence", "reasons"],
    )
    held["extractor_version"] = version
    ids = pd.DataFrame({"article_id": [a.article_id for a in articles]})
    con.register("extracted", frame)
    con.register("held", held)
    con.register("extracted_ids", ids)
    try:
        with transaction(con):
            for table in ("raw.news_facts", "raw.news_fact_review"):
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM extracted_ids)")
            con.execute(
                "INSERT INTO raw.news_facts SELECT article_id, metric, region_code, value, value_text, evidence, "
                "CAST(as_of_date AS DATE), election_id, extractor_version FROM extracted"
            )
            con.execute(
                "INSERT INTO raw.news_fact_review SELECT article_id, metric, region_code, value, value_text, "
                "evidence, CAST(as_of_date AS DATE), election_id, confidence, reasons, extractor_version FROM held"
            )
            con.execute(
                "UPDATE raw.news_articles SET extracted_version = ? "
                "WHERE article_id IN (SELECT article_id FROM extracted_ids)",
                [version],
            )
    finally:
        con.unregister("extracted")
        con.unregister("held")
        con.unregister("extracted_ids")
    return Extraction(len(articles), facts, sorted({day for _, day in chosen}), review)

"""News by day: the nightly run extracts only new articles, a backfill redoes exactly its days."""

import datetime as dt
import json

import dagster as dg
import pytest

from ingest.news.load import extract_facts_for, load_articles
from ingest.warehouse import connect
from orchestration.assets.ingest import NEWS_FACTS_KEY, news_articles, news_facts
from orchestration.refresh_lock import RefreshLockResource

SENTENCE = "Hingga {day} Oktober 2023, sebanyak {n} ASN dilaporkan melanggar netralitas menjelang Pemilu 2024."


def day_file(folder, day: int, reported: int) -> None:
    record = {
        "id": f"berita-{day}",
        "url": f"https://berita.example/{day}",
        "title": "ASN dilaporkan",
        "published_at": f"2023-10-{day:02d}T09:00:00+07:00",
        "text": SENTENCE.format(day=day - 1, n=reported),
    }
    (folder / f"berita_2023-10-{day:02d}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


def facts(con) -> list[tuple]:
    return con.execute("SELECT article_id, metric, value FROM raw.news_facts ORDER BY article_id").fetchall()


@pytest.fixture
def landing(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    day_file(folder, 10, 185)
    day_file(folder, 11, 190)
    (folder / "tanpa_tanggal.txt").write_text(SENTENCE.format(day=1, n=7), encoding="utf-8")
    return folder


def test_nightly_extracts_only_new_articles_and_an_undated_one_belongs_to_its_load_day(tmp_path, landing):
    with connect(tmp_path / "netra.duckdb") as con:
        load_articles(con, landing)
        days = dict(con.execute("SELECT article_id, partition_date FROM raw.news_articles").fetchall())
        assert days == {
            "berita-10": dt.date(2023, 10, 10),
            "berita-11": dt.date(2023, 10, 11),
            "tanpa_tanggal": dt.date.today(),
        }
        first = extract_facts_for(con)
        assert (first.articles, first.days) == (3, ["2023-10-10", "2023-10-11", dt.date.today().isoformat()])

        assert [f.status for f in load_articles(con, landing).files] == ["skipped"] * 3
        assert extract_facts_for(con).articles == 0  # nothing new: nothing extracted

        day_file(landing, 12, 201)
        load_articles(con, landing)
        nightly = extract_facts_for(con)
        assert (nightly.articles, nightly.days) == (1, ["2023-10-12"])
        assert facts(con) == [
            ("berita-10", "asn_reported", 185.0),
            ("berita-11", "asn_reported", 190.0),
            ("berita-12", "asn_reported", 201.0),
            ("tanpa_tanggal", "asn_reported", 7.0),
        ]


def test_a_backfill_redoes_its_days_only_and_a_changed_file_replaces_its_facts(tmp_path, landing):
    with connect(tmp_path / "netra.duckdb") as con:
        load_articles(con, landing)
        extract_facts_for(con)
        before = facts(con)
        redo = extract_facts_for(con, (dt.date(2023, 10, 11), dt.date(2023, 10, 12)))
        assert (redo.articles, redo.days) == (1, ["2023-10-11"])
        assert facts(con) == before  # redone, not duplicated

        day_file(landing, 11, 195)  # a corrected article for the same day
        load_articles(con, landing)
        assert extract_facts_for(con).articles == 1
        assert ("berita-11", "asn_reported", 195.0) in facts(con)
        assert ("berita-11", "asn_reported", 190.0) not in facts(con)


def test_a_run_tagged_as_a_backfill_redoes_its_days(tmp_path, landing, monkeypatch):
    monkeypatch.setenv("NETRA_LANDING_DIR", str(landing.parent))
    monkeypatch.setenv("NETRA_WAREHOUSE_DIR", str(tmp_path / "warehouse"))
    resources = {"refresh_lock": RefreshLockResource()}
    with dg.DagsterInstance.ephemeral() as instance:
        nightly = dg.materialize([news_articles, news_facts], instance=instance, resources=resources)
        [first] = [
            m for m in nightly.asset_materializations_for_node(news_facts.op.name) if m.asset_key == NEWS_FACTS_KEY
        ]
        assert first.metadata["articles_extracted"].value == 3
        tags = {"netra/backfill_from": "2023-10-10", "netra/backfill_to": "2023-10-10"}
        backfill = dg.materialize([news_facts], instance=instance, resources=resources, tags=tags)
        [materialization] = [
            m for m in backfill.asset_materializations_for_node(news_facts.op.name) if m.asset_key == NEWS_FACTS_KEY
        ]
        assert materialization.metadata["articles_extracted"].value == 1
        assert materialization.metadata["first_day"].value == "2023-10-10"


STORY = (
    "Komisi Aparatur Sipil Negara mencatat {n} ASN dilaporkan melanggar netralitas di Provinsi Jawa Barat. "
    "Sebagian besar laporan berkaitan dengan unggahan dukungan kepada calon di media sosial pribadi. "
    "Pejabat pembina kepegawaian diminta segera menindaklanjuti rekomendasi yang sudah diterbitkan."
)


def story_file(folder, name: str, day: int, n: int = 12) -> None:
    record = {
        "id": name,
        "url": f"https://berita.example/{name}",
        "title": name,
        "published_at": f"2023-10-{day:02d}T09:00:00+07:00",
        "text": STORY.format(n=n),
    }
    (folder / f"{name}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


def copies(con) -> dict:
    rows = con.execute("SELECT article_id, duplicate_of FROM raw.news_articles WHERE duplicate_of IS NOT NULL")
    return dict(rows.fetchall())


def test_copies_are_marked_as_articles_arrive_and_a_late_earlier_original_takes_over(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    story_file(folder, "asli", 10)
    with connect(tmp_path / "netra.duckdb") as con:
        load_articles(con, folder)
        story_file(folder, "salinan", 11)  # a syndicated copy, the next night
        load_articles(con, folder)
        assert copies(con) == {"salinan": "asli"}
        assert con.execute("SELECT count(*) FROM raw.news_articles WHERE sentence_hashes IS NULL").fetchone() == (0,)

        story_file(folder, "lebih_awal", 9)  # the same story, published earlier, arriving late
        load_articles(con, folder)
        assert copies(con) == {"asli": "lebih_awal", "salinan": "lebih_awal"}

        (folder / "lebih_awal.jsonl").write_text("", encoding="utf-8")  # withdrawn: the original is gone
        load_articles(con, folder)
        assert copies(con) == {"salinan": "asli"}

"""People's names never reach the warehouse: article text is masked when it is cleaned.

Every sentence here is written for this test; the names in it are invented.
"""

import json

import duckdb

from ingest.news.articles import clean, read_article_file
from ingest.news.extract import extract_facts
from ingest.news.load import NEWS_DDL, ensure_news_tables
from ingest.news.names import mask_names

REPORT = (
    "Ketua Bawaslu Kabupaten Bone Andi Rahman Saleh mengatakan, 12 ASN dilaporkan melanggar netralitas "
    "selama kampanye Pilkada 2024. Menurutnya, kepala dinas berinisial Budi Santoso (BS) ikut berkampanye. "
    "Komisioner KASN, RISKA WULANDARI, meminta BKPSDM segera menjatuhkan sanksi. "
    "Baca selengkapnya di https://contoh.id/berita/budi-santoso-dilaporkan atau surati budi@contoh.id."
)


def test_names_are_masked_and_regions_institutions_and_figures_kept():
    masked = mask_names(REPORT)
    for person in ("Andi", "Rahman", "Saleh", "Budi", "Santoso", "(BS)", "RISKA", "WULANDARI", "budi"):
        assert person not in masked, person
    for kept in ("Ketua Bawaslu Kabupaten Bone", "12 ASN", "Pilkada 2024", "Menurutnya", "KASN", "BKPSDM"):
        assert kept in masked, kept
    assert masked.count("[nama]") == 3 and masked.count("[tautan]") == 2


def test_a_capitalised_word_the_article_writes_in_lower_case_is_not_a_name():
    text = "Pelanggaran itu dicatat. Catat juga pelanggaran lain, kata Dewi Lestari. Langgar aturan, ASN disanksi."
    assert mask_names(text) == (
        "Pelanggaran itu dicatat. Catat juga pelanggaran lain, kata [nama]. Langgar aturan, ASN disanksi."
    )


def test_a_fact_read_from_masked_text_keeps_its_value_and_region_and_names_no_one():
    from ingest.news.articles import Article

    article = Article("t", "t.txt", clean(REPORT), published_date="2024-10-01")
    facts = extract_facts(article)
    assert [(f.metric, f.region_code, f.value) for f in facts] == [("asn_reported", "73.08", 12.0)]
    assert "Rahman" not in facts[0].evidence and "[nama]" in facts[0].evidence


def test_a_quarantined_line_of_a_jsonl_file_keeps_no_name_in_its_title(tmp_path):
    path = tmp_path / "sindikasi.jsonl"
    lines = [
        {"id": "a1", "title": "Camat Joko Widiyanto Dilaporkan", "text": REPORT},
        {"id": "a2", "title": "Kepala Desa Siti Aminah Dilaporkan", "html": 17},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    articles, bad = read_article_file(path)
    assert [a.title for _, a in articles] == ["Camat [nama] Dilaporkan"]
    assert len(bad) == 1 and bad[0].preview["title"] == "Kepala Desa [nama] Dilaporkan"


def test_a_warehouse_stored_before_masking_has_its_articles_masked_and_extracted_again(tmp_path):
    with duckdb.connect(str(tmp_path / "old.duckdb")) as con:
        con.execute("CREATE SCHEMA raw")
        con.execute(NEWS_DDL)
        con.execute("ALTER TABLE raw.news_articles DROP COLUMN names_masked")
        con.execute(
            """INSERT INTO raw.news_articles (article_id, source_file, file_sha256, title, body, loaded_at,
                                              extracted_version)
               VALUES ('a1', 'a1.txt', 'x', 'Bupati Hendra Gunawan Dilaporkan', ?, now(), '3.4')""",
            [REPORT],
        )
        ensure_news_tables(con)
        title, body, masked, version = con.execute(
            "SELECT title, body, names_masked, extracted_version FROM raw.news_articles"
        ).fetchone()
        assert title == "Bupati [nama] Dilaporkan" and "Rahman" not in body and "12 ASN" in body
        assert masked is True and version is None  # its facts are due again, from the masked text
        ensure_news_tables(con)  # a second start masks nothing again
        assert con.execute("SELECT body FROM raw.news_articles").fetchone()[0] == body

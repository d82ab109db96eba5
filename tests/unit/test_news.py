"""The extractor against hand-labelled articles: the shared samples and Netra's own labelled set."""

import json

import pytest

from ingest.news.articles import read_articles, strip_furniture
from ingest.news.consistency import inconsistencies
from ingest.news.dedupe import find_copies
from ingest.news.evaluate import evaluate, fold_of
from ingest.news.extract import Fact, as_of_date, extract_facts, to_number
from tests.conftest import FIXTURES

GOLD_FILES = [FIXTURES / "news" / "gold.json", FIXTURES / "news" / "labelled" / "gold.json"]


@pytest.mark.parametrize("gold", GOLD_FILES, ids=["samples", "labelled"])
def test_precision_and_recall_on_gold(gold):
    scores = evaluate(gold)["all"]
    precision, recall, _ = scores.prf()
    assert precision >= 0.95 and recall >= 0.90, scores.mistakes
    for metric in scores.metrics():
        assert scores.prf(metric)[1] >= 0.90, (metric, scores.mistakes)


def test_the_development_sets_format_is_scored_as_its_scorer_does_and_per_fold(tmp_path):
    """Kept copies (<key>.txt, first line the address) against a gold file in the development set's
    format: accepted alternative metrics, optional facts counting neither way, values within 0.011."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a01_harian_2024-02-01.txt").write_text(
        "https://harian.example/a01\nHingga 30 Januari 2024, sebanyak 122 ASN dilaporkan melanggar netralitas "
        "menjelang Pemilu 2024. Sebanyak 65 ASN telah terbukti melanggar dan dikenai sanksi.\n",
        encoding="utf-8",
    )
    gold = {
        "articles": {
            "a01_harian_2024-02-01": {
                "address": "https://harian.example/a01",
                "facts": [
                    {"metric": ["asn_reported", "cases_reported"], "region_code": "ID", "value": 122},
                    {"metric": "asn_recommended", "region_code": "ID", "value": 65, "optional": True},
                    {"metric": "asn_followed_up", "region_code": "ID", "value": 48},
                ],
            },
            "a02_lain_2024-02-02": {"address": "https://lain.example/a02", "facts": []},
        }
    }
    gold_file = tmp_path / "gold.json"
    gold_file.write_text(json.dumps(gold), encoding="utf-8")
    scores = evaluate(gold_file, texts)
    overall = scores["all"]
    assert (sum(overall.true_positive.values()), sum(overall.false_positive.values())) == (1, 0)
    assert sum(overall.false_negative.values()) == 1  # 48 followed up is stated nowhere in the text
    fold = f"fold {fold_of('a01_harian_2024-02-01')}"
    assert set(scores) == {"all", fold} and scores[fold].prf() == overall.prf()
    assert "1 article(s) without a local copy" in overall.mistakes[-1]


def test_every_fact_carries_its_sentence_and_none_comes_from_furniture():
    for path in (FIXTURES / "news").rglob("*"):
        if path.suffix not in (".txt", ".html", ".jsonl"):
            continue
        for article in read_articles(path):
            for fact in extract_facts(article):
                assert fact.value_text in fact.evidence and fact.evidence in article.text
                assert "Baca juga" not in fact.evidence and "Terpopuler" not in fact.evidence


def test_html_page_keeps_the_article_and_drops_navigation_and_related_links():
    [article] = read_articles(FIXTURES / "news" / "labelled" / "tribun_riau_kaltim.html")
    assert article.published_date == "2024-01-10"
    assert "24 ASN dilaporkan" in article.text
    assert "100 ASN Dilaporkan di Jawa Barat" not in article.text and "Beranda" not in article.text


def test_syndicated_copy_is_recognised_and_counted_once():
    articles = read_articles(FIXTURES / "news" / "labelled" / "sindikasi_kasn_oktober2023.jsonl")
    assert find_copies(articles) == {"republika-2023-11-01-kasn": "antaranews-2023-11-01-kasn"}


def test_furniture_is_removed():
    text = "Isi berita.\nBaca Juga :  KPU yakin 2024\nLanjutan.\nTerpopuler\n- 2 Cara Menyembunyikan Foto"
    assert strip_furniture(text) == "Isi berita.\nLanjutan."


def test_numbers_and_dates():
    assert to_number("2.007") == 2007 and to_number("52,2") == 52.2 and to_number("dua") == 2
    assert as_of_date("data per 30 September 2020") == "2020-09-30"
    assert as_of_date("per September 2023 mencatat") == "2023-09-30"


def fact(metric, value, region="ID", article="a"):
    return Fact(article, metric, region, value, str(value), "", None, None)


def test_an_article_whose_parts_do_not_add_up_is_flagged():
    problems = inconsistencies(
        [
            fact("cases_reported", 3),
            fact("cases_decided", 2),
            fact("cases_pending", 2),
            fact("asn_recommended", 65),
            fact("asn_followed_up", 48),
            fact("followup_rate_pct", 52),
        ]
    )
    assert problems == {
        "a": ["ID: 3 cases reported, but 2 decided + 2 pending = 4", "ID: stated rate 52 % but 48 / 65 = 73.8 %"]
    }
    gold = json.loads((FIXTURES / "news" / "labelled" / "gold.json").read_text())["articles"]
    consistent = [
        fact(g["metric"], g["value"], g["region_code"], a)
        for a, facts in gold.items()
        for g in facts
        if g["metric"] != "zone"
    ]
    assert inconsistencies(consistent) == {}

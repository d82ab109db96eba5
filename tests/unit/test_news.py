"""The extractor against the hand-labelled sample articles (gold.json)."""

import json

import pytest

from ingest.news.articles import read_articles, strip_furniture
from ingest.news.extract import as_of_date, extract_facts, to_number
from tests.conftest import FIXTURES

GOLD = json.loads((FIXTURES / "news" / "gold.json").read_text())["articles"]


@pytest.mark.parametrize("article_id", sorted(GOLD))
def test_sample_articles_match_gold(article_id):
    [article] = read_articles(FIXTURES / "news" / f"{article_id}.txt")
    found = {(f.metric, f.region_code, f.value) for f in extract_facts(article)}
    expected = {(g["metric"], g["region_code"], float(g["value"])) for g in GOLD[article_id]}
    assert found == expected


def test_every_fact_carries_its_sentence():
    [article] = read_articles(FIXTURES / "news" / "netralitas_pilkada_2020.txt")
    for fact in extract_facts(article):
        assert fact.value_text in fact.evidence
        assert fact.evidence in article.text


def test_furniture_is_removed():
    text = "Isi berita.\nBaca Juga :  KPU yakin 2024\nLanjutan.\nTerpopuler\n- 2 Cara Menyembunyikan Foto"
    assert strip_furniture(text) == "Isi berita.\nLanjutan."


def test_numbers_and_dates():
    assert to_number("2.007") == 2007 and to_number("52,2") == 52.2 and to_number("dua") == 2
    assert as_of_date("data per 30 September 2020") == "2020-09-30"
    assert as_of_date("per September 2023 mencatat") == "2023-09-30"

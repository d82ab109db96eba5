"""The structures real reporting uses, each in sentences written for this test (not copied from any article).

Every test states what a reader of the sentence would take from it, and what it must not take.
"""

import pytest

from ingest.news.articles import Article
from ingest.news.extract import extract, extract_facts
from ingest.news.numbers import figures, to_number


def facts_of(text: str, published: str | None = "2024-10-01") -> set[tuple[str, str, float | None]]:
    article = Article("t", "t.txt", text, published_date=published)
    return {(f.metric, f.region_code, f.value) for f in extract_facts(article)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.536", 1536), ("52,7", 52.7), ("90.3", 90.3), ("dua belas", 12), ("tiga puluh dua", 32),
        ("Duapuluh sembilan", 29), ("seratus dua puluh", 120), ("sebelas", 11), ("dua ribu", 2000),
    ],
)  # fmt: skip
def test_indonesian_numbers(text, value):
    assert to_number(text) == value


def test_dates_times_and_codes_are_not_figures():
    found = [f.text for f in figures("Rabu (19/2/2019) pukul 14:24, Idola 92.6 FM, UU 10/2016, 7-21 Maret, ke-63")]
    assert "2019" not in found and "14" not in found and "10" not in found and "63" not in found


def test_a_list_of_regions_with_counts_in_brackets_and_groups_sharing_one():
    text = (
        "Bawaslu Sulawesi Selatan mencatat 40 kasus dugaan pelanggaran netralitas ASN selama kampanye. "
        "Terbanyak di Kota Palopo (9 kasus), disusul Enrekang dan Sinjai masing-masing 6 kasus, "
        "lalu Bone, Wajo dan Gowa (3 kasus)."
    )
    found = facts_of(text)
    assert ("cases_reported", "73", 40) in found
    assert {("cases_reported", c, 6) for c in ("73.16", "73.07")} <= found
    assert {("cases_reported", c, 3) for c in ("73.08", "73.13", "73.06")} <= found
    assert ("cases_reported", "73.73", 9) in found


def test_a_list_whose_items_carry_the_unit_of_its_first_item_and_a_zero():
    text = (
        "Bawaslu Jawa Tengah menangani dugaan pelanggaran netralitas ASN: Kabupaten Rembang sebanyak 7 orang, "
        "Blora 4, Kabupaten Kudus 2 orang, sedangkan Kabupaten Pati nihil."
    )
    found = facts_of(text)
    assert {("asn_reported", "33.17", 7), ("asn_reported", "33.16", 4), ("asn_reported", "33.19", 2)} <= found
    assert ("asn_reported", "33.18", 0) in found


def test_a_bare_list_in_brackets_takes_the_unit_its_sentence_names():
    text = "Lima provinsi dengan pelanggaran netralitas ASN terbanyak yakni Sulawesi Tenggara (31), Jawa Tengah (18)."
    found = facts_of(text)
    assert ("cases_reported", "74", 31) in found and ("cases_reported", "33", 18) in found


def test_a_count_in_the_headline_and_number_words():
    found = facts_of("Dua Belas ASN di Kabupaten Maros Dilaporkan Tak Netral\nBawaslu Maros menerima laporan itu.")
    assert found == {("asn_reported", "73.09", 12)}


def test_persons_and_cases_in_one_clause():
    text = "Bawaslu Kota Palopo menangani 2 kasus netralitas ASN yang melibatkan 9 orang pegawai."
    assert facts_of(text) == {("cases_reported", "73.73", 2), ("asn_reported", "73.73", 9)}


def test_kasn_counts_persons_even_when_it_says_laporan():
    text = "KASN menerima 210 laporan dugaan pelanggaran netralitas ASN. Sebanyak 150 ASN terbukti melanggar."
    assert facts_of(text) == {("asn_reported", "ID", 210), ("asn_recommended", "ID", 150)}


def test_the_funnel_of_a_bawaslu_office_with_its_breakdown():
    text = (
        "Bawaslu Kabupaten Bone mencatat 20 kasus dugaan pelanggaran netralitas ASN. "
        "Dari jumlah itu, 5 dihentikan karena tidak memenuhi unsur, 3 masih diproses dan 12 diteruskan ke KASN."
    )
    found = facts_of(text)
    assert {("cases_reported", "73.08", 20), ("asn_not_proven", "73.08", 5), ("cases_pending", "73.08", 3)} <= found
    assert ("cases_reported", "73.08", 12) not in found  # forwarded: a part of the 20, not a total


def test_a_follow_up_rate_beside_other_percentages():
    text = (
        "KASN mencatat 400 ASN dilaporkan. Sebanyak 300 ASN atau 75 persen terbukti melanggar dan diberi rekomendasi "
        "sanksi. Dari jumlah itu, 240 ASN atau 80 persen sudah dijatuhi sanksi oleh PPK, sedangkan 60 ASN (20 persen) "
        "belum dijatuhi sanksi. Tahun sebelumnya tindak lanjut PPK di bawah 30 persen."
    )
    found = facts_of(text)
    assert ("followup_rate_pct", "ID", 80) in found
    assert not {f for f in found if f[0] == "followup_rate_pct" and f[2] != 80}
    assert {("asn_reported", "ID", 400), ("asn_recommended", "ID", 300), ("asn_followed_up", "ID", 240)} <= found


def test_an_earlier_election_inside_a_newer_article():
    article = Article(
        "t", "t.txt",
        "Menjelang Pemilu 2024, KASN menerima laporan terhadap 300 ASN. "
        "Pada Pilkada 2020, tercatat 2.000 ASN dilaporkan.",
        published_date="2024-01-15",
    )  # fmt: skip
    by_value = {f.value: f.election_id for f in extract_facts(article)}
    assert by_value == {300: "PEMILU_2024", 2000: "PILKADA_2020"}


def test_what_is_not_about_asn_is_left_out():
    text = (
        "Bawaslu Kabupaten Bone mencatat 14 pelanggaran pemilu selama kampanye. Selain itu, 6 kepala desa dilaporkan "
        "karena tidak netral, dan ada 3 dugaan politik uang. Pengawasan dilakukan di 27 kecamatan dan 328 desa."
    )
    assert facts_of(text) == set()


def test_ranks_of_violation_counts_are_not_ikp_ranks():
    text = "Sulawesi Barat berada di posisi keenam provinsi dengan jumlah pelanggaran netralitas ASN terbanyak."
    assert facts_of(text) == set()


def test_ikp_scores_with_ties_and_ranks():
    text = (
        "Indeks kerawanan netralitas ASN tertinggi ada di Kabupaten Sigi dengan skor 100, "
        "disusul Kabupaten Poso 64,20. "
        "Kabupaten Buol dan Kabupaten Banggai sama-sama memperoleh skor 41,5. Kota Palu berada di urutan kelima."
    )
    found = facts_of(text)
    assert {("ikp_score", "72.10", 100), ("ikp_score", "72.02", 64.2)} <= found
    assert {("ikp_score", "72.05", 41.5), ("ikp_score", "72.01", 41.5)} <= found
    assert ("ikp_rank", "72.71", 5) in found


def test_another_dimensions_scores_are_not_the_neutrality_index():
    text = "Pada dimensi sosial politik, skor tertinggi ada di Kabupaten Sigi dengan skor 70,1 dan Kota Palu 65,3."
    assert facts_of(text) == set()


def test_a_bare_name_that_fits_two_regions_is_held_for_review():
    article = Article("t", "t.txt", "Bawaslu mencatat 5 ASN di Semarang dilaporkan melanggar netralitas.")
    facts, review = extract(article)
    assert facts == [] and review and "several regions" in " ".join(review[0].reasons)


def test_a_lower_bound_is_held_for_review():
    article = Article("t", "t.txt", "KASN mencatat lebih dari 400 ASN dilaporkan melanggar netralitas.")
    facts, review = extract(article)
    assert facts == [] and [c.fact.value for c in review] == [400]


def test_the_dateline_and_the_place_of_speech_are_not_the_subject():
    text = (
        "MAKASSAR, HARIANKITA - KASN mencatat 120 ASN dilaporkan melanggar netralitas secara nasional, "
        "kata komisioner KASN di Makassar, Selasa (3/9/2024)."
    )
    assert facts_of(text) == {("asn_reported", "ID", 120)}

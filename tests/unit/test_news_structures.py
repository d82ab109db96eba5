"""The structures real reporting uses, each in sentences written for this test (not copied from any article).

Every test states what a reader of the sentence would take from it, and what it must not take.
"""

import pytest

from ingest.news import reading
from ingest.news.articles import Article, clean
from ingest.news.extract import extract, extract_facts
from ingest.news.numbers import figures, to_number
from ingest.news.text import sentences


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


# --- structures read after the second and third labelled sets (sentences written for these tests) ---------


def facts_with_elections(text: str, published: str | None = "2024-10-01") -> set[tuple]:
    article = Article("t", "t.txt", text, published_date=published)
    return {(f.metric, f.region_code, f.value, f.election_id) for f in extract_facts(article)}


def test_an_actor_named_after_the_figures_handles_them_and_is_not_who_counts_next():
    text = (
        "Bawaslu Provinsi Bali mencatat 40 kasus dugaan pelanggaran netralitas ASN. "
        "Sisanya, yaitu 3 kasus, masih diproses KASN. "
        "Secara wilayah, pelanggaran netralitas ASN terbanyak ditemukan di Kabupaten Badung sebanyak 12 kasus."
    )
    found = facts_of(text)
    assert ("cases_reported", "51.03", 12) in found  # Bawaslu's cases, not KASN's persons
    assert not any(metric == "asn_reported" for metric, _, _ in found)


def test_counts_by_region_in_a_breakdown_by_institution_are_the_regions_own():
    text = (
        "Berdasarkan instansi, pelanggaran netralitas ASN paling banyak di Kabupaten Gianyar (14 orang) "
        "dan Kabupaten Tabanan (9 orang)."
    )
    found = facts_of(text)
    assert {("asn_reported", "51.04", 14), ("asn_reported", "51.02", 9)} <= found


def test_numbered_list_items_and_a_label_before_a_colon():
    text = (
        "Bawaslu Bali menangani dugaan pelanggaran netralitas ASN berikut.\n"
        "1. Kota Denpasar: 2 kasus, diteruskan ke KASN\n"
        "2. Buleleng: 3 kasus masih dalam proses klarifikasi\n"
    )
    found = facts_of(text)
    assert ("cases_reported", "51.71", 2) in found and ("cases_pending", "51.08", 3) in found
    assert not any(value == 1 for _, _, value in found)  # the item numbers count nothing


def test_a_dateline_on_a_line_of_its_own_is_no_region():
    text = "DENPASAR, KABARBALI –\nBawaslu RI mencatat 500 kasus dugaan pelanggaran netralitas ASN secara nasional."
    assert facts_of(text) == {("cases_reported", "ID", 500)}


def test_an_election_carried_to_the_next_sentence_of_its_paragraph_and_a_year_of_one_election():
    text = (
        "Bawaslu RI mencatat total 700 dugaan pelanggaran netralitas ASN pada Pilkada 2020. "
        "Selain itu, pelanggaran netralitas ASN pada Pemilu 2019 juga ditemukan. "
        "Terdapat 120 temuan dugaan pelanggaran.\n"
        "Pada tahun 2019 itu pula KASN menerima 95 laporan pelanggaran netralitas ASN."
    )
    found = facts_with_elections(text, "2022-09-27")
    assert ("cases_reported", "ID", 700, "PILKADA_2020") in found
    assert ("cases_reported", "ID", 120, "PEMILU_2019") in found
    assert ("asn_reported", "ID", 95, "PEMILU_2019") in found


def test_an_election_named_without_its_year_is_the_one_nearest_the_article():
    text = (
        "Bawaslu Kabupaten Badung mencatat 6 ASN dilaporkan tidak netral pada Pemilu 2019. "
        "Sedangkan menjelang Pilkada, laporan dugaan pelanggaran netralitas ASN sudah sebanyak 9 orang."
    )
    found = facts_with_elections(text, "2020-05-04")
    assert ("asn_reported", "51.03", 6, "PEMILU_2019") in found and (
        "asn_reported",
        "51.03",
        9,
        "PILKADA_2020",
    ) in found


def test_a_figure_pointed_back_at_is_no_fact_even_when_it_was_not_taken():
    text = (
        "Wakil Presiden menyebut ada 900 laporan masyarakat tentang pelanggaran pilkada. "
        "Dari 900 laporan dugaan pelanggaran tersebut, sebanyak 250 di antaranya terkait netralitas ASN."
    )
    assert facts_of(text) == {("cases_reported", "ID", 250)}


def test_a_stage_not_reached_yet_and_stage_words_naming_an_earlier_set():
    assert facts_of("KASN mencatat sebanyak 50 ASN belum dijatuhi sanksi oleh PPK.") == set()
    found = facts_of(
        "Kini ada 30 ASN atau 60 persen di antara rekomendasi tersebut telah ditindaklanjuti PPK, kata KASN."
    )
    assert found == {("asn_followed_up", "ID", 30), ("followup_rate_pct", "ID", 60)}


def test_asn_counted_in_election_violations_in_general_are_about_asn():
    found = facts_of("Bawaslu menemukan 120 aparatur sipil negara (ASN) terlibat pelanggaran pemilihan kepala daerah.")
    assert found == {("asn_reported", "ID", 120)}
    assert facts_of("Bawaslu mencatat 83 pelanggaran pemilihan di luar netralitas ASN.") == set()


def test_di_x_after_a_figure_and_one_count_for_several_regions_together():
    found = facts_of("Di Kabupaten Karangasem tercatat 4 ASN melanggar netralitas dan 2 di Kabupaten Bangli.")
    assert {("asn_reported", "51.07", 4), ("asn_reported", "51.06", 2)} <= found
    found = facts_of(
        "Bawaslu Provinsi Bali mencatat pelanggaran netralitas ASN. "
        "Saat ini Bawaslu Bali masih memproses dua kasus di Kabupaten Jembrana dan Klungkung."
    )
    assert ("cases_pending", "51", 2) in found
    assert not any(region in ("51.01", "51.05") for _, region, _ in found)


def test_a_lists_kabupaten_holds_for_the_bare_names_after_it_and_an_unknown_name_owns_its_figure():
    text = (
        "Bawaslu Jawa Timur mencatat pelanggaran netralitas ASN masing-masing dua ASN di Kabupaten Malang, "
        "Kediri dan Kota Blitar."
    )
    found = facts_of(text)
    assert {("asn_reported", c, 2) for c in ("35.07", "35.06", "35.72")} <= found
    text = (
        "ASN yang dilaporkan melanggar netralitas berasal dari Kabupaten Buleleng 8 orang, Kota Denpasar 5 orang, "
        "Nusa Penida 3 orang."
    )
    found = facts_of(text)
    assert ("asn_reported", "51.08", 8) in found and ("asn_reported", "51.71", 5) in found
    assert not any(value == 3 for _, _, value in found)


def test_forecasts_doubled_number_words_and_lists_of_days_count_nothing():
    assert facts_of("KASN memprediksi pelanggaran netralitas ASN mencapai 5.000 kasus pada Pemilu 2029.") == set()
    assert facts_of("ASN itu melanggar UU Pemilu, UU ASN, atau dua-duanya, kata Bawaslu soal netralitas.") == set()
    assert facts_of("Rekomendasi KASN atas pelanggaran netralitas ASN dikeluarkan pada 14 dan 15 Maret 2024.") == set()


def test_a_province_naming_the_election_an_office_inside_it_watches_is_no_region():
    text = (
        "Bawaslu Kabupaten Badung mencatat pelanggaran netralitas ASN. "
        "Dibandingkan dengan Pilgub Bali, ada 5 orang ASN yang dinilai melanggar netralitas."
    )
    assert ("asn_reported", "51.03", 5) in facts_of(text)


def test_a_weekday_date_dates_an_article():
    from ingest.news.articles import published_date_in

    assert published_date_in("kata dia di Denpasar, Senin 20 April 2020.") == "2020-04-20"
    assert published_date_in("ujarnya, Rabu, 21 Oktober 2020.") == "2020-10-21"


# --- structures read after the third to fifth unseen sets (sentences written for these tests) -------------


def test_counts_after_two_other_kinds_of_violation_are_of_every_kind():
    text = (
        "Bawaslu Provinsi Bali menerima 90 laporan, termasuk ketidaknetralan ASN, pelanggaran administrasi dan "
        "tindak pidana pemilihan.\nRincian laporan per daerah:\nBadung: 30 laporan\nGianyar: 12 laporan\n"
        "Khusus netralitas ASN, Bawaslu Bali mencatat 14 kasus."
    )
    found = facts_of(text)
    assert ("cases_reported", "51", 14) in found
    assert not any(value in (30, 12, 90) for _, _, value in found)


def test_a_title_restated_by_the_body_is_read_from_the_body():
    text = (
        "Bawaslu Bali Laporkan 12 Dugaan Netralitas ASN\n"
        "Bawaslu Provinsi Bali mencatat 20 kasus dugaan pelanggaran netralitas ASN selama kampanye, 8 di "
        "antaranya dihentikan dan 12 kasus direkomendasikan ke KASN."
    )
    assert ("cases_reported", "51", 20) in facts_of(text)


def test_one_count_read_as_persons_and_as_cases_keeps_the_persons():
    text = (
        "Bawaslu Kabupaten Badung menerima laporan 6 ASN yang diduga tidak netral. "
        "Menurut Bawaslu, sudah ada 6 laporan pelanggaran netralitas ASN di Badung."
    )
    found = facts_of(text)
    assert ("asn_reported", "51.03", 6) in found and ("cases_reported", "51.03", 6) not in found


def test_a_region_right_after_the_count_and_the_office_that_received_it():
    found = facts_of("Sebanyak 15 ASN Kabupaten Tabanan dilaporkan melanggar netralitas pada Pilkada 2024.")
    assert found == {("asn_reported", "51.02", 15)}
    found = facts_of("Ada empat laporan netralitas ASN diterima Bawaslu Kabupaten Jembrana dan dua laporan di Bangli.")
    assert ("cases_reported", "51.01", 4) in found


def test_a_government_named_pemkab_and_a_speakers_title_before_the_count():
    found = facts_of("Ketua Bawaslu Bali, Wayan, mengatakan, tiga ASN di Pemkab Karangasem melanggar netralitas.")
    assert found == {("asn_reported", "51.07", 3)}


def test_a_sanction_given_by_kasn_is_its_recommendation():
    found = facts_of("Ada 9 ASN yang ditangani dan sudah diberi sanksi oleh KASN, kata Bawaslu Bali soal netralitas.")
    assert ("asn_recommended", "51", 9) in found


def test_counts_in_other_regions_or_bkn_regional_areas_or_split_over_regions_are_no_facts():
    text = (
        "Bawaslu Bali mencatat 7 kasus pelanggaran netralitas ASN di Kabupaten Badung. Selain itu ada lima "
        "kasus pelanggaran netralitas ASN di wilayah lain. BKN memblokir data 4 ASN untuk wilayah kerja Kanreg X "
        "BKN Denpasar. Di 3 provinsi terdapat 11 rekomendasi KASN atas pelanggaran netralitas ASN."
    )
    found = facts_of(text)
    assert ("cases_reported", "51.03", 7) in found
    assert not any(value in (5, 4, 11) for _, _, value in found)


def test_the_whole_country_by_name():
    text = (
        "Bawaslu Provinsi Bali mencatat sebanyak 640 pelanggaran netralitas ASN selama Pilkada 2020 di Indonesia. "
        "Dari jumlah tersebut 18 di antaranya ada di Bali."
    )
    found = facts_of(text)
    assert ("cases_reported", "ID", 640) in found


def test_a_province_beside_its_regency_only_says_where_the_regency_is():
    text = (
        "Bawaslu Kabupaten Sleman, Daerah Istimewa Yogyakarta (DIY), menangani 5 kasus dugaan pelanggaran "
        "netralitas ASN."
    )
    assert facts_of(text) == {("cases_reported", "34.04", 5)}


def test_a_candidates_number_is_no_count():
    text = "Bawaslu Kabupaten Jember menerima laporan soal ASN yang berfoto dengan simbol dukungan untuk paslon 2."
    assert facts_of(text) == set()
    # a number named by "nomor" and the word after it ("nomor punggung 2") is worn or drawn, not a list item of the
    # count before
    text = (
        "Bawaslu Jawa Barat menangani 5 kasus netralitas ASN. Kemudian di Kabupaten Garut, camat memamerkan kaus "
        "nomor punggung 2."
    )
    assert facts_of(text) == {("cases_reported", "32", 5)}
    # a ruling of the Constitutional Court by its number
    text = (
        "Bawaslu Kabupaten Garut juga memanggil 7 pegawai lain yang diduga turut terlibat. Di sisi lain, ia "
        "mengimbau agar ASN mematuhi asas netralitas Pilkada yang dikuatkan dengan putusan MK 136 yang menjelaskan "
        "bahwa ASN dilarang berkampanye."
    )
    assert not {f for f in facts_of(text) if f[2] == 136}


def test_seorang_counts_one_only_when_a_stage_verb_acts_on_it():
    assert facts_of("Bawaslu Kabupaten Garut melaporkan seorang ASN ke BKN karena tidak netral.") == {
        ("asn_reported", "32.05", 1)
    }
    assert facts_of("Di Kabupaten Garut, seorang ASN berinisial AB hadir dalam kampanye, kata Bawaslu.") == set()


def test_a_sentence_about_another_subject_ranks_nothing_of_asn():
    text = (
        "Bawaslu Banten merilis indeks kerawanan netralitas ASN: Kabupaten Lebak menempati urutan pertama. "
        "Untuk isu politik uang, Kota Serang menempati urutan kedua."
    )
    found = facts_of(text)
    assert ("ikp_rank", "36.02", 1) in found and not any(code == "36.73" for _, code, _ in found)


def test_the_stage_of_a_figures_own_clause_wins_over_the_clause_before():
    text = (
        "KASN menerima laporan atas 300 ASN. Sebagian terbukti melanggar dan 60 ASN sudah dijatuhi sanksi oleh PPK. "
        "120 ASN atau 40,5 persen di antaranya terbukti melanggar netralitas."
    )
    found = facts_of(text)
    assert ("asn_followed_up", "ID", 60) in found and ("asn_recommended", "ID", 60) not in found
    assert ("asn_recommended", "ID", 120) in found  # the comma of "40,5" ends no clause


def test_a_list_of_regions_having_counts_written_in_words():
    text = (
        "Bawaslu Jawa Timur meneruskan laporan netralitas ASN ke BKN. Jember ada lima, Lumajang tiga orang, "
        "dan Bondowoso dua orang."
    )
    found = facts_of(text)
    assert {("asn_reported", "35.09", 5), ("asn_reported", "35.08", 3), ("asn_reported", "35.11", 2)} <= found


def test_a_bare_list_item_counts_in_the_unit_of_the_item_before_it():
    text = (
        "Bawaslu Jawa Barat menerima 12 laporan netralitas ASN, di antaranya tujuh orang ASN di Kabupaten Garut, "
        "satu di Kota Bandung."
    )
    found = facts_of(text)
    assert ("asn_reported", "32.73", 1) in found and ("cases_reported", "32.73", 1) not in found


def test_election_violations_committed_by_asn_are_asns():
    assert facts_of("Bawaslu Jawa Timur mencatat 12 pelanggaran pemilu oleh ASN selama kampanye.") == {
        ("cases_reported", "35", 12)
    }


def test_a_region_that_is_the_subject_of_a_clause_of_its_own_is_not_the_figures():
    text = "Bawaslu RI mencatat 90 kasus netralitas ASN dan Jawa Timur menjadi provinsi dengan kasus terbanyak."
    found = facts_of(text)
    assert ("cases_reported", "ID", 90) in found and ("cases_reported", "35", 90) not in found


def test_where_a_speaker_was_present_is_no_region_of_the_figure():
    text = "Pejabat KASN yang hadir di Kota Salatiga menuturkan ada 300 kasus netralitas ASN selama 2023."
    found = facts_of(text)
    assert not any(code == "33.73" for _, code, _ in found) and any(value == 300 for _, _, value in found)


def test_a_rank_in_words_for_the_province_the_sentence_before_named():
    text = (
        "Bawaslu memetakan kerawanan netralitas ASN di Provinsi Jambi menjelang Pemilu 2024. "
        "Provinsi ini menempati peringkat tujuh dari sepuluh daerah dengan indeks kerawanan tertinggi."
    )
    assert ("ikp_rank", "15", 7) in facts_of(text)


def test_one_case_a_stage_verb_acts_on_is_counted():
    text = "Bawaslu Kota Gorontalo telah menemukan satu kasus yang diduga melanggar netralitas ASN."
    assert facts_of(text) == {("cases_reported", "75.71", 1)}


def test_totals_that_several_kinds_of_violation_make_up_are_not_asns():
    text = (
        "Pelanggaran kode etik dan netralitas ASN mendominasi 900 kasus pelanggaran tahun ini. "
        "Bawaslu Riau memproses 30 pelanggaran yang meliputi netralitas ASN, administrasi dan pidana."
    )
    assert not any(value in (900, 30) for _, _, value in facts_of(text))


def test_counts_by_level_of_government_are_no_regions_counts():
    text = (
        "KASN memblokir data kepegawaian di 5 provinsi atas 8 rekomendasi netralitas ASN, 20 kabupaten atas "
        "40 rekomendasi, dan 3 kota atas 6 rekomendasi."
    )
    assert not any(value in (8, 40, 6) for _, _, value in facts_of(text))


def test_a_breakdown_by_kind_goes_on_in_a_sentence_opening_with_ada_pula():
    text = (
        "Bawaslu Jawa Timur mencatat 50 kasus netralitas ASN. Dari bentuk pelanggaran, 30 kasus berupa dukungan "
        "di media sosial. Ada pula 12 kasus kehadiran ASN dalam kampanye."
    )
    found = facts_of(text)
    assert ("cases_reported", "35", 50) in found and not any(value in (30, 12) for _, _, value in found)


def test_the_words_after_a_figure_stop_where_the_next_item_begins():
    text = (
        "Di Kabupaten Buton, dugaan pelanggaran tindak pidana pemilihan 3 laporan hingga dugaan pelanggaran "
        "netralitas ASN sebanyak 4 temuan."
    )
    assert facts_of(text) == {("cases_reported", "74.04", 4)}


def test_an_island_regency_by_its_name_without_pulau_or_kepulauan():
    assert facts_of("Bawaslu mencatat 3 kasus netralitas ASN di Sangihe selama kampanye.") == {
        ("cases_reported", "71.03", 3)
    }


def test_the_neutrality_kind_of_a_breakdown_counts_and_the_parts_of_a_total_of_every_kind_do_not():
    text = (
        "Bawaslu Maluku mencatat 120 kasus yang meliputi temuan sebanyak 80 kasus dan laporan sebanyak 40 kasus. "
        "Dari seluruh kasus itu, didominasi pelanggaran netralitas ASN dengan jumlah 50 kasus dari 120 kasus. "
        "Untuk pelanggaran hukum lainnya, terdapat 60 temuan dan 5 laporan."
    )
    found = facts_of(text)
    assert ("cases_reported", "81", 50) in found
    assert not any(value in (120, 80, 40, 60, 5) for _, _, value in found)


def test_a_hijri_year_is_no_count():
    text = (
        "Bawaslu Kabupaten Jember merekomendasikan sanksi bagi 8 pejabat struktural yang melanggar netralitas ASN "
        "dalam kegiatan Ramadhan 1444 H."
    )
    found = facts_of(text)
    assert any(value == 8 for _, _, value in found) and not any(value == 1444 for _, _, value in found)


def test_an_actor_named_in_a_later_clause_does_not_say_who_counted():
    text = (
        'Bawaslu Kalimantan Barat memaparkan hasil pengawasan pilkada. "Ada dua kasus netralitas ASN di Kabupaten '
        'Sambas, sudah dilimpahkan ke BKN, karena KASN melebur ke BKN," katanya.'
    )
    assert facts_of(text) == {("cases_reported", "61.01", 2)}


def test_what_kasn_receives_in_a_sentence_about_neutrality_is_about_asn():
    text = "Dari 250 aduan yang diterima KASN, sebanyak 90 ASN terbukti melanggar netralitas."
    assert facts_of(text) == {("asn_reported", "ID", 250), ("asn_recommended", "ID", 90)}


def test_a_comma_right_before_a_figure_ends_no_clause():
    text = "KASN menerbitkan 120 rekomendasi sanksi netralitas ASN, dan ditindaklanjuti PPK sebanyak, 60 ASN."
    found = facts_of(text)
    assert ("asn_recommended", "ID", 120) in found and ("asn_followed_up", "ID", 60) in found


def test_an_article_in_english_is_held_for_review():
    text = (
        "The Election Supervisory Agency (Bawaslu) said that 120 cases of ASN neutrality violations were recorded "
        "in the 2024 election, and 45 ASN were recommended to KASN for sanctions."
    )
    facts, review = extract(Article("t", "t.txt", text, published_date="2024-10-01"))
    assert facts == [] and review
    assert all("the article is in English" in " ".join(c.reasons) for c in review)


def test_a_list_of_names_hands_no_region_to_the_sentence_after_it():
    text = (
        "Kemendagri menegur kepala daerah berikut:\n8. Bupati Wakatobi\n9. Wali Kota Surabaya\n"
        "Sebelumnya, KASN mencatat 793 ASN dilaporkan melanggar netralitas pada Pilkada 2020."
    )
    assert facts_of(text) == {("asn_reported", "ID", 793)}


def test_a_decision_or_sanction_of_kasn_is_its_recommendation():
    text = (
        "Bawaslu Kabupaten Maros menyebut, menjelang pilkada sudah empat ASN Maros keluar putusan KASN. "
        "Di Kabupaten Sinjai, KASN telah menjatuhi sanksi bagi dua ASN yang diduga melanggar netralitas. "
        "Satu ASN Sinjai lainnya masih menunggu sanksi KASN."
    )
    found = facts_of(text)
    assert {("asn_recommended", "73.09", 4), ("asn_recommended", "73.07", 2), ("cases_pending", "73.07", 1)} <= found
    assert not {f for f in found if f[0] == "asn_reported"}


def test_a_rank_after_a_list_is_the_last_regions_alone():
    text = (
        "Dalam indeks kerawanan netralitas ASN, Sulawesi Tengah berada di urutan ketujuh, disusul Jambi, Riau, "
        "dan Kalimantan Barat di urutan kesepuluh."
    )
    found = {f for f in facts_of(text) if f[0] == "ikp_rank"}
    assert found == {("ikp_rank", "72", 7), ("ikp_rank", "61", 10)}


def test_a_zone_of_another_dimension_is_no_neutrality_zone():
    text = (
        "Bawaslu Sulawesi Tengah memetakan kerawanan netralitas ASN di daerahnya. Untuk dimensi konteks sosial "
        "politik, Kabupaten Poso dan Sigi masuk zona merah. Kabupaten yang masuk zona merah seperti itu diminta "
        "waspada. Untuk netralitas ASN, Kota Palu masuk zona kuning."
    )
    assert {f for f in facts_of(text) if f[0] == "zone"} == {("zone", "72.71", None)}


def test_the_staff_a_government_employs_is_no_count():
    text = (
        "Menurut BKD, pelanggaran netralitas ASN di provinsi ini sangat minim, padahal pemerintah daerah punya "
        "sekitar 12.000 pegawai provinsi dan 85.000 pegawai ASN kabupaten kota."
    )
    assert facts_of(text) == set()


def test_asn_set_aside_leaves_the_sentence_to_another_subject():
    text = (
        "Bawaslu Kota Banjarmasin mencatat empat dugaan pelanggaran netralitas ASN. Selain ASN, terdapat 12 "
        "pelanggaran terkait alat peraga kampanye. Kemudian ada satu dugaan pelanggaran lain di media sosial."
    )
    assert facts_of(text) == {("cases_reported", "63.71", 4)}


def test_a_count_in_words_among_a_total_is_counted():
    text = (
        "Bawaslu Kota Banjarmasin mencatat 19 dugaan pelanggaran di masa kampanye. Pelanggaran ini di antaranya "
        "enam dilakukan oleh oknum ASN."
    )
    found = facts_of(text)
    assert ("cases_reported", "63.71", 6) in found and ("cases_reported", "63.71", 19) not in found


def test_list_items_naming_their_place_after_the_count():
    text = (
        "Bawaslu Sulawesi Barat mencatat 20 ASN menjadi temuan terkait netralitas. Sebanyak 12 di Majene, "
        "5 di Polewali Mandar, 2 ASN Pemprov, dan 1 dari Pasangkayu."
    )
    found = facts_of(text)
    assert {("asn_reported", "76.05", 12), ("asn_reported", "76.04", 5), ("asn_reported", "76.01", 1)} <= found
    assert ("asn_reported", "76.04", 2) not in found


def test_a_list_item_with_a_verb_of_its_own_keeps_its_own_stage():
    text = (
        "Bawaslu Kota Banjarbaru telah memeriksa 9 ASN terkait netralitas. Lima dihentikan, dan empat ASN "
        "statusnya dilanjutkan ke BKN."
    )
    found = facts_of(text)
    assert ("asn_not_proven", "63.72", 5) in found and ("asn_not_proven", "63.72", 4) not in found


def test_a_sentence_opening_on_a_figure_given_before_goes_on_with_its_parts():
    text = (
        "Bawaslu Kota Banjarmasin mencatat tujuh pelanggaran dilakukan oleh oknum ASN. "
        "Tujuh itu terkait dengan ASN, empat ASN tahap pencalonan, tiga tahap kampanye. "
        "Dari itu lima sudah ada balasan KASN, dua masih dalam proses."
    )
    found = facts_of(text)
    assert ("cases_reported", "63.71", 7) in found and ("cases_pending", "63.71", 2) in found
    assert ("asn_reported", "63.71", 4) not in found


def test_a_legal_reference_in_brackets_is_no_count():
    text = (
        "Bawaslu Kota Medan menyatakan lima ASN melanggar netralitas. Mereka terbukti melanggar Pasal 280 Ayat (2) "
        "dan Ayat (3) Undang-Undang Pemilu."
    )
    found = facts_of(text)
    assert not {f for f in found if f[2] in (2, 3)}


def test_last_year_and_this_year_are_the_elections_held_in_them():
    text = (
        "Bawaslu Kabupaten Maros menyebut netralitas ASN jadi perhatian. Tahun lalu ada sembilan laporan. "
        "Sementara tahun ini ada tiga laporan."
    )
    facts = extract_facts(Article("t", "t.txt", text, published_date="2020-09-01"))
    assert {(f.value, f.election_id) for f in facts} == {(9, "PEMILU_2019"), (3, "PILKADA_2020")}


def test_an_address_holding_the_date_gives_an_undated_page_its_date():
    from ingest.news.articles import published_date_in_url

    assert published_date_in_url("https://example.id/2020/09/01/bawaslu-catat-asn/2") == "2020-09-01"
    assert published_date_in_url("https://example.id/berita/2020/13/40/x") is None
    assert published_date_in_url(None) is None


def test_what_is_being_processed_now_is_pending():
    text = (
        "Bawaslu Kabupaten Luwu saat ini memproses tiga ASN yang diduga melanggar netralitas. Terhitung sebanyak "
        "tujuh ASN telah dilaporkan Bawaslu Luwu."
    )
    found = facts_of(text)
    assert ("cases_pending", "73.17", 3) in found and ("asn_reported", "73.17", 7) in found


def test_all_of_those_pointed_at_are_counted():
    text = (
        "Bawaslu Kota Kendari menelusuri foto sejumlah pejabat bersama calon wali kota. Kelima ASN tersebut "
        "diteruskan ke KASN. Sementara kedua laporan itu masih dikaji."
    )
    found = facts_of(text)
    assert ("asn_reported", "74.71", 5) in found
    assert not any(f[2] == 1 for f in found)  # no ordinal read as "1" or "2nd"


def test_the_ones_pointed_at_in_a_text_naming_no_place_are_held():
    facts, review = extract(
        Article(
            "t",
            "t.txt",
            "Ia menjelaskan bahwa ketiga PNS tersebut dilaporkan setelah aduan masyarakat.",
            published_date="2024-10-01",
        )
    )
    assert facts == [] and [c.fact.value for c in review] == [3]


def test_one_of_something_is_no_count_but_one_asn_is():
    text = (
        "Bawaslu Kota Pontianak menerima laporan bahwa salah satu partai politik melibatkan salah satu pengawas "
        "kecamatan. Di Kabupaten Sambas ada salah satu ASN yang diduga melanggar netralitas."
    )
    assert facts_of(text) == {("asn_reported", "61.01", 1)}


def test_a_lower_bound_restates_nothing():
    text = (
        "Bawaslu Kalimantan Tengah menerima tidak kurang dari 90 laporan selama pemilu. Dari total laporan yang "
        "masuk, 40 di antaranya telah diregistrasi."
    )
    assert facts_of(text) == set()


def test_panwaslih_is_aceh_s_bawaslu_and_where_it_was_said_is_no_place():
    text = (
        "Pernyataan itu disampaikan Ketua Panwaslih Aceh dalam diskusi publik tentang kesiapan pemilu, di Banda Aceh. "
        "Ia menyebutkan, pihaknya sedang menangani tiga kasus terkait netralitas ASN."
    )
    assert facts_of(text) == {("cases_reported", "11", 3)}


def test_a_pointer_after_a_preposition_points_at_the_place():
    text = (
        "Bawaslu Nusa Tenggara Barat melaporkan 9 ASN ke KASN, tersebar di empat kabupaten. Paling banyak dari "
        "Kabupaten Lombok Timur. Tercatat, sebanyak empat ASN dilaporkan dari kabupaten itu."
    )
    assert ("asn_reported", "52.03", 4) in facts_of(text)


def test_a_list_of_places_hands_none_of_them_on():
    text = (
        "Bawaslu Nusa Tenggara Timur mencatat 11 ASN dilaporkan ke KASN. Kabupaten yang menggelar pilkada adalah "
        "Belu, Malaka, Ngada dan Sumba Timur. Laporan sementara ada 11 ASN yang sudah dilaporkan ke Komisi ASN."
    )
    found = facts_of(text)
    assert ("asn_reported", "53", 11) in found and ("asn_reported", "53.11", 11) not in found


def test_the_place_inside_the_one_named_before_is_the_figures():
    text = (
        "Dari pemantauan di 23 kabupaten dan kota di Aceh, hanya ada satu temuan netralitas ASN yaitu di Kota "
        "Banda Aceh."
    )
    assert facts_of(text) == {("cases_reported", "11.71", 1)}


def test_a_city_followed_by_its_province_is_the_city():
    text = "Bawaslu Kota Samarinda Kalimantan Timur (Kaltim) telah melaporkan tiga ASN ke KASN terkait netralitas."
    assert facts_of(text) == {("asn_reported", "64.72", 3)}


def test_the_parts_of_a_tally_of_every_kind_are_no_asn_counts():
    text = (
        "Bawaslu Provinsi Bengkulu menangani pelanggaran netralitas ASN. Hasilnya, 3 kasus dinyatakan pelanggaran "
        "etik, 6 hukum lain, dan 4 dinyatakan tidak terbukti sebagai pelanggaran. Kemudian 1 kasus adanya salah satu "
        "pengawas adhoc di Kabupaten Seluma."
    )
    assert facts_of(text) == set()


def test_one_asn_a_passive_stage_verb_acts_on_counts_one():
    text = "Seorang ASN di Kota Jambi diperiksa oleh Bawaslu karena diduga membagikan undangan kampanye."
    assert facts_of(text) == {("asn_reported", "15.71", 1)}


def test_recommendations_sent_to_kasn_are_forwarded_and_what_they_came_from_is_no_part():
    text = (
        "Bawaslu Provinsi Jambi telah mengeluarkan 30 rekomendasi kepada Komite Aparatur Sipil Negara terkait "
        "netralitas ASN. Sebanyak 30 rekomendasi itu berasal dari 21 laporan yang masuk ke Bawaslu."
    )
    found = facts_of(text)
    assert ("asn_reported", "15", 30) in found and ("asn_recommended", "15", 30) not in found
    assert ("cases_reported", "15", 21) in found


def test_a_level_of_government_is_no_region_and_short_names_are_regions():
    text = (
        "Bawaslu Riau merekomendasikan 6 ASN ke KASN: Inhil 3 orang dan Inhu 2 orang. Sementara untuk tingkat "
        "provinsi 1 orang."
    )
    found = facts_of(text)
    assert {("asn_reported", "14.04", 3), ("asn_reported", "14.02", 2)} <= found
    assert not {f for f in found if f[2] == 1}


def test_parts_placed_in_regions_of_their_own_after_a_total_pointed_back_at():
    text = (
        "Ada 8 ASN yang masuk laporan ke Bawaslu Sumatera Selatan terkait netralitas. 8 orang itu tersebar di "
        "Palembang 4 ASN, Lahat 3 ASN, dan Ogan Ilir 1 ASN."
    )
    found = facts_of(text)
    assert {("asn_reported", "16.71", 4), ("asn_reported", "16.04", 3), ("asn_reported", "16.10", 1)} <= found


def test_the_people_a_subject_was_with_are_no_count():
    text = (
        "Panwaslu Kabupaten Kerinci merekomendasikan 2 ASN ke KASN. 2 orang ini bersama 4 orang lainnya "
        "mengadakan pertemuan di kantor camat."
    )
    assert facts_of(text) == {("asn_reported", "15.01", 2)}


def test_a_count_with_yakni_and_its_kinds_is_a_tally_of_every_kind():
    text = (
        "Bawaslu Jambi memproses pelanggaran pilkada. Kabupaten Muaro Jambi ada empat pelanggaran, yakni satu "
        "dugaan pelanggaran politik uang dan tiga pelanggaran netralitas ASN."
    )
    found = facts_of(text)
    assert ("cases_reported", "15.05", 3) in found and ("cases_reported", "15.05", 4) not in found


def test_no_report_yet_about_asn_is_a_zero():
    text = "Bawaslu Kota Palembang memastikan belum ada laporan terkait ASN tidak netral di pilkada ini."
    assert facts_of(text) == {("cases_reported", "16.71", 0)}


def test_numbers_with_a_leading_zero_name_reports():
    text = (
        "Bawaslu Kota Batam menerima laporan terkait netralitas ASN. Laporan nomor 01 dan 02 terkait netralitas ASN, "
        "sementara laporan 03 sudah dihentikan, dan laporan 06 masih dikaji."
    )
    assert facts_of(text) == set()


def test_violations_at_polling_stations_are_placed_nowhere():
    text = (
        "Bawaslu Papua menelusuri dugaan pelanggaran netralitas ASN. Bawaslu merekomendasikan pemungutan ulang "
        "setelah ditemukan lima pelanggaran di 11 TPS yang tersebar di empat kabupaten."
    )
    assert facts_of(text) == set()


def test_those_included_are_some_of_another_count():
    text = (
        "Ada 12 ASN Pemprov NTB yang melanggar netralitas sesuai rekomendasi KASN, yakni staf, guru termasuk tiga "
        "pejabat yang maju sebagai calon."
    )
    found = facts_of(text)
    assert ("asn_recommended", "52", 12) in found and not any(f[2] == 3 for f in found)


def test_no_asn_declared_yet_is_no_zero_of_reports():
    text = "Bawaslu Kota Palangkaraya menyebut belum ada oknum ASN dinyatakan tidak netral tahun ini."
    assert facts_of(text) == set()


def test_a_figure_pointed_back_at_takes_the_place_inside_its_region():
    text = (
        "Aliansi pemantau pemilu di Jawa Tengah melaporkan sebanyak 14 ASN yang diduga tidak netral. Sebanyak 14 ASN "
        "tersebut berada di Kabupaten Wonogiri."
    )
    assert facts_of(text) == {("asn_reported", "33.12", 14)}


def test_one_more_asn_at_an_address_down_to_the_regency():
    text = (
        "Bawaslu Bali menemukan dua ASN terbukti tidak netral, yakni satu ASN yang bertugas di Kabupaten Badung, "
        "dan satu lagi ASN yang bertugas di Kantor Kecamatan Kubu, Kabupaten Karangasem."
    )
    placed = {(region, value) for _, region, value in facts_of(text) if value == 1}
    assert placed == {("51.03", 1), ("51.07", 1)}


def test_village_heads_and_contract_staff_by_their_local_names_are_no_asn():
    text = (
        "Bawaslu Bali merinci pelanggaran netralitas: Kabupaten Tabanan terdapat 4 perbekel, 2 perangkat desa, "
        "1 PNS, 3 tenaga kontrak; Kabupaten Gianyar 2 PNS dan 1 bendesa adat."
    )
    assert facts_of(text) == {("asn_reported", "51.02", 1), ("asn_reported", "51.04", 2)}


def test_an_asn_sent_to_the_election_crime_desk_is_another_subject():
    text = (
        "Panwaslu Kabupaten Minahasa Utara memeriksa 7 ASN yang dianggap tidak netral. Pihaknya juga "
        "merekomendasikan satu ASN ke sentra Gakkumdu."
    )
    assert facts_of(text) == {("asn_reported", "71.06", 7)}


def test_where_someone_travelled_is_no_place_of_the_count():
    text = (
        "Ketua Panwaslu Kabupaten Tabalong berangkat ke Jakarta untuk menyerahkan berkas pelanggaran netralitas "
        "yang dilakukan tiga orang ASN ke KASN."
    )
    assert facts_of(text) == {("asn_reported", "63.09", 3)}


def test_each_of_regencies_and_their_province_listed_as_peers():
    text = (
        "Bawaslu Jawa Tengah mencatat pelanggaran netralitas ASN. Kabupaten Kendal, Kabupaten Demak, dan Jateng "
        "khususnya masing-masing ada laporan 2 ASN tidak netral."
    )
    found = facts_of(text)
    assert {("asn_reported", "33.24", 2), ("asn_reported", "33.21", 2), ("asn_reported", "33", 2)} <= found


def test_a_region_and_its_short_form_in_brackets_are_one_region():
    text = (
        "KASN merekomendasikan tiga pegawai di lingkungan pemerintah Kabupaten Parigi Moutong (Parimo) dijatuhi "
        "sanksi karena melanggar netralitas ASN."
    )
    assert facts_of(text) == {("asn_recommended", "72.08", 3)}


def test_a_region_named_in_words_only_is_handed_on_past_a_sentence_without_figures():
    text = (
        "Di Kota Kendari, Bawaslu menemukan dua ASN ikut kampanye. Kabupaten Kolaka Utara juga menjadi sorotan. "
        "Panwascam sudah menelusuri laporan warga di sana. Ada tiga ASN yang diduga ikut kampanye."
    )
    found = facts_of(text)
    assert ("asn_reported", "74.08", 3) in found and ("asn_reported", "74.71", 3) not in found


def test_election_violations_named_as_of_asn_are_about_asn():
    text = (
        "Sebanyak 12 pelanggaran Pilkada berupa netralitas ASN diteruskan Bawaslu Riau ke KASN. Bawaslu Riau "
        "juga mencatat 30 pelanggaran pemilu lain."
    )
    assert facts_of(text) == {("cases_reported", "14", 12)}


def test_a_part_out_of_a_whole_takes_the_unit_of_the_whole():
    sentence = "Pelanggaran itu tersebar di 7 dari 9 kabupaten, dan 3 di antara 5 ASN sudah diperiksa."
    found = figures(sentence)
    kinds = [reading.unit(sentence, f, following)[0] for f, following in zip(found, [*found[1:], None], strict=True)]
    assert kinds[0] == "other" and kinds[2] == "persons"  # regions are no count; the three are persons


def test_persons_already_processed_are_reported_not_pending():
    text = "Bawaslu Provinsi Bengkulu mencatat sudah 9 ASN yang diproses selama Pemilu 2024."
    assert facts_of(text) == {("asn_reported", "17", 9)}


def test_the_country_in_a_national_agency_name_places_nothing():
    text = (
        "Bawaslu Kabupaten Kampar mencatat 6 ASN tidak netral. Empat ASN di antaranya telah diteruskan ke "
        "Komisi Aparatur Sipil Negara Republik Indonesia."
    )
    found = facts_of(text)
    assert ("asn_reported", "14.01", 6) in found and not [f for f in found if f[1] == "ID"]


def test_a_regency_short_name_from_the_alias_list():
    assert facts_of("Bawaslu NTT menangani 3 kasus netralitas ASN di Kabupaten TTU.") == {
        ("cases_reported", "53.03", 3)
    }


def test_a_place_after_another_count_is_that_counts():
    text = (
        "Bawaslu Sumatera Selatan menangani pelanggaran netralitas ASN. Saat ini satu orang ASN di Kabupaten "
        "Lahat sedang pemanggilan dan 5 ASN di Kabupaten Ogan Ilir sudah diteruskan ke KASN."
    )
    found = facts_of(text)
    assert ("asn_reported", "16.10", 5) in found and ("asn_reported", "16.04", 5) not in found


def test_a_count_saying_who_some_of_those_counted_are_is_a_part():
    text = (
        "Bawaslu Kota Bengkulu menemukan 7 ASN tidak netral. Dua orang ASN merupakan pegawai Pemprov Bengkulu, "
        "kata ketua Bawaslu."
    )
    assert facts_of(text) == {("asn_reported", "17.71", 7)}


def test_a_running_total_makes_the_counts_before_it_parts():
    text = (
        "Bawaslu Kabupaten Pesisir Barat kembali melaporkan dua ASN ke KASN karena tidak netral. Jumlah itu "
        "menggenapkan sembilan ASN yang dilaporkan tahun ini."
    )
    assert facts_of(text) == {("asn_reported", "18.13", 9)}


def test_the_national_agency_data_cited_by_a_regional_office_is_national():
    text = (
        "Ketua Bawaslu Kabupaten Belitung mengingatkan ASN agar netral. Menurut data di KASN tercatat 120 ASN "
        "melanggar netralitas pada Pemilu 2024."
    )
    assert facts_of(text) == {("asn_reported", "ID", 120)}
    # ... and so is the tally the agency itself is said to record or release
    text = (
        "Ketua Bawaslu Kabupaten Belitung mengingatkan ASN agar netral. Sebelumnya, KASN merilis data hasil "
        "pengawasan 2020-2023, dimana sebanyak 1.596 ASN terbukti melanggar netralitas."
    )
    assert facts_of(text) == {("asn_recommended", "ID", 1596)}


def test_those_whose_next_stage_has_not_come_are_no_fact_of_the_stage_before():
    text = "Sebanyak 120 ASN yang sudah mendapat rekomendasi sanksi dari KASN belum ditindaklanjuti."
    assert facts_of(text) == set()


def test_parliamentary_candidates_with_asn_status_are_no_count_of_asn():
    assert facts_of("Bawaslu Papua Barat: Status ASN Dua Caleg Harus Jelas") == set()


def test_after_a_breakdown_by_region_the_text_speaks_of_the_whole_again():
    text = (
        "Bawaslu Provinsi Papua merekomendasikan 10 ASN ke KASN. Kasus itu terdapat di Kabupaten Supiori 4 kasus, "
        "Merauke 3 kasus, Nabire 2 kasus dan Keerom 1 kasus. Dari jumlah itu, 3 ASN sudah dijatuhi sanksi."
    )
    found = facts_of(text)
    assert ("asn_followed_up", "91", 3) in found and ("asn_followed_up", "91.11", 3) not in found


def test_both_ends_of_a_range_are_estimates():
    sentence = "Pelanggaran juga terjadi di beberapa daerah lain dengan jumlah antara 2 hingga 1 pelanggaran."
    low, high = figures(sentence)
    assert reading.is_approximate(sentence, low) and reading.is_approximate(sentence, high)


def test_an_ordinal_right_before_a_place_in_an_index_list_is_its_rank():
    text = (
        "Bawaslu merilis IKP netralitas ASN: Maluku Utara, Sulawesi Utara, Banten, lalu keempat Sulawesi Selatan "
        "dan kelima Nusa Tenggara Timur."
    )
    assert facts_of(text) == {("ikp_rank", "73", 4), ("ikp_rank", "53", 5)}


def test_an_item_naming_no_place_of_its_own_takes_none_of_its_neighbours():
    text = (
        "Bawaslu Jawa Barat menangani 10 perkara netralitas ASN. Satu perkara di Kabupaten Bandung, satu di Kota "
        "Depok, dan delapan perkara lainnya telah diteruskan ke KASN."
    )
    found = facts_of(text)
    assert ("cases_reported", "32.76", 1) in found and not [f for f in found if f[2] == 8 and f[1] == "32.76"]


def test_counts_of_police_members_are_another_subject():
    text = (
        "Bawaslu Jawa Barat menangani 10 perkara netralitas ASN. Lalu dari anggota Polri, di Indramayu empat dan "
        "Karawang satu."
    )
    assert facts_of(text) == {("cases_reported", "32", 10)}


def test_asn_written_out_in_full_counts_beside_another_subject():
    text = (
        "Bawaslu Provinsi Papua menangani pelanggaran pada Pilkada 2020. Jadi selain pelanggaran netralitas aparatur "
        "sipil negara sebanyak 22 kasus, ada juga 14 dugaan pelanggaran pidana pemilu dan 4 kode etik penyelenggara "
        "pemilu."
    )
    assert facts_of(text) == {("cases_reported", "91", 22)}


def test_witnesses_heard_are_no_count_of_asn():
    text = (
        "Bawaslu Kabupaten Sleman meneruskan dugaan pelanggaran netralitas ASN ke BKN. Saksi yang diklarifikasi "
        "sebanyak enam orang, termasuk saksi dari tim pasangan calon."
    )
    assert facts_of(text) == set()


def test_a_count_of_the_national_election_is_national():
    text = (
        "Kepala BKD Jawa Barat memberikan keterangan di Gedung Sate. KASN mengungkap sekitar 400 ASN diduga "
        "melanggar netralitas pada Pemilihan Umum (Pemilu) nasional 2024."
    )
    assert facts_of(text) == {("asn_reported", "ID", 400)}


def test_a_regional_office_number_is_no_count():
    text = (
        "Bawaslu Kota Semarang menangani dua kasus dugaan pelanggaran netralitas ASN. Kedua ASN ini akan "
        "dilaporkan kepada BKN Regional 1 Yogyakarta."
    )
    assert not [f for f in facts_of(text) if f[2] == 1]


def test_recommendations_not_yet_followed_up_past_a_count_of_regions_are_no_fact():
    text = (
        "Kemendagri menegur kepala daerah yang belum menjalankan rekomendasi sanksi netralitas ASN pada Pilkada 2020. "
        "Hingga Oktober terdapat 131 rekomendasi KASN pada 67 pemerintah daerah yang belum ditindaklanjuti oleh kepala "
        "daerah selaku pejabat pembina kepegawaian. Rinciannya, 10 gubernur belum menindaklanjuti 16 rekomendasi, 48 "
        "bupati belum menindaklanjuti 104 rekomendasi."
    )
    assert facts_of(text, "2020-11-01") == set()


def test_recommended_then_followed_up_with_a_sanction():
    text = (
        "KASN merekomendasikan sanksi bagi ASN Kabupaten Dompu yang tidak netral. Dari 7 ASN yang direkomendasi "
        "untuk diberikan sanksi, 6 orang sudah ditindaklanjuti berupa sanksi moral."
    )
    found = facts_of(text, "2020-11-02")
    assert {("asn_recommended", "52.05", 7), ("asn_followed_up", "52.05", 6)} <= found


def test_a_recommendation_named_as_the_basis_of_a_sanction_is_not_its_stage():
    text = (
        "Bupati Dompu menjatuhkan hukuman disiplin penundaan kenaikan gaji sebagaimana isi rekomendasi kepada 6 "
        "orang ASN yang melanggar netralitas."
    )
    assert not [f for f in facts_of(text, "2020-11-02") if f[0] == "asn_recommended"]


def test_a_part_out_of_a_whole_takes_the_stage_said_after_the_whole():
    text = (
        "Bawaslu Jawa Timur menemukan enam ASN yang diduga melanggar netralitas. Tiga di antaranya terbukti melanggar. "
        "Adapun satu dari tiga ASN itu telah mendapatkan sanksi, yaitu di Kabupaten Jember."
    )
    found = facts_of(text, "2019-03-01")
    assert ("asn_followed_up", "35.09", 1) in found
    assert not [f for f in found if f[1] == "35.09" and f[2] == 3]  # the whole stays Jawa Timur's


def test_the_words_describing_a_whole_are_not_the_parts_stage():
    text = (
        "KASN menerima aduan atas 300 ASN yang diduga melanggar netralitas, dan 120 ASN di antaranya terbukti "
        "melanggar. Selanjutnya, sebanyak 90 orang dari 120 ASN yang terbukti melanggar itu telah dijatuhi hukuman "
        "disiplin oleh PPK."
    )
    found = facts_of(text, "2023-01-10")
    assert ("asn_followed_up", "ID", 90) in found
    assert ("asn_recommended", "ID", 90) not in found


def test_a_stated_total_gives_a_count_to_each_of_the_regions_after_it():
    text = (
        "Bawaslu Jawa Timur menangani dugaan pelanggaran netralitas ASN. Sementara enam kasus lain masih dalam "
        "penanganan: dua kasus di Kabupaten Jember, serta dua temuan di Kabupaten Banyuwangi dan Kabupaten Bondowoso."
    )
    found = facts_of(text, "2019-03-01")
    assert {("cases_pending", "35.09", 2), ("cases_pending", "35.10", 2), ("cases_pending", "35.11", 2)} <= found


def test_without_a_total_that_adds_up_a_count_for_several_regions_is_theirs_together():
    text = (
        "Bawaslu Jawa Timur menangani dugaan pelanggaran netralitas ASN. Sementara lima kasus lain masih dalam "
        "penanganan: tiga kasus di Kabupaten Jember, serta dua temuan di Kabupaten Banyuwangi dan Kabupaten Bondowoso."
    )
    found = facts_of(text, "2019-03-01")
    assert ("cases_pending", "35.09", 3) in found
    assert not [f for f in found if f[1] in ("35.10", "35.11")]


def test_a_sanction_already_imposed_after_recommendations_is_a_follow_up():
    text = (
        "Bawaslu Kabupaten Jember merekomendasikan sanksi bagi tiga ASN yang tidak netral. Dari tiga rekomendasi "
        "sanksi tersebut, baru satu yang sudah dijatuhkan."
    )
    assert ("asn_followed_up", "35.09", 1) in facts_of(text, "2019-03-01")


def test_one_of_them_described_is_no_count_but_one_found_is():
    described = (
        "Bawaslu Kota Mataram melaporkan dugaan pelanggaran netralitas ASN ke KASN. Laporan itu memuat foto salah "
        "satu ASN yang berpose di acara kampanye."
    )
    assert facts_of(described, "2023-12-15") == set()
    found = "Bawaslu Kota Mataram telah menemukan salah satu oknum ASN yang melakukan pelanggaran netralitas."
    assert facts_of(found, "2023-12-15") == {("asn_reported", "52.71", 1)}


def test_a_sentence_opening_on_salah_satu_keeps_its_words_through_the_masking():
    from ingest.news.names import mask_names

    text = "Salah satu pelanggaran yang diduga dilakukan oleh oknum tersebut adalah keberpihakan."
    assert mask_names(text) == text
    assert facts_of(text) == set()


def test_village_head_variants_and_gestures_are_no_count_of_asn():
    text = (
        "Bawaslu Kabupaten Berau menemukan satu kepala kampung yang hadir dalam kampanye dan menilai dua Kakam lain "
        "melanggar netralitas. Seorang warga berpose salam tiga jari di depan kantor Bawaslu."
    )
    assert facts_of(text) == set()


def test_an_abbreviated_month_in_a_dateline_is_a_date():
    from ingest.news.articles import published_date_in
    from ingest.news.names import mask_names

    line = "Rabu, 11 Nov 2020 11:31 WIB"
    assert published_date_in(line) == "2020-11-11"
    assert mask_names(line) == line
    day = next(f for f in figures(line) if f.text == "11")
    assert reading.is_not_a_count(line, day, None)


def test_a_title_naming_no_place_leaves_it_to_the_body():
    text = (
        "Dua Camat Langgar Netralitas Diproses\n\n"
        "Dua camat yang terbukti tidak netral dalam Pilkada di Kabupaten Lampung Tengah telah diproses Bawaslu."
    )
    assert [(region, value) for _, region, value in facts_of(text)] == [("18.02", 2)]


def test_a_figure_of_an_election_netra_does_not_list_is_held_for_review():
    article = Article(
        "t",
        "t.txt",
        "Bawaslu mencatat 721 kasus netralitas ASN ditemukan selama Pilkada 2018. Pada Pilkada 2020, Bawaslu "
        "mencatat 1.536 kasus dugaan pelanggaran netralitas ASN.",
        published_date="2021-01-10",
    )
    found, held = extract(article)
    assert [(f.value, f.election_id) for f in found] == [(1536, "PILKADA_2020")]
    assert [(c.fact.value, c.fact.election_id) for c in held] == [(721, None)]
    assert "about an election ref_elections does not list" in held[0].reasons


def test_the_presidential_election_is_the_general_election():
    from ingest.news.text import elections

    assert elections("Pemilihan Presiden 2019 jadi pengalaman bagi Bawaslu.") == [(0, "PEMILU_2019")]


def test_two_national_races_joined_before_one_year_are_the_general_election():
    from ingest.news.text import elections

    for name in (
        "pemilihan presiden dan legislatif 2019",
        "Pemilu Legislatif dan Presiden 2019",
        "Pemilihan Presiden dan Wakil Presiden tahun 2019",
    ):
        assert elections(f"Selama {name} lalu ada laporan.", 2020) == [(7, "PEMILU_2019")], name
    # a year-old tally inside a newer article keeps the election it was counted in
    article = Article(
        "t",
        "t.txt",
        "Bawaslu Sumatera Barat bersiap mengawasi Pilkada 2020. Pada pemilihan presiden dan legislatif 2019 lalu, "
        "tercatat 12 pelanggaran netralitas ASN di Sumatera Barat.",
        published_date="2020-02-10",
    )
    assert [(f.metric, f.value, f.election_id) for f in extract_facts(article)] == [
        ("cases_reported", 12, "PEMILU_2019")
    ]
    # a regional race joined to another keeps its kind
    assert elections("Saat pemilihan gubernur dan bupati 2024 ada laporan.") == [(5, "PILKADA_2024")]


def test_a_region_name_written_joined_is_the_region_and_no_name():
    from ingest.news.names import mask_names

    text = "Bawaslu Sumatera Selatan merekomendasikan sanksi bagi tiga ASN di Kota Lubuklinggau."
    assert mask_names(text) == text
    assert facts_of(text) == {("asn_reported", "16.73", 3)}


def test_a_sub_district_with_a_longer_name_is_not_the_city():
    text = "Panwaslu Kabupaten Bengkulu Utara menerima laporan. Pelapor melaporkan dua PNS di Kecamatan Padang Jaya."
    assert facts_of(text, "2015-09-18") == {("asn_reported", "17.03", 2)}


def test_an_age_in_brackets_and_the_next_articles_of_a_law_are_no_counts():
    text = (
        "Bawaslu Kabupaten Banyumas menemukan indikasi seorang PNS berinisial K (52) melanggar netralitas. Jika "
        "terbukti, ASN itu dapat dijerat dengan Pasal 280 dan 282 Undang-Undang Pemilu."
    )
    assert not [f for f in facts_of(text, "2023-03-26") if f[2] in (52, 282)]


def test_a_lone_first_before_a_place_is_no_rank_outside_an_index_sentence():
    text = (
        "Bawaslu Jawa Barat meluncurkan pemetaan kerawanan. Kasus ASN itu pertama Garut, lalu Bekasi, ada lima "
        "kasus netralitas ASN."
    )
    assert not [f for f in facts_of(text) if f[0] == "ikp_rank"]


def test_a_year_alone_goes_on_with_the_election_named_before_it():
    from ingest.news.text import elections

    assert [e for _, e in elections("pada pemilu 2020 ada 2 kasus dan pada 2024 ada 7 kasus", 2024)] == [
        "PILKADA_2020",  # the one election of 2020, whatever kind the writer named
        "PEMILU_2024",
    ]


def test_a_count_after_menjadi_is_a_count_at_its_stage():
    text = "Kasus netralitas ASN di Kota Balikpapan meningkat dari 2 kasus menjadi 7 kasus pada Pemilu 2024."
    assert ("cases_reported", "64.71", 7) in facts_of(text)


def test_a_breakdown_of_a_total_of_every_kind_is_no_count_of_asn():
    text = (
        "Bawaslu Jawa Barat mencatat 70 dugaan pelanggaran selama masa kampanye Pilkada 2024. Dari 47 kasus yang "
        "diregister, hanya 14 yang ditindaklanjuti karena terbukti sebagai pelanggaran. Dari 14 kasus itu, terdapat "
        "dua kasus terkait netralitas ASN."
    )
    assert facts_of(text) == {("cases_reported", "32", 2)}


def test_the_items_of_an_included_list_are_parts_and_a_count_of_listed_kinds_is_none():
    text = (
        "BKN mengungkapkan enam pelanggaran netralitas ASN selama Pemilu 2024. Pelanggaran itu antara lain:\n"
        "- memberi dukungan kepada pasangan calon\n- menjadi anggota partai politik\n- memasang spanduk\n"
        "- menghadiri deklarasi\n- mengunggah dukungan di media sosial\n- ikut kampanye\n"
        "BKN mencatat ada enam jenis itu. Hingga 31 Januari, tercatat sebanyak 47 laporan masuk ke BKN, termasuk "
        "42 laporan pelanggaran disiplin, dan lima laporan pelanggaran kode etik."
    )
    assert facts_of(text, "2024-02-10") == {("asn_reported", "ID", 47)}


def test_a_count_with_no_stage_below_the_regions_recommendations_lists_some_of_them():
    text = (
        "Bawaslu Sumatera Selatan telah mengeluarkan 7 rekomendasi pelanggaran netralitas ASN ke BKN. Serta satu orang "
        "Sekretaris Kecamatan dan satu orang ASN pengawas sekolah."
    )
    assert facts_of(text, "2024-10-10") == {("asn_recommended", "16", 7)}


def test_the_neutrality_of_village_heads_says_nothing_of_asn():
    text = (
        "Isi rekomendasi berbunyi patut diduga melanggar netralitas kepala desa. Bawaslu Banten mencatat total 138 "
        "pelanggaran terdiri dari 109 pelanggaran di kabupaten dan kota."
    )
    assert facts_of(text) == set()


def test_a_pair_of_counts_shares_the_words_after_it():
    text = "Bawaslu Nusa Tenggara Timur merilis total 36 temuan dan 3 laporan terkait pelanggaran Pilkada di NTT."
    assert facts_of(text, "2020-09-08") == set()
    asn = "Bawaslu Jawa Timur mencatat lima ASN dan satu kepala desa yang dilaporkan tidak netral."
    assert ("asn_reported", "35", 5) in facts_of(asn)


def test_a_decision_of_kasn_is_its_recommendation_and_still_examining_is_pending():
    text = (
        "Sebanyak 27 ASN di Kabupaten Sumba Timur diduga melanggar netralitas. Komisi Aparatur Sipil Negara (KASN) "
        "memutuskan sembilan orang mendapatkan hukuman. Saat ini, Bawaslu Sumba Timur masih memeriksa 10 ASN yang "
        "menghadiri deklarasi."
    )
    found = facts_of(text, "2020-09-09")
    assert {("asn_reported", "53.11", 27), ("asn_recommended", "53.11", 9), ("cases_pending", "53.11", 10)} <= found


def test_the_other_cases_after_a_count_of_another_kind_are_no_count_of_asn():
    text = (
        "Bawaslu Kabupaten Lombok Tengah menangani tiga kasus netralitas ASN, 2 kasus kode etik ad hoc, dan dua kasus "
        "lainnya yang tidak terbukti."
    )
    assert facts_of(text) == {("cases_reported", "52.02", 3)}


def test_a_bulleted_headline_links_another_article():
    text = (
        "Bawaslu Provinsi Banten mengawasi netralitas ASN di Kabupaten Lebak.\n"
        "- 8 Rekomendasi Lembaga Riset untuk Dorong Partisipasi Pemilih di Pilkada 2024\n"
        "- Polisi Amankan Debat Ketiga Pilgub Jateng"
    )
    assert facts_of(text) == set()


def test_a_supposed_count_and_a_workforce_are_no_counts():
    text = (
        "Bawaslu Sulawesi Utara mengingatkan potensi mobilisasi ASN. ASN di Kabupaten Bolaang Mongondow Utara "
        "berjumlah 7000, kalau dalam satu ASN mengajak dua orang keluarganya bisa jadi banyak pemilih."
    )
    assert facts_of(text) == set()


def test_jika_after_a_verb_of_saying_reports_a_count():
    text = (
        "Koordinator Divisi Hukum Bawaslu Sulawesi Utara menambahkan jika tercatat ada 84 kasus dugaan pelanggaran "
        "netralitas ASN yang sudah direkomendasikan kepada KASN."
    )
    assert any(f[1] == "71" and f[2] == 84 for f in facts_of(text, "2020-10-28"))


def test_a_total_of_asn_and_village_heads_is_no_count_of_asn():
    text = (
        "Bawaslu Jawa Timur memproses lima ASN dan satu kepala desa soal netralitas. Setidaknya ada enam laporan "
        "yang diterima. Lima terkait netralitas ASN dan satu kepala desa."
    )
    found = facts_of(text, "2024-02-05")
    assert ("asn_reported", "35", 5) in found
    assert not [f for f in found if f[2] == 6]


def test_a_count_the_next_sentence_enumerates_is_a_count_of_kinds():
    text = (
        "Bawaslu Sumatera Barat mencatat 14 ASN diduga melanggar netralitas. Pelanggaran itu terdiri dari tiga "
        "kasus. Pertama, mendeklarasikan diri sebagai bakal calon. Kedua, mendaftar ke partai politik."
    )
    assert facts_of(text, "2020-03-19") == {("asn_reported", "13", 14)}


def test_a_count_of_the_places_the_persons_are_in_leaves_their_stage_words_theirs():
    text = (
        "Sebanyak 40 ASN di 7 kabupaten dan kota di Provinsi Maluku diajukan ke Komisi ASN. Sebelum itu Bawaslu "
        "Maluku telah memproses dugaan pelanggaran terhadap 52 orang. Dari jumlah itu 40 orang terbukti melanggar "
        "dan 12 lainnya tidak terbukti."
    )
    found = facts_of(text, "2020-10-20")
    assert ("asn_reported", "81", 52) in found
    assert ("asn_reported", "81", 40) not in found  # forwarded, a part of the 52


def test_a_headline_figure_the_body_reads_at_another_stage_is_the_bodys():
    text = (
        "Bawaslu Maluku Proses 40 ASN Pelanggar Netralitas\n"
        "Bawaslu Provinsi Maluku mengajukan 40 orang ASN ke Komisi ASN yang terbukti melanggar netralitas. "
        "Sebelumnya Bawaslu Maluku memproses sebanyak 52 orang."
    )
    found = facts_of(text, "2020-10-20")
    assert ("asn_reported", "81", 52) in found and ("asn_reported", "81", 40) not in found


def test_a_sanction_given_by_kasn_is_its_recommendation_however_far_its_words_run():
    text = (
        "Sudah 31 orang Aparatur Sipil Negara atau ASN di 6 kabupaten kota penyelenggara pilkada di Sulawesi "
        "Tengah yang diberikan sanksi oleh Komisi ASN."
    )
    assert facts_of(text, "2020-07-09") == {("asn_recommended", "72", 31)}


def test_the_ppk_as_doer_of_sanctions_is_a_follow_up_and_its_acronym_is_no_initials():
    text = (
        "Menurut Mendagri, dari 380 laporan yang masuk ke Bawaslu terkait netralitas ASN, sebanyak 150 ASN terbukti "
        "melanggar. Pejabat Pembuat Komitmen (PPK) juga telah menindaklanjuti dengan memberikan sanksi terhadap 95 ASN."
    )
    assert ("asn_followed_up", "ID", 95) in facts_of(text, "2024-03-05")
    assert "Pejabat Pembuat Komitmen (PPK)" in clean(text)


def test_personnel_of_asn_are_persons_and_still_unsettled_cases_are_pending():
    national = "Mendagri mencatat terdapat 310 personel ASN yang dilaporkan atas dugaan pelanggaran netralitas."
    assert facts_of(national, "2024-03-05") == {("asn_reported", "ID", 310)}
    text = (
        "Bawaslu Sulawesi Barat menangani 27 dugaan pelanggaran netralitas ASN pada Pilkada 2024. Dari 27 dugaan "
        "pelanggaran, 8 di antaranya telah diteruskan ke BKN, dan 19 masih belum diselesaikan."
    )
    assert ("cases_pending", "76", 19) in facts_of(text, "2024-10-03")


def test_persons_pointed_back_at_with_no_stage_of_their_own_are_no_count():
    text = (
        "Bawaslu Provinsi Bangka Belitung menindaklanjuti kasus seorang ASN dan dua honorer di Pemprov Bangka Belitung "
        "yang diduga tidak netral. Menurut Ketua Bawaslu, ditemukan seorang ASN dan dua honorer yang terlibat aktif "
        "dalam kegiatan partai politik. Bahkan, ketiga pegawai negeri ini juga bertemu dengan pengurus partai."
    )
    assert not [f for f in facts_of(text, "2023-11-24") if f[2] == 3]


def test_an_abbreviated_kabupaten_ends_no_sentence_and_a_place_between_two_counts_is_each_ones():
    text = (
        "Bawaslu Kepulauan Riau mencatat dugaan pelanggaran netralitas ASN pada Pilkada 2020. Saat ini terdapat "
        "tiga ASN di Kab. Karimun, empat di Kab. Lingga dan Batam ada satu sedang dalam proses."
    )
    found = facts_of(text, "2020-10-16")
    assert {("asn_reported", "21.02", 3), ("asn_reported", "21.04", 4), ("cases_pending", "21.71", 1)} <= found
    assert not [f for f in found if f[1] == "21"]


def test_cases_carried_on_to_kasn_are_a_part_beside_the_persons_processed():
    text = (
        "Bawaslu Kabupaten Asahan memproses 12 laporan masyarakat dan temuan pelanggaran dalam tahapan Pilkada Asahan "
        "tahun 2020. Sebanyak sembilan orang dalam laporan tersebut, tercatat sebagai Aparatur Sipil Negara (ASN). "
        "Sebanyak empat oknum ASN sudah kami lanjutin kasusnya ke KASN."
    )
    found = facts_of(text, "2020-11-17")
    assert ("asn_reported", "12.09", 9) in found and ("asn_reported", "12.09", 4) not in found


def test_asn_counted_with_their_employer_stay_in_its_region():
    text = (
        "Bawaslu Kepulauan Riau merekomendasikan tiga ASN Pemerintah Provinsi Kepulauan Riau ke KASN terkait "
        "netralitas pada Pemilu 2024. Dugaan pelanggaran ketiga ASN itu berlokasi di Kabupaten Bintan."
    )
    assert facts_of(text, "2023-12-11") == {("asn_reported", "21", 3)}


def test_the_other_reports_from_a_place_are_that_places():
    text = (
        "Bawaslu Kepulauan Riau mencatat 11 laporan pelanggaran netralitas ASN pada Pilkada 2024. Sebanyak 11 "
        "laporan tersebut berasal dari 3 wilayah, dengan 4 laporan dari Karimun, 3 laporan dari Lingga, dan 4 "
        "laporan lainnya dari Batam."
    )
    found = facts_of(text, "2024-11-05")
    assert {("cases_reported", "21.02", 4), ("cases_reported", "21.04", 3), ("cases_reported", "21.71", 4)} <= found


def test_one_of_a_pair_of_counts_is_a_count_and_a_resignation_none():
    text = (
        "Bawaslu Kabupaten Sambas telah membuat rekomendasi dugaan pelanggaran keterlibatan seorang ASN dan tiga "
        "kepala desa dalam kampanye Pilkada 2020."
    )
    assert ("asn_recommended", "61.01", 1) in facts_of(text, "2020-10-27")
    resigned = "Pilkada 2024 di Jawa Barat. Ada satu ASN yang mengundurkan diri ikut Pilkada, kata Pj Gubernur."
    assert facts_of(resigned, "2024-08-21") == set()


def test_kasn_imposing_a_discipline_again_is_its_recommendation():
    text = (
        "Komisi Aparatur Sipil Negara (KASN) kembali menjatuhkan hukuman disiplin kepada empat ASN Pemkab Samosir. "
        "Keempatnya menghadiri kegiatan politik terkait Pilkada serentak 2020."
    )
    assert facts_of(text, "2021-03-06") == {("asn_recommended", "12.17", 4)}


def test_a_dateline_dashed_to_its_text_and_a_meetings_venue_place_no_figure():
    text = (
        "BUKITTINGGI, HARIAN–Pejabat Bawaslu Sumatera Barat memaparkan pengawasan Pilkada 2024 di Rapat "
        "Koordinasi yang diselenggarakan di Hotel Rocky, Bukittinggi. Mayoritas pelanggaran berkaitan dengan "
        "netralitas ASN. “Sebanyak 9 kasus telah masuk tahap proses lebih lanjut,” tegasnya."
    )
    found = facts_of(text, "2024-11-10")
    assert found and all(region == "13" for _, region, _ in found)


def test_a_count_pointing_back_at_a_regency_the_article_does_not_name_is_unplaced():
    text = (
        "Bawaslu Sulawesi Tengah menyebut sebuah kabupaten rawan pelanggaran netralitas ASN. Selama tahun 2023, "
        "terdapat 12 pelanggaran yang dilakukan oleh ASN di kabupaten tersebut."
    )
    assert facts_of(text, "2023-11-21") == set()
    named = (
        "Bawaslu Sulawesi Tengah menyebut Kabupaten Sigi rawan pelanggaran netralitas ASN. Selama tahun 2023, "
        "terdapat 12 pelanggaran yang dilakukan oleh ASN di kabupaten tersebut."
    )
    assert ("cases_reported", "72.10", 12) in facts_of(named, "2023-11-21")


def test_a_spaced_decimal_percentage_and_the_part_of_those_proven_that_was_followed_up():
    text = (
        "Berdasarkan data KASN, sebanyak 1.200 ASN dilaporkan dan 900 (75, 5%) terbukti melanggar. Yang terbukti "
        "810 (90%) telah ditindaklanjuti oleh Pejabat Pembina Kepegawaian (PPK) dengan penjatuhan sanksi."
    )
    found = facts_of(text, "2022-08-04")
    assert {("asn_reported", "ID", 1200), ("asn_recommended", "ID", 900), ("asn_followed_up", "ID", 810)} <= found
    assert ("followup_rate_pct", "ID", 90) in found and not [f for f in found if f[2] in (75, 75.5, 5)]


def test_a_stage_pattern_with_an_escape_lower_casing_would_turn_around_is_refused():
    from ingest.news.lexicon import stage_pattern

    assert stage_pattern(r"ditindaklanjuti\s+oleh\s+[^\s]+").search("telah ditindaklanjuti oleh pejabat")
    with pytest.raises(ValueError, match=r"\[\^\\s\]"):
        stage_pattern(r"ditindaklanjuti\s+oleh\s+\S+")


def test_a_word_list_as_a_tree_matches_what_the_flat_longest_first_list_matches():
    import re

    from ingest.news.lexicon import alternation

    words = ["tindak", "tindak lanjut", "ditindaklanjuti", "ditindak", "asn", "asn daerah", "se-indonesia", "a.n."]
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    texts = [
        "asn daerah ditindaklanjuti, tindak lanjut se-indonesia a.n. asn",
        "ditindak tegas; asn-nya tindaklanjut asnx",
        "ASN DAERAH DITINDAK",
    ]
    for context in (r"(?:{})", r"\b(?:{})\b", r"(?:{})(?![a-z])", r"(?=({}))"):
        tree, plain = (re.compile(context.format(body), re.I) for body in (alternation(words), flat))
        for text in texts:
            assert [m.group(0, *range(1, tree.groups + 1)) for m in tree.finditer(text)] == [
                m.group(0, *range(1, plain.groups + 1)) for m in plain.finditer(text)
            ]
    assert alternation([]) == "" and re.fullmatch(alternation(["ab", "abc"]), "abc")


def test_the_kinds_asn_come_in_are_no_count():
    text = (
        "Bawaslu Kota Bitung memetakan netralitas ASN pada Pilkada 2024. ASN ada dua yaitu PNS dan pegawai "
        "pemerintah dengan perjanjian kerja atau P3K, harus netral, katanya."
    )
    assert facts_of(text, "2024-09-20") == set()


def test_words_that_hold_the_figure_inside_them_give_its_stage():
    text = (
        "Bawaslu Kabupaten Karimun memeriksa sejumlah ASN yang berfoto dengan pasangan calon. “Hari ini kami "
        "sudah teruskan rekomendasi dua oknum ASN ke Komisi ASN,” kata ketuanya."
    )
    assert facts_of(text, "2020-10-08") == {("asn_reported", "21.02", 2)}


def test_a_dash_glued_to_the_dateline_place_leaves_the_figure_the_countrys():
    text = (
        "RRI, Medan- Ketua Bawaslu RI mengatakan pihaknya mencatat 250 temuan dugaan pelanggaran netralitas ASN "
        "selama Pilkada 2024."
    )
    assert facts_of(text, "2024-12-05") == {("cases_reported", "ID", 250)}


def test_counts_of_village_apparatus_are_another_subject():
    text = (
        "Bawaslu mencatat 120 temuan dugaan pelanggaran netralitas ASN selama Pilkada 2024. Sebaran pelanggaran "
        "netralitas aparatur desa terbanyak di Jawa Tengah 14 laporan dan Banten 9 laporan, sedangkan aparat desa "
        "di Lampung 6 laporan."
    )
    assert facts_of(text, "2024-12-05") == {("cases_reported", "ID", 120)}


@pytest.mark.parametrize("month", ["Nopember", "Nivember", "October"])
def test_a_day_whose_month_the_name_masking_does_not_know_is_a_date(month):
    # the masking takes the month for a name ("21 [nama] 2023"); after a list the day would take its unit
    text = (
        "Bawaslu menerima laporan dugaan pelanggaran netralitas tiga penjabat bupati. “Saat ini, dua laporan "
        "sedang dalam proses kajian awal dan satu lagi dalam tahap perbaikan,” ujar Kepala Biro Penanganan "
        f"Bawaslu, Harimurti Wicaksono, Selasa 21 {month} 2023."
    )
    assert facts_of(clean(text), "2023-11-21") == {("cases_pending", "ID", 2)}


def test_a_day_whose_month_is_mistyped_is_a_date():
    assert reading.is_not_a_count("Selasa 21 Nivember 2023.", figures("Selasa 21 Nivember 2023.")[0], "cases")
    assert not reading.is_not_a_count("ada 21 kasus 2023.", figures("ada 21 kasus 2023.")[0], "cases")


def test_a_flattened_table_of_linked_headlines_is_furniture():
    raw = (
        "Bawaslu Kabupaten Sleman Teruskan Tiga ASN ke BKN\n"
        "Bawaslu Kabupaten Sleman meneruskan tiga ASN yang diduga tidak netral ke BKN.\n"
        "Bawaslu Sleman Catat 21 Kasus Dugaan Pelanggaran Netralitas ASN |\n"
        "![]() |\n"
        "---|\n"
        "Kepala Dinas di Sleman Diperiksa atas Dugaan Tak Netral |\n"
        "![]() |\n"
    )
    assert facts_of(clean(raw), "2024-10-20") == {("asn_reported", "34.04", 3)}


def test_a_yearless_election_in_a_year_of_one_netra_does_not_list_is_that_one():
    text = "Bawaslu Kabupaten Garut mencatat lima ASN tidak netral dalam pilkada kali ini."
    article = Article("t", "t.txt", text, published_date="2018-06-20")
    found, held = extract(article)
    assert not found and [c.fact.election_id for c in held] == [None]
    assert facts_of(text, "2020-10-10") == {("asn_reported", "32.05", 5)}


def test_an_article_naming_no_neutrality_case_counts_the_workforce_not_reported_asn():
    text = (
        "Jumlah ASN di Provinsi Jambi mencapai 45.120 orang, terdiri dari PNS 38.004 orang dan PPPK 7.116 orang. "
        "Sebanyak 1.250 ASN tercatat bertugas di Kota Jambi."
    )
    assert facts_of(text, "2024-03-01") == set()
    # an article that does name a case is read whole (its workforce figures then too: a limit of the rule)
    reported = text + " Bawaslu Kota Jambi menerima dua laporan dugaan pelanggaran netralitas ASN."
    assert ("cases_reported", "15.71", 2) in facts_of(reported, "2024-03-01")


def test_a_count_its_sentence_gives_to_election_violations_in_general_is_of_every_kind():
    text = (
        "Bawaslu Jawa Tengah menangani 15 kasus pelanggaran netralitas ASN selama Pilkada 2024. Sementara itu, "
        "kasus pelanggaran pilkada paling banyak terjadi di Kabupaten Kudus, yakni 9 kasus. Kemudian Kota Semarang "
        "6 kasus."
    )
    assert facts_of(text, "2024-10-24") == {("cases_reported", "33", 15)}


def test_a_report_still_under_study_is_pending():
    text = (
        "Bawaslu Kabupaten Kepahiang menangani 4 laporan dugaan pelanggaran netralitas ASN. Tiga laporan tidak "
        "cukup bukti, sedangkan satu laporan lagi masih dalam telaah."
    )
    assert ("cases_pending", "17.08", 1) in facts_of(text, "2024-02-10")


def test_thousands_or_hundreds_before_a_figure_name_the_whole_it_is_part_of():
    text = (
        "BKN mencatat 1.005 ASN dilaporkan melanggar netralitas. Dari ribuan yang dilaporkan, sebanyak 727 di "
        "antaranya direkomendasikan telah melakukan pelanggaran."
    )
    assert ("asn_recommended", "ID", 727) in facts_of(text, "2020-11-30")


def test_the_seat_of_a_bkn_regional_office_is_no_region_spoken_of():
    text = (
        "BKN memblokir data kepegawaian ASN yang tidak netral, antara lain Kantor Regional (Kanreg) IV BKN "
        "Makassar 5 data kepegawaian. Sampai saat ini sudah ada 580 ASN yang dijatuhi sanksi oleh PPK."
    )
    found = facts_of(text, "2020-11-30")
    assert ("asn_followed_up", "ID", 580) in found and not [f for f in found if f[1].startswith("73")]


def test_a_day_written_after_its_month_is_a_date():
    text = (
        "BKN mencatat 1.005 ASN dilaporkan melanggar netralitas. Sebanyak 580 ASN dijatuhi sanksi oleh PPK. "
        "— #ASNKiniBeda (@BKNgoid) November 30, 2020"
    )
    found, held = extract(Article("t", "t.txt", text, published_date="2020-11-30"))
    assert {f.value for f in found} == {1005, 580} and not [c for c in held if c.fact.value == 30]


def test_a_case_still_in_process_and_not_yet_forwarded_is_pending():
    text = (
        "Bawaslu Sumatera Barat menangani dua kasus pelanggaran netralitas ASN. Sementara satu kasus lagi di "
        "Kabupaten Agam masih proses dan belum dilimpahkan ke KASN."
    )
    assert ("cases_pending", "13.06", 1) in facts_of(text, "2024-02-05")


def test_a_time_of_day_is_no_count():
    text = (
        "Ada dua ASN yang diproses oleh Bawaslu Kabupaten Merangin karena terbukti memihak kepada salah satu "
        "pasangan calon. Hal itu dikarenakan satu TPS tersebut melakukan penghitungan suara sebelum pukul 13.00 WIB."
    )
    found, held = extract(Article("t", "t.txt", text, published_date="2020-12-15"))
    assert [f.value for f in found] == [2] and not held


def test_personnel_on_duty_are_no_count_but_personnel_of_the_asn_are():
    text = (
        "Ada dua ASN yang diproses oleh Bawaslu Kabupaten Merangin karena terbukti memihak kepada salah satu "
        "pasangan calon.\n--\nPolres Merangin Turunkan 70 Personil Amankan Pleno Tingkat Kabupaten"
    )
    found, held = extract(Article("t", "t.txt", text, published_date="2020-12-15"))
    assert [f.value for f in found] == [2] and not held
    assert ("asn_reported", "ID", 450) in facts_of("KASN mencatat 450 personel ASN dilaporkan melanggar netralitas.")


def test_after_counts_of_every_kind_the_agency_named_after_asn_names_no_asn():
    text = (
        "Bawaslu Kalimantan Timur menemukan enam dugaan pelanggaran pemilu yang sedang ditelusuri. “Lima dugaan "
        "sedang ditelusuri, satu sudah diteruskan ke KASN (Komisi Aparatur Sipil Negara),” ungkapnya."
    )
    assert not [f for f in facts_of(text, "2024-02-04") if f[2] == 5]


def test_a_sentence_counting_another_subject_hands_no_asn_to_the_bare_counts_after_it():
    text = (
        "Bawaslu Kalimantan Timur meneruskan satu dugaan pelanggaran netralitas ASN ke KASN. Empat dugaan "
        "pelanggaran lainnya berasal dari Bontang dan Samarinda. Bontang ada satu penelusuran. Samarinda tiga."
    )
    assert not [f for f in facts_of(text, "2024-02-04") if f[2] == 3]


def test_a_sanction_still_to_come_is_no_sanction():
    title = "Tiga ASN Diduga Tidak Netral di Jambi, Bakal Disanksi"
    found = facts_of(title + "\nBawaslu Jambi meneruskan tiga ASN itu ke KASN.", "2023-09-01")
    assert ("asn_reported", "15", 3) in found
    assert not [f for f in found if f[0] == "asn_followed_up"]
    # a prospective candidate is no future: the report after him is made
    assert ("asn_reported", "15", 2) in facts_of("Dua ASN pendukung bakal calon dilaporkan ke Bawaslu Jambi.")


def test_a_count_of_office_heads_counts_persons_even_after_the_word_case():
    text = "Salah satu yang ditangani Bawaslu Jambi adalah kasus 4 kepala dinas yang melanggar netralitas ASN."
    assert facts_of(text) == {("asn_reported", "15", 4)}


def test_an_occupation_counted_with_its_civil_service_status_counts_persons():
    text = (
        "Bawaslu Kabupaten Kediri memeriksa sejumlah saksi. Hasilnya, empat guru itu dipastikan berstatus ASN, "
        "sehingga Bawaslu Kediri meneruskan penanganan dugaan pelanggaran mereka ke KASN."
    )
    assert facts_of(text) == {("asn_reported", "35.06", 4)}
    assert facts_of("Bawaslu Kabupaten Kediri meneruskan laporan tiga guru yang berstatus PNS ke KASN.") == {
        ("asn_reported", "35.06", 3)
    }
    # sent on to the civil-service bodies, they are ASN
    text = "Bawaslu mengawasi netralitas ASN. Seorang kepala sekolah di Kabupaten Kediri dilaporkan ke KASN."
    assert facts_of(text) == {("asn_reported", "35.06", 1)}
    # ... which makes the count about ASN even where nothing else in the article has said so yet (a headline)
    text = "Seorang Guru di Bantul Dilaporkan ke KASN karena Aktif Kampanye"
    assert facts_of(text) == {("asn_reported", "34.02", 1)}
    # but not the other counts of its sentence, which may be of every kind
    text = "Bawaslu Kalimantan Timur mencatat enam dugaan pelanggaran. Lima dugaan ditelusuri, satu diteruskan ke KASN."
    assert not {f for f in facts_of(text) if f[2] == 5}
    # teachers with no status said may be honorary staff; a teacher beside ASN is counted apart from them
    assert facts_of("Bawaslu Kabupaten Kediri meneruskan laporan tiga guru honorer ke dinas pendidikan.") == set()
    assert ("asn_reported", "35.06", 3) not in facts_of("Bawaslu Kabupaten Kediri memeriksa tiga guru dan dua ASN.")


def test_the_audience_of_a_briefing_is_no_count_of_reported_asn():
    before = "Bawaslu Kabupaten Kediri menangani dugaan pelanggaran netralitas ASN. "
    assert facts_of(before + "Sosialisasi netralitas yang digelar Bawaslu diikuti oleh 150 ASN dari dinas.") == set()
    assert facts_of(before + "Apel ikrar netralitas itu dihadiri sekitar 500 pegawai.") == set()
    # ASN attending a campaign is the violation itself
    assert ("asn_reported", "35.06", 3) in facts_of(before + "Bawaslu menemukan kampanye paslon yang dihadiri 3 ASN.")


def test_campaign_violations_are_asn_own_when_asn_are_counted_but_another_subject_for_cases():
    text = "Bawaslu Bali mengimbau ASN. Bawaslu mencatat dua ASN yang terbukti melakukan pelanggaran kampanye."
    assert ("51", 2) in {(f[1], f[2]) for f in facts_of(text, "2019-01-28")}
    text = "Bawaslu Bali mengawasi netralitas ASN. Bawaslu juga mencatat ada 76 dugaan pelanggaran kampanye."
    assert facts_of(text, "2019-01-28") == set()


def test_one_person_examined_summoned_or_reported_is_a_count_of_one():
    assert facts_of("Bawaslu Kabupaten Kediri memeriksa seorang ASN dari Kantor Kemenag.") == {
        ("asn_reported", "35.06", 1)
    }
    # the warehouse reads the text with the person's name masked
    text = "Bawaslu Kabupaten Kediri memanggil Sutrisno Wibowo, seorang ASN, atas dugaan kampanye di media sosial."
    assert facts_of(clean(text)) == {("asn_reported", "35.06", 1)}
    text = "Seorang oknum aparatur sipil negara di Pemkab Kediri dilaporkan ke Bawaslu karena status WhatsApp."
    assert facts_of(text) == {("asn_reported", "35.06", 1)}
    # where the person works, named from the sub-district up with a comma between its parts
    text = "Seorang ASN dari Kecamatan Pare, Kabupaten Kediri dilaporkan ke Bawaslu karena unggahan kampanye."
    assert facts_of(text) == {("asn_reported", "35.06", 1)}
    # one of several, described: no count
    text = "Bawaslu Kabupaten Kediri mengawasi ASN, termasuk salah seorang pejabat dinas pendidikan yang dilaporkan."
    assert facts_of(text) == set()


def test_a_dateline_whose_dash_was_lost_to_a_broken_encoding_is_a_dateline():
    body = " Dua ASN diduga melanggar netralitas saat kampanye. Bawaslu Provinsi Jambi menerima informasi itu."
    assert facts_of("KOTA JAMBI \ufffd" + body) == facts_of("KOTA JAMBI -" + body)
    assert ("asn_reported", "15.71", 2) not in facts_of("KOTA JAMBI \ufffd" + body)


def test_a_full_stop_with_no_space_after_it_still_ends_the_sentence():
    text = (
        "Bawaslu Jawa Timur mencatat pelanggaran netralitas ASN: masing-masing satu ASN di Kabupaten Blitar "
        "dan Kota Surabaya.Selain itu, masing-masing dua ASN di Kabupaten Jember dan Kota Pasuruan."
    )
    found = facts_of(text, "2020-10-21")
    assert {("asn_reported", "35.78", 1), ("asn_reported", "35.09", 2), ("asn_reported", "35.75", 2)} <= found
    # an outlet's address or an abbreviation is no sentence's end
    assert [s for _, s in sentences("Ia berbicara kepada TribunKaltim.Co, Senin. Kantor di Prov.Jatim itu.")] == [
        "Ia berbicara kepada TribunKaltim.Co, Senin.",
        "Kantor di Prov.Jatim itu.",
    ]


def test_a_footnote_mark_glued_to_a_closing_bracket_is_no_figure():
    text = "PENGAWASAN NETRALITAS ASN OLEH BAWASLU (STUDI KASUS PILKADA KABUPATEN MINAHASA UTARA)1"
    assert [f.text for f in figures(text)] == []
    assert not facts_of(text)
    assert [f.text for f in figures("Terbanyak di Kota Palopo (9 kasus), lalu Bone (3)")] == ["9", "3"]


def test_an_election_named_after_a_contrast_belongs_to_the_count_after_it():
    text = (
        "Pelanggaran netralitas ASN menjelang Pemilu 2024 makin nekat. KASN mencatat 310 ASN yang dilaporkan "
        "melanggar netralitas, padahal pada Pilkada 2020 jumlahnya mencapai 2.034 ASN."
    )
    found = facts_with_elections(text, "2023-11-20")
    assert ("asn_reported", "ID", 310, "PEMILU_2024") in found
    assert ("asn_reported", "ID", 2034, "PILKADA_2020") in found


def test_an_election_an_article_compares_with_is_not_the_one_it_is_about():
    text = (
        "Pelanggaran netralitas ASN pada Pemilu kali ini justru lebih sedikit dibandingkan dengan Pilkada 2020.\n"
        "KASN mencatat 310 ASN yang dilaporkan, padahal pada Pilkada 2020 jumlahnya mencapai 2.034 ASN."
    )
    found = facts_with_elections(text, None)
    assert ("asn_reported", "ID", 2034, "PILKADA_2020") in found
    assert not [f for f in found if f[2] == 310 and f[3] == "PILKADA_2020"]


def test_cases_in_process_with_no_word_of_time_before_are_pending():
    text = (
        "Bawaslu Provinsi Jambi menangani 40 dugaan pelanggaran netralitas ASN: 30 kasus diteruskan ke KASN, "
        "7 kasus dihentikan, 3 kasus dalam proses."
    )
    assert ("cases_pending", "15", 3) in facts_of(text, "2020-07-09")
    # a process that is no handling of the case is no stage
    other = "Bawaslu Jambi mencatat 4 ASN menyalahgunakan wewenang dalam proses pemilihan."
    assert not [f for f in facts_of(other, "2020-07-09") if f[0] == "cases_pending"]


def test_a_province_after_its_regency_and_di_only_says_where_the_regency_is():
    text = (
        "Bawaslu merilis indeks kerawanan netralitas ASN. Kabupaten Wakatobi di Sulawesi Tenggara memiliki skor "
        "86,54, dan Kota Ternate di Maluku Utara memiliki skor 69,23."
    )
    found = facts_of(text, "2023-09-22")
    assert {("ikp_score", "74.07", 86.54), ("ikp_score", "82.71", 69.23)} <= found
    assert not [f for f in found if f[1] in ("74", "82")]
    counted = "Bawaslu mencatat 5 ASN di Kabupaten Klaten di Jawa Tengah melanggar netralitas."
    assert ("asn_reported", "33.10", 5) in facts_of(counted)


def test_a_rank_stated_sentences_after_the_index_was_named_is_its_rank():
    text = (
        "Bawaslu merilis pemetaan kerawanan netralitas ASN menjelang Pemilu 2024. Menurut rilis tersebut, "
        "Maluku Utara berada di atas daftar provinsi. Di tingkat kabupaten, Kabupaten Wakatobi menduduki "
        "peringkat kedua."
    )
    assert ("ikp_rank", "74.07", 2) in facts_of(text, "2023-09-22")
    # a rank of violation counts is none of the index's, however the index was named before
    counts = text + " Kabupaten Bone berada di posisi ketiga dengan 12 kasus pelanggaran."
    assert not [f for f in facts_of(counts, "2023-09-22") if f[:2] == ("ikp_rank", "73.08")]


def test_the_number_of_a_law_named_in_words_is_no_count():
    text = (
        "Bawaslu Kabupaten Bolaang Mongondow Timur merekomendasikan dua ASN ke BKN. Sejak terbentuknya undang-undang "
        "20 ASN, "
        "rekomendasi tidak lagi dikirim ke KASN, begitu pula menurut Peraturan Pemerintah 94 tentang disiplin."
    )
    assert {f[2] for f in facts_of(text, "2024-10-11")} == {2}
    # a headline in capitals names its law the same way
    assert {f[2] for f in facts_of(text.upper(), "2024-10-11")} == {2}


def test_a_page_wrapped_at_a_fixed_width_is_read_in_whole_sentences():
    wrapped = (
        "Bawaslu Kabupaten Purbalingga meneruskan temuan pelanggaran netralitas\n"
        "seorang guru PNS kepada Komisi ASN. Guru tersebut dinilai telah melanggar\n"
        "ketentuan Pasal 4 angka\n"
        "12 huruf b PP Nomor 53 Tahun 2010 tentang Disiplin Pegawai Negeri Sipil karena hadir\n"
        "dalam kampanye salah satu calon anggota legislatif dengan atribut partai.\n"
    )
    read = [s for _, s in sentences(wrapped)]
    assert read[-1].startswith("Guru tersebut") and read[-1].endswith("dengan atribut partai.")
    assert not [f for f in facts_of(wrapped, "2019-01-29") if f[2] == 12]
    # a title over its byline and a caption over its credit: two lines going on in lower case are no wrapped page
    page = (
        "Bawaslu Kota Mataram Catat 4 ASN Dilaporkan Diduga Tidak Netral\n"
        "author redaksi\n"
        "Bawaslu Kota Mataram mencatat empat laporan dugaan pelanggaran netralitas ASN.\n"
        "Petugas pengawas memeriksa berkas laporan di kantor Bawaslu Kota Mataram\n"
        "foto istimewa\n"
    )
    assert len(sentences(page)) == 5


def test_one_person_a_verb_finds_something_of_counts_one():
    found = facts_of(
        "Bawaslu Kabupaten Sleman menemukan ada dugaan pelanggaran seorang pegawai negeri sipil (PNS) saat "
        "kampanye salah satu pasangan calon pada Pilkada 2024.",
        "2024-10-20",
    )
    assert ("asn_reported", "34.04", 1) in found
    found = facts_of(
        "Bawaslu Kota Kendari telah menindaklanjuti temuan seorang oknum ASN yang diduga tidak netral pada "
        "Pilkada 2024.",
        "2024-10-20",
    )
    assert ("asn_reported", "74.71", 1) in found
    # a report by someone is no count of ASN
    assert not facts_of(
        "Menurut laporan seorang warga kepada Bawaslu Kota Kendari, ASN itu hadir di kampanye pada Pilkada 2024.",
        "2024-10-20",
    )


def test_cases_of_the_neutrality_of_village_councils_and_contract_staff_are_no_count_of_asn():
    assert not facts_of(
        "Bawaslu Kabupaten Seluma telah meneruskan tiga kasus pelanggaran netralitas anggota Badan Permusyawaratan "
        "Desa (BPD) dan tenaga honorer kepada Pjs Bupati Seluma.",
        "2024-10-20",
    )
    assert ("cases_reported", "17.05", 3) in facts_of(
        "Bawaslu Kabupaten Seluma telah meneruskan tiga kasus pelanggaran netralitas ASN kepada BKN.", "2024-10-20"
    )


def test_a_school_named_by_its_number_and_a_count_of_commissioners_are_no_count_of_asn():
    schools = (
        "Enam Orang Guru di Tebo Diperiksa Bawaslu\n"
        "Hal itu dialami beberapa orang ASN yang bertugas sebagai guru di Kabupaten Tebo.\n"
        "Badan Pengawas Pemilu (Bawaslu) Kabupaten Tebo pada Senin (14/01/2019) memanggil sejumlah guru SD 115 "
        "Sungai Alai, Kecamatan Tebo Tengah, yang diduga berkampanye di media sosial."
    )
    assert not [f for f in facts_of(schools, "2019-01-14") if f[2] == 115]
    assert not facts_of(
        "Warga Kecamatan Baureno, Kabupaten Bojonegoro, menjelaskan bahwa dirinya melaporkan ke 3 komisioner Bawaslu "
        "atas penanganan dugaan pelanggaran yang dilakukan oleh seorang ASN.",
        "2024-09-20",
    )


def test_a_count_of_asn_takes_the_government_they_work_for_named_after_it():
    text = (
        "Bawaslu Provinsi Sulawesi Barat merekomendasikan 12 ASN ke KASN. Dari jumlah itu, 7 orang ASN bekerja di "
        "lingkungan pemerintah Kabupaten Majene, 4 orang bekerja di lingkungan pemerintah Kabupaten Mamuju dan "
        "1 orang ASN di Kabupaten Pasangkayu."
    )
    found = facts_of(text, "2023-10-21")
    assert {("asn_reported", "76.05", 7), ("asn_reported", "76.02", 4), ("asn_reported", "76.01", 1)} <= {
        (m if m != "asn_recommended" else "asn_reported", r, v) for m, r, v in found
    }


def test_a_law_numbered_after_no_without_its_full_stop_is_a_reference():
    text = (
        "Bawaslu Kabupaten Gorontalo menelusuri informasi dugaan pelanggaran netralitas ASN oleh seorang kepala "
        'dinas.\n"Saya menghimbau kepada seluruh ASN untuk tetap menjaga netralitas, karena hal tersebut sesuai '
        'undang-undang no 5 tentang ASN, untuk tidak memihak kepada salah satu parpol," kata dia.'
    )
    assert not [f for f in facts_of(text, "2023-08-23") if f[2] == 5]

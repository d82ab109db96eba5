"""The Great Expectations suites on small DataFrames: real validations, readable failures, HTML reports."""

import pandas as pd

from quality.suites import SUITES
from quality.validate import validate


class Facts:
    def __init__(self, published: int | None = None):
        self.published = published

    def region_codes(self):
        return ["36", "82", "ID"]

    def published_rows(self, table):
        return self.published


def ikp_frame(score: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "edition_id": ["IKP_2024_ASN", "IKP_2024_ASN"],
            "region_code": ["36", "82"],
            "approach": ["kejadian_provinsi", "kejadian_provinsi"],
            "score": [score, 100.0],
            "category": ["sedang", "tinggi"],
        }
    )


def test_valid_scores_pass_and_the_report_is_written(tmp_path):
    outcome = validate(ikp_frame(22.98), SUITES["ikp_asn_neutrality"], Facts(), tmp_path / "quality")
    assert outcome.success and outcome.failures == []
    assert outcome.report == tmp_path / "quality" / "ikp_asn_neutrality.html"
    assert "ikp_asn_neutrality" in outcome.report.read_text()


def test_reports_are_offline_escaped_and_indexed_together(tmp_path):
    """Text from an export is shown as text, never run; no page asks the network for anything; one index
    lists every suite's latest result, and the folder stays small."""
    hostile = ikp_frame(140.0)
    hostile.loc[0, "category"] = "<script>alert('x')</script>"
    folder = tmp_path / "quality"
    validate(hostile, SUITES["ikp_asn_neutrality"], Facts(), folder)
    validate(ikp_frame(22.98).iloc[:0], SUITES["violation_categories"], Facts(), folder)
    pages = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.html")}
    assert set(pages) == {"index.html", "ikp_asn_neutrality.html", "violation_categories.html"}
    assert "<script>" not in pages["ikp_asn_neutrality.html"]
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in pages["ikp_asn_neutrality.html"]
    assert not any(("http://" in text or "https://" in text or "<script" in text) for text in pages.values())
    assert pages["index.html"].count("<tr>") == 3  # a header and two suites
    assert "href='ikp_asn_neutrality.html'" in pages["index.html"] and "failed" in pages["index.html"]
    assert sum(p.stat().st_size for p in folder.iterdir()) < 50_000


def test_score_out_of_range_fails_with_the_value_and_row_named():
    outcome = validate(ikp_frame(140.0), SUITES["ikp_asn_neutrality"], Facts())
    assert not outcome.success
    [failure] = outcome.failures
    assert "expect_column_values_to_be_between" in failure
    assert "'column': 'score'" in failure and "140.0" in failure
    assert outcome.failing_rows == [
        {
            "edition_id": "IKP_2024_ASN",
            "region_code": "36",
            "approach": "kejadian_provinsi",
            "score": "140.0",
            "category": "sedang",
        }
    ]


def test_a_sudden_drop_in_rows_since_the_last_publish_fails():
    outcome = validate(ikp_frame(22.98), SUITES["ikp_asn_neutrality"], Facts(published=10))
    assert not outcome.success
    assert "expect_table_row_count_to_be_between" in outcome.failures[0] and "observed 2" in outcome.failures[0]


def test_funnel_where_followed_up_exceeds_recommended_fails():
    frame = pd.DataFrame(
        {
            "election_id": ["PILKADA_2020"],
            "region_code": ["ID"],
            "as_of_date": ["2020-09-30"],
            "asn_reported": [10],
            "asn_recommended": [3],
            "asn_followed_up": [5],
            "stage_gap": [0],
            "followup_rate": [5 / 3],
        }
    )
    outcome = validate(frame, SUITES["sanction_funnel"], Facts())
    assert not outcome.success
    text = " ".join(outcome.failures)
    assert "'column_A': 'asn_recommended', 'column_B': 'asn_followed_up'" in text and "followup_rate" in text

"""The Great Expectations suites on small DataFrames: a real validation, a readable failure."""

import pandas as pd

from quality.suites import SUITES
from quality.validate import validate


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


def test_valid_scores_pass():
    outcome = validate(ikp_frame(22.98), SUITES["ikp_asn_neutrality"])
    assert outcome.success and outcome.evaluated == 7 and outcome.failures == []


def test_score_out_of_range_fails_with_the_value_named():
    outcome = validate(ikp_frame(140.0), SUITES["ikp_asn_neutrality"])
    assert not outcome.success
    [failure] = outcome.failures
    assert "expect_column_values_to_be_between" in failure
    assert "'column': 'score'" in failure and "140.0" in failure


def test_funnel_where_followed_up_exceeds_recommended_fails():
    frame = pd.DataFrame(
        {
            "election_id": ["PILKADA_2020"],
            "region_code": ["ID"],
            "as_of_date": ["2020-09-30"],
            "asn_reported": [10],
            "asn_recommended": [3],
            "asn_followed_up": [5],
            "asn_awaiting_ppk": [-2],
            "followup_rate": [5 / 3],
        }
    )
    outcome = validate(frame, SUITES["sanction_funnel"])
    assert not outcome.success
    text = " ".join(outcome.failures)
    assert "asn_followed_up" in text and "followup_rate" in text and "asn_awaiting_ppk" in text

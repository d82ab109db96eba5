"""What `docs/benchmarks.md` tells a reader about the nightly run's share of the full refresh."""

from benchmarks.bench import _share


def test_a_share_is_a_percentage_and_one_below_the_overhead_is_noise_not_negative():
    assert _share(0.05) == "5.0 %"
    assert _share(0.0) == "0.0 %"
    # the nightly run finished in less time than the fixed overhead measured in another process
    assert _share(-0.015) == "within the fixed overhead's run-to-run noise"

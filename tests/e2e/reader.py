"""A BI-like reader for the serving tests: a new read-only connection per query, until told to stop.

Run as a separate process (`python tests/e2e/reader.py SERVING_DB OUT STOP`): each line of OUT is one
query's outcome, so the test can count failures and see when the new data arrived.
"""

import json
import sys
import time
from pathlib import Path

import duckdb

QUERY = (
    "SELECT count(*), CAST(max(as_of_date) AS VARCHAR) FROM marts.sanction_funnel_history "
    "WHERE election_id = 'PILKADA_2020'"
)


def main(serving_db: str, out: str, stop: str) -> None:
    with Path(out).open("w") as results:
        while not Path(stop).exists():
            started = time.monotonic()
            try:
                with duckdb.connect(serving_db, read_only=True) as con:
                    rows, latest = con.execute(QUERY).fetchall()[0]
                record = {"ok": True, "rows": rows, "latest": latest}
            except Exception as exc:  # every failure is the finding: record it, keep reading
                record = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
            record["seconds"] = round(time.monotonic() - started, 4)
            results.write(json.dumps(record) + "\n")
            results.flush()
            time.sleep(0.02)


if __name__ == "__main__":
    main(*sys.argv[1:4])

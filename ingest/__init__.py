"""Plain-Python ingest for Netra: read, clean, normalise and extract.

Nothing here imports Dagster, so every function can be unit-tested on small in-memory data and
reused from scripts; `orchestration/` only wires these functions into assets.
"""

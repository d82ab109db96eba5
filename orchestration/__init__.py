"""Dagster wiring for Netra: thin definitions around `ingest/`, `dbt_project/` and `quality/`."""

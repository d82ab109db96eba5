"""Great Expectations 1.x suites for Netra's tables, defined in code and versioned with it.

GE 1.x has no working DuckDB SQL datasource (its expectations fail silently through duckdb-engine),
so each suite validates a pandas DataFrame read from DuckDB.
"""

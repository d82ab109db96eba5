# The README's commands. `make run` and `make test` set up everything they need on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV := .venv
BIN := $(VENV)/bin

# The venv's tools (dbt, dagster) first on PATH for every command and the processes they start.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export NETRA_WAREHOUSE_DIR ?= $(CURDIR)/warehouse
export GX_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

MANIFEST := dbt_project/target/manifest.json
DBT_SOURCES := $(shell find dbt_project/models dbt_project/macros dbt_project/seeds dbt_project/tests -type f 2>/dev/null) \
	dbt_project/dbt_project.yml dbt_project/profiles.yml

.PHONY: setup run full-refresh backfill retract test dev bench bench-data eval-news study-gate lint clean

setup: $(VENV)/.installed $(MANIFEST)

# uv itself comes from PyPI into a private tools folder; it then installs exactly what uv.lock pins.
$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Bytecode is compiled at install: these machines set PYTHONDONTWRITEBYTECODE, and without .pyc
# files every Dagster start re-compiles its imports.
# The .pth file makes every Python of the venv default DAGSTER_HOME to the repo's instance (and keep
# telemetry off) when no variable says otherwise, so `.venv/bin/dagster ...` run outside make records
# its runs beside make's instead of in a temporary folder.
$(VENV)/.installed: uv.lock pyproject.toml Makefile | $(UV)
	$(UV) sync --frozen --compile-bytecode
	echo 'import os; os.environ.setdefault("DAGSTER_HOME", "$(CURDIR)/.dagster"); os.environ.setdefault("GX_ANALYTICS_ENABLED", "false"); os.environ.setdefault("DO_NOT_TRACK", "1")' \
		> "$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/netra_defaults.pth"
	touch $@

# The dbt manifest is built here, once, so importing the Dagster definitions never parses dbt.
$(MANIFEST): $(VENV)/.installed $(DBT_SOURCES)
	cd dbt_project && ../$(BIN)/dbt parse --quiet --profiles-dir .
	touch $@

# After the refresh, the dbt docs site (models, columns, tests, lineage) is written as one static page.
run: setup
	$(BIN)/python -m orchestration.run
	cd dbt_project && ../$(BIN)/dbt docs generate --quiet --static --profiles-dir . \
		--target-path "$(NETRA_WAREHOUSE_DIR)/dbt_docs"
	@echo "  dbt docs: $(NETRA_WAREHOUSE_DIR)/dbt_docs/static_index.html"

# The same refresh, with the incremental dbt models rebuilt from scratch (after a restore, say).
full-refresh: setup
	$(BIN)/python -m orchestration.run --full-refresh

# A refresh that also redoes the days FROM..TO: news facts re-extracted, case snapshots rebuilt by dbt.
backfill: setup
	$(BIN)/python -m orchestration.run --backfill-from "$(FROM)" --backfill-to "$(TO)"

# Withdraw a file loaded by mistake (FILE=kasn/name.csv); the next `make run` publishes without it.
retract: setup
	$(BIN)/python -m ingest.retract "$(FILE)"

# An old DuckDB client, apart from the project's venv, to prove serving.duckdb opens in DuckDB 1.0.
COMPAT := .tools/duckdb-1.0
$(COMPAT)/.installed: tests/compat/duckdb-1.0.txt | $(VENV)/.installed
	$(UV) venv --quiet --python $(BIN)/python $(COMPAT)
	$(UV) pip install --quiet --python $(COMPAT)/bin/python --require-hashes -r tests/compat/duckdb-1.0.txt
	touch $@

test: setup $(COMPAT)/.installed
	$(BIN)/pytest

# SCALE=1: about a million case rows in daily snapshots and 50,000 articles; 0.1 runs in minutes.
SCALE ?= 0.1

bench: setup
	$(BIN)/python -m benchmarks.bench --scale $(SCALE)

# A synthetic national landing folder under $(NETRA_WAREHOUSE_DIR)/bench/scale-$(SCALE)/.
bench-data: setup
	$(BIN)/python -m benchmarks.generate --scale $(SCALE)

# Scores the news extractor against every hand-labelled gold file (precision, recall and F1 per metric,
# with the counts): the bundled fixtures, then each set of real articles whose local copies are present
# (third-party texts, kept out of the repository; <key>.txt, first line the address). NEWS_SETS pairs each
# labels file with its copies' folder, in the order the sets were labelled: the development set, the
# tuning set, then the unseen sets of each round as data/news-labels/rounds.csv lists them
# (docs/news-extraction.md tells which were read since).
NEWS_DEV_GOLD ?= ../shared/news-dev/gold.json
NEWS_DEV_TEXTS ?= data/news-dev
NEWS_SETS ?= $(NEWS_DEV_GOLD):$(NEWS_DEV_TEXTS) data/news-labels/tuning.json:data/news-tuning \
	$(shell tail -n +2 data/news-labels/rounds.csv | cut -d, -f2,3 | tr , :)
eval-news: setup
	$(BIN)/python -m ingest.news.evaluate tests/fixtures/news/gold.json tests/fixtures/news/labelled/gold.json
	@absent=""; uncopied=""; for set in $(NEWS_SETS); do \
		gold=$${set%%:*}; texts=$${set#*:}; \
		if [ ! -f "$$gold" ]; then absent="$$absent $$gold"; \
		elif [ ! -d "$$texts" ]; then uncopied="$$uncopied $$texts/"; \
		else $(BIN)/python -m ingest.news.evaluate "$$gold" --texts "$$texts"; fi; \
	done; \
	if [ -n "$$absent" ]; then echo "not scored, no labels file:$$absent"; fi; \
	if [ -n "$$uncopied" ]; then \
		echo "$$(echo $$uncopied | wc -w) labelled set(s) not scored, their articles' local copies are missing:$$uncopied"; \
		echo "  keep each article as <folder>/<key>.txt, its address on the first line (third-party text, git-ignored)"; \
	fi

# Would a model trained on the unseen first runs of earlier rounds make the published news facts surer?
# (docs/news-extraction.md). It reruns each round's first run at the commit that added its labels.
study-gate: setup
	$(UV) run --frozen --group study python -m ingest.news.gate_study

dev: setup
	$(BIN)/dagster dev -m orchestration.definitions -h 127.0.0.1 -p 3000

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Everything generated, in the warehouse too, except the PII salt (a new salt would change every pseudonym).
clean:
	rm -rf dbt_project/target dbt_project/logs
	cd "$(NETRA_WAREHOUSE_DIR)" && rm -rf netra.duckdb* serving.duckdb* exports exports-* quality report.html dbt_docs logs

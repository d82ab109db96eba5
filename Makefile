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

.PHONY: setup run full-refresh backfill retract test dev bench bench-data eval-news lint clean

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
# tuning set, then the unseen sets of each round (docs/news-extraction.md tells which were read since).
NEWS_DEV_GOLD ?= ../shared/news-dev/gold.json
NEWS_DEV_TEXTS ?= data/news-dev
NEWS_SETS ?= $(NEWS_DEV_GOLD):$(NEWS_DEV_TEXTS) data/news-labels/tuning.json:data/news-tuning \
	data/news-labels/found.json:data/news-extra data/news-labels/held.json:data/news-held \
	data/news-labels/fresh.json:data/news-fresh data/news-labels/blind.json:data/news-blind \
	data/news-labels/round5.json:data/news-round5 data/news-labels/round6.json:data/news-round6 \
	data/news-labels/round7.json:data/news-round7 data/news-labels/round8.json:data/news-round8 \
	data/news-labels/round9.json:data/news-round9 data/news-labels/round10.json:data/news-round10 data/news-labels/round11.json:data/news-round11 data/news-labels/round12.json:data/news-round12 data/news-labels/round13.json:data/news-round13 data/news-labels/round14.json:data/news-round14 data/news-labels/round15.json:data/news-round15 data/news-labels/round16.json:data/news-round16 data/news-labels/round17.json:data/news-round17 data/news-labels/round18.json:data/news-round18 data/news-labels/round19.json:data/news-round19 data/news-labels/round20.json:data/news-round20 data/news-labels/round21.json:data/news-round21 data/news-labels/round22.json:data/news-round22 data/news-labels/round23.json:data/news-round23 data/news-labels/round24.json:data/news-round24 data/news-labels/round25.json:data/news-round25 data/news-labels/round26.json:data/news-round26 data/news-labels/round27.json:data/news-round27 data/news-labels/round28.json:data/news-round28 data/news-labels/round29.json:data/news-round29 data/news-labels/round30.json:data/news-round30 data/news-labels/round31.json:data/news-round31 data/news-labels/round32.json:data/news-round32 data/news-labels/round33.json:data/news-round33 data/news-labels/round34.json:data/news-round34 data/news-labels/round35.json:data/news-round35 data/news-labels/round36.json:data/news-round36 data/news-labels/round37.json:data/news-round37 data/news-labels/round38.json:data/news-round38 data/news-labels/round39.json:data/news-round39 data/news-labels/round40.json:data/news-round40 data/news-labels/round41.json:data/news-round41 data/news-labels/round42.json:data/news-round42 data/news-labels/round43.json:data/news-round43
eval-news: setup
	$(BIN)/python -m ingest.news.evaluate tests/fixtures/news/gold.json tests/fixtures/news/labelled/gold.json
	@for set in $(NEWS_SETS); do \
		gold=$${set%%:*}; texts=$${set#*:}; \
		if [ -f "$$gold" ] && [ -d "$$texts" ]; then $(BIN)/python -m ingest.news.evaluate "$$gold" --texts "$$texts"; \
		else echo "$$gold not scored: keep its articles' copies in $$texts/ (<key>.txt, first line the address)"; fi; \
	done

dev: setup
	$(BIN)/dagster dev -m orchestration.definitions -h 127.0.0.1 -p 3000

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Everything generated, in the warehouse too, except the PII salt (a new salt would change every pseudonym).
clean:
	rm -rf dbt_project/target dbt_project/logs
	cd "$(NETRA_WAREHOUSE_DIR)" && rm -rf netra.duckdb* serving.duckdb* exports exports-* quality report.html dbt_docs logs

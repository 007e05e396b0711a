# Every target sets itself up from the project's own files: a fresh clone needs only
# Python 3.11+, make and (for the Postgres and browser tests) Debian's apt.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev
STAMP_SYS := $(VENV)/.installed-system

.PHONY: demo serve test lint typecheck eval bench install dev system clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(STAMP_DEV): pyproject.toml $(STAMP_RUN)
	$(BIN)/pip install -q -e '.[dev,baseline]'
	touch $@

# Debian's PostgreSQL server for the Postgres-path tests (the test set-up starts it), and
# Debian's chromium for the browser tests (Playwright drives it; no browser download).
$(STAMP_SYS): | $(BIN)/python
	@if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! [ -x /usr/bin/chromium ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql chromium >/dev/null; \
	  fi; \
	else echo "note: no root apt-get; the PostgreSQL and browser tests will skip without postgresql and chromium"; fi
	touch $@

install: $(STAMP_RUN)
dev: $(STAMP_DEV) $(STAMP_SYS)

demo: install
	$(BIN)/newsclaims analyze examples/afp-blinken-gaps.txt

# The web face over a demo store of the bundled examples: open http://127.0.0.1:8000/
DEMO_DB ?= .demo/serve.db
serve: install
	@mkdir -p $(dir $(DEMO_DB))
	$(BIN)/newsclaims ingest examples/ --db $(DEMO_DB) --quiet
	$(BIN)/newsclaims serve --db $(DEMO_DB)

test: dev
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: dev
	$(BIN)/ruff check src tests

typecheck: dev
	$(BIN)/mypy

eval: install
	$(BIN)/newsclaims eval $(SHARED)/eval/dev
	$(BIN)/newsclaims eval $(SHARED)/eval/events-dev

bench: install
	$(BIN)/python bench/run.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache

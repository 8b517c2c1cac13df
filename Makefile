# One-line targets; CI runs `make test` (see .ci/run).
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: install run build serve test lint type unit clean

install: $(VENV)/.installed node_modules/.package-lock.json

# Browser assets (YASGUI, cytoscape.js) and Comunica for the client tests, from package-lock.json;
# served from node_modules by the server, never from a CDN. Skipped (with a note) without npm.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund; \
	else echo "npm not found: the web UI falls back to a plain form; browser tests skip"; fi

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

run: build serve                     ## build seeds/ into the default store, then serve it

build: install
	$(BIN)/kg build seeds/

serve: install
	$(BIN)/kg serve

lint: install
	$(BIN)/ruff check kg server tests bench

type: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint type unit                 ## everything CI checks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache node_modules tests/e2e/artifacts

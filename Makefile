# Two commands for a fresh machine: `make run` (the main job) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run demo test lint test-all browser-deps bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Harvest the live KOOP sources, extract, index and serve (offline: `make demo`).
run: install
	$(BIN)/kanaalwijzer run $(if $(PORT),--port $(PORT))

## Everything offline: replay server over the sample corpus, all stages, then the UI.
## The app listens on http://127.0.0.1:5000; another port: `make demo PORT=5001` (also for `run`).
demo: install
	$(BIN)/kanaalwijzer demo $(if $(PORT),--port $(PORT))

## Lint and import contracts first (a wrong import fails here), then the test suite (installs
## Chromium and axe-core for the browser test where it can).
test: install lint browser-deps
	$(BIN)/python -m pytest

## ruff and the import contracts of pyproject.toml (the rooms of docs/architecture.md).
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

browser-deps:
	@bash scripts/ensure-browser-deps.sh

bench: install
	$(BIN)/python benchmarks/harvest.py
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/search.py

clean:
	rm -rf $(VENV) build *.egg-info test-artifacts

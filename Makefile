# CPB Monitor. The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck contracts pytest bench setup dev-setup clean browsers

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Development and test tools (pytest, ruff, mypy, import-linter...) on top of the runtime.
$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	touch $(DEV_STAMP)

setup: $(STAMP)

dev-setup: $(DEV_STAMP)

run: setup
	$(BIN)/cpb run

pytest: dev-setup
	$(BIN)/python -m pytest

lint: dev-setup
	$(BIN)/ruff check src tests benchmarks scripts

typecheck: dev-setup
	$(BIN)/mypy

# The layering of docs/architecture.md (.importlinter): edges -> services -> apps -> core.
contracts: dev-setup
	$(BIN)/lint-imports

test: pytest lint typecheck contracts

bench: dev-setup
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

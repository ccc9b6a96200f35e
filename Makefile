# The two commands of the README.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint bench

$(BIN)/grantscan: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/grantscan

# install, then scan the sample documents (exit 1 = findings at or above --fail-on, expected here)
demo: install
	$(BIN)/grantscan scan sample_docs/ || test $$? -eq 1

# install, then run the tests; pytest's exit 5 (no tests collected) fails this target
test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests scripts

bench: install
	$(BIN)/python scripts/bench.py

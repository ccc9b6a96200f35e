# The two commands of the README.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint bench browser

$(BIN)/grantscan: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/grantscan

# install, then scan the sample documents (exit 1 = findings at or above --fail-on, expected here)
demo: install
	$(BIN)/grantscan scan sample_docs/ || test $$? -eq 1

# install, then check the code (lint, format, types) and run the tests; pytest's exit 5 (no tests collected)
# fails this target
test: install browser lint
	$(BIN)/python -m pytest

# The HTML report is tested in a real headless Chromium. In CI (CI set, running as root) install Debian's
# Chromium when it is missing; elsewhere the browser test skips and says why.
browser:
	@if [ -n "$$CI" ] && [ "$$(id -u)" = 0 ] && ! command -v chromium >/dev/null 2>&1 \
	    && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing chromium for the HTML report test"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "chromium could not be installed: the browser test will be skipped"; \
	fi

# ruff (lint and format) on everything, mypy --strict on the core (files listed in pyproject.toml)
lint: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy

bench: install
	$(BIN)/python scripts/bench.py

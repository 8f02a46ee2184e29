# Two commands on a fresh machine: `make demo` builds the graph of seeds/ into exports/,
# `make test` runs the tests. Both create .venv and install what they need.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench install browser virtuoso fuzz clean

$(BIN)/kgraph: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(BIN)/kgraph

install: $(BIN)/kgraph

demo: install
	$(BIN)/kgraph build seeds/ --out exports/

# The explorer's tests drive Debian's Chromium; install it where we may (root with apt-get).
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium chromium-driver fonts-wqy-zenhei >/dev/null; \
	  else \
	    echo "Chromium is missing and this is not root: browser tests will skip" \
	         "(sudo apt-get install chromium chromium-driver)"; \
	  fi; \
	fi

# kgraph push is tested against Debian's Virtuoso (the tests start their own server); install it where we may.
virtuoso:
	@if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null; \
	  else \
	    echo "Virtuoso is missing and this is not root: push tests will skip" \
	         "(sudo apt-get install virtuoso-opensource)"; \
	  fi; \
	fi

test: install browser virtuoso
	$(BIN)/ruff check kgraph tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: install browser
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/throughput.py --lang zh --source ../shared/dev/articles
	$(BIN)/python bench/explorer.py

# The property tests (tests/test_properties.py) with many random examples instead of CI's few fixed ones
# (the "fuzz" profile of tests/conftest.py); a failure prints its example and a @reproduce_failure blob.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_properties.py

clean:
	rm -rf $(VENV) .pytest_cache

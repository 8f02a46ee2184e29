# Two commands on a fresh machine: `make demo` builds the graph of seeds/ into exports/,
# `make test` runs the tests. Both create .venv and install what they need.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench install browser clean

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

test: install browser
	$(BIN)/ruff check kgraph tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: install browser
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/throughput.py --lang zh --source ../shared/dev/articles
	$(BIN)/python bench/explorer.py

clean:
	rm -rf $(VENV) .pytest_cache

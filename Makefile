# Two commands on a fresh machine: `make demo` builds the graph of seeds/ into exports/,
# `make test` runs the tests. Both create .venv and install what they need.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench install clean

$(BIN)/kgraph: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(BIN)/kgraph

install: $(BIN)/kgraph

demo: install
	$(BIN)/kgraph build seeds/ --out exports/

test: install
	$(BIN)/ruff check kgraph tests bench scripts
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) .pytest_cache

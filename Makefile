# Two commands matter: `make demo` (set up + run the whole pipeline offline) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The project's own modules byte-compiled, as pip does for an installed package: with PYTHONDONTWRITEBYTECODE set
# (as on this workplace's machines) every pipeline process (the command, the fork server, the crawl child) would
# otherwise compile them from source at each start. Python ignores a .pyc whose source changed since.
BYTECODE = $(BIN)/python -m compileall -q planwatch pipeline classifiers crawlers flows > /dev/null

.PHONY: setup demo test lint bench system-deps clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	$(BYTECODE)
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BYTECODE)
	$(BIN)/planwatch demo

system-deps:
	bash scripts/install-system-deps.sh

test: $(STAMP) system-deps
	$(BYTECODE)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BYTECODE)
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) data/state

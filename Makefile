# Two commands matter: `make demo` (set up + run the whole pipeline offline) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# `make test` runs pytest on this many xdist workers (the aim is a 2-core machine; `make test TEST_WORKERS=auto` takes
# one per core, 0 runs in one process). loadfile keeps a test file on one worker, so a module's fixture (the demo of
# tests/flows/test_demo.py, the synthetic warehouses of tests/scale) is built once; --no-loadscope-reorder keeps the
# order tests/conftest.py gives on workers (the files with a slow test first) (docs/decisions.md, entry 30).
TEST_WORKERS ?= 2
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
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BYTECODE)
	for b in bench/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) data/state

# Two entry points for a newcomer: `make demo` (validate + render the example) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLE := examples/birstonas-2021/plan.yaml

.PHONY: demo test lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet -e . --group dev
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/planas validate $(EXAMPLE)
	$(BIN)/planas render $(EXAMPLE) --format docx -o build/birstonas-2021.docx
	$(BIN)/planas render $(EXAMPLE) --format md -o build/birstonas-2021.md

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build

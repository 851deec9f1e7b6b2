# Two entry points for a newcomer: `make demo` (validate + render the example) and `make test`.
# Both install the exact versions of requirements-dev.lock (Linux x86-64, CPython 3.11),
# so a fresh machine runs what CI ran; `make test-latest` tries the newest allowed versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LOCK := requirements-dev.lock
LATEST := .venv-latest
EXAMPLE := examples/birstonas-2021/plan.yaml

.PHONY: demo test check-code lint install lock test-latest fuzz bench clean

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/planas validate $(EXAMPLE)
	$(BIN)/planas render $(EXAMPLE) --format docx -o build/birstonas-2021.docx
	$(BIN)/planas render $(EXAMPLE) --format md -o build/birstonas-2021.md

# Bytecode kept even where the shell sets PYTHONDONTWRITEBYTECODE: else pytest rewrites every test
# module and each planas subprocess compiles the package again, on every run (~10 s of the suite).
test: $(STAMP)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -n auto
	$(MAKE) --no-print-directory check-code BIN=$(BIN)

check-code:
	$(BIN)/ruff check src tests scripts benchmarks fuzz
	$(BIN)/mypy
	$(BIN)/lint-imports

# Regenerate the lock from pyproject.toml's ranges (uv's resolver, for the CI platform).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet "uv>=0.9,<1"
	$(BIN)/uv pip compile pyproject.toml --group dev --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 --custom-compile-command "make lock" -o $(LOCK)

# The suite against the newest versions pyproject.toml allows: drift shows up here, not in CI.
test-latest:
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade "pip>=25.1"
	$(LATEST)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e . --group dev
	$(LATEST)/bin/python -m pip list --format freeze > $(LATEST)/versions.txt
	$(LATEST)/bin/python -m pytest -q -n auto -p no:cacheprovider
	$(MAKE) --no-print-directory check-code BIN=$(LATEST)/bin

# A long mutation campaign (the suite runs a bounded one): see fuzz/README.md.
fuzz: $(STAMP)
	$(BIN)/python -m fuzz --mutants 5000 --seed 1 --workers 2
	$(BIN)/python -m fuzz --docx 5000 --seed 1
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_properties.py

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --group bench
	$(BIN)/python benchmarks/bench_startup.py
	$(BIN)/python benchmarks/bench_hostile.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_site.py

clean:
	rm -rf $(VENV) $(LATEST) build

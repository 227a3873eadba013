# One entry point for a fresh machine with Python 3.11 and git.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CLUBS ?= 200

ENVS ?= build/check-envs
WHEEL = dist/lstg-*.whl

.PHONY: install demo test lint typecheck pytest test-spawn wheel test-installed test-lowest bench
.PHONY: catalogs docs clean pages

# The tests that start worker processes, run again with them started by spawn, the
# start method of Windows and macOS (the whole suite passes so too: make test-spawn
# SPAWN_TESTS=tests).
SPAWN_TESTS ?= tests/test_loader_parallel.py tests/test_cache.py tests/test_bundled_data.py \
	tests/test_sample.py tests/test_packaging.py tests/test_rollup_bundled.py

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/lstg validate --data sample
	$(BIN)/lstg check --data sample --plan 2016-2020 --as-of 30/11/2020
	$(BIN)/lstg report --data sample --province --as-of 30/11/2020

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest test-spawn test-installed test-lowest

# The wheel, as users get it: installed in a fresh virtual environment with the newest
# dependencies (pip) and in another with the lowest that pyproject.toml allows (uv),
# and used from an empty folder (tests/installed/).
wheel: install
	rm -rf dist
	$(BIN)/python -m pip wheel --no-deps --quiet -w dist .

test-spawn: install
	LSTG_START_METHOD=spawn $(BIN)/pytest -p no:cacheprovider $(SPAWN_TESTS)

test-installed: wheel
	rm -rf $(ENVS)/newest $(ENVS)/lowest
	$(PYTHON) -m venv $(ENVS)/newest
	$(ENVS)/newest/bin/python -m pip install --quiet $(WHEEL)
	$(BIN)/uv venv --quiet --python $(PYTHON) $(ENVS)/lowest
	$(BIN)/uv pip install --quiet --python $(ENVS)/lowest/bin/python \
		--resolution lowest-direct -r pyproject.toml $(WHEEL)
	$(BIN)/pytest tests/installed --installed $(ENVS)/newest/bin
	$(BIN)/pytest tests/installed --installed $(ENVS)/lowest/bin

# The whole suite again with the lowest dependencies that pyproject.toml allows.
test-lowest: install
	rm -rf $(ENVS)/lowest-dev
	$(BIN)/uv venv --quiet --python $(PYTHON) $(ENVS)/lowest-dev
	$(BIN)/uv pip install --quiet --python $(ENVS)/lowest-dev/bin/python \
		--resolution lowest-direct -r pyproject.toml --extra test -e .
	$(ENVS)/lowest-dev/bin/pytest -p no:cacheprovider -m "not help_layout"

catalogs: install
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --sort-output -o lstg/locale/lstg.pot lstg
	$(BIN)/python scripts/cli_messages.py lstg/locale/lstg.pot
	$(BIN)/pybabel update -i lstg/locale/lstg.pot -d lstg/locale -D lstg --no-fuzzy-matching
	$(BIN)/pybabel compile -d lstg/locale -D lstg --statistics

docs: install
	$(BIN)/python scripts/cli_reference.py

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py --clubs $(CLUBS)

pages: install
	scripts/render_pages.sh data pages --period 2021..2025 --number 15 --signed 05/12/2026

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .lstg-cache build dist

.PHONY: data
data: install
	$(BIN)/python scripts/generate_data.py data

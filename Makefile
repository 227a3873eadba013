# One entry point for a fresh machine with Python 3.11 and git.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CLUBS ?= 200

.PHONY: install demo test lint typecheck pytest bench catalogs clean pages

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/lstg validate
	$(BIN)/lstg check --plan 2016-2020 --as-of 2020-11-30
	$(BIN)/lstg report --province --as-of 2020-11-30

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest

catalogs: install
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output -o lstg/locale/lstg.pot lstg
	$(BIN)/pybabel update -i lstg/locale/lstg.pot -d lstg/locale -D lstg --no-fuzzy-matching
	$(BIN)/pybabel compile -d lstg/locale -D lstg --statistics

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py --clubs $(CLUBS)

pages: install
	scripts/render_pages.sh data pages --period 2021..2025 --number 15 --signed 05/12/2026

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .lstg-cache

.PHONY: data
data: install
	$(BIN)/python scripts/generate_data.py data

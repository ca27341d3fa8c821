# Two commands matter: `make site` builds the site into site/, `make test` runs every test.
# Each target first makes sure .venv exists and matches requirements.lock (exact pinned versions).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site test check serve bench lint lock clean figures

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP)
	$(PY) build_site.py build

check: $(STAMP)
	$(PY) build_site.py check --strict

serve: $(STAMP)
	$(PY) build_site.py serve

test: $(STAMP)
	$(PY) -m pytest -n 2 --dist loadfile

lint: $(STAMP)
	$(PY) -m ruff check studykit tests build_site.py
	$(PY) -m mypy

# Redraw every figure in content/figures/ from its script in figures/ (tests/test_figures_current.py checks them).
figures: $(STAMP)
	$(PY) -m figures.build

bench: $(STAMP)
	$(PY) benchmarks/run.py

# Refresh the pins: resolve the newest versions that pyproject.toml allows in a throwaway venv.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip setuptools
	.lock-venv/bin/pip install --quiet ".[test,bench]"
	.lock-venv/bin/pip freeze --all --exclude-editable | grep -vE '^(studykit|pip)==' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site .venv .pytest_cache

# crisisledger: `make run` sets everything up and runs the main job on the bundled example;
# `make test` sets up and runs the whole test suite; `make bench` measures accuracy and speed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

EXAMPLE_DB := examples/kazakhstan.db
WEB_STAMP := src/crisisledger/web/static/vendor/manifest.json

.PHONY: install web browser run test lint bench clean

install: $(STAMP)

# The dashboard's front-end libraries and base map, from the npm registry (never committed).
web: $(WEB_STAMP)

$(WEB_STAMP): web/package.json web/package-lock.json web/build.mjs
	npm ci --prefix web --no-audit --no-fund --loglevel=error
	node web/build.mjs

# Debian's Chromium for the browser tests (they skip without it).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		echo "chromium not installed: the browser tests will be skipped"

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade "pip==26.3"
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $(STAMP)

run: install web
	$(VENV)/bin/crisisledger extract examples/kazakhstan --summary
	rm -f $(EXAMPLE_DB) && $(VENV)/bin/crisisledger ingest --db $(EXAMPLE_DB) examples/kazakhstan
	$(VENV)/bin/crisisledger serve --db $(EXAMPLE_DB)

test: install web browser
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

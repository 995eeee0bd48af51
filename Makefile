# make demo | make test | make bench | make lock
# The venv is created and filled from the hash-pinned lock once; the stamp makes reruns free.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLES := $(filter-out examples/SOURCES.md,$(sort $(wildcard examples/*.txt examples/*.md examples/*.html examples/*.htm)))

.PHONY: install demo test bench lock clean serve train screenshots

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Extract and print the examples' events, store them (merged across articles) in ./eventwire.duckdb, list the
# store, and write the brief of the example article's main event.
demo: $(STAMP)
	$(BIN)/eventwire extract $(EXAMPLES) --format table
	$(BIN)/eventwire ingest $(EXAMPLES) --db eventwire.duckdb
	$(BIN)/eventwire events --db eventwire.duckdb
	$(BIN)/eventwire brief --doc examples/kerman-twin-blasts.txt -o kerman-brief.md
	@echo "brief of the Kerman bombing written to kerman-brief.md; explore the store with: make serve"

# The browser tests drive Debian's Chromium (headless); installed once, as root or with sudo.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(CHROMIUM):
	$(SUDO) apt-get install -y -q chromium || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium) \
		|| echo "warning: could not install Debian's chromium: the browser tests will be skipped"

test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest -q

# The README's screenshots, taken by the browser tests.
screenshots: $(STAMP) $(CHROMIUM)
	EVENTWIRE_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/test_browser.py

# The web UI on http://127.0.0.1:8000/ over the demo store (API docs at /docs).
serve: $(STAMP)
	$(BIN)/eventwire ingest $(EXAMPLES) --db eventwire.duckdb
	$(BIN)/eventwire serve --db eventwire.duckdb

bench: $(STAMP)
	$(BIN)/python tools/bench.py

train: $(STAMP)
	$(BIN)/python tools/train_roles.py

# Re-resolve the dependencies (pyproject.toml, with the test and ray extras) in a throw-away venv and pin them with hashes.
lock:
	rm -rf build/lock-venv && mkdir -p build
	$(PY) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet --upgrade pip
	build/lock-venv/bin/python -m pip install --quiet --dry-run --ignore-installed \
		--report build/lock-report.json -e '.[test,ray]' setuptools
	build/lock-venv/bin/python tools/lock.py build/lock-report.json > requirements.lock
	rm -rf build/lock-venv

clean:
	rm -rf build $(VENV)

# make demo | make test | make bench | make lock
# The venv is created and filled from the hash-pinned lock once; the stamp makes reruns free.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
EXAMPLES := $(filter-out examples/SOURCES.md,$(sort $(wildcard examples/*.txt examples/*.md examples/*.html examples/*.htm)))

.PHONY: install demo test bench lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Extract and print the examples' events, store them (merged across articles) in ./eventwire.duckdb, list the store.
demo: $(STAMP)
	$(BIN)/eventwire extract $(EXAMPLES) --format table
	$(BIN)/eventwire ingest $(EXAMPLES) --db eventwire.duckdb
	$(BIN)/eventwire events --db eventwire.duckdb

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python tools/bench.py

train: $(STAMP)
	$(BIN)/python tools/train_roles.py

# Re-resolve the dependencies (pyproject.toml, with the test extras) in a throw-away venv and pin them with hashes.
lock:
	rm -rf build/lock-venv && mkdir -p build
	$(PY) -m venv build/lock-venv
	build/lock-venv/bin/python -m pip install --quiet --upgrade pip
	build/lock-venv/bin/python -m pip install --quiet --dry-run --ignore-installed \
		--report build/lock-report.json -e '.[test]' setuptools
	build/lock-venv/bin/python tools/lock.py build/lock-report.json > requirements.lock
	rm -rf build/lock-venv

clean:
	rm -rf build $(VENV)

# Two commands (see README):  make run   |   make test
# Everything lives in .venv; nothing is installed system-wide except, for the tests,
# Debian packages the browser and audio tests use (chromium, espeak-ng) when we are root.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PIP     = $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: run test setup setup-test system-test-deps bench clean

## Set up and open the study app on the bundled deck.
run: $(VENV)/.ready
	$(BIN)/trainer

## Set up (with test tools) and run the whole test suite.
test: $(VENV)/.ready-test system-test-deps
	$(BIN)/python -m pytest

setup: $(VENV)/.ready
setup-test: $(VENV)/.ready-test

$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
	  else echo "error: '$(PYTHON) -m venv' failed: install python3-venv (sudo apt install python3-venv)"; exit 1; fi; }
	$(PIP) --upgrade pip

$(VENV)/.ready: $(VENV)/bin/python pyproject.toml
	$(PIP) -e .
	@touch $@

$(VENV)/.ready-test: $(VENV)/bin/python pyproject.toml
	$(PIP) -e '.[test]'
	@touch $@ $(VENV)/.ready

## Chromium (report rendering test) and espeak-ng (Anki audio): installed when root on Debian,
## otherwise those tests skip and say why.
system-test-deps:
	@if command -v chromium >/dev/null && command -v espeak-ng >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing chromium and espeak-ng for the browser and audio tests..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium espeak-ng >/dev/null \
	    || echo "warning: could not install chromium/espeak-ng; those tests will skip"; \
	else echo "note: chromium or espeak-ng missing and not root: the report and audio tests will skip"; fi

## Benchmarks (numbers go to bench/RESULTS.md by hand).
bench: $(VENV)/.ready-test
	$(BIN)/python bench/bench_store.py

clean:
	rm -rf $(VENV) build *.egg-info

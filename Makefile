# Referral Map: `make run` installs and starts the app; `make test` installs and runs every test.
# Needs Python 3.11+ with venv, Debian's Pango and a font for the handout's PDF (`make
# weasyprint-libs`, which `run` and the tests install when missing), and (for the tests) Debian's
# chromium, webkit2gtk-driver, xvfb and firefox-esr packages, which `make test` installs when missing.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run serve test test-quick test-js lint check bench bench-smoke audit mutation screenshots install install-dev chromium webkit firefox node wrk weasyprint-libs clean

run: install weasyprint-libs
	$(PY) app.py

# The production server (waitress, serve.py): 127.0.0.1:8050 unless HOST or PORT say otherwise.
serve: install weasyprint-libs
	$(PY) serve.py

test: install-dev chromium webkit firefox node weasyprint-libs lint
	node --test tests/js
	$(PY) -m pytest

test-quick: install-dev node weasyprint-libs lint
	node --test tests/js
	$(PY) -m pytest -m "not browser"

# ruff over the whole project, mypy over the app's code (rules and settings in pyproject.toml).
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# The browser script's rules, run by Node against the same cases as the Python core.
test-js: node
	node --test tests/js

check: install
	$(PY) -m referral check

bench: install-dev chromium wrk weasyprint-libs
	$(PY) -m benchmarks

bench-smoke: install-dev chromium wrk weasyprint-libs
	$(PY) -m benchmarks --smoke

# Audits every package installed in .venv (the app's and the tools'). A package the advisory
# service cannot be reached for is listed as unchecked; a known vulnerability fails the run.
audit: install-dev
	$(PY) tools/audit.py

# Mutation testing of referral/ against tests/unit (settings under [tool.mutmut] in
# pyproject.toml). Not part of `make test`: a full run takes several minutes. mutmut is installed
# here only, at a fixed version, so the app's and the tests' requirements stay as they are. It
# works in mutants/ (left for `mutmut browse`, `mutmut show NAME`); a second run redoes only the
# mutants of functions that changed. The last command lists the mutants no test killed.
MUTMUT_VERSION := 3.8.1
MUTATION_JOBS ?= 2
mutation: install-dev
	$(PY) -m pip install --quiet "mutmut==$(MUTMUT_VERSION)"
	nice -n 10 $(PY) -m mutmut run --max-children $(MUTATION_JOBS)
	$(PY) -m mutmut results

screenshots: install-dev chromium
	$(PY) -m tools.screenshots

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

# Debian's chromium package; on Ubuntu, whose chromium package is a stub asking for snap,
# Playwright's own Chromium build and the libraries it needs (the only download of a browser).
chromium: install-dev
	@$(PY) -c "import sys; from benchmarks.browser import find_chromium; sys.exit(not find_chromium())" || { \
	  if grep -qs '^ID=ubuntu' /etc/os-release; then $(PY) -m playwright install --with-deps chromium; \
	  else $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; fi; }

# WebKit, the engine of every browser on an iPad: Debian's WebKitGTK WebDriver (with the MiniBrowser
# it drives) and the virtual display it needs on a machine without one.
webkit:
	@dpkg -s webkit2gtk-driver xvfb >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq webkit2gtk-driver xvfb; }

# Debian's Firefox ESR, which the tests drive through WebDriver BiDi (no geckodriver needed).
firefox:
	@command -v firefox-esr >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq firefox-esr; }

# Node runs the browser script's own tests (Debian's nodejs package, when Node is missing).
node:
	@command -v node >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs; }

# The load generator of the benchmarks (Debian's wrk package).
wrk:
	@command -v wrk >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }

# What WeasyPrint needs from Debian to make the handout's PDF: Pango (with HarfBuzz and
# Fontconfig) to lay out text, and the DejaVu fonts the print stylesheet names.
WEASYPRINT_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 fonts-dejavu-core
weasyprint-libs:
	@dpkg -s $(WEASYPRINT_LIBS) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(WEASYPRINT_LIBS); }

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis mutants

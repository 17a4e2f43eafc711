# Puentes: the two commands are `make demo` and `make test` (README.md). Both bootstrap what they need.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
MANAGE := cd demo && ../$(PY) manage.py
DIST ?= dist
# The suites spread over the machine's cores, a test file at a time (tests/conftest.py: what shares services runs together).
XDIST ?= -n auto

.PHONY: venv system demo demo-data test test-sqlite test-mariadb test-tutor quality wheel-smoke \
        translations courses dist dist-wheels bench bench-ora2 requirements clean

venv:
	@bash scripts/bootstrap.sh

system:
	@bash scripts/bootstrap.sh --system

demo-data: venv
	@$(MANAGE) migrate --noinput -v0
	@$(MANAGE) demo_setup

demo: demo-data
	@echo "Puentes demo: http://127.0.0.1:$(PORT)/  (Ctrl+C stops it)"
	@$(MANAGE) runserver 127.0.0.1:$(PORT) --noreload --insecure   # static files without DEBUG

# Every test: lint, the suite on SQLite (with the browser tests), the suite on MariaDB, both on the Open edX
# platform's own pins (requirements/*.txt are compiled under requirements/platform-verawood.txt), and the Tutor
# plugin rendered for real (which also installs the wheel it renders into the image's build context in a clean
# venv under the same pins: wheel-smoke). scripts/test-all.sh builds the Tutor venv while the suites run.
test: system quality
	@bash scripts/test-all.sh

quality: venv
	@$(VENV)/bin/ruff check xblocks plugins demo tests scripts benchmarks

test-sqlite: venv
	@$(PY) -m pytest -q -p no:cacheprovider $(XDIST)

test-mariadb: venv
	@bash scripts/ensure-services.sh
	@PUENTES_DB=mysql $(PY) -m pytest -q -p no:cacheprovider -m "not browser and not sqlite_only and not sweep" $(XDIST)

test-tutor:
	@if [ -f scripts/test-tutor.sh ]; then bash scripts/test-tutor.sh; else echo "no Tutor plugin yet"; fi

wheel-smoke: venv
	@bash scripts/wheel-smoke.sh

translations: venv
	@$(PY) scripts/translations.py

courses: venv
	@$(PY) scripts/build_courses.py

# What a site needs (docs/operators.md): the pack's wheel, the Tutor plugin's wheel (which carries the
# pack's, for the image's build context) and the three course archives, all in dist/.
dist: courses dist-wheels
	@ls -1 $(DIST)

dist-wheels: venv
	@mkdir -p $(DIST) && rm -f $(DIST)/puentes-*.whl $(DIST)/tutor_contrib_puentes-*.whl
	@$(PY) -m pip wheel -q --no-deps -w $(DIST) . ./plugins/tutor-puentes

bench: venv
	@$(PY) -m benchmarks

# The pack against edx-ora2 7.1.2 (an optional extra, requirements/ora2.in) in its own venv, .venv-ora2; once
# that exists, `make bench` runs the comparison with it too.
bench-ora2: venv
	@bash scripts/ora2-venv.sh
	@.venv-ora2/bin/python -m benchmarks ora2_comparison

requirements:
	@$(PY) -m pip install -q pip-tools
	@cd requirements && ../$(PY) -m piptools compile -q --strip-extras --no-emit-index-url --no-emit-find-links --upgrade -c platform-verawood.txt base.in -o base.txt
	@cd requirements && ../$(PY) -m piptools compile -q --strip-extras --no-emit-index-url --no-emit-find-links --upgrade -c platform-verawood.txt test.in -o test.txt
	@cd requirements && ../$(PY) -m piptools compile -q --strip-extras --no-emit-index-url --no-emit-find-links --upgrade build.in -o build.txt

clean:
	rm -rf $(VENV) .venv-tutor .venv-ora2 build dist *.egg-info demo/var .pytest_cache

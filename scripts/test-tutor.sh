#!/usr/bin/env bash
# Render the Tutor plugin for real and test what it writes: a Python 3.12 virtualenv of its own
# (.venv-tutor; Tutor's pins must not meet the pack's Django ones) with the pinned Tutor and the
# plugin installed editable, then `pytest tests/tutor`. Needs no Docker engine. Idempotent: the
# venv is refreshed only when requirements/tutor.txt or the plugin's pyproject.toml change.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${TUTOR_VENV:-.venv-tutor}

# shellcheck source=scripts/find-python.sh
source "scripts/find-python.sh"

stamp="$VENV/.requirements-stamp"
reqs_hash=$(cat requirements/tutor.txt plugins/tutor-puentes/pyproject.toml | sha256sum | cut -c1-16)
if [ ! -x "$VENV/bin/python" ]; then
  "$(find_python)" -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$reqs_hash" ]; then
  "$VENV/bin/pip" install -q -r requirements/tutor.txt
  "$VENV/bin/pip" install -q --no-deps -e plugins/tutor-puentes
  echo "$reqs_hash" > "$stamp"
fi

# The root pytest config names pytest-django options this venv does not have: not our concern here.
exec "$VENV/bin/python" -m pytest tests/tutor -q -p no:cacheprovider -W ignore::pytest.PytestConfigWarning "$@"

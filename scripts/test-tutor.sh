#!/usr/bin/env bash
# Render the Tutor plugin for real and test what it writes: a Python 3.12 virtualenv of its own
# (.venv-tutor; Tutor's pins must not meet the pack's Django ones) with the pinned Tutor and the
# plugin installed the way an operator installs it (`pip install ./plugins/tutor-puentes`, which
# bundles the pack's wheel), then `pytest tests/tutor`. Needs no Docker engine. Idempotent: Tutor is
# reinstalled only when requirements/tutor.txt changes; the plugin on every run. Extra arguments go
# to pytest (`--prepare`: only build the venv).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${TUTOR_VENV:-.venv-tutor}

# shellcheck source=scripts/find-python.sh
source "scripts/find-python.sh"

stamp="$VENV/.requirements-stamp"
reqs_hash=$(cat requirements/tutor.txt | sha256sum | cut -c1-16)
if [ ! -x "$VENV/bin/python" ]; then
  "$(find_python)" -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$reqs_hash" ]; then
  "$VENV/bin/pip" install -q -r requirements/tutor.txt
  echo "$reqs_hash" > "$stamp"
fi
[ "${1:-}" = "--prepare" ] && exit 0   # scripts/test-all.sh builds the venv ahead, while other suites run
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps ./plugins/tutor-puentes

# The root pytest config names pytest-django options this venv does not have: not our concern here.
exec "$VENV/bin/python" -m pytest tests/tutor -q -p no:cacheprovider -W ignore::pytest.PytestConfigWarning "$@"

#!/usr/bin/env bash
# .venv-ora2: the pack's run-time pins (requirements/base.txt) plus edx-ora2 7.1.2 (requirements/ora2.in) in
# their own venv, for `make bench-ora2`. Rebuilt only when those files change; the pack itself is installed
# editable so the benchmark measures the working tree.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${ORA2_VENV:-.venv-ora2}
# shellcheck source=scripts/find-python.sh
source "scripts/find-python.sh"

stamp="$VENV/.requirements-stamp"
reqs_hash=$(cat requirements/base.txt requirements/ora2.in | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$reqs_hash" ]; then
  rm -rf "$VENV"
  "$(find_python)" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q -r requirements/base.txt -r requirements/ora2.in
  "$VENV/bin/python" -m pip install -q --no-deps -e .
  "$VENV/bin/python" -m pip check
  echo "$reqs_hash" > "$stamp"
fi

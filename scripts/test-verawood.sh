#!/usr/bin/env bash
# The suite on the platform's own pins: a clean Python 3.12 virtualenv (.venv-verawood) where the pack is
# installed from its wheel with requirements/platform-verawood.txt as constraints (with the test tools,
# unpinned but held by the same constraints), then pytest on SQLite without the browser and worker tests
# and without tests/courses, which build the course archives with tools no LMS installs (build.in)
# (`make test` runs all of those on the pack's own pins). Fails if the pack's install_requires would make pip
# upgrade or downgrade a platform pin. Idempotent: the venv is rebuilt when the pins or the pack's
# requirements change; the pack itself is reinstalled every run. Extra arguments go to pytest (`--prepare`:
# only build the venv).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VERAWOOD_VENV:-.venv-verawood}
PINS=requirements/platform-verawood.txt

# shellcheck source=scripts/find-python.sh
source "scripts/find-python.sh"

stamp="$VENV/.requirements-stamp"
reqs_hash=$(cat "$PINS" requirements/base.in requirements/test-tools.in | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$reqs_hash" ]; then
  rm -rf "$VENV"
  "$(find_python)" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -c "$PINS" -r requirements/base.in -r requirements/test-tools.in
  echo "$reqs_hash" > "$stamp"
fi
[ "${1:-}" = "--prepare" ] && exit 0   # scripts/test-all.sh builds the venv ahead, while other suites run
# The pack as an LMS gets it: a wheel, its dependencies resolved under the platform's pins.
"$VENV/bin/python" -m pip install -q -c "$PINS" --force-reinstall --no-deps .
"$VENV/bin/python" -m pip install -q -c "$PINS" .
"$VENV/bin/python" -m pip check
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider -m "not browser and not worker and not sweep" --ignore=tests/courses "$@"

#!/usr/bin/env bash
# Install the pack the way the Tutor image does, in a clean Python 3.12 venv with the Open edX
# platform's pins as constraints (requirements/platform-verawood.txt), and render every block from
# there (outside the source tree) in English, Spanish and Portuguese, with the Tutor image's empty
# atlas folders in place (tests/smoke/render_from_wheel.py).
#
# Usage: scripts/wheel-smoke.sh                          build the pack's wheel, install puentes==<version> from it
#        scripts/wheel-smoke.sh FIND_LINKS REQUIREMENT   install REQUIREMENT with --find-links FIND_LINKS, as the
#                                                        Dockerfile Tutor renders does (tests/tutor)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
WORK=${WHEEL_SMOKE_DIR:-$REPO/build/wheel-smoke}
PINS=$REPO/requirements/platform-verawood.txt

# shellcheck source=scripts/find-python.sh
source "scripts/find-python.sh"

mkdir -p "$WORK"
if [ $# -ge 2 ]; then
  links=$1
  requirement=$2
else
  rm -rf "$WORK/dist"
  "$(find_python)" -m pip wheel -q --no-deps -w "$WORK/dist" .
  links=$WORK/dist
  wheel=$(basename "$(ls "$links"/puentes-*.whl)")
  version=${wheel#puentes-}
  requirement="puentes==${version%%-*}"
fi
if [ ! -x "$WORK/venv/bin/python" ]; then
  "$(find_python)" -m venv "$WORK/venv"
fi
# Dependencies resolved under the platform's pins; then this very wheel, even if the version is installed.
"$WORK/venv/bin/python" -m pip install -q -c "$PINS" --find-links "$links" "$requirement"
"$WORK/venv/bin/python" -m pip install -q --force-reinstall --no-deps --no-index --find-links "$links" "$requirement"
"$WORK/venv/bin/python" -m pip check
cd "$WORK"
"$WORK/venv/bin/python" "$REPO/tests/smoke/render_from_wheel.py"

#!/usr/bin/env bash
# Build the wheel, install it with its pinned dependencies in a clean Python 3.12 venv, and render
# every block from there (outside the source tree), in English, Spanish and Portuguese.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
WORK=${WHEEL_SMOKE_DIR:-$REPO/build/wheel-smoke}
rm -rf "$WORK/dist" && mkdir -p "$WORK"
.venv/bin/python -m pip wheel -q --no-deps -w "$WORK/dist" . 2>&1 | grep -v "^WARNING" || true
wheel=$(ls "$WORK"/dist/puentes-*.whl)
python=$(.venv/bin/python -c 'import sys; print(sys._base_executable)')
if [ ! -x "$WORK/venv/bin/python" ]; then
  "$python" -m venv "$WORK/venv"
fi
"$WORK/venv/bin/pip" install -q -r requirements/base.txt 2>&1 | grep -v "^WARNING" || true
"$WORK/venv/bin/pip" install -q --force-reinstall --no-deps "$wheel" 2>&1 | grep -v "^WARNING" || true
cd "$WORK"
"$WORK/venv/bin/python" "$REPO/tests/smoke/render_from_wheel.py"

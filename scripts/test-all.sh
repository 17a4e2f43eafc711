#!/usr/bin/env bash
# `make test` after lint: the SQLite suite (with the browser), the MariaDB suite, then the suite on the platform's
# pins and the Tutor plugin. The last two need virtualenvs of their own; on a fresh machine building them is
# minutes of waiting on the package index, so they are built in the background while the first two suites run
# (one after the other: both build the pack's wheel from this tree).
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
( bash scripts/test-verawood.sh --prepare && bash scripts/test-tutor.sh --prepare ) >"$log" 2>&1 &
preparing=$!
if ! make -s test-sqlite test-mariadb; then
  kill "$preparing" 2>/dev/null || true
  exit 1
fi
if ! wait "$preparing"; then
  cat "$log"
  echo "Building the platform-pins or the Tutor virtualenv failed (above)." >&2
  exit 1
fi
make -s test-verawood test-tutor

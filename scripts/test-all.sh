#!/usr/bin/env bash
# `make test` after lint: the SQLite suite (with the browser), the MariaDB suite, then the Tutor plugin. The Tutor
# tests need a virtualenv of their own (Tutor's pins must not meet the pack's); on a fresh machine building it is
# minutes of waiting on the package index, so it is built in the background while the first two suites run.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
bash scripts/test-tutor.sh --prepare >"$log" 2>&1 &
preparing=$!
if ! make -s test-sqlite test-mariadb; then
  kill "$preparing" 2>/dev/null || true
  exit 1
fi
if ! wait "$preparing"; then
  cat "$log"
  echo "Building the Tutor virtualenv failed (above)." >&2
  exit 1
fi
make -s test-tutor

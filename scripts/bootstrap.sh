#!/usr/bin/env bash
# Bring a fresh machine to the point where `make demo` and `make test` run:
# a Python 3.12 virtualenv with the pinned packages, and (with --system) the Debian
# packages the tests use: Chromium for the browser tests, MariaDB client headers for mysqlclient,
# gettext for the catalogues, pango and a font for the PDF report. Idempotent: a second run does almost nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
want_system=0
[ "${1:-}" = "--system" ] && want_system=1

need_apt=()
if [ "$want_system" = 1 ]; then
  command -v chromium >/dev/null || need_apt+=(chromium)
  command -v mariadb_config >/dev/null || command -v mysql_config >/dev/null || need_apt+=(libmariadb-dev pkg-config)
  command -v msgfmt >/dev/null || need_apt+=(gettext)
  # WeasyPrint (the needs assessment's PDF report) draws text with pango and needs a font.
  ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || need_apt+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
  [ -d /usr/share/fonts/truetype/dejavu ] || need_apt+=(fonts-dejavu-core)
  command -v npm >/dev/null || need_apt+=(nodejs npm)   # axe-core for the browser tests' accessibility checks
fi
command -v mariadb_config >/dev/null || command -v mysql_config >/dev/null || need_apt+=(libmariadb-dev pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi
fi

# axe-core (package.json, pinned in package-lock.json): the browser tests check every page with it.
if [ "$want_system" = 1 ] && [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm ci --no-audit --no-fund --silent
fi

# shellcheck source=scripts/find-python.sh
source "scripts/find-python.sh"

stamp="$VENV/.requirements-stamp"
reqs_hash=$(cat requirements/test.txt requirements/build.txt setup.py | sha256sum | cut -c1-16)
if [ ! -x "$VENV/bin/python" ]; then
  "$(find_python)" -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$reqs_hash" ]; then
  "$VENV/bin/pip" install -q -r requirements/test.txt -r requirements/build.txt
  "$VENV/bin/pip" install -q --no-deps -e .
  # XBlock 6.2+ carries web_fragments in its own wheel: a venv moved from there down to the platform's XBlock
  # 6.0 loses those files when pip removes the newer XBlock after installing web-fragments on its own.
  "$VENV/bin/python" -c "import web_fragments" 2>/dev/null \
    || "$VENV/bin/pip" install -q --force-reinstall --no-deps "$(grep -m1 '^web-fragments==' requirements/test.txt)"
  echo "$reqs_hash" > "$stamp"
fi


#!/usr/bin/env bash
# MariaDB and Redis are started before every session and CI run on this kind of machine; start
# them here too when they are installed but stopped, and fail with a clear message when absent.
set -uo pipefail
if ! mariadb -h127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1; then
  command -v mariadbd >/dev/null && start-stop-daemon --start --oknodo --background --exec "$(command -v mariadbd)"
  for _ in $(seq 30); do mariadb -h127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 1; done
fi
mariadb -h127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1 || { echo "MariaDB is not reachable on 127.0.0.1:3306 (root, no password)" >&2; exit 1; }
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  command -v redis-server >/dev/null && redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  sleep 1
fi
redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || { echo "Redis is not reachable on 127.0.0.1:6379" >&2; exit 1; }

# Sourced by the bootstrap scripts: `find_python` prints a Python 3.12 interpreter's path.
find_python() {
  for candidate in "${PYTHON:-}" python3.12; do
    # pyenv puts a python3.12 shim on PATH that fails unless 3.12 is selected: run it to be sure.
    [ -n "$candidate" ] && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null \
      && { "$candidate" -c 'import sys; print(sys.executable)'; return; }
  done
  if command -v pyenv >/dev/null; then
    PYENV_VERSION=$(pyenv versions --bare | grep -E '^3\.12' | tail -1) pyenv which python && return
  fi
  echo "Python 3.12 not found: install it (pyenv install 3.12) or set PYTHON=/path/to/python3.12" >&2
  exit 1
}

#!/usr/bin/env bash
# Create .venv and install libkg into it (editable), with the test tools when asked.
#   bash scripts/setup.sh          # runtime only
#   bash scripts/setup.sh test     # + pytest, ruff, the Oxigraph server, Debian's chromium for browser tests
# Versions are pinned by constraints.txt (known good); LIBKG_UNPINNED=1 installs from pyproject.toml's ranges.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
pins=(-c constraints.txt)
[ -n "${LIBKG_UNPINNED:-}" ] && pins=()
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install --quiet "${pins[@]}" -e '.[test]'
  # browser tests drive Debian's chromium (never a browser downloaded by a test tool)
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
    else
      echo "note: install Debian's chromium (apt-get install chromium) to run the browser tests" >&2
    fi
  fi
else
  .venv/bin/python -m pip install --quiet "${pins[@]}" -e .
fi

#!/usr/bin/env bash
# Create .venv and install libkg into it (editable), with the test extras when asked.
#   bash scripts/setup.sh          # runtime only
#   bash scripts/setup.sh test     # + pytest, ruff
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install --quiet -e '.[test]'
else
  .venv/bin/python -m pip install --quiet -e .
fi

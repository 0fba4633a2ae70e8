#!/usr/bin/env bash
# Prove a fresh install: a new venv, no pip cache, libkg installed from pyproject.toml's version
# ranges (what `pip install libkg` gives a user today, not what this machine already has), then the
# sample articles ingested. Fails if the install fails or if any sample article is lost.
#   bash scripts/check_install.sh            # from the ranges (newest releases)
#   bash scripts/check_install.sh --pinned   # with constraints.txt (the known-good versions)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pins=()
[ "${1:-}" = "--pinned" ] && pins=(-c constraints.txt)
export PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
"$PY" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "${pins[@]}" . 2>&1 | grep -v "^WARNING: Location" || true
"$work/venv/bin/python" -m pip show libkg >/dev/null   # the install really happened
"$work/venv/bin/python" -m pip list --format=freeze 2>/dev/null | grep -iE '^(lxml|lxml.html.clean|justext|trafilatura|pyoxigraph|rdflib)==' \
  | tr '\n' ' '; echo
expected=$(find samples/articles -type f \( -name '*.json' -o -name '*.jsonl' -o -name '*.txt' -o -name '*.html' \) | wc -l)
set +e
out=$("$work/venv/bin/libkg" ingest samples/articles --store "$work/store" 2>&1)
rc=$?
set -e
summary=$(printf '%s\n' "$out" | grep -E '^ingested [0-9]+ article' | tail -n 1)
got=$(printf '%s\n' "$summary" | sed -E 's/^ingested ([0-9]+) article.*/\1/')
if [ "$rc" -ne 0 ] || [ "${got:-0}" -ne "$expected" ]; then
  printf '%s\n' "$out" >&2
  echo "fresh install: FAILED: ingested ${got:-0}/$expected sample articles (exit $rc)" >&2
  exit 1
fi
echo "fresh install${pins:+ (pinned)}: ingested $got/$expected sample articles, exit $rc: $summary"

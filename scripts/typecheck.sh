#!/usr/bin/env bash
# Type-check the package with mypy (configuration: [tool.mypy] in pyproject.toml) and print a summary:
# the errors per file, then mypy's own last line.  Exits with mypy's status (0: no error).
#
#   scripts/typecheck.sh                 # the whole package (what scripts/test.sh and CI run)
#   TYPECHECK_EXCLUDE='^libkg/extract/' scripts/typecheck.sh   # leave a part out while reworking it
#   scripts/typecheck.sh --warn-unreachable      # extra options go to mypy
#
# Excluded modules are still read for the types others import from them (follow_imports = silent);
# only their own errors are not reported.
set -uo pipefail
cd "$(dirname "$0")/.."

MYPY="${MYPY:-.venv/bin/mypy}"
EXCLUDE="${TYPECHECK_EXCLUDE-}"   # a regular expression on paths; empty: exclude nothing

args=(libkg)
if [[ -n "$EXCLUDE" ]]; then
    args+=(--exclude "$EXCLUDE")
fi

out="$("$MYPY" "${args[@]}" "$@" 2>&1)"
status=$?

echo "mypy ${args[*]} $*"
# errors per file, most first (notes are not counted)
per_file="$(grep -E '^[^:]+\.py:[0-9]+: error:' <<<"$out" | cut -d: -f1 | sort | uniq -c | sort -rn)"
if [[ -n "$per_file" ]]; then
    echo "$out" | grep -vE '^(Found|Success)'
    echo
    echo "errors per file:"
    echo "$per_file"
fi
echo "$out" | tail -n 1
exit $status

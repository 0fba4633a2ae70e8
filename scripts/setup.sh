#!/usr/bin/env bash
# Create .venv and install libkg into it (editable), with the test tools when asked.
#   bash scripts/setup.sh          # runtime only
#   bash scripts/setup.sh test     # + pytest, ruff, the Oxigraph server, Debian's chromium for browser tests
# Versions are pinned by constraints.txt (known good); LIBKG_UNPINNED=1 installs from pyproject.toml's ranges.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
# Another apt (unattended upgrades, a parallel setup) may hold the dpkg or package-list lock: wait for
# it, up to APT_LOCK_TIMEOUT seconds (default 300), instead of failing at once.  apt-get install waits
# by itself with DPkg::Lock::Timeout; apt-get update (apt 2.6) ignores it for the lists lock, so it
# is retried while the error is a lock.
APT_LOCK_TIMEOUT=${APT_LOCK_TIMEOUT:-300}
APT=(apt-get -o "DPkg::Lock::Timeout=$APT_LOCK_TIMEOUT")
apt_update() {
  local deadline=$((SECONDS + APT_LOCK_TIMEOUT)) out
  until out=$("${APT[@]}" update -qq 2>&1); do
    if ! grep -qi "lock" <<<"$out" || [ "$SECONDS" -ge "$deadline" ]; then
      echo "$out" >&2
      return 1
    fi
    echo "setup: waiting for another apt to release its lock ..." >&2
    sleep 3
  done
}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
pins=(-c constraints.txt)
[ -n "${LIBKG_UNPINNED:-}" ] && pins=()
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install --quiet "${pins[@]}" -e '.[test]'
  # browser tests drive Debian's chromium (never a browser downloaded by a test tool); the OWL 2 DL
  # tests run HermiT and the OWL API (inside owlready2) on Debian's Java (a JDK: the profile check is
  # a Java source program)
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium fonts-noto-core)
  command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt_update
      DEBIAN_FRONTEND=noninteractive "${APT[@]}" install -y -qq "${need[@]}" >/dev/null
    else
      echo "note: install Debian's ${need[*]} (apt-get install ${need[*]}) to run the browser and OWL tests" >&2
    fi
  fi
else
  .venv/bin/python -m pip install --quiet "${pins[@]}" -e .
fi

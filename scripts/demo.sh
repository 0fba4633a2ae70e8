#!/usr/bin/env bash
# The main job on the embedded default store, from nothing:
# set up .venv, ingest the bundled sample articles, print query results, write the institution network.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
OUT=${OUT:-out}
STORE="$OUT/store"
rm -rf "$STORE"
mkdir -p "$OUT"
K=.venv/bin/libkg
$K ingest samples/articles --store "$STORE"
$K stats --store "$STORE"
echo; echo "== Persons and the posts they hold (first 15) =="
$K query positions --store "$STORE" --limit 15
echo; echo "== Conferences and workshops =="
$K query events --store "$STORE" -p kind=Conference
echo; echo "== Institutions that took part in the same events =="
$K query institution-coparticipation --store "$STORE" --limit 10
echo; echo "== Institution network =="
$K network institutions --store "$STORE" -o "$OUT/institutions.gexf" -o "$OUT/institutions.graphml" \
  --metrics "$OUT/institutions-metrics.csv"
$K export --store "$STORE" --format trig -o "$OUT/graph.trig"
echo; echo "Done: open $OUT/institutions.gexf in Gephi; the whole graph is in $OUT/graph.trig."

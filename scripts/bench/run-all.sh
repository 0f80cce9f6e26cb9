#!/usr/bin/env bash
# `make bench`: runs every stage's benchmark script in scripts/bench/ (ingest, sentiment, topics, pipeline),
# each printing result rows, and collects them in bench-results/<date>.tsv.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p bench-results
out="bench-results/$(date -u +%Y%m%dT%H%M%SZ).tsv"
for stage in ingest sentiment topics pipeline; do
  script="scripts/bench/$stage.sh"
  [ -x "$script" ] || continue
  echo "== bench: $stage"
  "$script" | tee -a "$out"
done
echo "bench: results in $out"

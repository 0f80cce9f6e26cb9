#!/usr/bin/env bash
# The topics of the bundled samples must not depend on the BLAS thread count: `threadlens topics` is run
# with OPENBLAS_NUM_THREADS=1 and =2 (separate processes, so no test changes the count under another)
# and both output files must be byte-identical. Run by `make test` after the debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${THREADLENS_BIN:-.build/debug/threadlens}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for t in 1 2; do
    OPENBLAS_NUM_THREADS=$t "$BIN" topics data/samples --k-min 2 --k-max 8 --seed 7 --out "$out/t$t" >/dev/null
done
for f in assignments.csv topics.csv k-scores.csv; do
    if ! cmp -s "$out/t1/$f" "$out/t2/$f"; then
        echo "check-blas-threads: $f differs between 1 and 2 BLAS threads" >&2
        diff "$out/t1/$f" "$out/t2/$f" | head -10 >&2
        exit 1
    fi
done
echo "check-blas-threads: topics of data/samples identical with 1 and 2 BLAS threads"

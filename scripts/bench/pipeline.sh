#!/usr/bin/env bash
# Pipeline benchmark (called by `make bench`): the whole nightly run on generated threads,
# full, unchanged and with one thread changed; one result row per line on stdout.
# Options: THREADS (default 400) and COMMENTS (default 50) per thread.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/release/threadlens-bench
[ -x "$bin" ] || swift build -c release --product threadlens-bench >&2
echo -e "pipeline\tenv\tblas\t$(.build/release/threadlens doctor 2>/dev/null | sed -n 's/^blas: *//p' || echo unknown)\t-"
for size in "${THREADS:-400}x${COMMENTS:-50}" "2000x50"; do
  t=${size%x*}; c=${size#*x}
  "$bin" pipeline --threads "$t" --comments "$c" --lexicons data/lexicons | sed "s/^pipeline\t/pipeline:${t}x${c}\t/"
done

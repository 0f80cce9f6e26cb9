#!/usr/bin/env bash
# Sentiment benchmark (part of `make bench`): sentences/s and peak memory of threadlens (vader and default
# modes) and of vaderSentiment 3.3.2 on the same sentences in the same run, one core each:
#   - the 4,200 tweets of ../shared/reference/sentiment/tweets_GroundTruth.txt (skipped when absent);
#   - a generated corpus of SENTIMENT_BENCH_N sentences (default 1,000,000; seeded, deterministic).
# Times are CPU seconds of each process (one thread), so other load on the machine does not skew the ratio.
# Output rows: sentiment<TAB>dataset<TAB>implementation<TAB>sentences<TAB>cpu_seconds<TAB>sentences_per_s<TAB>peak_rss_mb,
# then one speed-up row per dataset and mode.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OPENBLAS_NUM_THREADS=1
n="${SENTIMENT_BENCH_N:-1000000}"
bin=.build/release/threadlens-bench
[ -x "$bin" ] || swift build -c release --product threadlens-bench >&2
python="$(scripts/bench/venv.sh)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

datasets=()
tweets=../shared/reference/sentiment/tweets_GroundTruth.txt
if [ -f "$tweets" ]; then
  cut -f3- "$tweets" | tr -d '\r' > "$work/tweets.txt"
  datasets+=(tweets)
else
  echo "sentiment bench: $tweets absent, tweets skipped" >&2
fi
"$bin" sentiment generate "$n" "$work/generated.txt" 42
datasets+=(generated)

printf 'stage\tdataset\timplementation\tsentences\tcpu_seconds\tsentences_per_s\tpeak_rss_mb\n'
for d in "${datasets[@]}"; do
  label="$d"; [ "$d" = generated ] && label="generated-$n"
  ref="$("$python" scripts/bench/sentiment_ref.py "$work/$d.txt" "$label" 2>/dev/null)"
  echo "$ref"
  ref_rate="$(echo "$ref" | cut -f6)"
  for mode in vader default; do
    row="$(taskset -c 0 "$bin" sentiment score "$work/$d.txt" --mode "$mode" --label "$label" 2>/dev/null \
           || "$bin" sentiment score "$work/$d.txt" --mode "$mode" --label "$label" 2>/dev/null)"
    echo "$row"
    rate="$(echo "$row" | cut -f6)"
    awk -v r="$rate" -v b="$ref_rate" -v d="$label" -v m="$mode" \
      'BEGIN { printf "sentiment\t%s\tspeedup-%s-vs-vaderSentiment\t\t\t%.1fx\t\n", d, m, r / b }'
  done
done

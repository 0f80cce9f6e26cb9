#!/usr/bin/env bash
# Sentiment benchmark (part of `make bench`): sentences/s and peak memory of threadlens (vader and default
# modes) and of vaderSentiment 3.3.2 on the same sentences in the same run, one core each:
#   - the 4,200 tweets of ../shared/reference/sentiment/tweets_GroundTruth.txt (skipped when absent);
#   - a generated corpus of SENTIMENT_BENCH_N sentences (default 1,000,000; seeded, deterministic).
# Times are CPU seconds of each process (one thread), so other load on the machine does not skew the ratio.
# threadlens scores through `polarityScores` (what `threadlens sentiment` runs per line); one pass over the
# tweets lasts a few milliseconds, so it is repeated SENTIMENT_BENCH_TWEET_REPEAT times (default 20; the
# rate counts every call). On the tweets, `analyze` rows time the pipeline's call (each tweet a comment with
# its sentences, per-sentence scores and explanations), against the same vaderSentiment figure. The reference
# repeats its tweet pass SENTIMENT_BENCH_REF_REPEAT times (default 3; one pass lasts about a quarter second).
# Output rows: sentiment<TAB>dataset<TAB>implementation<TAB>sentences<TAB>cpu_seconds<TAB>sentences_per_s<TAB>peak_rss_mb,
# then one speed-up row per dataset and mode.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OPENBLAS_NUM_THREADS=1
n="${SENTIMENT_BENCH_N:-1000000}"
tweet_repeat="${SENTIMENT_BENCH_TWEET_REPEAT:-20}"
ref_repeat="${SENTIMENT_BENCH_REF_REPEAT:-3}"
bin="${SENTIMENT_BENCH_BIN:-.build/release/threadlens-bench}"
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
  passes=1; [ "$d" = tweets ] && passes="$ref_repeat"
  ref="$("$python" scripts/bench/sentiment_ref.py "$work/$d.txt" "$label" "$passes" 2>/dev/null)"
  echo "$ref"
  ref_rate="$(echo "$ref" | cut -f6)"
  repeat=1; apis=(polarity)
  [ "$d" = tweets ] && { repeat="$tweet_repeat"; apis=(polarity analyze); }
  for api in "${apis[@]}"; do
    for mode in vader default; do
      args=(sentiment score "$work/$d.txt" --mode "$mode" --api "$api" --repeat "$repeat" --label "$label")
      row="$(taskset -c 0 "$bin" "${args[@]}" 2>/dev/null || "$bin" "${args[@]}" 2>/dev/null)"
      echo "$row"
      rate="$(echo "$row" | cut -f6)"
      name="$mode"; [ "$api" = analyze ] && name="$mode-analyze"
      awk -v r="$rate" -v b="$ref_rate" -v d="$label" -v m="$name" \
        'BEGIN { printf "sentiment\t%s\tspeedup-%s-vs-vaderSentiment\t\t\t%.1fx\t\n", d, m, r / b }'
    done
  done
done

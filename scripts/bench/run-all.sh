#!/usr/bin/env bash
# `make bench`: every stage's benchmark and the whole nightly pipeline on generated corpora of
# 100k, 300k and 1M comments, each case in its own process (peak memory is that process's), with the
# references (Python json/mailbox, vaderSentiment 3.3.2, scikit-learn 1.9.1) in the same run.
# Prints one table (scripts/bench/table.py) and saves:
#   bench-results/<UTC stamp>.tsv      one row per stage and size (columns: docs/bench.md)
#   bench-results/<UTC stamp>.raw.tsv  one row per repetition
#   bench-results/<UTC stamp>.txt      the printed table
# Environment: BENCH_SIZES (default "100000 300000 1000000"), BENCH_QUICK=1 (sizes 2000 and 20000, one
# repetition), BENCH_REPEATS (default 3) and BENCH_REF_REPEATS (default: BENCH_REPEATS) repetitions,
# BENCH_LARGE_REPEATS (default: BENCH_REPEATS) for sizes over 100k (the 1M references take many minutes),
# BENCH_REF_MAX_SIZE (run the references only up to this size; default every size), BENCH_SKIP (stages
# not to run, e.g. "nightly ingest-mbox"; tfidf also skips lsa-kmeans), BENCH_OURS=0 (references only),
# BENCH_SEED (default 1), BENCH_DIR (scratch folder, default a temp dir), OPENBLAS_NUM_THREADS
# (default 1; the Makefile exports it), BENCH_BIN (default .build/release/threadlens-bench). The older per-stage scripts (ingest.sh, sentiment.sh, topics.sh,
# pipeline.sh) still run their fixed corpora on their own.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
export LC_ALL=C
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  sizes="${BENCH_SIZES:-2000 20000}"; reps="${BENCH_REPEATS:-1}"
else
  sizes="${BENCH_SIZES:-100000 300000 1000000}"; reps="${BENCH_REPEATS:-3}"
fi
ref_reps="${BENCH_REF_REPEATS:-$reps}"
large_reps="${BENCH_LARGE_REPEATS:-$reps}"  # repetitions (ours and references) for sizes over 100k
ref_max="${BENCH_REF_MAX_SIZE:-0}"            # references only up to this size (0: every size)
seed="${BENCH_SEED:-1}"
bin="${BENCH_BIN:-.build/release/threadlens-bench}"
[ -x "$bin" ] || swift build -c release --product threadlens-bench >&2
py="$(scripts/bench/venv.sh)"
work="${BENCH_DIR:-$(mktemp -d)}"
mkdir -p "$work" bench-results
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
raw="bench-results/$stamp.raw.tsv"
version=1
printf 'version\trun\tstage\tsize\timpl\trep\titems\tmb\twall_s\tcpu_s\tpeak_rss_mb\textra\n' > "$raw"

# measure STAGE SIZE IMPL REP ITEMS FILE PARSER -- COMMAND...: runs COMMAND under /usr/bin/time, asks PARSER
# (a function reading the command's stdout) for "wall cpu extra" and appends a raw row; the peak RSS is
# the process's maximum resident set (kB from /usr/bin/time).
skipped() { case " ${BENCH_SKIP:-} " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
measure() {
  local stage=$1 size=$2 impl=$3 rep=$4 items=$5 file=$6 parser=$7; shift 8
  if skipped "$stage"; then return 0; fi
  if [ "${BENCH_OURS:-1}" = 0 ] && [ "$impl" = threadlens ]; then return 0; fi
  if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > "$work/out" 2> "$work/err"; then
    echo "bench: $stage $impl $size failed: $(tail -3 "$work/err")" >&2
    return 0
  fi
  local pwall pcpu kb parsed wall cpu extra mb
  read -r pwall u s kb < <(tail -1 "$work/time")
  pcpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }')
  parsed="$($parser "$pwall" "$pcpu" < "$work/out")"
  wall=$(cut -f1 <<< "$parsed"); cpu=$(cut -f2 <<< "$parsed"); extra=$(cut -f3- <<< "$parsed")
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s\n' "$version" "$stamp" "$stage" "$size" "$impl" "$rep" \
    "$items" "$mb" "$wall" "$cpu" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" "$extra" | tee -a "$raw"
}

# Parsers: stdout of one case -> "wall<TAB>cpu<TAB>extra" (args: process wall and CPU seconds).
p_kv() {  # key=value rows with wall_s= and cpu_s= (ingest_ref.py, nightly)
  tr '\t' '\n' | awk -F= '$1=="wall_s"{w=$2} $1=="cpu_s"{c=$2} /_s=|gemm_/ && $1!="wall_s" && $1!="cpu_s" {e=e $0 " "}
    END { printf "%s\t%s\t%s\n", w, c, e }'
}
p_ingest() {  # ingest<TAB>format<TAB>MB<TAB>seconds<TAB>...<TAB>cpu=Xs cpuMB/s=... comments=N skipped=K
  awk -F'\t' '/^ingest\t/ { split($8, a, " "); c = a[1]; sub(/^cpu=/, "", c); sub(/s$/, "", c);
    printf "%s\t%s\t%s %s\n", $4, c, a[4], a[5] }'
}
p_sentiment() {  # sentiment<TAB>label<TAB>impl<TAB>n<TAB>cpu_seconds<TAB>rate<TAB>peak: timed on CPU, one thread
  awk -F'\t' '/^sentiment\t/ { printf "%s\t%s\tone-thread-cpu\n", $5, $5 }'
}
p_topics_tfidf() {
  awk -F'\t' '$4=="tfidf_seconds"{w=$5} $4=="tfidf_cpu_seconds"{c=$5} $4=="vocabulary"{v=$5} $4=="nonzeros"{z=$5}
    END { printf "%s\t%s\tvocabulary=%s nonzeros=%s\n", w, c, v, z }'
}
p_topics_lsa() {
  awk -F'\t' '$4=="lsa_kmeans_seconds"{w=$5} $4=="lsa_kmeans_cpu_seconds"{c=$5} $4=="nmi"{n=$5}
    $4=="gemm_gflops"{g=$5} $4=="gemm_seconds"{s=$5} $4=="gemm_calls"{k=$5} $4=="gemm_cpu_gflops"{u=$5}
    END { printf "%s\t%s\t", w, c; if (n != "") printf "nmi=%s ", n
          if (g != "") printf "gemm_calls=%s gemm_s=%s gemm_gflops=%s gemm_cpu_gflops=%s", k, s, g, u; printf "\n" }'
}
p_gemm() {
  tr '\t' '\n' | awk -F= -v w="$1" -v c="$2" '$1=="gflops_median"{g=$2} $1=="gflops_cpu_median"{u=$2} $1=="blas_threads"{t=$2}
    END { printf "%s\t%s\tgflops_median=%s gflops_cpu_median=%s blas_threads=%s\n", w, c, g, u, t }'
}

echo "== bench: BLAS and dgemm (OPENBLAS_NUM_THREADS=$OPENBLAS_NUM_THREADS)"
blasline="$("$bin" blas)"
echo "$blasline"
if [ -x .build/release/threadlens ]; then .build/release/threadlens doctor 2>/dev/null | sed -n '/^blas:/,/OPENBLAS_NUM_THREADS/p'; fi
for rep in $(seq 1 "$reps"); do
  measure dgemm-2000 2000 threadlens "$rep" 1 "$bin" p_gemm -- "$bin" gemm --n 2000 --repeats 3
done

for n in $sizes; do
  echo "== bench: generating $n comments (seed $seed)"
  for f in jsonl mbox lines; do
    [ -s "$work/gen-$n.$f" ] || "$bin" generate --comments "$n" --format "$f" --seed "$seed" --out "$work/gen-$n.$f" >&2
  done
  jl="$work/gen-$n.jsonl"; mb="$work/gen-$n.mbox"; ln="$work/gen-$n.lines"
  n_reps=$reps; n_ref_reps=$ref_reps
  if [ "$n" -gt 100000 ]; then n_reps=$large_reps; n_ref_reps=$(( large_reps < ref_reps ? large_reps : ref_reps )); fi
  if [ "$ref_max" -gt 0 ] && [ "$n" -gt "$ref_max" ]; then n_ref_reps=0; fi
  for rep in $(seq 1 "$n_reps"); do
    echo "== bench: $n comments, repetition $rep of $n_reps"
    measure ingest-jsonl "$n" threadlens "$rep" "$n" "$jl" p_ingest -- "$bin" ingest read "$jl"
    measure ingest-mbox "$n" threadlens "$rep" "$n" "$mb" p_ingest -- "$bin" ingest read "$mb"
    measure sentiment-vader "$n" threadlens "$rep" "$n" "$ln" p_sentiment -- "$bin" sentiment score "$ln" --mode vader
    measure sentiment-default "$n" threadlens "$rep" "$n" "$ln" p_sentiment -- "$bin" sentiment score "$ln" --mode default
    measure tfidf "$n" threadlens "$rep" "$n" "$jl" p_topics_tfidf -- "$bin" topics --input "$jl" --name "gen-$n" --k 8 --seed 42
    cp "$work/out" "$work/topics.out"
    # LSA + k-means ran in the same process as TF-IDF: the same peak memory.
    if ! skipped tfidf && [ "${BENCH_OURS:-1}" != 0 ]; then
    parsed="$(p_topics_lsa < "$work/topics.out")"
    tail -1 "$raw" | awk -F'\t' -v OFS='\t' -v w="$(cut -f1 <<< "$parsed")" -v c="$(cut -f2 <<< "$parsed")" \
      -v e="$(cut -f3- <<< "$parsed")" '{ $3 = "lsa-kmeans"; $9 = w; $10 = c; $12 = e; print }' | tee -a "$raw"
    fi
    measure nightly "$n" threadlens "$rep" "$n" "$jl" p_kv -- "$bin" nightly --input "$jl" --data data
  done
  for rep in $(seq 1 "$n_ref_reps"); do
    echo "== bench: $n comments, references, repetition $rep of $n_ref_reps"
    measure ingest-jsonl "$n" python-json "$rep" "$n" "$jl" p_kv -- "$py" scripts/bench/ingest_ref.py jsonl "$jl"
    measure ingest-mbox "$n" python-mailbox "$rep" "$n" "$mb" p_kv -- "$py" scripts/bench/ingest_ref.py mbox "$mb"
    measure sentiment-vader "$n" vaderSentiment-3.3.2 "$rep" "$n" "$ln" p_sentiment -- "$py" scripts/bench/sentiment_ref.py "$ln" "gen-$n"
    measure tfidf "$n" scikit-learn-1.9.1 "$rep" "$n" "$jl" p_topics_tfidf -- "$py" scripts/bench/topics_sklearn.py "$jl" "gen-$n" 8 42
    cp "$work/out" "$work/topics.out"
    if ! skipped tfidf; then
    parsed="$(p_topics_lsa < "$work/topics.out")"
    tail -1 "$raw" | awk -F'\t' -v OFS='\t' -v w="$(cut -f1 <<< "$parsed")" -v c="$(cut -f2 <<< "$parsed")" \
      -v e="$(cut -f3- <<< "$parsed")" '{ $3 = "lsa-kmeans"; $9 = w; $10 = c; $12 = e; print }' | tee -a "$raw"
    fi
  done
  [ -n "${BENCH_DIR:-}" ] || rm -f "$work/gen-$n".*
done

load="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 scripts/bench/table.py "$raw" "bench-results/$stamp.tsv" --blas "$blasline" --load "$load" \
  | tee "bench-results/$stamp.txt"
echo "bench: results in bench-results/$stamp.tsv (raw rows: $raw)"

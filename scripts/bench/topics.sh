#!/usr/bin/env bash
# Topics benchmark (called by `make bench` through run-all.sh): TF-IDF time, LSA + clustering time, peak memory
# and, where the corpus has labels, NMI/ARI, for threadlens and scikit-learn 1.9.1's reference pipeline in the same
# run, on: the BBC corpus (../shared/reference/topics, skipped when absent), 20k generated short texts and 1M
# generated short comments (TOPICS_BENCH_1M=0 skips it). Prints `topics <dataset> <impl> <metric> <value>` rows,
# then the speed-up and memory ratios. TOPICS_BENCH_REPEATS=N (default 1) runs the 20k and 1M cases N times as
# `short-20k/rep1`...; every group of runs (`name/seedS`, `name/repR`) also gets the median of each time, memory
# and quality row per side and the ratios of those medians. The BLAS rows name the libraries each side loaded.
# OPENBLAS_NUM_THREADS is honoured by both sides (the Makefile sets 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
py=$(scripts/bench/venv.sh)
bench=.build/release/threadlens-bench
[ -x "$bench" ] || swift build -c release --product threadlens-bench >&2
data=${TOPICS_BENCH_DIR:-${TMPDIR:-/tmp}/threadlens-bench-topics}
mkdir -p "$data"
[ -s "$data/short-20k.jsonl" ] || "$py" scripts/bench/make_topic_corpus.py 20000 "$data/short-20k.jsonl" --seed 1
if [ "${TOPICS_BENCH_1M:-1}" != 0 ] && [ ! -s "$data/short-1m.jsonl" ]; then
  "$py" scripts/bench/make_topic_corpus.py 1000000 "$data/short-1m.jsonl" --seed 2
fi
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT

run() {  # name file k [seed]
  "$bench" topics --input "$2" --name "$1" --k "$3" --seed "${4:-42}" | tee -a "$rows"
  "$py" scripts/bench/topics_sklearn.py "$2" "$1" "$3" "${4:-42}" | tee -a "$rows"
}

# BBC at the true k, over several seeds: one seed's NMI moves by about ±0.004 on either side.
bbc=../shared/reference/topics/bbc.jsonl
if [ -s "$bbc" ]; then
  for seed in ${TOPICS_BENCH_SEEDS:-1 2 3 4 5}; do
    run "bbc/seed$seed" "$bbc" 5 "$seed"
    # The same pipeline with Euclidean k-means on the unit rows (scikit-learn's KMeans) instead of spherical.
    "$bench" topics --input "$bbc" --name "bbc-euclidean/seed$seed" --k 5 --seed "$seed" --euclidean | tee -a "$rows"
    # Spherical starts refined by Euclidean Lloyd iterations (SphericalKMeans.refinesWithMeans, off in the product).
    "$bench" topics --input "$bbc" --name "bbc-refine/seed$seed" --k 5 --seed "$seed" --refine | tee -a "$rows"
  done
else
  echo "topics: $bbc absent, BBC quality run skipped" >&2
fi
repeats=${TOPICS_BENCH_REPEATS:-1}
for rep in $(seq 1 "$repeats"); do
  suffix=$([ "$repeats" -gt 1 ] && echo "/rep$rep" || true)
  run "short-20k$suffix" "$data/short-20k.jsonl" 8
  if [ "${TOPICS_BENCH_1M:-1}" != 0 ]; then run "short-1m$suffix" "$data/short-1m.jsonl" 8; fi
done

# Ratios: scikit-learn time / ours (higher is better; wall clock, and CPU time, which a busy machine disturbs
# less but which counts every thread), our peak memory / scikit-learn's (lower is better).
awk -F'\t' '
  function median(list,    m, i, j, x, vals) {
    m = split(substr(list, 2), vals, " ")
    for (i = 2; i <= m; i++) { x = vals[i]; for (j = i - 1; j >= 1 && vals[j] > x; j--) vals[j + 1] = vals[j]; vals[j + 1] = x }
    return m % 2 ? vals[(m + 1) / 2] : (vals[m / 2] + vals[m / 2 + 1]) / 2
  }
  { v[$2 "|" $3 "|" $4] = $5; seen[$2] = 1 }
  $2 ~ /\/(seed|rep)[0-9]+$/ && $4 ~ /^(nmi|ari|tfidf_seconds|tfidf_cpu_seconds|lsa_kmeans_seconds|lsa_kmeans_cpu_seconds|peak_rss_mb)$/ {
    split($2, name, "/"); key = name[1] "|" $3 "|" $4; sum[key] += $5; count[key]++; all[key] = all[key] " " $5
    groups[name[1]] = 1; runs[name[1]] = substr(name[2], 1, 3) == "rep" ? "runs" : "seeds"
  }
  END {
    for (key in sum) {
      split(key, part, "|")
      med[key] = median(all[key])
      if (part[3] == "nmi" || part[3] == "ari")
        printf "topics\t%s\t%s\t%s_mean_over_%d_%s\t%.4f\n", part[1], part[2], part[3], count[key], runs[part[1]], sum[key] / count[key]
      printf "topics\t%s\t%s\t%s_median_over_%d_%s\t%.4f\n", part[1], part[2], part[3], count[key], runs[part[1]], med[key]
    }
    # Ratios of the medians of each group, on the same footing as the per-run ratios below.
    for (g in groups) {
      if (!((g "|sklearn|tfidf_cpu_seconds") in med)) continue
      if (med[g "|swift|tfidf_cpu_seconds"] > 0)
        printf "topics\t%s\tratio\ttfidf_cpu_ratio_of_medians\t%.2f\n", g, med[g "|sklearn|tfidf_cpu_seconds"] / med[g "|swift|tfidf_cpu_seconds"]
      if (med[g "|swift|lsa_kmeans_cpu_seconds"] > 0)
        printf "topics\t%s\tratio\tlsa_kmeans_cpu_ratio_of_medians\t%.2f\n", g, med[g "|sklearn|lsa_kmeans_cpu_seconds"] / med[g "|swift|lsa_kmeans_cpu_seconds"]
      if (med[g "|sklearn|peak_rss_mb"] > 0)
        printf "topics\t%s\tratio\tpeak_memory_swift_over_sklearn_of_medians\t%.2f\n", g, med[g "|swift|peak_rss_mb"] / med[g "|sklearn|peak_rss_mb"]
    }
    for (d in seen) {
      if (!((d "|sklearn|documents") in v)) continue
      if ((d "|swift|tfidf_seconds") in v && v[d "|swift|tfidf_seconds"] > 0)
        printf "topics\t%s\tratio\ttfidf_speedup\t%.2f\n", d, v[d "|sklearn|tfidf_seconds"] / v[d "|swift|tfidf_seconds"]
      if ((d "|swift|lsa_kmeans_seconds") in v && v[d "|swift|lsa_kmeans_seconds"] > 0)
        printf "topics\t%s\tratio\tlsa_kmeans_speedup\t%.2f\n", d, v[d "|sklearn|lsa_kmeans_seconds"] / v[d "|swift|lsa_kmeans_seconds"]
      if ((d "|swift|tfidf_cpu_seconds") in v && v[d "|swift|tfidf_cpu_seconds"] > 0)
        printf "topics\t%s\tratio\ttfidf_cpu_ratio\t%.2f\n", d, v[d "|sklearn|tfidf_cpu_seconds"] / v[d "|swift|tfidf_cpu_seconds"]
      if ((d "|swift|lsa_kmeans_cpu_seconds") in v && v[d "|swift|lsa_kmeans_cpu_seconds"] > 0)
        printf "topics\t%s\tratio\tlsa_kmeans_cpu_ratio\t%.2f\n", d, v[d "|sklearn|lsa_kmeans_cpu_seconds"] / v[d "|swift|lsa_kmeans_cpu_seconds"]
      if ((d "|sklearn|peak_rss_mb") in v && v[d "|sklearn|peak_rss_mb"] > 0)
        printf "topics\t%s\tratio\tpeak_memory_swift_over_sklearn\t%.2f\n", d, v[d "|swift|peak_rss_mb"] / v[d "|sklearn|peak_rss_mb"]
    }
  }' "$rows" | sort

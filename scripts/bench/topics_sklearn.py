#!/usr/bin/env python3
"""scikit-learn's reference topic pipeline, timed the way threadlens-bench times ours.

TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5) -> TruncatedSVD(100)
-> Normalizer -> KMeans(k, n_init=10). Prints `topics <dataset> sklearn <metric> <value>` rows:
TF-IDF time (fit_transform), LSA + clustering time, NMI/ARI when the input has labels, peak RSS.

Usage: python topics_sklearn.py FILE.jsonl NAME K SEED
"""
import json
import resource
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.preprocessing import Normalizer
from threadpoolctl import threadpool_info


def main() -> None:
    path, name, k, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            texts.append(obj["text"])
            labels.append(obj.get("label"))

    def row(metric, value):
        print(f"topics\t{name}\tsklearn\t{metric}\t{value}", flush=True)

    row("documents", len(texts))
    libs = sorted({f"{i.get('internal_api')}:{i.get('num_threads')} ({i.get('filepath')})" for i in threadpool_info()
                   if i.get("user_api") == "blas"})
    row("blas", f"scikit-learn {sklearn.__version__}, numpy {np.__version__}: " + "; ".join(libs))
    t0, c0 = time.perf_counter(), time.process_time()
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5).fit_transform(texts)
    t1, c1 = time.perf_counter(), time.process_time()
    row("tfidf_seconds", f"{t1 - t0:.3f}")
    row("tfidf_cpu_seconds", f"{c1 - c0:.3f}")
    row("vocabulary", x.shape[1])
    row("nonzeros", x.nnz)
    t2, c2 = time.perf_counter(), time.process_time()
    emb = TruncatedSVD(n_components=min(100, min(x.shape) - 1), random_state=seed).fit_transform(x)
    emb = Normalizer(copy=False).fit_transform(emb)
    pred = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(emb)
    t3, c3 = time.perf_counter(), time.process_time()
    row("lsa_kmeans_seconds", f"{t3 - t2:.3f}")
    row("lsa_kmeans_cpu_seconds", f"{c3 - c2:.3f}")
    if all(label is not None for label in labels):
        row("nmi", f"{normalized_mutual_info_score(labels, pred):.4f}")
        row("ari", f"{adjusted_rand_score(labels, pred):.4f}")
    row("peak_rss_mb", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Which k-means objective suits which corpus, with the SVD's randomness taken out.

On a labelled JSONL corpus ({"text", "label"} a line), builds the reference TF-IDF (sublinear_tf, English stop
words, min_df = 2, max_df = 0.5), an exact rank-100 truncated SVD (ARPACK) and unit rows, then runs many
k-means++ seedings (greedy, scikit-learn's) to convergence with each objective:

  spherical   unit-length centroids, a row joins the most similar one (SphericalKMeans, the product)
  euclidean   mean centroids, a row joins the nearest one (scikit-learn's KMeans after a Normalizer)
  vmf         hard mixture of von Mises-Fisher: a row joins the topic maximising
              kappa_c * x.mu_c + log C_d(kappa_c) + log(share_c), kappa_c from the topic's mean resultant length

and prints, for B starts, the mean NMI of the start with the best objective in each group of B: what a
`starts = B` run gets on average, once the subspace is exact. Dev-time only (scipy and scikit-learn).

Usage: python kmeans_objectives.py FILE.jsonl K [SEEDINGS=300]
"""
import json
import sys

import numpy as np
from scipy.special import ive
from sklearn.cluster._kmeans import _kmeans_plusplus
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score
from sklearn.preprocessing import Normalizer


def lloyd(x, centres, objective, k):
    n, d = x.shape
    labels, score = None, None
    for _ in range(300):
        sims = x @ centres.T
        if objective == "euclidean":
            score = sims - 0.5 * (centres * centres).sum(1)
        elif objective == "vmf" and labels is not None:
            sizes = np.maximum(np.bincount(labels, minlength=k), 1)
            r = np.clip(np.linalg.norm(centres_sum, axis=1) / sizes, 1e-6, 1 - 1e-6)
            kappa = r * (d - r * r) / (1 - r * r)  # Banerjee et al. (2005), eq. 4.4
            nu = d / 2 - 1
            log_c = nu * np.log(kappa) - (np.log(ive(nu, kappa)) + kappa)
            score = sims * kappa + log_c + np.log(sizes / n)
        else:
            score = sims
        new = score.argmax(1)
        if labels is not None and (new == labels).all():
            break
        labels = new
        centres_sum = np.stack([x[labels == c].sum(0) for c in range(k)])
        if objective == "euclidean":
            centres = centres_sum / np.maximum(np.bincount(labels, minlength=k), 1)[:, None]
        else:
            centres = centres_sum / np.maximum(np.linalg.norm(centres_sum, axis=1, keepdims=True), 1e-300)
    return labels, score.max(1).sum()


def main():
    path, k = sys.argv[1], int(sys.argv[2])
    seedings = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    texts, truth = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            texts.append(obj["text"])
            truth.append(obj["label"])
    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5).fit_transform(texts)
    x = Normalizer().fit_transform(TruncatedSVD(100, algorithm="arpack", random_state=0).fit_transform(tfidf))
    ones = np.ones(x.shape[0])
    for objective in ("spherical", "euclidean", "vmf"):
        runs = []
        for s in range(seedings):
            centres, _ = _kmeans_plusplus(x, k, x_squared_norms=ones, random_state=np.random.RandomState(s),
                                          sample_weight=ones)
            labels, score = lloyd(x, centres, objective, k)
            runs.append((score, normalized_mutual_info_score(truth, labels)))
        runs = np.array(runs)
        cells = []
        for b in (1, 10, 20, 50):
            picks = [runs[i:i + b][runs[i:i + b, 0].argmax(), 1] for i in range(0, seedings - b + 1, b)]
            cells.append(f"best of {b}: {np.mean(picks):.4f}")
        print(f"{objective:10s} " + "; ".join(cells))


if __name__ == "__main__":
    main()

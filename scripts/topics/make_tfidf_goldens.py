#!/usr/bin/env python3
"""Records scikit-learn 1.9.1's TF-IDF of the fixture corpus for three option sets.

Writes Tests/TopicsTests/Fixtures/tfidf-golden-<name>.json, each with the options, the vocabulary
(sorted, as `get_feature_names_out`) and the CSR matrix of `fit_transform` (indptr, indices, data in
scikit-learn's storage order; floats as shortest round-trip repr, so they are exact).

Usage: /work/venv/bin/python scripts/topics/make_tfidf_goldens.py
"""
import json
import pathlib

import numpy as np
import sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "TopicsTests" / "Fixtures"

# Our option names (as the Swift TfidfOptions spells them) next to scikit-learn's keyword arguments.
OPTION_SETS = {
    "unigrams": {},
    "bigrams": {"ngram_range": (1, 2), "min_df": 2, "max_df": 0.6, "stop_words": "english"},
    "sublinear": {"sublinear_tf": True, "max_features": 120, "min_df": 0.01, "max_df": 300,
                  "stop_words": "english"},
}


def check_no_tie_at_cutoff(docs, kwargs):
    """max_features keeps the top terms by corpus count; numpy's argsort is not stable, so a tie at the
    cut-off would make the kept set depend on the sort. Refuse such a golden."""
    limit = kwargs.get("max_features")
    if limit is None:
        return
    plain = dict(kwargs)
    plain.pop("max_features")
    plain.pop("sublinear_tf", None)
    counts = CountVectorizer(**plain).fit_transform(docs)
    totals = np.sort(np.asarray(counts.sum(axis=0)).ravel())[::-1]
    if len(totals) > limit:
        assert totals[limit - 1] != totals[limit], f"tie at max_features cut-off: {totals[limit - 1]}"


def main() -> None:
    assert sklearn.__version__ == "1.9.1", sklearn.__version__
    docs, ids = [], []
    with open(FIXTURES / "tfidf-corpus.jsonl", encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            ids.append(obj["id"])
            docs.append(obj["text"])
    for name, kwargs in OPTION_SETS.items():
        check_no_tie_at_cutoff(docs, kwargs)
        vec = TfidfVectorizer(**kwargs)
        x = vec.fit_transform(docs)
        out = {
            "sklearn": sklearn.__version__,
            "options": {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()},
            "documents": len(docs),
            "vocabulary": [str(t) for t in vec.get_feature_names_out()],
            "idf": [float(v) for v in vec.idf_],
            "indptr": [int(v) for v in x.indptr],
            "indices": [int(v) for v in x.indices],
            "data": [float(v) for v in x.data],
        }
        path = FIXTURES / f"tfidf-golden-{name}.json"
        with open(path, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False)
            f.write("\n")
        print(f"{path.name}: {len(out['vocabulary'])} terms, {x.nnz} non-zeros")


if __name__ == "__main__":
    main()

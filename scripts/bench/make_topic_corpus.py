#!/usr/bin/env python3
"""Generates a labelled corpus of short synthetic comments for the topics benchmark.

Seeded and self-contained (no third-party text): words are made-up syllable strings. Each comment belongs to
one of `topics` latent topics; its 8-40 words come from the topic's own Zipf-distributed vocabulary (40%),
a shared Zipf vocabulary (40%) and English function words (20%), so the TF-IDF has a realistic long tail.

Usage: python make_topic_corpus.py COUNT OUT.jsonl [--topics 8] [--seed 1]
"""
import argparse
import json

import numpy as np

FUNCTION_WORDS = ("the a of to and in is it that for on with as this but not be are was have you they we "
                  "or at by from what so if about just like can all would there their will").split()


def make_words(rng, count, syllables):
    words, seen = [], set()
    while len(words) < count:
        w = "".join(rng.choice(syllables, size=rng.integers(2, 5)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return np.array(words)


def zipf_probabilities(n, s=1.1):
    p = 1.0 / np.arange(1, n + 1) ** s
    return p / p.sum()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("count", type=int)
    ap.add_argument("out")
    ap.add_argument("--topics", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    syllables = np.array([c + v for c in "bcdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")])
    shared = make_words(rng, 30000, syllables)
    own = [make_words(rng, 3000, syllables) for _ in range(args.topics)]
    cdf_shared, cdf_own = np.cumsum(zipf_probabilities(len(shared))), np.cumsum(zipf_probabilities(3000))
    function_words = np.array(FUNCTION_WORDS)
    with open(args.out, "w", encoding="utf-8") as f:
        block = 10000
        for start in range(0, args.count, block):
            n = min(block, args.count - start)
            topics = rng.integers(0, args.topics, size=n)
            lengths = rng.integers(8, 41, size=n)
            total = int(lengths.sum())
            doc_topic = np.repeat(topics, lengths)
            kind = rng.random(total)
            own_index = np.minimum(np.searchsorted(cdf_own, rng.random(total)), 2999)
            shared_index = np.minimum(np.searchsorted(cdf_shared, rng.random(total)), len(shared) - 1)
            own_words = np.stack(own)[doc_topic, own_index]
            words = np.where(kind < 0.4, own_words,
                             np.where(kind < 0.8, shared[shared_index],
                                      function_words[rng.integers(0, len(function_words), size=total)]))
            ends = np.cumsum(lengths)
            lines = []
            for i in range(n):
                text = " ".join(words[ends[i] - lengths[i]:ends[i]])
                if rng.random() < 0.3:
                    text = text.capitalize() + "."
                lines.append(json.dumps({"id": f"g{start + i}", "label": f"t{topics[i]}", "text": text}))
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Scores scripts/sentiment/golden_sentences.txt with vaderSentiment 3.3.2 and writes
Tests/SentimentTests/Fixtures/vader_golden.tsv (id, text, neg, neu, pos, compound).

Run from the package root:  /path/to/venv/bin/python scripts/sentiment/golden_vader.py
Texts are written with \\ \t \n escaped; floats with repr, as vaderSentiment returns them (rounded).
"""
import os
import sys

import vaderSentiment
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
src = os.path.join(root, "scripts", "sentiment", "golden_sentences.txt")
out = os.path.join(root, "Tests", "SentimentTests", "Fixtures", "vader_golden.tsv")

analyzer = SentimentIntensityAnalyzer()
rows = []
with open(src, encoding="utf-8") as f:
    for line in f.read().split("\n"):
        if not line or line.startswith("# "):
            continue
        rows.append(line)

def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("id\ttext\tneg\tneu\tpos\tcompound\n")
    for i, text in enumerate(rows, 1):
        s = analyzer.polarity_scores(text)
        f.write("g%03d\t%s\t%r\t%r\t%r\t%r\n" % (i, esc(text), s["neg"], s["neu"], s["pos"], s["compound"]))
print("wrote %d rows to %s (vaderSentiment %s)" % (len(rows), out, getattr(vaderSentiment, "__version__", "3.3.2")), file=sys.stderr)

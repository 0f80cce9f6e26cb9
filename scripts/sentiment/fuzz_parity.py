#!/usr/bin/env python3
"""Dev-time parity fuzzing: random sentences built to hit every rule and tokeniser corner (emoji with and
without modifiers, Unicode spaces and capitals, curly quotes, repeated values around "but", idioms,
negators, boosters, punctuation runs), scored by vaderSentiment 3.3.2 and by `threadlens sentiment
--mode vader`; prints every disagreement beyond 0.00005 (rounding of the 4-decimal output).

Usage (package root, after `swift build`):
  /path/to/venv/bin/python scripts/sentiment/fuzz_parity.py [N] [SEED]
"""
import os
import random
import subprocess
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, BOOSTER_DICT, NEGATE

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
analyzer = SentimentIntensityAnalyzer()
lex = sorted(analyzer.lexicon)
words = ["the", "a", "code", "patch", "it", "is", "was", "of", "kind", "sort", "no", "or", "nor", "least",
         "at", "very", "never", "so", "this", "without", "doubt", "but", "however", "yeah", "right", "kiss",
         "death", "to", "die", "for", "bad", "ass", "bus", "stop", "just", "enough", "shit", "bomb", "I"]
boosters = sorted(k for k in BOOSTER_DICT if " " not in k)
extras = ["😀", "💔", "👍🏽", "🇫🇷", "👨‍💻", "❤️", ":)", ":-(", "<3", "#fail", "#NotGood", "don’t", "“great”",
          "Ünicode", "ÜBER", "ǅemal", "İstanbul", "naïve", "…", "!!!", "??", "?!", "...", "(good)", "'bad'",
          "n't", "NOT", "GOOD", "Very", "BUT", "But", "x:", "ok", "OK", "Ok"]
spaces = [" ", " ", " ", " ", "  ", "\t", "\u00a0", "\u3000", "\u2009", "\u200b", "\u2028", "\u0085"]
punct = ["", "", "", ".", ",", "!", "?", "!!", "...", ":", ";", ")", "\"", "'"]


def word():
    r = rng.random()
    if r < 0.35:
        w = rng.choice(lex)
    elif r < 0.6:
        w = rng.choice(words)
    elif r < 0.7:
        w = rng.choice(boosters)
    elif r < 0.8:
        w = rng.choice(NEGATE)
    else:
        w = rng.choice(extras)
    if rng.random() < 0.1:
        w = w.upper()
    elif rng.random() < 0.1:
        w = w.capitalize()
    return w + rng.choice(punct)


sentences = []
for _ in range(n):
    k = rng.randint(1, 14)
    s = rng.choice(spaces).join(word() for _ in range(k))
    sentences.append(s.replace("\n", " ").replace("\r", " "))

inp = "".join("%d\t%s\n" % (i, s) for i, s in enumerate(sentences))
out = subprocess.run([os.path.join(root, ".build/debug/threadlens"), "sentiment", "--mode", "vader",
                      "--lexicons", os.path.join(root, "data/lexicons")],
                     input=inp.encode("utf-8"), capture_output=True, check=True).stdout.decode("utf-8")
ours = {}
for line in out.split("\n")[1:]:
    if line:
        f = line.split("\t")
        ours[int(f[0])] = [float(x) for x in f[1:]]
bad = 0
for i, s in enumerate(sentences):
    v = analyzer.polarity_scores(s)
    ref = [v["compound"], v["pos"], v["neu"], v["neg"]]
    got = ours.get(i)
    if got is None or any(abs(a - b) > 0.00005 for a, b in zip(ref, got)):
        bad += 1
        if bad <= 20:
            print("DIFF", i, repr(s), ref, got)
print("fuzz: %d sentences, %d differences" % (n, bad))

#!/usr/bin/env python3
"""Golden values for Interval.wilson: SciPy's Wilson score interval (no continuity correction).

Run with the dev venv:  /work/venv/bin/python scripts/stance/wilson_golden.py > Tests/StanceTests/Fixtures/wilson.tsv
Columns: successes, n, lower, upper (95%, z = norm.ppf(0.975)).
"""
import sys

import scipy
from scipy.stats import binomtest

CASES = [(0, 1), (1, 1), (0, 10), (10, 10), (1, 10), (5, 10), (7, 20), (29, 74), (16, 74), (12, 74),
         (17, 74), (3, 1000), (500, 1000), (999, 1000), (1, 2), (2, 3)]

print(f"# scipy {scipy.__version__} binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson')")
for k, n in CASES:
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    print(f"{k}\t{n}\t{float(ci.low)!r}\t{float(ci.high)!r}")
sys.exit(0)

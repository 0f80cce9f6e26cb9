#!/usr/bin/env python3
"""Reference timing for scripts/bench/sentiment.sh: vaderSentiment 3.3.2 on each line of a file, one core.

Prints: sentiment<TAB>label<TAB>vaderSentiment-3.3.2<TAB>sentences<TAB>seconds<TAB>sentences_per_s<TAB>peak_rss_mb
Reading the file is not timed; time is CPU time of the process (as in the Swift bench), so a busy
machine does not skew the ratio. An optional third argument repeats the pass (default 1; the rate counts
every call), so a short file such as the 4,200 tweets is timed over more than a fraction of a second.
"""
import resource
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

path, label = sys.argv[1], sys.argv[2]
repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 1
with open(path, encoding="utf-8") as f:
    lines = [l for l in f.read().split("\n") if l]
analyzer = SentimentIntensityAnalyzer()
start = time.process_time()
checksum = 0.0
for _ in range(repeat):
    for line in lines:
        checksum += analyzer.polarity_scores(line)["compound"]
seconds = time.process_time() - start
calls = len(lines) * repeat
print("checksum %r" % checksum, file=sys.stderr)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
print("sentiment\t%s\tvaderSentiment-3.3.2\t%d\t%.3f\t%d\t%.1f" % (label, calls, seconds, calls / seconds, peak))

#!/usr/bin/env bash
# Ingest benchmark: generates a 200 MB JSONL file and a 50 MB mbox under a temp dir, reads each in its
# own process (so peak RSS is per file), and prints rows:
#   ingest <format> <MB> <seconds> <MB/s> <peak RSS MB> <peak/file> <counts>
# then the reference: Python's json.loads per line and mailbox.mbox over the same files (stdlib only;
# they only parse, with no clean-up, sentences or reply trees). On a shared machine judge throughput by
# cpuMB/s (process CPU time), not wall time. Targets: >= 100 MB/s for JSONL on one core, peak RSS < 2x the file.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/release/threadlens-bench
[ -x "$bin" ] || swift build -c release --product threadlens-bench >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest generate-jsonl "$tmp/bench.jsonl" "${INGEST_JSONL_MB:-200}" >&2
"$bin" ingest generate-mbox "$tmp/bench.mbox" "${INGEST_MBOX_MB:-50}" >&2
"$bin" ingest read "$tmp/bench.jsonl"
"$bin" ingest read "$tmp/bench.mbox"
if py=$(scripts/bench/venv.sh 2>/dev/null); then
  "$py" - "$tmp/bench.jsonl" "$tmp/bench.mbox" <<'PY'
import json, mailbox, os, resource, sys, time
jl, mb = sys.argv[1], sys.argv[2]
t = time.time(); c = time.process_time(); n = 0
with open(jl, "rb") as f:
    for line in f:
        json.loads(line); n += 1
s = time.time() - t; cs = time.process_time() - c; size = os.path.getsize(jl) / 1048576
print(f"ingest-reference\tpython-json.loads\t{size:.1f}\t{s:.3f}\t{size/s:.1f}\t-\t-\tcpu={cs:.3f}s cpuMB/s={size/cs:.1f} records={n}")
t = time.time(); c = time.process_time(); n = 0
for m in mailbox.mbox(mb):
    m.get_payload(decode=True); n += 1
s = time.time() - t; cs = time.process_time() - c; size = os.path.getsize(mb) / 1048576
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"ingest-reference\tpython-mailbox\t{size:.1f}\t{s:.3f}\t{size/s:.1f}\t{peak:.1f}\t-\tcpu={cs:.3f}s cpuMB/s={size/cs:.1f} messages={n}")
PY
else
  echo "ingest-reference	unavailable	(python venv could not be created)"
fi

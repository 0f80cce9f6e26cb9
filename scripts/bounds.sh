#!/usr/bin/env bash
# Measures peak memory (max RSS) and wall time of `threadlens analyze` on generated worst cases:
# a 10 MB comment, a 100,000-deep reply chain, a 1M-comment thread and a 1 GB input.
# Not part of `make test` (minutes, gigabytes). Figures go to docs/hardening.md.
#
#   scripts/bounds.sh                   every case, release build
#   BOUNDS_CASES="chain comment" ...    only these (comment, chain, thread, gigabyte)
#   BOUNDS_GB=0.25 ...                  size of the "gigabyte" case in GB (default 1)
#   BOUNDS_DIR=/path ...                where inputs and reports go (default: a temp folder, removed)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/threadlens
[ -x "$BIN" ] || swift build -c release --product threadlens
CASES=${BOUNDS_CASES:-"comment chain thread gigabyte"}
GB=${BOUNDS_GB:-1}
DIR=${BOUNDS_DIR:-$(mktemp -d /tmp/threadlens-bounds.XXXXXX)}
[ -z "${BOUNDS_DIR:-}" ] && trap 'rm -rf "$DIR"' EXIT
mkdir -p "$DIR"
export OPENBLAS_NUM_THREADS=1

generate() {  # case -> path of its input
    local kind=$1 out="$DIR/$1.jsonl"
    [ -s "$out" ] && { echo "$out"; return; }
    python3 - "$kind" "$out" "$GB" <<'PY'
import random, sys
kind, out, gb = sys.argv[1], sys.argv[2], float(sys.argv[3])
rng = random.Random(7)
words = ("rust kernel driver memory safety maintainers bindings unsafe review great terrible love hate "
         "toolchain compiler borrow checker progress experimental stable patch regression c code").split()
def text(n):
    return " ".join(rng.choice(words) for _ in range(n)) + "."
with open(out, "w") as f:
    w = f.write
    if kind == "comment":
        w('{"thread":"big","id":"0","time":1765441800,"text":"Rust in the kernel."}\n')
        body = " ".join(words[i % len(words)] for i in range(1_400_000))[: 10 * 1024 * 1024]
        w('{"thread":"big","id":"1","parent":"0","time":1765441860,"text":"%s"}\n' % body)
        w('{"thread":"big","id":"2","parent":"1","time":1765441920,"text":"Too long to read."}\n')
    elif kind == "chain":
        for i in range(100_000):
            p = ',"parent":"c%d"' % (i - 1) if i else ""
            w('{"thread":"deep","id":"c%d"%s,"time":%d,"text":"%s"}\n' % (i, p, 1765441800 + i, text(12)))
    elif kind == "thread":
        for i in range(1_000_000):
            p = ',"parent":"c%d"' % rng.randrange(i) if i else ""
            w('{"thread":"huge","id":"c%d"%s,"time":%d,"text":"%s"}\n' % (i, p, 1765441800 + i, text(14)))
    else:
        limit, size, i = int(gb * (1 << 30)), 0, 0
        while size < limit:
            t, c = i // 500, i % 500
            p = ',"parent":"t%d-%d"' % (t, rng.randrange(c)) if c else ""
            line = '{"thread":"t%d","id":"t%d-%d"%s,"time":%d,"text":"%s"}\n' % (t, t, c, p, 1765441800 + i, text(rng.randrange(8, 40)))
            w(line); size += len(line); i += 1
PY
    echo "$out"
}

printf 'case\tinput_MB\tcomments\tseconds\tpeak_RSS_MB\texit\n'
for kind in $CASES; do
    input=$(generate "$kind")
    mb=$(( $(stat -c %s "$input") / 1048576 ))
    lines=$(wc -l < "$input")
    set +e
    /usr/bin/time -f '%e %M' -o "$DIR/$kind.time" "$BIN" analyze "$input" --format jsonl --k 4 \
        --out "$DIR/$kind-report" > "$DIR/$kind.out" 2> "$DIR/$kind.err"
    status=$?
    set -e
    read -r secs kb < "$DIR/$kind.time" || true
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$mb" "$lines" "${secs:-?}" "$(( ${kb:-0} / 1024 ))" "$status"
    [ "$status" -eq 0 ] || tail -n 5 "$DIR/$kind.err" >&2
done

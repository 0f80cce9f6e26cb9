#!/usr/bin/env bash
# Fuzzes every reader, the pipeline-file validator and the stance-profile loader with libFuzzer.
#
#   scripts/fuzz.sh                 build, then run each target for FUZZ_SECONDS (default 60)
#   FUZZ_TARGETS="jsonl csv" ...    only these targets
#   scripts/fuzz.sh --build-only    build the driver and stop
#   scripts/fuzz.sh --replay FILE.. run the driver once on saved inputs (THREADLENS_FUZZ_TARGET set)
#
# How it is built (see docs/hardening.md): SwiftPM compiles the package's modules into .build-fuzz with
# `-sanitize=fuzzer,address` (coverage instrumentation and ASan, no linking), then swiftc links
# Fuzz/Sources/FuzzTargets.swift against those objects with libFuzzer's main. One binary serves every
# target; THREADLENS_FUZZ_TARGET picks one. One fuzz process at a time (-jobs is not used): the
# machines are small and shared.
#
# Output: .build-fuzz/fuzz/summary.tsv (target, seconds, executions, corpus size, crashes), the grown
# corpora in .build-fuzz/fuzz/corpus/<target>/, and any crashing input as
# .build-fuzz/fuzz/artifacts/<target>-crash-*; the script exits 1 if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${FUZZ_BUILD_PATH:-.build-fuzz}
OUT=$BUILD/fuzz
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
ALL_TARGETS="slashdot hackernews reddit lemmy mbox jsonl csv article detect pipeline profile"
TARGETS=${FUZZ_TARGETS:-$ALL_TARGETS}
DRIVER=$OUT/threadlens-fuzz
mkdir -p "$OUT/corpus" "$OUT/artifacts"

build() {
    echo "fuzz: compiling the modules with -sanitize=fuzzer,address into $BUILD" >&2
    swift build --build-path "$BUILD" --target Pipeline -Xswiftc -sanitize=fuzzer,address >&2
    local bin
    bin=$(swift build --build-path "$BUILD" --show-bin-path)
    # Objects of every module the driver reaches (Swift and C), except executables and tests.
    local objects=()
    for dir in "$bin"/*.build; do
        case "$(basename "$dir")" in
            threadlens.build|threadlens_bench.build|*Tests.build|ArgumentParser*.build) continue ;;
        esac
        while IFS= read -r -d '' o; do objects+=("$o"); done < <(find "$dir" -name '*.o' -print0)
    done
    # The C modules the driver's imports reach (CYaml, GRDB's SQLite shim, CLinearAlgebra) need their
    # module maps on the link line; the Swift modules are found through -I.
    local cflags=()
    for m in "$ROOT/Sources/CLinearAlgebra/module.modulemap" \
             "$BUILD/checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap" \
             "$BUILD/checkouts/Yams/Sources/CYaml/include/module.modulemap"; do
        [ -f "$m" ] && cflags+=(-Xcc "-fmodule-map-file=$m")
    done
    echo "fuzz: linking $DRIVER (${#objects[@]} objects)" >&2
    swiftc -sanitize=fuzzer,address -parse-as-library -g \
        -I "$bin/Modules" -I "$bin" "${cflags[@]}" \
        Fuzz/Sources/FuzzTargets.swift "${objects[@]}" \
        -lsqlite3 -llapack -lblas -o "$DRIVER" 2>&1 | grep -v "Cannot export local symbol" >&2 || true
    [ -x "$DRIVER" ] || { echo "fuzz: link failed" >&2; exit 1; }
}

seeds() {  # target -> copies its seed files into the working corpus
    local target=$1 line globs
    line=$(awk -v t="$target" '$1 == t { $1 = ""; print }' Fuzz/seeds.txt)
    mkdir -p "$OUT/corpus/$target"
    for g in $line; do
        for f in $g; do [ -f "$f" ] && cp "$f" "$OUT/corpus/$target/seed-$(basename "$f")"; done
    done
}

dict_for() {
    case $1 in
        hackernews|reddit|lemmy|jsonl) echo Fuzz/dicts/json.dict ;;
        pipeline|profile) echo Fuzz/dicts/yaml.dict ;;
        *) echo Fuzz/dicts/text.dict ;;
    esac
}

if [ "${1:-}" = "--replay" ]; then
    shift
    [ -x "$DRIVER" ] || build
    exec "$DRIVER" -runs=1 "$@"
fi
if [ ! -x "$DRIVER" ] || [ -n "$(find Sources Fuzz/Sources -newer "$DRIVER" -name '*.swift' -print -quit)" ]; then
    build
fi
[ "${1:-}" = "--build-only" ] && exit 0

summary=$OUT/summary.tsv
printf 'target\tseconds\texecutions\texec_per_s\tcorpus\tcrashes\n' > "$summary"
failed=0
for target in $TARGETS; do
    seeds "$target"
    log=$OUT/$target.log
    echo "fuzz: $target for ${SECONDS_PER_TARGET}s" >&2
    start=$(date +%s)
    set +e
    THREADLENS_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$DRIVER" \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -dict="$(dict_for "$target")" -print_final_stats=1 \
        -artifact_prefix="$OUT/artifacts/$target-" "$OUT/corpus/$target" > "$log" 2>&1
    status=$?
    set -e
    took=$(( $(date +%s) - start ))
    execs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$log" | tail -n 1)
    crashes=$(find "$OUT/artifacts" -name "$target-*" | wc -l)
    corpus=$(find "$OUT/corpus/$target" -type f | wc -l)
    rate=$(( ${execs:-0} / (took > 0 ? took : 1) ))
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$took" "${execs:-0}" "$rate" "$corpus" "$crashes" >> "$summary"
    if [ "$status" -ne 0 ]; then
        echo "fuzz: $target stopped with status $status; see $log and $OUT/artifacts/$target-*" >&2
        failed=1
    fi
done
column -t -s "$(printf '\t')" "$summary" 2>/dev/null || cat "$summary"
exit $failed

#!/usr/bin/env python3
"""Turns run-all.sh's raw rows (one per case and repetition) into the bench table and its stable TSV.

Medians over repetitions; ThreadLens beside its reference from the same run; the ratio on the stage's
basis (CPU seconds for one-core stages, wall seconds otherwise); the issue's targets; the gemm efficiency
(the gemm calls of LSA + clustering against a square n=2000 dgemm); cost growth between sizes.
Standard library only. Columns of the TSV: docs/bench.md.

Usage: python3 table.py RAW.tsv OUT.tsv [--blas LINE] [--load "1.0 1.2 1.3"]
"""
import argparse
import csv
import math
import statistics
from collections import defaultdict

VERSION = 1
COLUMNS = ["version", "run", "stage", "size", "items", "mb", "reps", "basis", "wall_s", "cpu_s", "items_per_s",
           "mb_per_s", "peak_rss_mb", "ref_impl", "ref_reps", "ref_wall_s", "ref_cpu_s", "ref_items_per_s",
           "ref_peak_rss_mb", "ratio", "cpu_ratio", "target", "met", "time_exponent", "peak_exponent", "blas", "blas_threads",
           "load", "extra"]
# Seconds a stage's rate is taken on: CPU time (user + system, all threads) for the stages compared with a
# reference, which other load on a shared machine disturbs least and which charges our threads in full;
# wall time for the nightly run, whose target is a wall time.
BASIS = {"ingest-jsonl": "cpu", "ingest-mbox": "cpu", "sentiment-vader": "cpu", "sentiment-default": "cpu",
         "tfidf": "cpu", "lsa-kmeans": "cpu", "nightly": "wall", "dgemm-2000": "wall"}
REFERENCE = {"sentiment-default": "sentiment-vader"}
ORDER = ["dgemm-2000", "ingest-jsonl", "ingest-mbox", "sentiment-vader", "sentiment-default", "tfidf",
         "lsa-kmeans", "gemm-efficiency-topics", "gemm-efficiency-nightly", "nightly"]


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan


def med(values):
    values = [v for v in values if not math.isnan(v)]
    return statistics.median(values) if values else math.nan


def extras(rows):
    """key=value pairs of the rows' extra fields, numeric values as medians."""
    found = defaultdict(list)
    for r in rows:
        for pair in r["extra"].split():
            if "=" in pair:
                k, v = pair.split("=", 1)
                found[k].append(v)
    out = {}
    for k, vs in found.items():
        nums = [num(v) for v in vs]
        out[k] = med(nums) if not all(math.isnan(v) for v in nums) else vs[0]
    return out


def target(stage, size, mb, row):
    """(target text, met) for a summary row."""
    ratio, peak, ref_peak = row["ratio"], row["peak_rss_mb"], row["ref_peak_rss_mb"]
    def both(min_ratio):
        if math.isnan(ratio):
            return f">={min_ratio}x ref, peak<=ref", "-"
        ok = ratio >= min_ratio and (math.isnan(ref_peak) or peak <= ref_peak)
        return f">={min_ratio}x ref, peak<=ref", "yes" if ok else "NO"
    if stage == "ingest-jsonl":
        rate = mb / row["cpu_s"] if row["cpu_s"] > 0 else math.nan
        return ">=100 MB/s cpu, peak<=2x file", "yes" if rate >= 100 and peak <= 2 * mb else "NO"
    if stage.startswith("sentiment"):
        return both(50)
    if stage == "tfidf":
        return both(3)
    if stage == "lsa-kmeans":
        return both(2)
    if stage == "nightly":
        if size >= 1_000_000:
            return "<=60 s, <=4096 MB at 1M", "yes" if row["wall_s"] <= 60 and peak <= 4096 else "NO"
        return "(60 s, 4 GB at 1M)", "-"
    return "-", "-"


def fmt(x, digits=1):
    if isinstance(x, str):
        return x
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if abs(x) >= 1e5:
        return f"{x:.3g}" if digits == 0 else f"{x:,.0f}"
    return f"{x:.{digits}f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    ap.add_argument("out")
    ap.add_argument("--blas", default="")
    ap.add_argument("--load", default="")
    args = ap.parse_args()
    with open(args.raw, newline="") as f:
        raw = list(csv.DictReader(f, delimiter="\t"))
    run = raw[0]["run"] if raw else ""
    blas = dict(p.split("=", 1) for p in args.blas.split("\t") if "=" in p)
    groups = defaultdict(list)
    for r in raw:
        groups[(r["stage"], int(r["size"]), r["impl"])].append(r)

    def summary(rows):
        return {"reps": len(rows), "items": num(rows[0]["items"]), "mb": num(rows[0]["mb"]),
                "wall_s": med([num(r["wall_s"]) for r in rows]), "cpu_s": med([num(r["cpu_s"]) for r in rows]),
                "peak_rss_mb": med([num(r["peak_rss_mb"]) for r in rows]), "extra": extras(rows)}

    out = []
    for (stage, size, impl), rows in groups.items():
        if impl != "threadlens":
            continue
        s = summary(rows)
        basis = BASIS.get(stage, "wall")
        secs = s["cpu_s"] if basis == "cpu" else s["wall_s"]
        row = {"version": VERSION, "run": run, "stage": stage, "size": size, "basis": basis, **s,
               "items_per_s": s["items"] / secs if secs > 0 else math.nan,
               "mb_per_s": s["mb"] / secs if secs > 0 else math.nan}
        ref_stage = REFERENCE.get(stage, stage)
        refs = [(k[2], v) for k, v in groups.items() if k[0] == ref_stage and k[1] == size and k[2] != "threadlens"]
        if refs:
            ref_impl, ref_rows = refs[0]
            r = summary(ref_rows)
            ref_secs = r["cpu_s"] if basis == "cpu" else r["wall_s"]
            row.update(ref_impl=ref_impl, ref_reps=r["reps"], ref_wall_s=r["wall_s"], ref_cpu_s=r["cpu_s"],
                       ref_peak_rss_mb=r["peak_rss_mb"],
                       ref_items_per_s=r["items"] / ref_secs if ref_secs > 0 else math.nan)
            row["ratio"] = row["items_per_s"] / row["ref_items_per_s"] if row["ref_items_per_s"] > 0 else math.nan
            row["cpu_ratio"] = r["cpu_s"] / s["cpu_s"] if s["cpu_s"] > 0 else math.nan
        else:
            row.update(ref_impl="-", ref_reps=0, ref_wall_s=math.nan, ref_cpu_s=math.nan, ref_peak_rss_mb=math.nan,
                       ref_items_per_s=math.nan, ratio=math.nan, cpu_ratio=math.nan)
        if stage == "dgemm-2000":
            row["items_per_s"] = row["mb_per_s"] = row["items"] = row["mb"] = math.nan
        row["target"], row["met"] = target(stage, size, s["mb"], row)
        out.append(row)

    # gemm efficiency: the counted gemm calls' GFLOP/s over the square dgemm's median GFLOP/s.
    # With one BLAS thread both rates are taken on the calling thread's CPU time (load-proof); else on wall.
    square = [r for r in out if r["stage"] == "dgemm-2000"]
    on_cpu = str(blas.get("threads", "")) == "1" and square and "gflops_cpu_median" in square[0]["extra"]
    key, square_key = ("gemm_cpu_gflops", "gflops_cpu_median") if on_cpu else ("gemm_gflops", "gflops_median")
    peak_rate = num(square[0]["extra"].get(square_key, math.nan)) if square else math.nan
    for r in list(out):
        if r["stage"] in ("lsa-kmeans", "nightly") and key in r["extra"]:
            rate = num(r["extra"][key])
            eff = rate / peak_rate if peak_rate and peak_rate > 0 else math.nan
            name = "gemm-efficiency-topics" if r["stage"] == "lsa-kmeans" else "gemm-efficiency-nightly"
            out.append({"version": VERSION, "run": run, "stage": name, "size": r["size"], "items": math.nan,
                        "mb": math.nan, "reps": r["reps"], "basis": "cpu" if on_cpu else "wall",
                        "wall_s": num(r["extra"].get("gemm_s", math.nan)),
                        "cpu_s": math.nan, "items_per_s": math.nan, "mb_per_s": math.nan, "peak_rss_mb": math.nan,
                        "ref_impl": f"dgemm n=2000 {fmt(peak_rate)} GFLOP/s", "ref_reps": square[0]["reps"] if square else 0,
                        "ref_wall_s": math.nan, "ref_cpu_s": math.nan, "ref_items_per_s": math.nan,
                        "ref_peak_rss_mb": math.nan, "ratio": eff, "cpu_ratio": math.nan, "target": ">=70% of dgemm",
                        "met": "-" if math.isnan(eff) else ("yes" if eff >= 0.7 else "NO"),
                        "extra": {"gemm_gflops": rate, "gemm_calls": r["extra"].get("gemm_calls", math.nan)}})

    # Cost growth: exponent e in time ~ size^e between each size and the previous one, per stage.
    by_stage = defaultdict(list)
    for r in out:
        by_stage[r["stage"]].append(r)
    for rows in by_stage.values():
        rows.sort(key=lambda r: r["size"])
        prev = None
        for r in rows:
            r["time_exponent"] = r["peak_exponent"] = math.nan
            if prev and r["size"] > prev["size"]:
                secs = lambda x: x["cpu_s"] if x["basis"] == "cpu" else x["wall_s"]
                span = math.log(r["size"] / prev["size"])
                if secs(r) > 0 and secs(prev) > 0:
                    r["time_exponent"] = math.log(secs(r) / secs(prev)) / span
                if r["peak_rss_mb"] > 0 and prev["peak_rss_mb"] > 0:
                    r["peak_exponent"] = math.log(r["peak_rss_mb"] / prev["peak_rss_mb"]) / span
            prev = r

    out.sort(key=lambda r: (ORDER.index(r["stage"]) if r["stage"] in ORDER else 99, r["size"]))
    blas_text = f"{blas.get('implementation', '?')} ({blas.get('libraries', '?')})"
    threads = blas.get("threads", "?")
    with open(args.out, "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for r in out:
            r.update(blas=blas_text, blas_threads=threads, load=args.load)
            extra = " ".join(f"{k}={v if isinstance(v, str) else (int(v) if v == int(v) else round(v, 3))}"
                             for k, v in sorted(r["extra"].items()) if isinstance(v, str) or not math.isnan(v))
            w.writerow([extra if c == "extra" else (f"{r[c]:.4g}" if isinstance(r[c], float) and not math.isnan(r[c])
                        else ("" if isinstance(r[c], float) else r[c])) for c in COLUMNS])

    print(f"ThreadLens bench {run}: BLAS {blas_text}, BLAS threads {threads}, "
          f"OPENBLAS_NUM_THREADS={blas.get('OPENBLAS_NUM_THREADS', '?')}, load average at end {args.load}")
    head = ["stage", "size", "items/s", "MB/s", "wall s", "CPU s", "peak MB", "ref", "ref items/s", "ref wall s",
            "ref peak MB", "ratio", "cpu ratio", "target", "met?", "t-exp", "reps"]
    lines = [head]
    for r in out:
        eff = r["stage"].startswith("gemm-efficiency")
        lines.append([r["stage"], f"{r['size']:,}", fmt(r["items_per_s"], 0), fmt(r["mb_per_s"]), fmt(r["wall_s"], 2),
                      fmt(r["cpu_s"], 2), fmt(r["peak_rss_mb"], 0), r["ref_impl"], fmt(r["ref_items_per_s"], 0),
                      fmt(r["ref_wall_s"], 2), fmt(r["ref_peak_rss_mb"], 0),
                      (f"{100 * r['ratio']:.0f}%" if eff else f"{r['ratio']:.2f}x") if not math.isnan(r["ratio"]) else "-",
                      f"{r['cpu_ratio']:.2f}x" if not math.isnan(r["cpu_ratio"]) else "-", r["target"], r["met"], fmt(r["time_exponent"], 2), f"{r['reps']}/{r['ref_reps']}"])
        if r["stage"] == "dgemm-2000":
            lines[-1][2] = f"{fmt(num(r['extra'].get(square_key, math.nan)))} GFLOP/s"
        if eff:
            lines[-1][2] = f"{fmt(r['extra']['gemm_gflops'])} GFLOP/s"
    widths = [max(len(str(l[i])) for l in lines) for i in range(len(head))]
    for l in lines:
        print("  ".join(str(c).ljust(widths[i]) for i, c in enumerate(l)).rstrip())
    print("basis: items/s on CPU seconds (all threads) for every stage but nightly, which is on wall seconds; ratio = ours / reference on that basis, cpu ratio = on CPU seconds (load-proof); t-exp = time ~ size^t-exp from the previous size; "
          f"GFLOP/s on {'the calling thread CPU time (1 BLAS thread)' if on_cpu else 'wall time'}.")


if __name__ == "__main__":
    main()

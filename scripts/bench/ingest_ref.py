#!/usr/bin/env python3
"""Reference reader timings for scripts/bench/run-all.sh (standard library only, parse only).

jsonl: json.loads on every line; mbox: mailbox.mbox with get_payload(decode=True) on every message.
They do none of ThreadLens's clean-up, sentence splitting or reply trees, so they are a floor, not a twin.
Prints one line: `items=N<TAB>wall_s=S<TAB>cpu_s=S` (reading included; peak memory is measured outside).

Usage: python ingest_ref.py jsonl|mbox FILE
"""
import json
import mailbox
import sys
import time


def main() -> None:
    kind, path = sys.argv[1], sys.argv[2]
    t, c, n = time.perf_counter(), time.process_time(), 0
    if kind == "jsonl":
        with open(path, "rb") as f:
            for line in f:
                json.loads(line)
                n += 1
    else:
        for message in mailbox.mbox(path, create=False):
            message.get_payload(decode=True)
            n += 1
    print(f"items={n}\twall_s={time.perf_counter() - t:.3f}\tcpu_s={time.process_time() - c:.3f}")


if __name__ == "__main__":
    main()

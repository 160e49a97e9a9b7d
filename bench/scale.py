"""Scaling: n_jobs=2 vs n_jobs=1 on diverse messages, and memory while streaming.

    python bench/scale.py [--n 100000] [--stream 1000000]

Prints throughput for n_jobs=1 and n_jobs=2 (target: n_jobs=2 at least 1.7x on a
2-core machine) and the peak RSS of a fresh process streaming ``--n`` and ``--stream``
messages through ``Analyzer.pipe`` (target: flat, i.e. about the same at both sizes).
The messages cycle through the corpus with a counter appended, so that most are distinct.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _data import ROOT, messages

_STREAM = """
import resource, sys
sys.path.insert(0, "bench")
from _data import messages
import socialtext
base = messages(5000)
def gen(n):
    for i in range(n):
        yield base[i % len(base)] + " #" + str(i)
count = sum(1 for _ in socialtext.load().pipe(gen(N), batch_size=512))
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--stream", type=int, default=1_000_000)
    args = parser.parse_args()

    import socialtext

    base = messages(5000)
    texts = [f"{base[i % len(base)]} #{i}" for i in range(args.n)]
    analyzer = socialtext.load()
    rates = {}
    for n_jobs in (1, 2):
        analyzer.analyze_many(texts[:2000], n_jobs=n_jobs)  # start the workers, warm the caches
        t0 = time.perf_counter()
        count = sum(1 for _ in analyzer.pipe(texts, batch_size=1000, n_jobs=n_jobs))
        rates[n_jobs] = count / (time.perf_counter() - t0)
        print(f"n_jobs={n_jobs}: {rates[n_jobs]:10,.0f} msg/s on {count:,} messages")
    print(f"speed-up n_jobs=2 / n_jobs=1: {rates[2] / rates[1]:.2f}  (target >= 1.7)")
    for n in (args.n, args.stream):
        out = subprocess.run([sys.executable, "-c", _STREAM.replace("N", str(n))], capture_output=True, text=True,
                             check=True, cwd=ROOT).stdout.split()
        print(f"streaming {int(out[0]):>9,} messages through pipe(): peak RSS {float(out[1]):.0f} MiB")


if __name__ == "__main__":
    main()

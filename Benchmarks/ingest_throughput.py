#!/usr/bin/env python3
"""Throughput of `byline ingest` (reading, analysis and storing) over PolNeAR and the AEB pages.

    python3 Benchmarks/ingest_throughput.py [--binary PATH] [--runs N]

Ingests PolNeAR's news texts (../shared/bench/polnear/{train,dev}/text, read with `--plain
--published 2016-10-01`) and the AEB web pages (../shared/bench/aeb/html/*.html.gz) into a fresh
database in a temporary folder, on every core, and reports articles per second of wall time
(start-up, model loading and the final commit included) beside `byline analyze` over the same
inputs in the same run, the CPU seconds of both (wall time on a shared machine says little), and
the database's size against the article text it stores. Nothing is
copied into the repository. The last line is the figure:

    ingest: 2,210 articles in 9.1 s | 243 articles/s | 0.92x analyze | database 2.4x the stored text
"""
import argparse, glob, os, resource, shutil, subprocess, sys, tempfile, time

from bench_common import open_store

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "..", "shared", "bench")


def timed(command):
    """Runs `command`; returns its wall seconds, CPU seconds (user + system) and standard output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(command[:2])} failed: {proc.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout.decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "byline"))
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)
    texts = [d for d in sorted(glob.glob(os.path.join(BENCH, "polnear", "*", "text")))]
    pages = sorted(glob.glob(os.path.join(BENCH, "aeb", "html", "*.html.gz")))
    if not texts or not pages:
        sys.exit(f"PolNeAR texts or AEB pages missing under {BENCH}")
    count = sum(len(os.listdir(t)) for t in texts) + len(pages)
    plain = ["--plain", "--published", "2016-10-01"]
    best = None
    for _ in range(args.runs):
        folder = tempfile.mkdtemp(prefix="byline-ingest-bench-")
        try:
            db = os.path.join(folder, "bench.db")
            ingest_seconds = ingest_cpu = analyze_seconds = analyze_cpu = 0.0
            summary = ""
            for inputs, options in ((texts, plain), (pages, [])):
                seconds, cpu, out = timed([args.binary, "ingest", "--db", db] + options + inputs)
                ingest_seconds += seconds
                ingest_cpu += cpu
                summary += out
            for inputs, options in ((texts, plain), (pages, [])):
                seconds, cpu, _ = timed([args.binary, "analyze", "--format", "jsonl"] + options + inputs)
                analyze_seconds += seconds
                analyze_cpu += cpu
            with open_store(db) as connection:
                stored, text_bytes = connection.execute("SELECT count(*), sum(length(CAST(text AS BLOB))) FROM article").fetchone()
            size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
            run = (ingest_seconds, analyze_seconds, stored, text_bytes, size, summary, ingest_cpu, analyze_cpu)
            if best is None or run[0] < best[0]:
                best = run
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    ingest_seconds, analyze_seconds, stored, text_bytes, size, summary, ingest_cpu, analyze_cpu = best
    print(summary.strip())
    print(f"inputs: {count:,}; stored: {stored:,} articles, {text_bytes / 1e6:.1f} MB of text; database {size / 1e6:.1f} MB")
    print(f"CPU: ingest {ingest_cpu:.1f} s ({count / ingest_cpu:.0f} articles per CPU second), "
          f"analyze alone {analyze_cpu:.1f} s ({count / analyze_cpu:.0f} per CPU second, one thread)")
    print(f"analyze alone: {count / analyze_seconds:.0f} articles/s")
    print(f"ingest: {count:,} articles in {ingest_seconds:.1f} s | {count / ingest_seconds:.0f} articles/s | "
          f"{analyze_seconds / ingest_seconds:.2f}x analyze | database {size / text_bytes:.1f}x the stored text")


if __name__ == "__main__":
    main()

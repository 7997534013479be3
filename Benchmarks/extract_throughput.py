#!/usr/bin/env python3
"""Throughput of `byline extract` over 10,000 scraped-text articles of seed-like size, on one core.

    python3 Benchmarks/extract_throughput.py [--count N] [--binary PATH]

The corpus is made at run time in a temporary folder from the seed article in ../shared (its
body paragraphs shuffled per copy, so that every article is distinct); nothing is copied into
the repository. Speed is whole-process CPU time (start-up included), pinned to one core, and is
reported beside a peer measured in the same run: a minimal Python reader that decodes each
file, hashes it, splits its paragraphs and writes JSON — the least work any reader must do.
The last line is the figure:

    extract: 10000 docs in 2.1 s CPU | 4761 docs/s | 3.2x the minimal Python reader
"""
import argparse, os, random, shutil, subprocess, sys, tempfile

from bench_common import timed_runs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "..", "shared", "fixtures", "seed", "korea-herald-2024-11-10.txt")

PEER = r'''
import hashlib, json, os, sys
out = sys.stdout
for name in sorted(os.listdir(sys.argv[1])):
    raw = open(os.path.join(sys.argv[1], name), "rb").read()
    text = raw.decode("utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    out.write(json.dumps({"id": hashlib.sha256(raw).hexdigest(), "source": {"uri": name},
                          "text": "\n\n".join(paragraphs), "paragraphs": len(paragraphs)}) + "\n")
'''


def make_corpus(folder, count):
    with open(SEED, encoding="utf-8") as f:
        blocks = [b for b in f.read().split("\n\n")]
    header, body = blocks[:7], blocks[7:]
    for i in range(count):
        shuffled = body[:]
        random.Random(i).shuffle(shuffled)
        with open(os.path.join(folder, f"article-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(header + shuffled))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "byline"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    folder = tempfile.mkdtemp(prefix="byline-bench-")
    try:
        make_corpus(folder, args.count)
        command = [args.binary, "extract", "--format", "jsonl", folder]
        byline_cpu, peer_cpu = timed_runs(pin + command, pin + [sys.executable, "-c", PEER, folder], args.count, args.runs)
        print(f"minimal Python reader: {args.count / peer_cpu:.0f} docs/s")
        print(f"extract: {args.count} docs in {byline_cpu:.2f} s CPU | {args.count / byline_cpu:.0f} docs/s | "
              f"{peer_cpu / byline_cpu:.1f}x the minimal Python reader")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

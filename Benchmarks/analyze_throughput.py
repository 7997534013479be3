#!/usr/bin/env python3
"""Throughput of the full `byline analyze` pipeline over 1,000 news articles of 600–1,000 words.

    python3 Benchmarks/analyze_throughput.py [--count N] [--binary PATH] [--runs N]

The articles are made at run time in a temporary folder from PolNeAR's news texts in
../shared/bench/polnear (train and dev): each text's paragraphs are taken in order into articles
of 600 to 1,000 words; nothing is copied into the repository. Each article is read with
`--plain --published 2016-10-01`. Speed is whole-process CPU time (start-up and model loading
included), pinned to one core, reported beside a peer measured in the same run: a minimal Python
pass that tokenizes with a regular expression, splits sentences, collects capitalised name
sequences, quoted stretches and numbers, and writes JSON — the least any analyser must do.
The last line is the figure:

    analyze: 1000 articles (812,345 words) in 4.1 s CPU | 244 articles/s | 198,000 words/s | 0.6x the minimal Python pass
"""
import argparse, glob, os, shutil, subprocess, sys, tempfile

from bench_common import timed_runs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POLNEAR = os.path.join(ROOT, "..", "shared", "bench", "polnear")
SHORTEST, LONGEST = 600, 1000

PEER = r'''
import json, os, re, sys
token = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]")
sentence = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
name = re.compile(r"(?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+)*")
quote = re.compile(r"[\"“]([^\"”]+)[\"”]")
number = re.compile(r"\$?\d[\d,.]*(?:\s+(?:million|billion|percent))?")
out = sys.stdout
for entry in sorted(os.listdir(sys.argv[1])):
    text = open(os.path.join(sys.argv[1], entry), encoding="utf-8").read()
    out.write(json.dumps({"source": {"uri": entry}, "tokens": len(token.findall(text)),
        "sentences": [m.start() for m in sentence.finditer(text)],
        "names": [m.span() for m in name.finditer(text)], "quotes": [m.span() for m in quote.finditer(text)],
        "numbers": [m.span() for m in number.finditer(text)]}) + "\n")
'''


def make_corpus(folder, count):
    """Articles of SHORTEST–LONGEST words from consecutive paragraphs of the PolNeAR texts."""
    words = 0
    made = 0
    texts = sorted(glob.glob(os.path.join(POLNEAR, "*", "text", "*.txt")))
    if not texts:
        sys.exit(f"no PolNeAR texts under {POLNEAR}")
    while made < count:
        for path in texts:
            paragraphs = [p.strip() for p in open(path, encoding="utf-8").read().split("\n\n") if p.strip()]
            article = []
            for paragraph in paragraphs:
                article.append(paragraph)
                size = sum(len(p.split()) for p in article)
                if size > LONGEST:
                    article = [paragraph]
                elif size >= SHORTEST:
                    with open(os.path.join(folder, f"article-{made:05d}.txt"), "w", encoding="utf-8") as f:
                        f.write("\n\n".join(article) + "\n")
                    words += size
                    made += 1
                    article = []
                    if made == count:
                        return words
        # Round two and on: start each text one paragraph later, so that articles differ.
        texts = texts[1:] + texts[:1]
    return words


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "byline"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    folder = tempfile.mkdtemp(prefix="byline-analyze-bench-")
    try:
        words = make_corpus(folder, args.count)
        command = [args.binary, "analyze", "--plain", "--published", "2016-10-01", "--format", "jsonl", folder]
        byline_cpu, peer_cpu = timed_runs(pin + command, pin + [sys.executable, "-c", PEER, folder], args.count, args.runs)
        print(f"minimal Python pass: {args.count / peer_cpu:.0f} articles/s")
        print(f"analyze: {args.count} articles ({words:,} words) in {byline_cpu:.2f} s CPU | {args.count / byline_cpu:.0f} articles/s | "
              f"{words / byline_cpu:,.0f} words/s | {peer_cpu / byline_cpu:.1f}x the minimal Python pass")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

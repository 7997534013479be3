#!/usr/bin/env python3
"""Whether the cost of `byline analyze` grows linearly with its input: three large inputs, each
against a small one of the same kind with 1/50 of its size.

    python3 Benchmarks/linear_cost.py [--binary PATH] [--runs N] [--timeout S] [--only words,quotes,html]

The inputs are made at run time in a temporary folder; nothing is copied into the repository:

- words: a 200,000-word article of PolNeAR's news texts (../shared/bench/polnear, train and
  dev) joined paragraph after paragraph, against its first 4,000 words (`--plain`);
- quotes: a page of 10,000 short quotes, one a line (`"w17" said Jane Doe,`), against 200 of
  them (`--plain`);
- html: a 5 MB HTML page whose article is PolNeAR's paragraphs, with a navigation bar, links
  and a footer around it, against a 100 kB page made the same way.

Each is read with `--published 2016-10-01`. Cost is whole-process CPU time less the start-up
(the CPU time of reading a one-line input): one run for a large input; for a small one, a run
over `--copies` copies of it, divided by their number, so that its few hundredths of a second
are measured over more. Small inputs and the start-up take the median of `--runs` runs. Linear
cost gives about 50x for 50x the input, quadratic about 2,500x; a ratio under 75x passes. The
last line is the figure:

    linear cost: 3/3 under 75x | words 47.2x | quotes 51.0x | html 49.3x
"""
import argparse, glob, html, os, shutil, subprocess, sys, tempfile

from bench_common import cpu_seconds, median

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POLNEAR = os.path.join(ROOT, "..", "shared", "bench", "polnear")
SCALE = 50
LIMIT = 75
LARGE_WORDS, LARGE_QUOTES, LARGE_BYTES = 200_000, 10_000, 5_000_000


def paragraphs():
    """PolNeAR's paragraphs, text after text, over and over."""
    texts = sorted(glob.glob(os.path.join(POLNEAR, "*", "text", "*.txt")))
    if not texts:
        sys.exit(f"no PolNeAR texts under {POLNEAR}")
    while True:
        for path in texts:
            for paragraph in open(path, encoding="utf-8").read().split("\n\n"):
                if paragraph.strip():
                    yield " ".join(paragraph.split())


def article(words):
    """Paragraphs of PolNeAR up to `words` words, separated by blank lines."""
    out, count = [], 0
    for paragraph in paragraphs():
        size = len(paragraph.split())
        if count + size > words:
            break
        out.append(paragraph)
        count += size
    return "\n\n".join(out) + "\n"


def quote_page(quotes):
    return "".join(f'"w{n}" said Jane Doe,\n' for n in range(1, quotes + 1))


def html_page(size):
    """A news page of about `size` bytes: chrome around an article of PolNeAR's paragraphs."""
    head = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>A long report - The Daily Example</title>"
            "<meta property=\"og:title\" content=\"A long report\"><meta name=\"author\" content=\"Jane Doe\">"
            "<meta property=\"article:published_time\" content=\"2016-10-01T09:00:00Z\"></head>\n<body>\n"
            "<nav><ul>" + "".join(f"<li><a href=\"/section/{n}\">Section {n}</a></li>" for n in range(12)) + "</ul></nav>\n"
            "<article><h1>A long report</h1><p class=\"byline\">By Jane Doe</p>\n")
    tail = ("</article>\n<aside><h2>Most read</h2><ul>" + "".join(f"<li><a href=\"/story/{n}\">Story {n}</a></li>" for n in range(10))
            + "</ul></aside>\n<footer><p>Copyright 2016 The Daily Example. All rights reserved.</p></footer>\n</body></html>\n")
    body, length = [], len(head) + len(tail)
    for paragraph in paragraphs():
        element = f"<p>{html.escape(paragraph, quote=False)}</p>\n"
        if length + len(element) > size:
            break
        body.append(element)
        length += len(element)
    return head + "".join(body) + tail


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "byline"))
    parser.add_argument("--runs", type=int, default=3, help="runs of each small input and of the start-up")
    parser.add_argument("--copies", type=int, default=10, help="copies of a small input read in one run")
    parser.add_argument("--timeout", type=float, default=600, help="seconds a large input may take")
    parser.add_argument("--only", default="words,quotes,html", help="which of words, quotes, html to run")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    folder = tempfile.mkdtemp(prefix="byline-linear-bench-")
    try:
        cases = {
            "words": ("txt", ["--plain"], article(LARGE_WORDS // SCALE), article(LARGE_WORDS),
                      f"{LARGE_WORDS // SCALE:,} -> {LARGE_WORDS:,} words"),
            "quotes": ("txt", ["--plain"], quote_page(LARGE_QUOTES // SCALE), quote_page(LARGE_QUOTES),
                       f"{LARGE_QUOTES // SCALE:,} -> {LARGE_QUOTES:,} quotes"),
            "html": ("html", [], html_page(LARGE_BYTES // SCALE), html_page(LARGE_BYTES),
                     f"{LARGE_BYTES // SCALE // 1000:,} kB -> {LARGE_BYTES // 1_000_000:,} MB of HTML"),
        }
        chosen = [name for name in args.only.split(",") if name]
        unknown = [name for name in chosen if name not in cases]
        if unknown:
            sys.exit(f"unknown case {', '.join(unknown)}: choose among {', '.join(cases)}")

        # The run's own per-document limit (--doc-timeout, 5 s by default) would leave a large
        # input out on a slow or busy machine: it is given this script's limit instead.
        def command(paths, flags):
            return pin + [args.binary, "analyze", *flags, "--published", "2016-10-01", "--format", "jsonl",
                          "--doc-timeout", f"{args.timeout:g}", *paths]

        one_line = write(folder, "one-line.txt", "The minister said so.\n")
        startup = median([cpu_seconds(command([one_line], ["--plain"])) for _ in range(args.runs)])
        print(f"start-up: {startup:.3f} s CPU (one line)")
        figures, passed = [], 0
        for name in chosen:
            extension, flags, small_text, large_text, label = cases[name]
            smalls = [write(folder, f"{name}-small-{n}.{extension}", small_text) for n in range(args.copies)]
            large = write(folder, f"{name}-large.{extension}", large_text)
            small_net = max(median([cpu_seconds(command(smalls, flags)) for _ in range(args.runs)]) - startup, 1e-3) / args.copies
            large_cpu = cpu_seconds(command([large], flags), timeout=args.timeout)
            if large_cpu is None:
                print(f"{name}: {label}: {small_net:.3f} s -> over {args.timeout:.0f} s CPU: over "
                      f"{(args.timeout - startup) / small_net:.0f}x (limit {LIMIT}x) FAIL")
                figures.append(f"{name} timed out")
                continue
            ratio = (large_cpu - startup) / small_net
            verdict = "ok" if ratio < LIMIT else "FAIL"
            passed += ratio < LIMIT
            print(f"{name}: {label}: {small_net:.3f} s -> {large_cpu - startup:.2f} s CPU beyond start-up: {ratio:.1f}x "
                  f"(limit {LIMIT}x) {verdict}")
            figures.append(f"{name} {ratio:.1f}x")
        print(f"linear cost: {passed}/{len(chosen)} under {LIMIT}x | " + " | ".join(figures))
        sys.exit(0 if passed == len(chosen) else 1)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

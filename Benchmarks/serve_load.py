#!/usr/bin/env python3
"""Load on `byline serve`: wrk against /api/v1/search over a store of 100,000 articles.

    python3 Benchmarks/serve_load.py [--binary PATH] [--articles N] [--seconds 30] [--connections 16] [--keep DIR]

The store is the one Benchmarks/search_latency.py builds (the same --keep folder serves both):
development texts dealt into --articles articles, ingested with `byline ingest`. The server
runs on 127.0.0.1 (its access log to a file); wrk (Debian) sends search requests for words and
two-word phrases drawn from stored text, round robin, with --connections connections for
--seconds, twice. Between and after the runs the server's resident memory is read from /proc:
it must stay flat over the second run. The last line is the figure:

    serve: 100,000 articles | run 1: 2500 req/s, p99 40.0 ms, 0 errors | run 2: ... | RSS 60 -> 62 -> 62 MiB
"""
import argparse, os, random, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "Server"))
import search_latency  # noqa: E402
from bench_common import open_store  # noqa: E402
import serverctl  # noqa: E402

LUA = """
local paths = {%s}
local next_path = 0
request = function()
  next_path = next_path %% #paths + 1
  return wrk.format("GET", paths[next_path])
end
"""


def rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def milliseconds(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url, script, seconds, connections):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script, url],
                         capture_output=True, text=True, check=True).stdout
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(non2xx.group(1)) if non2xx else 0
    return rate, p99, errors, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "byline"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--keep", help="a folder to keep the store in between runs (shared with search_latency.py)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("serve_load: wrk is not installed (apt-get install wrk)")
    folder = args.keep or tempfile.mkdtemp(prefix="byline-serve-store-")
    os.makedirs(folder, exist_ok=True)
    work = tempfile.mkdtemp(prefix="byline-serve-load-")
    try:
        db = os.path.join(folder, f"search-{args.articles}.db")
        if not os.path.exists(db):
            search_latency.build(args.binary, db, args.articles)
        with open_store(db) as connection:
            stored = connection.execute("SELECT count(*) FROM article").fetchone()[0]
            texts = [row[0] for row in connection.execute("SELECT text FROM article ORDER BY random() LIMIT 300")]
        rng = random.Random(15)
        words = [w for text in texts for w in re.findall(r"[A-Za-z]{4,}", text)]
        paths = []
        for i in range(args.queries):
            start = rng.randrange(len(words) - 1)
            query = "+".join(words[start:start + 1 + i % 2])
            paths.append(f'"/api/v1/search?q={query}"')
        script = os.path.join(work, "search.lua")
        with open(script, "w") as f:
            f.write(LUA % ", ".join(paths))
        with serverctl.DevServer(args.binary, db, log=os.path.join(work, "access.log")) as server:
            subprocess.run(["wrk", "-t1", "-c2", "-d3s", "-s", script, server.url], capture_output=True, check=True)  # warm up
            before = rss_mib(server.pid)
            first = run_wrk(server.url, script, args.seconds, args.connections)
            middle = rss_mib(server.pid)
            second = run_wrk(server.url, script, args.seconds, args.connections)
            after = rss_mib(server.pid)
        print(first[3], file=sys.stderr)
        print(second[3], file=sys.stderr)
        growth = (after - middle) / middle * 100 if middle else 0.0
        print(f"memory over the second run: {middle:.0f} -> {after:.0f} MiB ({growth:+.1f}%)")
        print(f"serve: {stored:,} articles | run 1: {first[0]:.0f} req/s, p99 {first[1]:.1f} ms, {first[2]} errors | "
              f"run 2: {second[0]:.0f} req/s, p99 {second[1]:.1f} ms, {second[2]} errors | RSS {before:.0f} -> {middle:.0f} -> {after:.0f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

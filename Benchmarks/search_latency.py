#!/usr/bin/env python3
"""Latency of `byline search` and `byline person` over a store of 100,000 articles.

    python3 Benchmarks/search_latency.py [--binary PATH] [--articles N] [--queries N] [--keep DIR]

The store is built by the benchmark from the development corpora in ../shared/bench (PolNeAR's
dev texts and CoNLL-2003's eng.testa documents): their paragraphs are dealt, in turn, into
articles of four to eight paragraphs, each a new combination, until there are --articles of
them; they are ingested with `--plain` and a publication date spread over 2016. Building takes
a while (analysis included); --keep DIR keeps the store for the next run, and a build that was
stopped resumes there. Nothing is copied into
the repository.

Queries are drawn from the store itself: words and two-word phrases of stored text for search,
the names of stored people for person. Each query is a whole `byline` process (what a user
waits for), warm: every query is run once before timing; the CPU time of each is printed too,
since wall time on a loaded machine is mostly waiting for a core. The last lines are the figures:

    search: 100 queries over 100,000 articles | p50 12.0 ms | p99 31.0 ms
    person: 100 queries over 100,000 articles | p50 15.0 ms | p99 44.0 ms
"""
import argparse, glob, os, random, re, resource, shutil, subprocess, sys, tempfile, time

from bench_common import open_store

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "..", "shared", "bench")


def paragraphs():
    found = []
    for path in sorted(glob.glob(os.path.join(BENCH, "polnear", "dev", "text", "*.txt"))):
        found += [p.strip() for p in open(path, encoding="utf-8").read().split("\n\n") if len(p.split()) >= 8]
    conll = os.path.join(BENCH, "conll2003", "eng.testa")
    if os.path.exists(conll):
        sentence = []
        for line in open(conll, encoding="utf-8"):
            token = line.split(" ")[0].strip()
            if not token or token == "-DOCSTART-":
                if len(sentence) >= 8:
                    found.append(" ".join(sentence))
                sentence = []
            else:
                sentence.append(token)
    if not found:
        sys.exit(f"no development texts under {BENCH}")
    return found


def stored_articles(db):
    if not os.path.exists(db):
        return 0
    with open_store(db) as connection:
        return connection.execute("SELECT count(*) FROM article").fetchone()[0]


def build(binary, db, count):
    """Ingests `count` articles dealt from the development texts; the articles are the same on
    every run (a seeded deal), so a build that was stopped resumes where it stopped: batches
    already stored are dealt again but not written, and articles already stored are skipped."""
    pool = paragraphs()
    rng = random.Random(7)
    stored = stored_articles(db)
    folder = tempfile.mkdtemp(prefix="byline-search-bench-")
    try:
        made = 0
        while made < count:
            batch = min(5_000, count - made)
            day = made * 366 // count
            month, date = divmod(day, 31)
            published = f"2016-{min(month + 1, 12):02d}-{min(date + 1, 28):02d}"
            articles = ["\n\n".join(rng.sample(pool, rng.randint(4, 8))) for _ in range(batch)]
            if made + batch > stored:
                sub = os.path.join(folder, str(made))
                os.makedirs(sub)
                for i, article in enumerate(articles):
                    with open(os.path.join(sub, f"{made + i:06d}.txt"), "w", encoding="utf-8") as f:
                        f.write(f"Article {made + i}\n\n{article}\n")
                subprocess.run([binary, "ingest", "--plain", "--published", published, "--db", db, sub],
                               check=False, stdout=subprocess.DEVNULL)
                shutil.rmtree(sub)
                print(f"built {made + batch:,} articles", file=sys.stderr)
            made += batch
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def latencies(binary, db, commands):
    for command in commands:  # warm the file cache
        subprocess.run([binary] + command + ["--db", db, "--format", "json"], stdout=subprocess.DEVNULL, check=True)
    times, cpu = [], []
    for command in commands:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([binary] + command + ["--db", db, "--format", "json"], stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000)

    def percentiles(values):
        values = sorted(values)
        return values[len(values) // 2], values[min(len(values) - 1, int(len(values) * 0.99))]

    return percentiles(times) + percentiles(cpu)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "byline"))
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--keep", help="a folder to keep the store in between runs")
    args = parser.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="byline-search-store-")
    os.makedirs(folder, exist_ok=True)
    db = os.path.join(folder, f"search-{args.articles}.db")
    try:
        if stored_articles(db) < args.articles:
            build(args.binary, db, args.articles)
        rng = random.Random(11)
        with open_store(db) as connection:
            stored = connection.execute("SELECT count(*) FROM article").fetchone()[0]
            texts = [row[0] for row in connection.execute("SELECT text FROM article ORDER BY random() LIMIT 200")]
            people = [row[0] for row in connection.execute(
                "SELECT name FROM entity WHERE class = 'person' AND name LIKE '% %' ORDER BY random() LIMIT ?", (args.queries,))]
        words = [w for text in texts for w in re.findall(r"[A-Za-z]{4,}", text)]
        searches = []
        for i in range(args.queries):
            start = rng.randrange(len(words) - 1)
            searches.append(["search", " ".join(words[start:start + 1 + i % 2])])
        search = latencies(args.binary, db, searches)
        person = latencies(args.binary, db, [["person", name] for name in people])
        print(f"CPU per query (the process's own work, whatever the machine's load): search p50 {search[2]:.1f} ms, "
              f"p99 {search[3]:.1f} ms; person p50 {person[2]:.1f} ms, p99 {person[3]:.1f} ms")
        print(f"search: {len(searches)} queries over {stored:,} articles | p50 {search[0]:.1f} ms | p99 {search[1]:.1f} ms")
        print(f"person: {len(people)} queries over {stored:,} articles | p50 {person[0]:.1f} ms | p99 {person[1]:.1f} ms")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

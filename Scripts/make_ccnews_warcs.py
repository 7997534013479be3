#!/usr/bin/env python3
"""Writes CC-NEWS-like WARC.gz files (gzip per record, as Common Crawl writes them) from folders of
HTML pages, for the corpus benchmark, the resumability test and the Spark example's test.

usage: make_ccnews_warcs.py OUT_DIR --pages DIR [--pages DIR ...] [--files N] [--size-mb MB]
                            [--records N] [--seed S]

Each file starts with a warcinfo record; each page becomes a request record and a 200 response
record (HTML, its charset left to the page; some chunked), followed by a metadata record. Between
them, like a real crawl, come responses that a reader must skip: a robots.txt, an image and a 404.
Pages are taken in a seeded random order and repeated (the same records again) until the files
together reach --size-mb of compressed data, or --records pages in all. The pages are
read from the folders given (`*.html` or `*.html.gz`, such as ../shared/bench/aeb/html); nothing
is copied into the repository. Needs warcio (pip install warcio).
"""
import argparse
import gzip
import io
import json
import random
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def load_pages(folders):
    """(uri, bytes) of every page in `folders`; the URI from the data set's gold file when it
    names one, else made up from the file name."""
    pages = []
    for folder in folders:
        folder = Path(folder)
        urls = {}
        for gold in (folder.parent / "ground-truth.json", folder.parent / "gold.json"):
            if gold.exists():
                data = json.loads(gold.read_text())
                for key, value in data.items():
                    if "url" in value:
                        urls[key] = value["url"]
                    elif "file" in value:
                        urls[Path(value["file"]).name.split(".html")[0]] = key
        for path in sorted(folder.iterdir()):
            if not (path.name.endswith(".html") or path.name.endswith(".html.gz")):
                continue
            data = path.read_bytes()
            if path.name.endswith(".gz"):
                data = gzip.decompress(data)
            stem = path.name.split(".html")[0]
            pages.append((urls.get(stem, f"https://news.example.org/{stem}"), data))
    return pages


def record(writer, uri, kind, payload=b"", http=None, date="2024-01-01T00:00:00Z", content_type=None):
    headers = {"WARC-Date": date}
    made = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=http,
                                     warc_headers_dict=headers, warc_content_type=content_type)
    writer.write_record(made)


def response(writer, uri, body, date, status="200 OK", content_type="text/html", chunked=False):
    if chunked:
        pieces = [body[i:i + 8192] for i in range(0, len(body), 8192)]
        body = b"".join(b"%x\r\n" % len(p) + p + b"\r\n" for p in pieces) + b"0\r\n\r\n"
        headers = [("Content-Type", content_type), ("Transfer-Encoding", "chunked")]
    else:
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
    http = StatusAndHeaders(status, headers + [("Server", "nginx")], protocol="HTTP/1.1")
    record(writer, uri, "response", body, http, date)


def request(writer, uri, date):
    host = uri.split("/")[2] if uri.count("/") >= 2 else "news.example.org"
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", host), ("User-Agent", "CCBot/2.0")], is_http_request=True)
    record(writer, uri, "request", b"", http, date)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--pages", action="append", required=True)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--size-mb", type=float, default=None, help="stop at this much compressed data in all")
    parser.add_argument("--records", type=int, default=None, help="stop at this many pages in all")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    pages = load_pages(args.pages)
    if not pages:
        raise SystemExit("make_ccnews_warcs.py: no *.html or *.html.gz pages in " + ", ".join(args.pages))
    total_pages = args.records if args.records is not None else (None if args.size_mb else len(pages))
    budget = args.size_mb * 1e6 if args.size_mb else None
    rng = random.Random(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written_pages, written_bytes = 0, 0
    order = []
    # Each page's records (request, response, metadata, and what may follow) are compressed once;
    # a page met again (to reach --size-mb) repeats the same bytes, as a crawl that fetched the
    # page twice would hold it twice.
    groups = {}

    def group(index):
        if index not in groups:
            uri, body = pages[index]
            buffer = io.BytesIO()
            writer = WARCWriter(buffer, gzip=True)
            date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
            request(writer, uri, date)
            response(writer, uri, body, date, chunked=rng.random() < 0.1)
            record(writer, uri, "metadata", b"fetchTimeMs: %d\r\n" % rng.randint(20, 900), date=date,
                   content_type="application/warc-fields")
            roll = rng.random()
            site = "/".join(uri.split("/")[:3])
            if roll < 0.05:
                response(writer, site + "/robots.txt", b"User-agent: *\nDisallow:\n", date, content_type="text/plain")
            elif roll < 0.08:
                response(writer, site + "/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(rng.randint(100, 4000)), date, content_type="image/png")
            elif roll < 0.10:
                response(writer, site + "/gone", b"<html><body>Not found</body></html>", date, status="404 Not Found")
            groups[index] = buffer.getvalue()
        return groups[index]

    for number in range(args.files):
        name = out / f"CC-NEWS-{20240101000000 + number * 1000:014d}-{number:05d}.warc.gz"
        with open(name, "wb") as stream:
            writer = WARCWriter(stream, gzip=True)
            writer.write_record(writer.create_warcinfo_record(name.name, {"software": "make_ccnews_warcs.py", "format": "WARC File Format 1.1"}))
            # Pages are shared out evenly: each file takes its part of the budget.
            while True:
                if total_pages is not None and written_pages >= total_pages * (number + 1) // args.files:
                    break
                if budget is not None and written_bytes + stream.tell() >= budget * (number + 1) / args.files:
                    break
                if not order:
                    order = list(range(len(pages)))
                    rng.shuffle(order)
                stream.write(group(order.pop()))
                written_pages += 1
            written_bytes += stream.tell()
    print(json.dumps({"files": args.files, "pages": written_pages, "bytes": written_bytes}))


if __name__ == "__main__":
    main()

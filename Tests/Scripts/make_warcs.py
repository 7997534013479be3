#!/usr/bin/env python3
"""Writes the WARC files the WARC reader's tests read, with warcio (pip install warcio).

usage: make_warcs.py OUTPUT_DIR [--huge]

Every page is made up. The files:
  good.warc.gz       per-record gzip (as Common Crawl writes): a warcinfo record, then for each
                     page a request and a response, plus responses that must be skipped (an
                     image, a 404), a chunked response, a gzip-encoded one, one in Windows-1252
                     declared only in the HTTP header, and a metadata record.
  good.warc          the same records, uncompressed.
  truncated.warc.gz  good.warc.gz with the gzip member of the second page's response cut in half.
  badlength.warc     good.warc with the Content-Length of one response made too long and of
                     another too short.
  nonhttp.warc.gz    a response record whose content is no HTTP response, between two pages.
  huge.warc.gz       with --huge only: a 100 MB response between two pages.
  cut.warc.gz        good.warc.gz cut off in the middle of its last member.
"""
import gzip
import io
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>The council said the work would begin next spring and end within two years, and that the cost
would be shared between the city and the regional government.</p>
</article><footer>Copyright The Example Gazette</footer></body></html>
"""

PAGES = [
    ("https://news.example.org/2031/harbor", "Harbor expansion approved",
     "The port authority voted on Monday to approve a harbor expansion that had been under review for six years.",
     '<meta property="article:published_time" content="2031-04-02T09:00:00Z">'),
    ("https://news.example.org/2031/bridge", "Bridge repairs to close river crossing",
     "The river crossing will close for three weeks while engineers replace the joints of the old bridge.", ""),
    ("https://news.example.org/2031/library", "Library opens late on weekdays",
     "The central library will stay open until ten at night on weekdays from the start of next month.", ""),
]
DATE = "2031-04-03T12:30:45Z"


def page(index):
    uri, title, body, head = PAGES[index]
    return uri, PAGE.format(title=title, body=body, head=head).encode("utf-8")


def response(writer, uri, payload, status="200 OK", content_type="text/html; charset=utf-8", extra=()):
    headers = [("Content-Type", content_type)] + list(extra)
    if not any(name == "Transfer-Encoding" for name, _ in extra):
        headers.append(("Content-Length", str(len(payload))))
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http,
                                       warc_headers_dict={"WARC-Date": DATE})
    writer.write_record(record)


def request(writer, uri):
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record(uri, "request", http_headers=http))


def chunked(payload, size=100):
    out = b""
    for start in range(0, len(payload), size):
        piece = payload[start:start + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def write_good(stream, gzip_records):
    writer = WARCWriter(stream, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "make_warcs.py"}))
    for index in range(len(PAGES)):
        uri, payload = page(index)
        request(writer, uri)
        response(writer, uri, payload)
    response(writer, "https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")
    response(writer, "https://news.example.org/missing", b"<html><body>Not found</body></html>", status="404 Not Found")
    uri, payload = page(1)
    response(writer, uri + "?chunked", chunked(payload), extra=[("Transfer-Encoding", "chunked")])
    uri, payload = page(2)
    response(writer, uri + "?gzip", gzip.compress(payload), extra=[("Content-Encoding", "gzip")])
    latin = page(0)[1].replace(b'<meta charset="utf-8">', b"").replace(b"Harbor expansion", "Caf\u00e9 harbor".encode("utf-8"))
    response(writer, "https://news.example.org/2031/cafe", latin.decode("utf-8").encode("cp1252"),
             content_type="text/html; charset=windows-1252")
    meta = writer.create_warc_record("https://news.example.org/2031/harbor", "metadata",
                                     payload=io.BytesIO(b"fetchTimeMs: 12\r\n"), warc_content_type="application/warc-fields")
    writer.write_record(meta)


def members(data):
    """The offsets where each gzip member of a per-record .warc.gz starts."""
    offsets, position = [], 0
    while position < len(data):
        offsets.append(position)
        decompressor = __import__("zlib").decompressobj(31)
        decompressor.decompress(data[position:])
        position = len(data) - len(decompressor.unused_data)
    return offsets + [len(data)]


def records(data):
    """The offsets where each record of an uncompressed WARC starts."""
    offsets, position = [], 0
    while True:
        found = data.find(b"WARC/1.", position)
        if found < 0:
            return offsets
        offsets.append(found)
        position = found + 1


def with_pages(path, middle):
    """A per-record .warc.gz: the first page, what `middle` writes, the last page."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        uri, payload = page(0)
        response(writer, uri, payload)
        middle(writer)
        uri, payload = page(2)
        response(writer, uri, payload)


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    compressed, plain = io.BytesIO(), io.BytesIO()
    write_good(compressed, True)
    write_good(plain, False)
    (out / "good.warc.gz").write_bytes(compressed.getvalue())
    (out / "good.warc").write_bytes(plain.getvalue())

    # Members: 0 warcinfo, 1-2 first page, 3-4 second page, 5-6 third page, ...
    data = compressed.getvalue()
    bounds = members(data)
    start, end = bounds[4], bounds[5]
    (out / "truncated.warc.gz").write_bytes(data[:start + (end - start) // 2] + data[end:])
    (out / "cut.warc.gz").write_bytes(data[:bounds[-2] + (bounds[-1] - bounds[-2]) // 2])

    text = plain.getvalue()
    starts = records(text)
    # Records: 0 warcinfo, 1 request, 2 response (first page), 3 request, 4 response (second page).
    def with_length(data, record, change):
        header = data[record:data.index(b"\r\n\r\n", record) + 2]
        line_start = header.index(b"Content-Length: ") + len(b"Content-Length: ")
        line_end = header.index(b"\r\n", line_start)
        length = int(header[line_start:line_end]) + change
        return data[:record + line_start] + str(length).encode() + data[record + line_end:]
    damaged = with_length(text, starts[4], +40)
    damaged = with_length(damaged, records(damaged)[2], -40)
    (out / "badlength.warc").write_bytes(damaged)

    def not_http(writer):
        # warcio will not write a response that is no HTTP, so the record is written by hand.
        content = b"this is no HTTP response\r\n"
        record = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example.org/raw\r\n"
                  b"WARC-Date: " + DATE.encode() + b"\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
                  b"Content-Type: application/http; msgtype=response\r\n"
                  b"Content-Length: " + str(len(content)).encode() + b"\r\n\r\n" + content + b"\r\n\r\n")
        writer.out.write(gzip.compress(record))
    with_pages(out / "nonhttp.warc.gz", not_http)

    def huge(writer):
        body = b"<html><body>" + b"<p>filler paragraph</p>" * (100 * 1024 * 1024 // 23) + b"</body></html>"
        response(writer, "https://news.example.org/huge", body)
    if "--huge" in sys.argv[2:]:
        with_pages(out / "huge.warc.gz", huge)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Tests the Spark job on local[2]: over generated WARC files (Scripts/make_ccnews_warcs.py, from
the AEB pages in ../shared/bench, the last one cut short), its JSON Lines equal `byline analyze`
run directly on the same files, and its counters count every document and every error line.

usage: test_byline_spark.py BYLINE_BINARY        (needs pyspark and a Java runtime)
"""
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(HERE))
import byline_spark  # noqa: E402

BINARY = None
# CI runs a debug build: no document of these pages may be left out for time, in either run.
DOC_TIMEOUT = "600"


class SparkJobTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = Path(tempfile.mkdtemp(prefix="byline-spark-"))
        warcs = cls.folder / "warcs"
        subprocess.run([sys.executable, str(ROOT / "Scripts/make_ccnews_warcs.py"), str(warcs), "--files", "4",
                        "--records", "12", "--pages", str(SHARED / "bench/aeb/html")], check=True, stdout=subprocess.DEVNULL)
        # One file cut off inside its last record: one failure, the records before it kept.
        last = sorted(warcs.glob("*.warc.gz"))[-1]
        data = last.read_bytes()
        last.write_bytes(data[:len(data) - 200])
        cls.warcs = sorted(warcs.glob("*.warc.gz"))
        cls.paths = cls.folder / "warc.paths"
        cls.paths.write_text("".join(f"{p}\n" for p in cls.warcs))

    def direct(self):
        """`byline analyze` run directly on the files: its JSON lines and its error lines."""
        run = subprocess.run([BINARY, "analyze", "--format", "jsonl", "--doc-timeout", DOC_TIMEOUT] + [str(p) for p in self.warcs],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        errors = [line for line in run.stderr.decode().splitlines() if " WARC record" not in line and ": warning: " not in line]
        self.assertEqual(run.returncode, 1 if errors else 0, run.stderr.decode())
        return run.stdout.decode().splitlines(), errors

    def run_job(self, output, *extra):
        from io import StringIO
        from contextlib import redirect_stdout
        captured = StringIO()
        with redirect_stdout(captured):
            byline_spark.main(["--input", str(self.paths), "--output", str(output), "--binary", BINARY,
                               "--master", "local[2]", "--partitions", "2", "--doc-timeout", DOC_TIMEOUT] + list(extra))
        return json.loads(captured.getvalue().strip().splitlines()[-1])

    def test_jsonl_output_equals_byline_run_directly(self):
        output = self.folder / "out-jsonl"
        counters = self.run_job(output)
        lines = []
        for part in sorted(output.glob("part-*")):
            lines += part.read_text().splitlines()
        expected, errors = self.direct()
        self.assertGreater(len(expected), 0)
        self.assertEqual(sorted(lines), sorted(expected))
        self.assertEqual(counters, {"warcFiles": 4, "documents": len(expected), "failures": len(errors)})

    def test_parquet_output_holds_every_document(self):
        from pyspark.sql import SparkSession
        output = self.folder / "out-parquet"
        counters = self.run_job(output, "--format", "parquet")
        spark = SparkSession.builder.master("local[2]").getOrCreate()
        try:
            rows = spark.read.parquet(str(output)).select("id", "source.uri").collect()
        finally:
            spark.stop()
        expected = [json.loads(line) for line in self.direct()[0]]
        self.assertEqual(sorted((r["id"], r["uri"]) for r in rows), sorted((d["id"], d["source"]["uri"]) for d in expected))
        self.assertEqual(counters["documents"], len(expected))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    BINARY = str(Path(sys.argv.pop(1)).resolve())
    unittest.main()

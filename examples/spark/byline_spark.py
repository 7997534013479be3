#!/usr/bin/env python3
"""Runs `byline analyze` over a corpus of WARC files on a Spark cluster.

In the style of commoncrawl/cc-pyspark: a text file lists WARC paths (one per line, as
CC-NEWS's warc.paths does); Spark shares the paths out into partitions; each task runs the
`byline` binary on its WARC files (`byline analyze --format jsonl`, one process per task, files
read record by record) and hands on its JSON lines; the documents are written as JSON Lines or
Parquet, and Spark accumulators count the documents and the failures (byline's error lines).

usage:
  spark-submit byline_spark.py --input warc.paths --output OUT [--format jsonl|parquet]
                               [--binary /path/to/byline] [--partitions N] [--jobs-per-task N]
                               [--command analyze|extract]

Every executor must be able to run the binary and read the WARC paths (a shared file system,
or paths such as /mnt/cc-news/...). See README.md beside this file for a real cluster.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from pyspark import StorageLevel
from pyspark.sql import SparkSession


def run_byline(binary, command, jobs, doc_timeout, paths, documents, failures):
    """Runs byline over `paths` (one task's WARC files); yields its JSON lines. Each error line
    of byline (`byline: PATH: reason`, not a warning or a WARC file's record counts) adds one
    to `failures`; each document to `documents`."""
    paths = list(paths)
    if not paths:
        return
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen([binary, command, "--format", "jsonl", "--jobs", str(jobs), "--doc-timeout", str(doc_timeout)] + paths,
                                   stdout=subprocess.PIPE, stderr=errors)
        for line in process.stdout:
            documents.add(1)
            yield line.decode("utf-8").rstrip("\n")
        status = process.wait()
        errors.seek(0)
        for error in errors.read().decode("utf-8", "replace").splitlines():
            if " WARC record" in error or ": warning: " in error:
                continue
            failures.add(1)
            print(error, file=sys.stderr)
        # Status 1 means some inputs or records failed (counted above); anything else means
        # byline could not run at all, which fails the task (Spark retries it).
        if status not in (0, 1):
            raise RuntimeError(f"{binary} {command} ended with status {status} on {paths}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", required=True, help="a text file of WARC paths, one per line")
    parser.add_argument("--output", required=True, help="the output folder (must not exist)")
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "parquet"])
    parser.add_argument("--binary", default="byline", help="the byline executable on every executor")
    parser.add_argument("--command", default="analyze", choices=["analyze", "extract"])
    parser.add_argument("--partitions", type=int, default=None, help="default: one per WARC file")
    parser.add_argument("--jobs-per-task", type=int, default=1, help="byline --jobs inside each task")
    parser.add_argument("--doc-timeout", type=float, default=5, help="byline --doc-timeout: the most seconds per document")
    parser.add_argument("--master", default=None, help="e.g. local[2]; default: spark-submit's")
    args = parser.parse_args(argv)

    builder = SparkSession.builder.appName("byline")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    context = spark.sparkContext
    # The tasks call run_byline from this file: ship it to the executors' Python workers.
    context.addPyFile(os.path.abspath(__file__))
    try:
        paths = context.textFile(args.input).map(str.strip).filter(lambda p: p and not p.startswith("#")).collect()
        partitions = args.partitions or max(1, len(paths))
        documents = context.accumulator(0)
        failures = context.accumulator(0)
        binary, command, jobs, doc_timeout = args.binary, args.command, args.jobs_per_task, args.doc_timeout
        lines = context.parallelize(paths, partitions).mapPartitions(
            lambda part: run_byline(binary, command, jobs, doc_timeout, part, documents, failures))
        if args.format == "parquet":
            # The JSON contract's nested fields become Parquet structs and lists. Reading JSON
            # passes over the lines twice (the schema, then the rows): they are kept, so byline
            # runs (and the counters count) once.
            lines = lines.persist(StorageLevel.MEMORY_AND_DISK)
            spark.read.json(lines).write.parquet(args.output)
        else:
            lines.saveAsTextFile(args.output)
        print(json.dumps({"warcFiles": len(paths), "documents": documents.value, "failures": failures.value}))
    finally:
        spark.stop()


if __name__ == "__main__":
    main()

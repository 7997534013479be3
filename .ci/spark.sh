#!/usr/bin/env bash
# CI: the Spark example's test (examples/spark/test_byline_spark.py) on local[2], with pyspark
# from PyPI and Debian's Java runtime, installed when missing. Runs the byline that `swift test`
# built (debug); run from .ci/run after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
python=(/usr/bin/env PATH=/usr/local/bin:/usr/bin:/bin python3)

if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
    echo "installing: default-jre-headless (Java for Spark)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless
fi
if ! "${python[@]}" -c 'import pyspark' 2>/dev/null; then
    echo "installing: pyspark (PyPI)"
    # Debian marks its Python as managed by apt; pyspark has no Debian package.
    "${python[@]}" -m pip install -q --break-system-packages pyspark 2>/dev/null || "${python[@]}" -m pip install -q pyspark
fi

# The traits .ci/run tests with, so that the test build is reused.
swift build --traits PostgreSQL
binary="$(swift build --traits PostgreSQL --show-bin-path)/byline"
"${python[@]}" examples/spark/test_byline_spark.py "$binary"

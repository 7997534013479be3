#!/usr/bin/env bash
# Builds Byline's libFuzzer targets (Fuzz/, with -sanitize=fuzzer,address) and runs each for a
# number of executions over a seed corpus made from the development data in ../shared (built in a
# scratch folder, never copied into the repository). Not part of `swift test` or CI: a run of
# 1,000,000 executions per target takes hours on two cores.
#
# usage: Scripts/fuzz.sh [--runs N] [--work DIR] [TARGET...]
#   TARGET: FuzzHTML FuzzScrapedText FuzzWARC FuzzGzip FuzzCoNLL FuzzAnalysis (default: all)
#   --runs N   executions per target (default 1000000)
#   --work DIR where seeds, the corpora libFuzzer grows, crash files and logs go (default /tmp/byline-fuzz)
#
# A target passes when libFuzzer ends with "Done N runs" and found no crash, no hang (an input
# taking over 10 s: -timeout=10), no leak (AddressSanitizer's leak check) and no memory growth
# past 2 GB (-rss_limit_mb). The last line prints the executions of each target. A crash leaves
# crash-* files in the work folder: turn each into a regression test, then fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=$(cd .. && pwd)/shared
runs=1000000
work=/tmp/byline-fuzz
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(FuzzHTML FuzzScrapedText FuzzWARC FuzzGzip FuzzCoNLL FuzzAnalysis)
mkdir -p "$work"

echo "building the fuzz targets (release, -sanitize=fuzzer,address)"
# lld links them: GNU gold stops with an internal error reading the sanitized objects' DWARF.
build=(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
bin=$(cd Fuzz && "${build[@]}" --show-bin-path)
# The targets' own sources are touched so that SwiftPM compiles them again every time: it does
# not always rebuild them when a type of the Byline package changes its layout, and a stale one
# crashes at start-up. (Deleting their build folders instead left SwiftPM without their output
# file maps, and the build failed.) A failed build stops the script: a stale target would fuzz
# old code.
touch Fuzz/Sources/*/*.swift
log=$(mktemp)
if ! (cd Fuzz && "${build[@]}" > "$log" 2>&1); then
    grep -E "error" "$log" | head -20
    echo "fuzz.sh: the fuzz targets did not build (full log: $log)"
    exit 1
fi
grep -E "warning: |Compiling Fuzz|Build complete" "$log" || true
rm -f "$log"

# Seeds: small real inputs from the development data, one file each.
seeds() {
    local target=$1 folder="$work/seeds/$1"
    [ -d "$folder" ] && return
    mkdir -p "$folder"
    case "$target" in
        FuzzHTML)
            for page in $(ls "$shared"/bench/aeb/html/*.html.gz | head -40) $(ls "$shared"/bench/htmldate/html/*.gz | head -40); do
                { gzip -dc "$page" 2>/dev/null || true; } | head -c 65536 > "$folder/$(basename "$page" .gz)"
            done ;;
        FuzzScrapedText)
            cp "$shared"/fixtures/scrapes/*.txt "$folder/"
            for text in $(ls "$shared"/bench/polnear/dev/text/*.txt | head -20); do head -c 16384 "$text" > "$folder/$(basename "$text")"; done ;;
        FuzzWARC)
            python3 Tests/Scripts/make_warcs.py "$folder/made" >/dev/null
            python3 Scripts/make_ccnews_warcs.py "$folder/cc" --pages "$shared/bench/aeb/html" --files 20 --records 20 >/dev/null
            mv "$folder"/made/* "$folder"/cc/* "$folder/"; rmdir "$folder/made" "$folder/cc" ;;
        FuzzGzip)
            for page in $(ls "$shared"/bench/aeb/html/*.html.gz | head -20); do cp "$page" "$folder/"; done
            for text in $(ls "$shared"/bench/polnear/dev/text/*.txt | head -10); do gzip -c "$text" > "$folder/$(basename "$text").gz"; done ;;
        FuzzCoNLL)
            awk -v dir="$folder" 'BEGIN { n = 0 } /^-DOCSTART-/ { n++ } n > 0 && n <= 40 { print > (dir "/doc" n ".conll") }' "$shared/bench/conll2003/eng.testa" ;;
        FuzzAnalysis)
            for text in $(ls "$shared"/bench/polnear/dev/text/*.txt | head -40); do head -c 4096 "$text" > "$folder/$(basename "$text")"; done ;;
    esac
}

# The longest input each target is given: pages are long, analysis is slow per byte (at 2 KB,
# several paragraphs, FuzzAnalysis runs about 170 inputs a second on one core; at 4 KB about 90,
# too few for a million in one sitting).
max_len() {
    case "$1" in
        FuzzHTML | FuzzWARC | FuzzGzip) echo 65536 ;;
        FuzzAnalysis) echo 2048 ;;
        *) echo 16384 ;;
    esac
}

summary=()
status=0
for target in "${targets[@]}"; do
    seeds "$target"
    corpus="$work/corpus/$target"
    mkdir -p "$corpus" "$work/crashes/$target"
    log="$work/$target.log"
    echo "fuzzing $target: $runs executions (log: $log)"
    set +e
    (cd "$work/crashes/$target" && ASAN_OPTIONS=detect_leaks=1 "$bin/$target" "$corpus" "$work/seeds/$target" \
        -runs="$runs" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$work/crashes/$target/" > "$log" 2>&1)
    code=$?
    set -e
    done_line=$(grep -E "^Done [0-9]+ runs" "$log" | tail -1 || true)
    executions=$(grep -E "stat::number_of_executed_units" "$log" | awk '{print $2}' | tail -1)
    if [ $code -ne 0 ] || [ -z "$done_line" ]; then
        status=1
        echo "$target: FAILED (exit $code); see $log and $work/crashes/$target/" >&2
        grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5 >&2 || true
        summary+=("$target=FAILED(${executions:-0})")
    else
        summary+=("$target=${executions:-?}")
    fi
done
echo "fuzz executions: ${summary[*]}"
exit $status

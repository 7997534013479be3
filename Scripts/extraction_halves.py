#!/usr/bin/env python3
"""Main text on the article-extraction benchmark, page by page, for two builds of byline.

    Scripts/extraction_halves.py NEW_BINARY [--base OLD_BINARY] [--show N]

Scores `byline extract` on the 181 AEB pages (../shared/bench/aeb) with the metric of
../shared/eval/score_extraction.py (token 4-gram precision and recall averaged over pages),
for each half of the pages apart: odd and even positions in the sorted page ids, the halves
score_extraction.py prints. A change to the extraction counts only if it helps both halves;
a rule that lifts one and lowers the other fits pages, not the web. With --base, the same for
the older build and the pages whose F1 moved most, so a change can be read page by page.

Last line:
    halves: odd F1 0.9721 (+0.0010) | even F1 0.9702 (+0.0001) | all F1 0.9712 (+0.0006)
"""
import argparse, json, os, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "eval"))
sys.path.insert(0, EVAL)
import common  # noqa: E402
from score_extraction import AEB, body_text, prf, score  # noqa: E402


def page_f1(pred, gold):
    tp, fp, fn = prf(pred, gold)
    p = 1.0 if tp + fp == 0 or fp == 0 else tp / (tp + fp)
    r = 1.0 if tp + fn == 0 or fn == 0 else tp / (tp + fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def run(binary, ids, files, gold):
    results = common.run_byline(binary, "extract", files)[0]
    return [(body_text(results[f]) if f in results else "", gold[i]["articleBody"]) for i, f in zip(ids, files)]


def halves(pairs):
    """F1 over the odd positions, the even positions and all pages."""
    return score(pairs[0::2])[2], score(pairs[1::2])[2], score(pairs)[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--base", help="an older build to compare with")
    ap.add_argument("--show", type=int, default=12, help="pages listed whose F1 moved most")
    a = ap.parse_args()
    gold = json.load(open(os.path.join(AEB, "ground-truth.json"), encoding="utf-8"))
    ids = sorted(gold)
    with tempfile.TemporaryDirectory() as tmp:
        files = common.unpack([os.path.join(AEB, "html", f"{i}.html.gz") for i in ids], tmp)
        new = run(a.binary, ids, files, gold)
        old = run(a.base, ids, files, gold) if a.base else None
    now = halves(new)
    before = halves(old) if old else now
    if old:
        moves = sorted(((page_f1(*n) - page_f1(*o), i, k) for k, (i, n, o) in enumerate(zip(ids, new, old))), key=lambda m: -abs(m[0]))
        for delta, page, k in moves[: a.show]:
            if delta:
                print(f"  {page[:16]} ({'odd' if k % 2 == 0 else 'even'}) F1 {page_f1(*old[k]):.3f} -> {page_f1(*new[k]):.3f}")
    names = ("odd", "even", "all")
    print("halves: " + " | ".join(f"{n} F1 {v:.4f} ({v - b:+.4f})" for n, v, b in zip(names, now, before)))


if __name__ == "__main__":
    main()

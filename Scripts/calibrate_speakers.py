#!/usr/bin/env python3
"""Measure how often each speaker rule of the quote stage names the right speaker, on PolNeAR
train, and write the quote confidences the stage reads.

    Scripts/calibrate_speakers.py BYLINE_BINARY [--data DIR] [--out FILE] [--fewest N]

DIR (default ../shared/bench/polnear/train, beside the repository) holds text/NAME.txt and
attributions/NAME_ANNOTATOR.ann (brat standoff; an article annotated by several annotators uses
the alphabetically first file). Never point it at the dev split: dev is what
score_quotes.py measures, and a calibration on it would flatter that score.

The tool runs as `BYLINE analyze --plain --format jsonl FILES`. Gold, per attribution (a brat
event with a Content role): each double-quoted stretch inside its content with a letter in a
Content fragment (for quotes of kind direct/partial), and the whole content extent (for
indirect reports); the speaker is the attribution's Source. Spans on both sides are trimmed of
white space, punctuation and quote marks. Quotes are paired one-to-one, greedily by overlap
over the longer span: a quoted stretch needs overlap >= half the longer one; a report needs
overlap > 0.3 of the gold content. A paired quote whose gold has a Source counts for its rule;
its speaker is right when one of the speaker entity's mentions, or the quote's speakerMention,
overlaps the Source span, or (for a Source that is not a pronoun) the entity's name or an alias
equals the Source or shares its last name-like word.

Each rule's confidence is its smoothed precision (right + 1) / (decided + 2); a rule decided
fewer than --fewest times (default 8) is left out and takes its sieve's figure, the line
"SIEVE/*" (all the sieve's rules together: "cue-after-quote/*" for "cue-after-quote/said-name"). Writes
Sources/BylineAnalysis/Resources/speaker-calibration.tsv by default and prints the table.
"""
import argparse, collections, datetime, glob, json, os, re, subprocess, sys, tempfile, unicodedata, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAIN = os.path.join(ROOT, "..", "shared", "bench", "polnear", "train")
OUT = os.path.join(ROOT, "Sources", "BylineAnalysis", "Resources", "speaker-calibration.tsv")

EDGE = set(".,;:!?—–-…'‘’“”\"()[]")
PRONOUNS = set("i me my we us our you your he him his she her it its they them their who whom which that this one".split())
ARTICLES = {"a", "an", "the"}
FUNCTION = PRONOUNS | ARTICLES | set("and or of in on at for to by with from as but not no according mr mrs ms".split())


def trimmed(text, start, end):
    while start < end and (text[start].isspace() or text[start] in EDGE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE):
        end -= 1
    return start, end


def brat(path):
    """The text-bound spans {id: [(start, end)]} and events [{role: [ids]}] of a .ann file."""
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                continue
            if fields[0].startswith("T"):
                locations = fields[1].partition(" ")[2]
                try:
                    spans[fields[0]] = [tuple(int(x) for x in loc.split()) for loc in locations.split(";")]
                except ValueError:
                    continue
            elif fields[0].startswith("E"):
                roles = collections.defaultdict(list)
                for argument in fields[1].split():
                    role, _, target = argument.partition(":")
                    roles[re.sub(r"\d+$", "", role)].append(target)
                events.append(roles)
    return spans, events


def quote_stretches(segment):
    """(start, end) of each double-quoted stretch of segment, marks included; one left open runs on."""
    stretches, start = [], None
    for i, ch in enumerate(segment):
        if ch == "“" or (ch == '"' and start is None):
            if start is not None:
                stretches.append((start, i))
            start = i
        elif ch in "”\"" and start is not None:
            stretches.append((start, i + 1))
            start = None
    if start is not None:
        stretches.append((start, len(segment)))
    return stretches


def gold(text, ann):
    """The quoted stretches and the whole reports of an article, each with its Source."""
    spans, events = brat(ann)
    quoted, reports, seen = [], [], set()
    for event in events:
        content = [frag for t in event.get("Content", []) for frag in spans.get(t, []) if len(frag) == 2]
        if not content:
            continue
        source = [frag for t in event.get("Source", []) for frag in spans.get(t, []) if len(frag) == 2]
        source_span = (min(s for s, _ in source), max(e for _, e in source)) if source else None
        start, end = min(s for s, _ in content), max(e for _, e in content)
        reports.append({"span": trimmed(text, start, end), "source_span": source_span})
        for a, b in quote_stretches(text[start:end]):
            if any(text[i].isalpha() and any(s <= i < e for s, e in content) for i in range(start + a, start + b)):
                span = trimmed(text, start + a, start + b)
                if span[1] > span[0] and span not in seen:
                    seen.add(span)
                    quoted.append({"span": span, "source_span": source_span})
    return quoted, reports


def pairs(golds, predictions, enough):
    """One-to-one (gold, prediction) pairs, greedily by overlap over the longer span."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(predictions):
            (gs, ge), (ps, pe) = g["span"], p["span"]
            overlap = min(ge, pe) - max(gs, ps)
            if ge > gs and pe > ps and overlap > 0 and enough(overlap, ge - gs, pe - ps):
                candidates.append((-overlap / max(ge - gs, pe - ps), gi, pi))
    used_gold, used_prediction, out = set(), set(), []
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_prediction:
            used_gold.add(gi)
            used_prediction.add(pi)
            out.append((golds[gi], predictions[pi]))
    return out


def fold(s):
    s = unicodedata.normalize("NFKC", s or "").casefold().replace("’", "'")
    return " ".join(w for w in re.sub(r"[^\w\s']", " ", s).split() if w not in ARTICLES)


def last_name_word(s):
    words = re.findall(r"\w+(?:['’]\w+)*", unicodedata.normalize("NFKC", s or ""))
    for w in reversed(words):
        w = re.sub(r"['’]s$", "", w)
        if w[:1].isupper() and w.casefold() not in FUNCTION:
            return w.casefold()
    return None


def speaker_right(text, source_span, quote, entity):
    """Whether the quote's speaker is the Source at source_span."""
    gs, ge = source_span
    spans = [(m["start"], m["end"]) for m in (entity or {}).get("mentions", [])]
    if isinstance(quote.get("speakerMention"), dict):
        spans.append((quote["speakerMention"]["start"], quote["speakerMention"]["end"]))
    if any(min(ge, e) > max(gs, s) for s, e in spans):
        return True
    source = text[gs:ge]
    if entity is None or fold(source) in PRONOUNS:
        return False
    names = [entity.get("name") or ""] + list(entity.get("aliases") or [])
    if any(fold(n) == fold(source) for n in names):
        return True
    head = last_name_word(source)
    source_words = {w.casefold() for w in re.findall(r"\w+", source)}
    return any(head and head in {w.casefold() for w in re.findall(r"\w+", n)} or last_name_word(n) in source_words for n in names)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("byline")
    parser.add_argument("--data", default=TRAIN)
    parser.add_argument("--out", default=OUT)
    parser.add_argument("--fewest", type=int, default=8)
    args = parser.parse_args()
    if os.path.basename(os.path.normpath(args.data)) == "dev":
        sys.exit("calibrate_speakers.py: the dev split is for scoring, not calibration")
    articles = []
    for path in sorted(glob.glob(os.path.join(args.data, "text", "*.txt"))):
        name = os.path.basename(path)[:-4]
        anns = sorted(glob.glob(os.path.join(args.data, "attributions", glob.escape(name) + "_*.ann")))
        if anns:
            with open(path, encoding="utf-8", newline="") as f:
                articles.append((name, path, f.read(), anns[0]))
    if not articles:
        sys.exit(f"calibrate_speakers.py: no annotated articles in {args.data}")
    # The tool reads copies in a folder of their own, in order.
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for name, path, _, _ in articles:
            files.append(os.path.join(folder, name + ".txt"))
            shutil.copyfile(path, files[-1])
        run = subprocess.run([args.byline, "analyze", "--plain", "--format", "jsonl", *files], capture_output=True, text=True)
    outputs = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    if len(outputs) != len(articles):
        sys.exit(f"calibrate_speakers.py: {len(outputs)} outputs for {len(articles)} articles: {run.stderr.strip()[:200]}")
    decided, right = collections.Counter(), collections.Counter()
    for (name, _, text, ann), output in zip(articles, outputs):
        quoted_gold, report_gold = gold(text, ann)
        entities = {e["id"]: e for e in output.get("entities", [])}
        predictions = []
        for q in output.get("quotes", []):
            if q.get("speaker") is None and q.get("speakerMention") is None:
                continue
            predictions.append({"span": trimmed(text, q["start"], q["end"]), "quote": q})
        quoted = [p for p in predictions if p["quote"]["kind"] != "indirect"]
        reports = [p for p in predictions if p["quote"]["kind"] == "indirect"]
        found = pairs(quoted_gold, quoted, lambda o, lg, lp: o >= 0.5 * max(lg, lp))
        found += pairs(report_gold, reports, lambda o, lg, lp: o / lg > 0.3)
        for g, p in found:
            if g["source_span"] is None:
                continue
            rule = p["quote"]["rule"]
            ok = speaker_right(text, g["source_span"], p["quote"], entities.get(p["quote"].get("speaker")))
            for key in [rule, rule.split("/")[0] + "/*"]:
                decided[key] += 1
                right[key] += ok
    rows = [(rule, (right[rule] + 1) / (decided[rule] + 2)) for rule in sorted(decided) if decided[rule] >= args.fewest]
    today = datetime.date.today().isoformat()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# The confidence of each speaker rule of the quote stage: how often the speaker it decides is right.\n"
                "# Format: rule, TAB, confidence (0-1), TAB, speakers right, TAB, speakers decided. \"SIEVE/*\" is all\n"
                "# the rules of a sieve together; a rule not listed takes its sieve's figure, else 0.5.\n"
                f"# Source: PolNeAR train ({len(articles)} articles), measured {today} by Scripts/calibrate_speakers.py:\n"
                "# quotes paired with the gold quotes and reports, a speaker right when it is the gold Source;\n"
                "# confidence = (right + 1) / (decided + 2); rules decided fewer than "
                f"{args.fewest} times left out.\n")
        for rule, confidence in rows:
            f.write(f"{rule}\t{confidence:.2f}\t{right[rule]}\t{decided[rule]}\n")
    for rule in sorted(decided):
        mark = "" if decided[rule] >= args.fewest else "  (too few: sieve's figure)"
        print(f"{rule:36} {right[rule]:5}/{decided[rule]:<5} {100 * right[rule] / decided[rule]:5.1f}%{mark}")
    print(f"wrote {len(rows)} rules to {os.path.relpath(args.out)}")


if __name__ == "__main__":
    main()

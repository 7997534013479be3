#!/usr/bin/env python3
"""A seeded sample of bare surname mentions and the person the knowledge base linked each to,
for judging by hand whether cross-article resolution put them on the right person.

    python3 Scripts/hand_sample.py --db polnear.db [--binary PATH] [--names Clinton,Trump]
                                   [--count 100] [--seed 1] INPUT...

The inputs are what was ingested into --db (read the same way: pass --plain and --published as
for the ingest, after a `--`). Each is analysed again with `byline analyze` (the same binary and
options give the same document ids and entities); every occurrence of a bare surname (the word
alone: no capitalised word right before or after it, so "Hillary Clinton", "Clinton Foundation"
and "Trump Jr." are not bare, "Mrs. Clinton" and "Trump's" are) is found in the text, the
document entity whose mention covers it is looked up, and that entity's person in the store is
printed beside the sentence. An occurrence no entity covers prints "(no entity)".

Example:

    python3 Scripts/hand_sample.py --db polnear.db -- --plain --published 2016-10-01 ../shared/bench/polnear/*/text
"""
import argparse, json, os, random, re, sqlite3, subprocess, sys, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def body_text(body):
    """The text of a compressed article body (see CompressedText.swift)."""
    if body is None or isinstance(body, str):
        return body
    return zlib.decompress(body[4:]).decode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "byline"))
    parser.add_argument("--names", default="Clinton,Trump")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("inputs", nargs="+", help="analyze options and inputs, after --")
    args = parser.parse_args()

    connection = sqlite3.connect(args.db)
    connection.create_function("bylineText", 1, body_text)
    linked = {}
    for article, local, name in connection.execute(
            "SELECT a.id, l.localId, e.name || ' (id ' || e.id || ')' FROM entityLink l "
            "JOIN article a ON a.number = l.articleNumber JOIN entity e ON e.id = l.entityId"):
        linked[(article, local)] = name

    analysed = subprocess.run([args.binary, "analyze", "--format", "jsonl"] + args.inputs,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    surname = re.compile(r"\b(" + "|".join(map(re.escape, args.names.split(","))) + r")\b")
    # A given name or an initial right before, on the same line ("Hillary ", "Donald J. "); a
    # word with a full stop ends a sentence unless it is a single initial.
    capitalised_before = re.compile(r"(?:[A-Z][\w\-]*|\b[A-Z]\.)[ \t]+$")
    capitalised_after = re.compile(r"^[ \t]+[A-Z]")
    titles = re.compile(r"(Mr|Mrs|Ms|Miss|Dr|Sen|Secretary|President|Governor|Gov)\.?\s+$")
    occurrences = []
    for line in analysed.stdout.decode("utf-8").splitlines():
        document = json.loads(line)
        text = document["text"]
        for match in surname.finditer(text):
            before = text[max(0, match.start() - 30):match.start()]
            after = text[match.end():match.end() + 3]
            if capitalised_after.match(after):
                continue
            if capitalised_before.search(before) and not titles.search(before):
                continue
            entity = next((e for e in document.get("entities", [])
                           for m in e["mentions"] if m["start"] <= match.start() and match.end() <= m["end"]), None)
            sentence = next((s for s in document.get("sentences", [])
                             if s["start"] <= match.start() < s["end"]), {"start": match.start(), "end": match.end()})
            person = linked.get((document["id"], entity["id"]), "(not stored)") if entity else "(no entity)"
            occurrences.append({
                "uri": document["source"]["uri"], "word": match.group(0), "offset": match.start(),
                "sentence": text[sentence["start"]:sentence["end"]].replace("\n", " "),
                "entity": entity["name"] if entity else None, "person": person,
            })
    print(f"{len(occurrences)} bare mentions of {args.names} in {args.db}; {min(args.count, len(occurrences))} sampled (seed {args.seed})",
          file=sys.stderr)
    for number, occurrence in enumerate(random.Random(args.seed).sample(occurrences, min(args.count, len(occurrences))), 1):
        print(f"{number}. {os.path.basename(occurrence['uri'])} @{occurrence['offset']} "
              f"\"{occurrence['word']}\" -> {occurrence['person']} [document entity: {occurrence['entity']}]")
        print(f"   {occurrence['sentence']}")


if __name__ == "__main__":
    main()

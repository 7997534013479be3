#!/usr/bin/env python3
"""Writes Sources/BylineAnalysis/Resources/country-names.tsv from ISO 3166-1 as Debian's
iso-codes package ships it (/usr/share/iso-codes/json/iso_3166-1.json, apt package iso-codes).

For every country: its ISO name, its common and official names, and the ISO name with an
inverted tail turned round ("Korea, Republic of" -> "Republic of Korea"). Informal names and
abbreviations that ISO does not list live in country-aliases.tsv, written by hand.

    python3 Scripts/make_country_names.py
"""
import json
import os

SOURCE = "/usr/share/iso-codes/json/iso_3166-1.json"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "BylineAnalysis", "Resources", "country-names.tsv")


def turned(name):
    """'Korea, Republic of' -> 'Republic of Korea'; 'Congo, The Democratic Republic of the' ->
    'Democratic Republic of the Congo'. Names without a comma stay as they are."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if tail.startswith("The "):
        tail = tail[4:]
    return f"{tail} {head}" if tail.endswith((" of", " of the")) else name


def main():
    countries = json.load(open(SOURCE, encoding="utf-8"))["3166-1"]
    lines = [
        "# Country names: ISO 3166-1 alpha-2 code, TAB, the names a text may use, most usual first.",
        "# Source: ISO 3166-1 as shipped by Debian's iso-codes package (iso_3166-1.json: common_name,",
        "# name, official_name; inverted names turned round), written by Scripts/make_country_names.py.",
    ]
    for country in sorted(countries, key=lambda c: c["alpha_2"]):
        names = []
        for name in (country.get("common_name"), turned(country["name"]), country["name"], country.get("official_name")):
            if name and ", " not in name and name not in names:
                names.append(name)
        lines.append(country["alpha_2"] + "\t" + "\t".join(names))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

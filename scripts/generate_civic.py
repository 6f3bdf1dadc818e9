#!/usr/bin/env python3
"""Generate the CIViC release bundled with CaseboardKnowledge.

Reads a CIViC v1 ClinicalEvidenceSummaries release from ../shared/data/civic and writes
Sources/CaseboardKnowledge/Resources/civic/:

  civic-evidence.tsv  accepted evidence items, only the columns CIViCImporter reads, no prose
                      (the evidence statement, variant summary and coordinates are dropped)
  RELEASE             the release date (ISO), the source file name and the row count

CIViC is CC0 1.0 (civicdb.org/about); see README.md in the output folder. The generated files
are committed, so a build needs neither ../shared nor this script. Rows stay in the release's
own order, so regenerating from the same file gives the same bytes.

Usage: python3 scripts/generate_civic.py [--shared ../shared] [--release 01-Aug-2021] [--check]
  --check  compare with the committed files and exit 1 if they differ; write nothing.
"""
import argparse
import datetime
import gzip
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "CaseboardKnowledge", "Resources", "civic")

# What CIViCImporter reads from a v1 file, in this order. `evidence_status` is dropped because
# only accepted rows are written; `evidence_civic_url` because it names CIViC's retired host
# and the importer derives the current URL from the id.
COLUMNS = [
    "evidence_id",
    "gene",
    "variant",
    "disease",
    "doid",
    "drugs",
    "drug_interaction_type",
    "evidence_type",
    "evidence_direction",
    "evidence_level",
    "clinical_significance",
    "citation_id",
    "source_type",
    "citation",
    "rating",
]
RELEASE_NAME = re.compile(r"^(\d{2}-[A-Z][a-z]{2}-\d{4})-ClinicalEvidenceSummaries\.tsv(\.gz)?$")


def iso_date(release):
    return datetime.datetime.strptime(release, "%d-%b-%Y").date().isoformat()


def read_release(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        lines = handle.read().split("\n")
    header = [name.strip().lower() for name in lines[0].rstrip("\r").split("\t")]
    missing = [name for name in COLUMNS + ["evidence_status"] if name not in header]
    if missing:
        sys.exit(f"{path}: not a CIViC v1 evidence summary, missing columns: {', '.join(missing)}")
    index = {name: header.index(name) for name in header}
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        line = line.rstrip("\r")
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            sys.exit(f"{path}:{number}: {len(fields)} fields, expected {len(header)}")
        if fields[index["evidence_status"]].strip().lower() != "accepted":
            continue
        values = [fields[index[name]].strip() for name in COLUMNS]
        # A tab, newline or leading '#' would break the TSV the importer reads.
        if any("\t" in value or "\n" in value for value in values) or values[0].startswith("#"):
            sys.exit(f"{path}:{number}: a field the bundled TSV cannot hold")
        rows.append(values)
    return rows


def render(rows, release, source_name):
    table = "\t".join(COLUMNS) + "\n" + "".join("\t".join(values) + "\n" for values in rows)
    info = f"release\t{iso_date(release)}\nfile\t{source_name}\nrows\t{len(rows)}\n"
    return table, info


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--release", default="01-Aug-2021", help="the release's date as CIViC names it")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    source_name = f"{args.release}-ClinicalEvidenceSummaries.tsv.gz"
    if not RELEASE_NAME.match(source_name):
        sys.exit(f"--release {args.release}: expected a date like 01-Aug-2021")
    path = os.path.join(args.shared, "data", "civic", source_name)
    if not os.path.exists(path):
        sys.exit(f"{path} not found: pass --shared")
    rows = read_release(path)
    table, info = render(rows, args.release, source_name)

    outputs = {"civic-evidence.tsv": table, "RELEASE": info}
    if args.check:
        stale = []
        for name, text in outputs.items():
            target = os.path.join(OUT, name)
            if not os.path.exists(target) or open(target, encoding="utf-8").read() != text:
                stale.append(name)
        if stale:
            print("out of date: " + ", ".join(stale))
            sys.exit(1)
        print(f"up to date: {len(rows)} rows from {source_name}")
        return
    os.makedirs(OUT, exist_ok=True)
    for name, text in outputs.items():
        with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    size = os.path.getsize(os.path.join(OUT, "civic-evidence.tsv"))
    print(f"wrote {len(rows)} rows ({size:,} bytes) from {source_name} to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()

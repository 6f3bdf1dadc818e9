#!/usr/bin/env python3
"""Score Caseboard's patient age and sex, and medication mentions, on MACCROBAT 2020.

MACCROBAT (Caufield et al., figshare 2020, CC BY 4.0) annotates 200 real case reports in brat
format. Each report's first `Age` and `Sex` annotations give the patient's age and sex; this
script reads them, runs `caseboard extract --format jsonl` on the texts and compares:
  age = exact whole years; sex = male/female from the Sex word.
Medication recall counts gold `Medication` spans that overlap a drug mention from
`caseboard extract --format pubtator`.

Usage: python3 Benchmarks/mentions/score_maccrobat.py --archive ../shared/data/corpora/maccrobat2020/MACCROBAT2020.tar.gz
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
MALE = {"man", "male", "boy", "gentleman", "he", "his", "him", "son", "father", "husband", "men", "males"}
FEMALE = {"woman", "female", "girl", "lady", "she", "her", "daughter", "mother", "wife", "women", "females"}


def gold_age(text):
    low = text.lower()
    if re.search(r"\b(month|week|day)s?\b", low) and not re.search(r"\byears?\b", low):
        return 0
    match = re.search(r"\d+", low)
    if match:
        return int(match.group(0))
    total = 0
    for word in re.split(r"[\s\-‐]+", low):
        total += WORDS.get(word, 0)
    return total or None


def gold_sex(text):
    word = text.lower().strip()
    if word in MALE:
        return "male"
    if word in FEMALE:
        return "female"
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", default=os.path.join(ROOT, "..", "shared", "data", "corpora", "maccrobat2020", "MACCROBAT2020.tar.gz"))
    parser.add_argument("--caseboard", default=os.path.join(ROOT, ".build", "release", "caseboard"))
    args = parser.parse_args()
    if not os.path.exists(args.archive):
        sys.exit(f"corpus not found: {args.archive}")
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(args.archive) as archive:
            archive.extractall(work)
        texts = sorted(os.path.join(d, f) for d, _, fs in os.walk(work) for f in fs if f.endswith(".txt"))
        gold = {}
        medications = {}
        for path in texts:
            age = sex = None
            meds = []
            with open(path[:-4] + ".ann", encoding="utf-8") as f:
                for line in f:
                    fields = line.rstrip("\n").split("\t")
                    if len(fields) < 3 or not fields[0].startswith("T"):
                        continue
                    kind, *span = fields[1].split(" ")
                    if kind == "Age" and age is None:
                        age = gold_age(fields[2])
                    elif kind == "Sex" and sex is None:
                        sex = gold_sex(fields[2])
                    elif kind == "Medication":
                        meds.append((int(span[0]), int(span[-1])))
            gold[os.path.basename(path)] = (age, sex)
            medications[os.path.basename(path)] = meds
        output = subprocess.run([args.caseboard, "extract", "--format", "jsonl", *texts], capture_output=True, text=True).stdout
        predicted = {}
        for line in output.splitlines():
            record = json.loads(line)
            patient = record.get("patient") or {}
            predicted[os.path.basename(record["document"])] = (patient.get("age"), patient.get("sex"))
        pubtator = subprocess.run([args.caseboard, "extract", "--format", "pubtator", *texts], capture_output=True, text=True).stdout
    # PubTator ids are the file names without extension, in input order; map back by order of documents.
    drug_spans = {}
    names = [os.path.basename(p) for p in texts]
    ids = {}
    for line in pubtator.splitlines():
        if "|t|" in line[:40] or "|a|" in line[:40]:
            ids.setdefault(line.split("|", 1)[0], None)
            continue
        fields = line.split("\t")
        if len(fields) >= 5 and fields[4] in ("Chemical", "Drug"):
            drug_spans.setdefault(fields[0], []).append((int(fields[1]), int(fields[2])))
    for field, index in (("age", 0), ("sex", 1)):
        tp = fp = fn = 0
        for name, values in gold.items():
            g, p = values[index], predicted.get(name, (None, None))[index]
            if g is None:
                fp += p is not None
            elif p == g:
                tp += 1
            else:
                fn += 1
                fp += p is not None
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{field:4} P {precision:.3f} R {recall:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn}, documents {len(gold)})")
    found = total = 0
    keys = list(ids) if ids else []
    for position, name in enumerate(names):
        spans = drug_spans.get(keys[position], []) if position < len(keys) else []
        for start, end in medications[name]:
            total += 1
            found += any(s < end and start < e for s, e in spans)
    if total:
        print(f"medication overlap recall {found / total:.3f} ({found} of {total} gold Medication spans)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Score Caseboard's drug recognizer on two chemical/medication corpora (overlap recall and precision).

- bc5cdr: the BioCreative V CDR sample set (PubTator, Chemical mentions), run through
  `caseboard extract --format pubtator --input-format pubtator`; predicted type `Chemical`.
- maccrobat: MACCROBAT 2020 (200 case reports, brat standoff, `Medication` entities), run through
  `caseboard extract --format jsonl --all-mentions` on the .txt files; predicted kind `drug`.

Overlap = same document and overlapping character offsets, each gold and each prediction used once.
MACCROBAT annotates medication phrases ("no regular medication", "antibiotics") as well as drug
names, so its recall is a floor; precision is only indicative (it does not annotate every drug).

Usage:
  python3 Benchmarks/mentions/score_chemicals.py --corpus bc5cdr    [--caseboard PATH] [--errors N]
  python3 Benchmarks/mentions/score_chemicals.py --corpus maccrobat [--caseboard PATH] [--errors N]
"""
import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def shared_root():
    for candidate in (os.path.join(ROOT, "..", "shared"), os.path.join(ROOT, "..", "..", "shared")):
        if os.path.isdir(candidate):
            return candidate
    sys.exit("../shared not found: the shared corpora are needed")


def overlap_score(gold, predicted):
    """gold, predicted: lists of (doc, start, end, text)."""
    by_doc = {}
    for index, p in enumerate(predicted):
        by_doc.setdefault(p[0], []).append(index)
    used, tp, missed = set(), 0, []
    for g in gold:
        hit = False
        for index in by_doc.get(g[0], []):
            p = predicted[index]
            if index not in used and p[1] < g[2] and g[1] < p[2]:
                used.add(index)
                tp += 1
                hit = True
                break
        if not hit:
            missed.append(g[3])
    fp = [predicted[i][3] for i in range(len(predicted)) if i not in used]
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, len(fp), len(gold) - tp, missed, fp


def parse_pubtator(text, kind):
    documents, mentions = {}, []
    for line in text.splitlines():
        if "|t|" in line[:20] or "|a|" in line[:20]:
            pmid, part, body = line.split("|", 2)
            documents.setdefault(pmid, {})[part] = body
            continue
        fields = line.split("\t")
        if len(fields) >= 5 and fields[1].isdigit() and fields[4] == kind:
            mentions.append((fields[0], int(fields[1]), int(fields[2]), fields[3]))
    return documents, mentions


def bc5cdr(caseboard, shared):
    path = os.path.join(shared, "data", "corpora", "bc5cdr", "CDR_sample.PubTator.txt")
    with open(path, encoding="utf-8") as f:
        _, gold = parse_pubtator(f.read(), "Chemical")
    run = subprocess.run([caseboard, "extract", "--format", "pubtator", "--input-format", "pubtator", path],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"caseboard failed ({run.returncode}): {run.stderr[:500]}")
    _, predicted = parse_pubtator(run.stdout, "Chemical")
    return gold, predicted


def maccrobat(caseboard, shared):
    archive = os.path.join(shared, "data", "corpora", "maccrobat2020", "MACCROBAT2020.tar.gz")
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        folder = os.path.join(tmp, "MACCROBAT2020")
        texts = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".txt"))
        gold = []
        for text in texts:
            doc = os.path.basename(text)[:-4]
            with open(text[:-4] + ".ann", encoding="utf-8") as f:
                for line in f:
                    fields = line.rstrip("\n").split("\t")
                    if len(fields) == 3 and fields[0].startswith("T") and fields[1].startswith("Medication "):
                        spans = fields[1].split(" ", 1)[1].replace(";", " ").split()
                        gold.append((doc, int(spans[0]), int(spans[-1]), fields[2]))
        run = subprocess.run([caseboard, "extract", "--format", "jsonl", "--all-mentions"] + texts, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"caseboard failed ({run.returncode}): {run.stderr[:500]}")
        predicted = []
        for line in run.stdout.splitlines():
            record = json.loads(line)
            doc = os.path.basename(record["document"]).removesuffix(".txt")
            with open(os.path.join(folder, doc + ".txt"), "rb") as f:
                raw = f.read()
            for mention in record.get("mentions", []):
                if mention.get("kind") != "drug":
                    continue
                evidence = mention.get("evidence", mention)
                start, end = evidence["start"], evidence["end"]
                # Evidence offsets are UTF-8 bytes; brat offsets are characters.
                cs = len(raw[:start].decode("utf-8", errors="replace"))
                ce = len(raw[:end].decode("utf-8", errors="replace"))
                predicted.append((doc, cs, ce, raw[start:end].decode("utf-8", errors="replace")))
    return gold, predicted


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=["bc5cdr", "maccrobat"], required=True)
    parser.add_argument("--caseboard", default=os.path.join(ROOT, ".build", "release", "caseboard"))
    parser.add_argument("--errors", type=int, default=0, help="print this many misses and spurious mentions")
    args = parser.parse_args()
    if not os.path.exists(args.caseboard):
        sys.exit(f"{args.caseboard} not found: run `swift build -c release --product caseboard` first")
    shared = shared_root()
    gold, predicted = (bc5cdr if args.corpus == "bc5cdr" else maccrobat)(args.caseboard, shared)
    p, r, f, tp, fp, fn, missed, spurious = overlap_score(gold, predicted)
    print(f"corpus: {args.corpus} ({len(gold)} gold mentions, {len(predicted)} predicted)")
    print(f"{'match':8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    print(f"{'overlap':8} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {fp:5d} {fn:5d}")
    if args.errors:
        print("missed:", missed[: args.errors])
        print("spurious:", spurious[: args.errors])


if __name__ == "__main__":
    main()

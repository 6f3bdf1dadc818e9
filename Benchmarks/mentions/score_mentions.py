#!/usr/bin/env python3
"""Score Caseboard's mention-level recognizers on PubTator corpora.

Runs `caseboard extract --format pubtator --input-format pubtator CORPUS` and compares the
predicted mentions with the corpus annotations, micro-averaged over all documents:
  strict  = same document, same start and end offsets;
  overlap = same document and overlapping offsets (each gold and each prediction used once).

Usage:
  python3 Benchmarks/mentions/score_mentions.py --corpus tmvar  [--caseboard PATH] [--file F]
  python3 Benchmarks/mentions/score_mentions.py --corpus ncbi-disease [...]

Defaults read ../shared/data/corpora/ relative to the repository root.
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPORA = {
    "tmvar": ("corpora/tmvar/tmVar1_test.PubTator.txt", {"ProteinMutation", "DNAMutation", "SNP"},
              {"ProteinMutation", "DNAMutation", "SNP"}),
    "ncbi-disease": ("corpora/ncbi_disease/NCBItestset_corpus.txt",
                     {"SpecificDisease", "DiseaseClass", "Modifier", "CompositeMention"}, {"Disease"}),
}
# Published figures for comparison, as reported by the corpus authors (see the README).
PUBLISHED = {
    "tmvar": "tmVar (Wei et al., Bioinformatics 2013): F-measure above 0.90 on this test set",
    "ncbi-disease": "NCBI disease corpus baselines (Dogan et al., J Biomed Inform 2014): BANNER F about 0.82, "
                    "dictionary lookup well below that",
}


def parse_pubtator(text, types):
    documents, mentions = {}, []
    for line in text.splitlines():
        if "|t|" in line[:20] or "|a|" in line[:20]:
            pmid, kind, body = line.split("|", 2)
            documents.setdefault(pmid, {})[kind] = body
            continue
        fields = line.split("\t")
        if len(fields) >= 5 and fields[1].isdigit() and fields[4] in types:
            mentions.append((fields[0], int(fields[1]), int(fields[2]), fields[3], fields[4]))
    return documents, mentions


def score(gold, predicted, overlap):
    used = set()
    tp = 0
    by_doc = {}
    for index, p in enumerate(predicted):
        by_doc.setdefault(p[0], []).append(index)
    for g in gold:
        for index in by_doc.get(g[0], []):
            if index in used:
                continue
            p = predicted[index]
            same = (p[1], p[2]) == (g[1], g[2]) if not overlap else p[1] < g[2] and g[1] < p[2]
            if same:
                used.add(index)
                tp += 1
                break
    fp, fn = len(predicted) - len(used), len(gold) - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, fp, fn


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(CORPORA), required=True)
    parser.add_argument("--file", help="corpus file (default: the shared test set)")
    parser.add_argument("--caseboard", default=os.path.join(ROOT, ".build", "release", "caseboard"))
    parser.add_argument("--errors", type=int, default=0, help="print this many misses of each kind")
    args = parser.parse_args()
    relative, gold_types, predicted_types = CORPORA[args.corpus]
    shared = next((c for c in (os.path.join(ROOT, "..", "shared"), os.path.join(ROOT, "..", "..", "shared"))
                   if os.path.isdir(c)), os.path.join(ROOT, "..", "shared"))
    path = args.file or os.path.join(shared, "data", relative)
    if not os.path.exists(path):
        sys.exit(f"{path} not found: the shared corpora are needed")
    if not os.path.exists(args.caseboard):
        sys.exit(f"{args.caseboard} not found: run `swift build -c release` first")
    with open(path, encoding="utf-8") as f:
        documents, gold = parse_pubtator(f.read(), gold_types)
    run = subprocess.run([args.caseboard, "extract", "--format", "pubtator", "--input-format", "pubtator", path],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"caseboard failed ({run.returncode}): {run.stderr[:500]}")
    predicted_documents, predicted = parse_pubtator(run.stdout, predicted_types)
    # The offsets must point at the text they quote in the corpus's own title + abstract.
    misaligned = 0
    for pmid, start, end, text, _ in predicted:
        doc = documents.get(pmid, {})
        full = doc.get("t", "") + " " + doc.get("a", "")
        if full[start:end] != text:
            misaligned += 1
    print(f"corpus: {os.path.relpath(path, ROOT)} ({len(documents)} documents, {len(gold)} gold mentions)")
    print(f"predicted mentions: {len(predicted)}, misaligned offsets: {misaligned}")
    print(f"{'match':8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for name, overlap in (("strict", False), ("overlap", True)):
        p, r, f, tp, fp, fn = score(gold, predicted, overlap)
        print(f"{name:8} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5d} {fp:5d} {fn:5d}")
    print(f"published: {PUBLISHED[args.corpus]}")
    if args.errors:
        predicted_keys = {(m[0], m[1], m[2]) for m in predicted}
        gold_keys = {(m[0], m[1], m[2]) for m in gold}
        print("missed:", [m[3] for m in gold if (m[0], m[1], m[2]) not in predicted_keys][: args.errors])
        print("spurious:", [m[3] for m in predicted if (m[0], m[1], m[2]) not in gold_keys][: args.errors])


if __name__ == "__main__":
    main()

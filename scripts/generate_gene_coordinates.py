#!/usr/bin/env python3
"""Regenerates Sources/CaseboardGenomics/Resources/gene_positions_GRCh3{7,8}.tsv, for segment (SEG) copy number.

The shared HGNC set (../shared/data/hgnc) has no chromosome positions (its wheel keeps 11 columns, no
`location`), so there is no full gene-coordinate table to bundle. What is used instead: for each gene, the
span from its first to its last *known variant position* in
  - cancerhotspots.org v2 (Chang et al., Cancer Discov 2018, PMID 29247016), both builds, as shipped by maftools;
  - the TCGA MAFs shipped by maftools (LAML, BRCA; GRCh37 only), Hugo_Symbol, Chromosome, Start/End_Position.
  - CIViC (01-Aug-2021 VariantSummaries, CC0; GRCh37 only): the coordinates CIViC gives its gene-level variants
    (AMPLIFICATION, DELETION, LOSS, LOSS-OF-FUNCTION, MUTATION, TRUNCATING MUTATION, (OVER|UNDER)EXPRESSION,
    EXPRESSION, WILDTYPE), which span the gene's representative transcript (for a few, a part of it); a
    fusion's second locus (chromosome2) is not used.
The span lies inside the gene, so a segment that covers it covers part of the gene: a gene-level call from a
segment is a call about the region where the gene's known variants (or CIViC's transcript) lie, not always the
whole gene. Genes with no known variant in these files are absent, and their segments give no gene call
(counted as such).
Only approved HGNC symbols are kept. Output: gene, chromosome, start, end (1-based, inclusive), sorted.
Usage: python3 scripts/generate_gene_coordinates.py [--shared DIR]
"""
import argparse
import gzip
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "CaseboardGenomics", "Resources")


def add(spans, gene, chrom, start, end):
    chrom = chrom.removeprefix("chr")
    if not gene or not chrom or start <= 0:
        return
    key = (gene, chrom)
    low, high = spans.get(key, (start, end))
    spans[key] = (min(low, start), max(high, end))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    candidates = [os.path.join(ROOT, "..", "shared"), os.path.join(ROOT, "..", "..", "shared")]
    ap.add_argument("--shared", default=next((c for c in candidates if os.path.isdir(c)), candidates[0]))
    args = ap.parse_args()
    data = os.path.join(args.shared, "data")
    if not os.path.isdir(data):
        sys.exit(f"{data} not found: the generator needs ../shared")
    with gzip.open(os.path.join(data, "hgnc", "hgnc_complete_set_2026-06-20.core.tsv.gz"), "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        symbol = header.index("symbol")
        approved = {line.split("\t")[symbol] for line in f}
    for build in ("GRCh37", "GRCh38"):
        spans = {}
        with open(os.path.join(data, "genomic", "maftools", f"cancerhotspots_v2_{build}.tsv"), encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 5 and fields[1].isdigit():
                    position = int(fields[1])
                    add(spans, fields[4], fields[0], position, position + max(len(fields[2]), 1) - 1)
        if build == "GRCh37":
            for name in ("tcga_laml.maf.gz", "brca.maf.gz"):
                with gzip.open(os.path.join(data, "genomic", "maftools", name), "rt", encoding="utf-8") as f:
                    columns = None
                    for line in f:
                        if line.startswith("#"):
                            continue
                        fields = line.rstrip("\n").split("\t")
                        if columns is None:
                            columns = {c.lower(): i for i, c in enumerate(fields)}
                            continue
                        try:
                            gene = fields[columns["hugo_symbol"]]
                            chrom = fields[columns["chromosome"]]
                            start = int(fields[columns["start_position"]])
                            end = int(fields[columns["end_position"]])
                        except (KeyError, ValueError, IndexError):
                            continue
                        add(spans, gene, chrom, start, end)
        if build == "GRCh37":
            gene_level = {"AMPLIFICATION", "DELETION", "LOSS", "LOSS-OF-FUNCTION", "MUTATION", "TRUNCATING MUTATION",
                          "OVEREXPRESSION", "UNDEREXPRESSION", "EXPRESSION", "WILDTYPE", "WILD TYPE"}
            with gzip.open(os.path.join(data, "civic", "01-Aug-2021-VariantSummaries.tsv.gz"), "rt", encoding="utf-8") as f:
                columns = {c: i for i, c in enumerate(f.readline().rstrip("\n").split("\t"))}
                for line in f:
                    fields = line.rstrip("\n").split("\t")
                    try:
                        if fields[columns["variant"]].strip().upper() not in gene_level or fields[columns["reference_build"]] != "GRCh37":
                            continue
                        start = int(fields[columns["start"]])
                        end = int(fields[columns["stop"]])
                    except (KeyError, ValueError, IndexError):
                        continue
                    if start <= end:
                        add(spans, fields[columns["gene"]], fields[columns["chromosome"]], start, end)
        # A gene on two chromosomes in these files (a mislabelled row) is left out rather than guessed.
        chromosomes = {}
        for gene, chrom in spans:
            chromosomes.setdefault(gene, set()).add(chrom)
        rows = sorted(
            (gene, chrom, low, high)
            for (gene, chrom), (low, high) in spans.items()
            if gene in approved and len(chromosomes[gene]) == 1
        )
        path = os.path.join(OUT, f"gene_positions_{build}.tsv")
        with open(path, "w", encoding="utf-8") as out:
            out.write(f"# Known-variant spans per gene, {build}: cancerhotspots.org v2 (PMID 29247016)"
                      + (", TCGA LAML/BRCA MAFs (maftools) and CIViC 01-Aug-2021 gene-level variant coordinates" if build == "GRCh37" else "")
                      + "; generated by scripts/generate_gene_coordinates.py. Inside the gene, not always the whole gene.\n")
            for gene, chrom, low, high in rows:
                out.write(f"{gene}\t{chrom}\t{low}\t{high}\n")
        print(f"wrote {os.path.relpath(path, ROOT)}: {len(rows)} genes")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate Caseboard's bundled vocabulary resources.

Reads the open data in ../shared/data (HGNC, OncoTree, CIViC) and the team's curated tables in
vocabularies/curated/, validates them against each other, and writes compact TSV files to
Sources/CaseboardVocabularies/Resources/. The generated files are committed, so a fresh clone
needs neither ../shared nor this script.

Usage: python3 scripts/generate_vocabularies.py [--shared ../shared] [--check]
  --check  validate and report, but write nothing; exit 1 on any problem.

The English word list used by the gene ambiguity policy comes from Debian's `wamerican`
package (/usr/share/dict/american-english); install it with `apt-get install wamerican`.
"""
import argparse
import gzip
import json
import os
import re
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CURATED = os.path.join(ROOT, "vocabularies", "curated")
OUT = os.path.join(ROOT, "Sources", "CaseboardVocabularies", "Resources")
WORDS = "/usr/share/dict/american-english"

CD_MARKER = re.compile(r"^CD\d+[A-Z]?\d?$")
problems = []


def problem(message):
    problems.append(message)
    print("problem: " + message, file=sys.stderr)


def read_tsv(path, required=True):
    """Rows of a curated TSV as dicts; '#' lines and blank lines are skipped."""
    if not os.path.exists(path):
        if required:
            problem(f"missing curated table {os.path.relpath(path, ROOT)}")
        return [], []
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            problem(f"{os.path.relpath(path, ROOT)}:{number}: {len(fields)} columns, expected {len(header)}")
            continue
        if any(field != field.strip() for field in fields):
            problem(f"{os.path.relpath(path, ROOT)}:{number}: field with surrounding spaces")
        rows.append(dict(zip(header, fields)))
    return header, rows


def ambiguous_forms(path):
    """Abbreviations flagged by '# ambiguous: FORM (...)' comment lines in a curated table."""
    forms = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                match = re.match(r"#\s*ambiguous:\s*(\S+)", line)
                if match:
                    forms.append(match.group(1))
    return forms


def split(value):
    return [item for item in (value or "").split("|") if item]


def load_words():
    if not os.path.exists(WORDS):
        sys.exit(f"{WORDS} not found: apt-get install wamerican")
    with open(WORDS, encoding="utf-8", errors="replace") as f:
        # Lowercase entries only: capitalised ones are names and acronyms, not common words.
        return {w.strip() for w in f if w.strip().isalpha() and w.strip().islower()}


def load_hgnc(shared):
    path = os.path.join(shared, "data", "hgnc", "hgnc_complete_set_2026-06-20.core.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        genes = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f]
    return [g for g in genes if g.get("status") == "Approved"]


def gene_forms(genes, policy, curated_names, words, other_vocab):
    """Surface forms per gene with their matching policy.

    Kinds: s symbol, a alias, p previous symbol, n name. Policies: e exact case, c exact case
    and molecular context required, i case-insensitive.
    """
    symbols = {g["symbol"] for g in genes}
    alias_owners = defaultdict(set)
    for g in genes:
        for form in split(g["alias_symbol"]) + split(g["prev_symbol"]):
            alias_owners[form].add(g["symbol"])
    name_owners = defaultdict(set)
    for g in genes:
        if g["locus_group"] == "protein-coding gene":
            name_owners[g["name"].lower()].add(g["symbol"])
    for symbol, names in curated_names.items():
        for name in names:
            name_owners[name.lower()].add(symbol)

    def symbol_policy(form):
        rule = policy.get(form)
        if rule == "drop":
            return None
        if rule in ("context", "exact"):
            return "c" if rule == "context" else "e"
        if CD_MARKER.match(form) or len(form) <= 2:
            return "c"
        if form.isalpha() and form.lower() in words:
            return "c"
        return "e"

    result = {}
    stats = defaultdict(int)
    for g in genes:
        forms = []
        p = symbol_policy(g["symbol"])
        if p:
            forms.append(("s", p, g["symbol"]))
        else:
            stats["symbol dropped by policy"] += 1
        for kind, column in (("a", "alias_symbol"), ("p", "prev_symbol")):
            for form in split(g[column]):
                reason = None
                if form in symbols:
                    reason = "is another gene's symbol"
                elif len(alias_owners[form]) > 1:
                    reason = "names several genes"
                elif len(form) < 3 or re.search(r"[\s()\[\],;]", form) or form.isdigit():
                    reason = "too short or not a symbol"
                elif policy.get(form) == "drop":
                    reason = "policy"
                elif form.isalpha() and form.lower() in words:
                    reason = "English word"
                elif form.lower() in other_vocab:
                    reason = "drug, disease or adverse-event name"
                if reason:
                    stats[f"{column} dropped: {reason}"] += 1
                    continue
                forms.append((kind, "c" if CD_MARKER.match(form) or policy.get(form) == "context" else "e", form))
        names = []
        if g["locus_group"] == "protein-coding gene" and " " in g["name"]:
            names.append(g["name"])
        names += curated_names.get(g["symbol"], [])
        for name in names:
            if len(name_owners[name.lower()]) > 1:
                stats["name dropped: several genes"] += 1
                continue
            forms.append(("n", "i" if re.search(r"\s", name) else "e", name))
        seen = set()
        unique = []
        for form in forms:
            if form[2] not in seen:
                seen.add(form[2])
                unique.append(form)
        result[g["symbol"]] = unique
    return result, stats


def walk_oncotree(shared):
    with open(os.path.join(shared, "data", "oncotree", "oncotree_2025_10_03.json"), encoding="utf-8") as f:
        tree = json.load(f)
    nodes = []

    def visit(node):
        refs = node.get("externalReferences") or {}
        nodes.append({
            "code": node["code"], "parent": node.get("parent") or "", "name": node["name"],
            "main_type": node.get("mainType") or "", "tissue": node.get("tissue") or "",
            "level": str(node.get("level", "")),
            "umls": "|".join(refs.get("UMLS", [])), "nci": "|".join(refs.get("NCI", [])),
        })
        for child in sorted((node.get("children") or {}).values(), key=lambda n: n["code"]):
            visit(child)

    visit(tree["TISSUE"])
    return nodes


def civic_drug_names(shared):
    names = set()
    path = os.path.join(shared, "data", "civic", "01-Aug-2021-ClinicalEvidenceSummaries.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        column = header.index("drugs")
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) > column:
                names.update(d.strip() for d in fields[column].split(",") if d.strip())
    with open(os.path.join(shared, "data", "civic", "2019-08-29-nightly-DrugSummaries.tsv"), encoding="utf-8") as f:
        next(f)
        names.update(line.split("\t")[0].strip() for line in f if line.strip())
    return names


def write(name, header, rows, comment):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")
        f.write(f"# {comment}\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {os.path.relpath(path, ROOT)}: {len(rows)} rows")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "data")):
        sys.exit(f"{args.shared}/data not found: the generator needs the shared open data")

    words = load_words()
    _, policy_rows = read_tsv(os.path.join(CURATED, "gene_policy.tsv"))
    policy = {r["form"]: r["policy"] for r in policy_rows}
    _, name_rows = read_tsv(os.path.join(CURATED, "gene_names.tsv"))
    curated_names = {r["symbol"]: split(r["names"]) for r in name_rows}
    _, drugs = read_tsv(os.path.join(CURATED, "drugs.tsv"))
    _, regimens = read_tsv(os.path.join(CURATED, "regimens.tsv"))
    _, adverse = read_tsv(os.path.join(CURATED, "adverse_events.tsv"))
    _, disease_syn = read_tsv(os.path.join(CURATED, "disease_synonyms.tsv"))
    _, conditions = read_tsv(os.path.join(CURATED, "conditions.tsv"))

    genes = load_hgnc(args.shared)
    symbols = {g["symbol"] for g in genes}
    for symbol in curated_names:
        if symbol not in symbols:
            problem(f"gene_names.tsv: {symbol} is not an approved HGNC symbol")

    # Surface forms of the other vocabularies, so gene aliases never shadow them.
    other_vocab = set()
    for d in drugs:
        for column in ("name", "brands", "codes", "salts", "synonyms"):
            other_vocab.update(s.lower() for s in split(d[column]))
    for a in adverse:
        other_vocab.add(a["term"].lower())
        other_vocab.update(s.lower() for s in split(a["synonyms"]))
    for r in disease_syn:
        other_vocab.update(s.lower() for s in split(r["synonyms"]))

    forms, stats = gene_forms(genes, policy, curated_names, words, other_vocab)
    for key, count in sorted(stats.items()):
        print(f"genes: {count:6d} {key}")

    # Drugs: names unique, targets are HGNC symbols, no surface form on two rows.
    drug_names = set()
    owner = {}
    for d in drugs:
        if d["name"] != d["name"].lower():
            problem(f"drugs.tsv: name {d['name']!r} is not lowercase")
        if d["name"] in drug_names:
            problem(f"drugs.tsv: duplicate name {d['name']}")
        drug_names.add(d["name"])
        for target in split(d["targets"]):
            if target not in symbols:
                problem(f"drugs.tsv: {d['name']}: target {target} is not an approved HGNC symbol")
        for column in ("name", "brands", "codes", "salts", "synonyms"):
            for form in split(d[column]):
                key = form.lower()
                if key in owner and owner[key] != d["name"]:
                    problem(f"drugs.tsv: {form!r} names both {owner[key]} and {d['name']}")
                owner[key] = d["name"]
    for r in regimens:
        for drug in split(r["drugs"]):
            if drug not in drug_names:
                problem(f"regimens.tsv: {r['abbreviation']}: unknown drug {drug}")

    oncotree = walk_oncotree(args.shared)
    codes = {n["code"] for n in oncotree}
    for r in disease_syn:
        if r["oncotree"] not in codes:
            problem(f"disease_synonyms.tsv: unknown OncoTree code {r['oncotree']}")

    civic = civic_drug_names(args.shared)
    uncovered = sorted(n for n in civic if n.lower() not in owner)
    print(f"CIViC drug names: {len(civic)}, covered by drugs.tsv: {len(civic) - len(uncovered)}")
    # Names that stand for a class of drugs or for a procedure, not for a regimen one can give
    # ("Platinum Compound", "MEK Inhibitor", "Radiation Therapy"): the curated reasons in
    # drugs-civic-check.txt, and the class column of drugs.tsv.
    class_rows = {}
    check_path = os.path.join(CURATED, "drugs-civic-check.txt")
    with open(check_path, encoding="utf-8") as f:
        for line in f:
            name, _, reason = line.strip().rpartition("\t")
            if reason in ("class", "procedure") and name:
                if name not in civic:
                    problem(f"drugs-civic-check.txt: {name!r} is not a CIViC drug name")
                class_rows[name.lower()] = reason
    for d in drugs:
        for drug_class in split(d["class"]):
            if drug_class.lower() not in owner:
                class_rows.setdefault(drug_class.lower(), "class")
    for name in class_rows:
        if name in owner:
            problem(f"drug class {name!r} is also a drug name in drugs.tsv")

    if args.check:
        sys.exit(1 if problems else 0)

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(args.shared, "data", "hgnc", "hgnc_version.json"), encoding="utf-8") as f:
        release = json.load(f).get("hgnc_release", "unknown")
    gene_rows = []
    groups = {"protein-coding gene": "protein-coding", "non-coding RNA": "non-coding RNA", "pseudogene": "pseudogene"}
    for g in sorted(genes, key=lambda g: g["symbol"]):
        symbol_policy = "x"
        aliases, names = [], []
        for kind, p, surface in forms[g["symbol"]]:
            if kind == "s":
                symbol_policy = p
            elif kind in ("a", "p"):
                # "~" marks forms that need molecular context; "<" marks previous symbols.
                aliases.append(("~" if p == "c" else "") + ("<" if kind == "p" else "") + surface)
            else:
                names.append("=" if surface == g["name"] else ("" if p == "i" else "!") + surface)
        gene_rows.append([g["symbol"], g["hgnc_id"].removeprefix("HGNC:"), g["entrez_id"],
                          groups.get(g["locus_group"], g["locus_group"]), g["name"], symbol_policy,
                          "|".join(aliases), "|".join(names)])
    write("genes.tsv", ["symbol", "hgnc", "entrez", "locus_group", "name", "symbol_policy", "aliases", "names"], gene_rows,
          f"HGNC {release}, CC0. symbol_policy: e exact case, c exact case + molecular context, x never matched. "
          "aliases: ~ needs molecular context, < previous symbol. names: = the HGNC name, ! exact case, else any case. "
          "Generated by scripts/generate_vocabularies.py")
    write("oncotree.tsv", ["code", "parent", "name", "main_type", "tissue", "level", "umls", "nci"],
          [[n[k] for k in ("code", "parent", "name", "main_type", "tissue", "level", "umls", "nci")] for n in oncotree],
          "OncoTree oncotree_2025_10_03 (Memorial Sloan Kettering), CC BY 4.0. Generated by scripts/generate_vocabularies.py")
    # Short lowercase forms that are not English words are abbreviations ("hfs", "ild"): write
    # them in capitals so the loader matches them in exact case, while words such as "rash"
    # keep matching in any case.
    def capitalise_abbreviations(rows, columns):
        for row in rows:
            for column in columns:
                items = split(row[column])
                fixed = [item.upper() if len(item) <= 5 and item.isalpha() and item.islower() and item not in words else item
                         for item in items]
                row[column] = "|".join(fixed)

    capitalise_abbreviations(adverse, ["synonyms"])
    capitalise_abbreviations(drugs, ["synonyms"])
    copies = [
        ("drugs.tsv", drugs, ["name", "brands", "codes", "salts", "synonyms", "targets", "class", "category"]),
        ("regimens.tsv", regimens, ["abbreviation", "drugs", "description", "ambiguous"]),
        ("adverse_events.tsv", adverse, ["term", "soc", "synonyms"]),
        ("disease_synonyms.tsv", disease_syn, ["oncotree", "synonyms"]),
        ("conditions.tsv", conditions, ["code", "name", "doid", "synonyms"]),
    ]
    for name, rows, header in copies:
        write(name, header, [[r[h] for h in header] for r in rows],
              "Curated by the Caseboard team (vocabularies/curated). Generated by scripts/generate_vocabularies.py")
    ambiguous = sorted(set(ambiguous_forms(os.path.join(CURATED, "disease_synonyms.tsv"))
                           + ambiguous_forms(os.path.join(CURATED, "conditions.tsv"))))
    with open(os.path.join(OUT, "ambiguous_abbreviations.txt"), "w", encoding="utf-8") as f:
        f.write("# Disease and condition abbreviations that also mean something else; they count only where the text defines them.\n")
        f.writelines(form + "\n" for form in ambiguous)
    print(f"wrote ambiguous_abbreviations.txt: {len(ambiguous)} forms")
    write("drug_classes.tsv", ["name", "kind"], sorted([n, k] for n, k in class_rows.items()),
          "Drug classes and procedures named where a regimen is expected (CIViC drug names classed in "
          "vocabularies/curated/drugs-civic-check.txt; the class column of drugs.tsv). Generated by scripts/generate_vocabularies.py")
    with open(os.path.join(OUT, "civic_uncovered_drugs.txt"), "w", encoding="utf-8") as f:
        f.write("# CIViC drug names (2021 evidence + 2019 drug list) with no row or synonym in drugs.tsv\n")
        f.writelines(n + "\n" for n in uncovered)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

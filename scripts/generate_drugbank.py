#!/usr/bin/env python3
"""Generate the DrugBank drug-lexicon layer: Sources/CaseboardVocabularies/Resources/drugbank_drugs.tsv.

Reads the DrugBank open vocabulary (../shared/data/drugbank/drugbank_vocabulary.csv.gz, CC0 1.0)
and the bundled tables that generate_vocabularies.py writes, and keeps the names and synonyms that
are safe to match in case-report text. The curated oncology table stays on top: a DrugBank entry
that names a curated drug only adds its extra spellings to that drug, and no DrugBank form may take
a surface form the curated table, the disease, condition or adverse-event tables, or an HGNC symbol
already own.

Ambiguity policy (each rule drops a form, never a curated one):
- common English words (Debian `wamerican` list: "water", "iron", "date", "turkey"), except a short
  list of words that are drugs in clinical text ("morphine", "aspirin");
- laboratory analytes and body substances that reports measure rather than give ("creatinine",
  "cortisol", "cholesterol");
- organisms and allergen extracts written as Latin binomials ("Aspergillus fumigatus",
  "Candida albicans"): in case reports they are infections;
- foods and other names made only of English words ("sweet potato");
- abbreviations: forms without lowercase letters shorter than five characters ("ATP", "MTX",
  "CsA" aside, which has lowercase and is still shorter than five), and letters-only capitals of
  any length; development codes with a digit ("BAY43-9006") are kept and match in exact case;
- chemical names (brackets, commas, semicolons, or longer than 60 characters), which never occur
  in narrative text and only bloat the automaton;
- a form shared by two DrugBank entries.

Usage: python3 scripts/generate_drugbank.py [--shared ../shared]
"""
import argparse
import csv
import gzip
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "CaseboardVocabularies", "Resources")
WORDS = "/usr/share/dict/american-english"

# Dictionary words that are drugs in case reports.
DRUG_WORDS = {
    "morphine", "codeine", "methadone", "fentanyl", "quinine", "ibuprofen", "acetaminophen", "nitroglycerin",
    "streptomycin", "phenobarbital", "progesterone", "testosterone", "cortisone", "amphetamine", "aspirin",
    "penicillin", "heparin", "insulin", "warfarin", "valium", "digoxin", "atropine", "epinephrine", "adrenaline",
    "lidocaine", "novocaine", "ketamine", "naloxone", "nicotine", "thiamine", "riboflavin", "niacin", "menthol",
}

# Analytes and body substances that reports measure, and words DrugBank lists as drugs that
# case reports use otherwise.
NOT_GIVEN = {
    "creatinine", "cortisol", "cholesterol", "urea", "lactate", "lactic acid", "uric acid", "bilirubin", "albumin",
    "hemoglobin", "haemoglobin", "ferritin", "transferrin", "glucose", "dextrose", "triglycerides", "triglyceride",
    "histamine", "serotonin", "dopamine", "tryptase", "troponin", "fibrinogen", "thrombin", "plasmin", "trypsin",
    "pepsin", "collagen", "keratin", "elastin", "glutathione", "bicarbonate", "phosphate", "sodium", "chloride",
    "potassium", "magnesium", "calcium", "oxygen", "nitrogen", "carbon dioxide", "ethanol", "alcohol", "water",
    "estrogen", "estrogens", "androgen", "androgens", "progestin", "steroids", "steroid", "vitamin", "vitamins",
    "interleukin", "interleukins", "interferon", "interferons", "immunoglobulin", "immunoglobulins",
    "antibody", "antibodies", "insulin human", "human insulin", "tyrosine", "cysteine", "glycine", "arginine",
    "glutamine", "methionine", "leucine", "serine", "alanine", "proline", "lysine", "valine", "histidine",
    "adenosine triphosphate", "atp", "dna", "rna", "nad", "cyclic amp", "nitric oxide", "carbon monoxide",
    "bone", "blood", "plasma", "serum", "saline", "contrast", "gadolinium", "technetium", "fluorodeoxyglucose",
    "fludeoxyglucose", "fdg", "tumor necrosis factor", "placebo", "vaccine", "vaccines",
    # Liver tests and nucleotides a laboratory line names ("elevated alkaline phosphatase",
    # "γ-guanosine triphosphate" for γ-GTP), and a tracer given only for a scan.
    "alkaline phosphatase", "guanosine", "guanosine triphosphate", "guanosine-5'-triphosphate", "iodide i-123", "iodine-123",
    "iodine 123", "i-123",
}

# Substances and drug classes a report names without giving them as a treatment (laboratory
# analytes, elements, transmitters, classes): they are chemicals for mention-level recognition,
# written with curated=substance, and extraction never makes a therapy line of them.
SUBSTANCES = {
    "creatine", "creatinine", "bilirubin", "magnesium", "phosphate", "thallium", "calcium", "potassium", "sodium", "glucose",
    "cholesterol", "triglycerides", "lactate", "urea", "uric acid", "albumin", "ferritin", "cortisol", "dopamine",
    "serotonin", "5-hydroxytryptamine", "histamine", "acetylcholine", "glutamate", "aspartate", "glycine", "gaba",
    "estrogen", "estrogens", "testosterone", "calcitonin", "insulin", "noradrenaline", "norepinephrine", "nitric oxide",
    "amino acid", "amino acids", "corticosteroid", "corticosteroids", "steroids", "aminoglycoside", "aminoglycosides",
    "sulfonylurea", "sulfonylureas", "methylxanthine", "methylxanthines", "diuretic", "diuretics", "beta-blocker",
    "beta-blockers", "anticoagulant", "anticoagulants", "antibiotic", "antibiotics", "opioid", "opioids",
    "antidepressant", "antidepressants", "benzodiazepine", "benzodiazepines", "statin", "statins", "bisphosphonate",
    "bisphosphonates", "alcohol", "ethanol", "oxygen", "iron", "zinc", "copper", "alkaline phosphatase", "guanosine",
    "guanosine triphosphate", "iodide i-123",
}
# Stains and reagents of histology, never given.
STAINS = {"lysozyme", "hematoxylin", "haematoxylin", "eosin", "esculin", "myelin", "giemsa", "periodic acid"}

# Second words of Latin binomials that name drugs, not species ("dornase alfa").
DRUG_SECOND_WORDS = {"alfa", "beta", "gamma", "delta", "pegol", "vedotin", "mafodotin", "acid"}
LATIN_SPECIES = re.compile(r"^[A-Z][a-z]+ (?:[a-z]+(?:us|um|is|ae|ii|i|a|es|ens|ans|ides|oides|ensis|ata|ium|ia|ica|ora))(?: var\. .*| subsp\. .*)?$")


def split(value):
    return [item for item in (value or "").split("|") if item]


def read_resource(name, columns):
    """Surface forms in lowercase from the given columns of a bundled TSV."""
    forms = set()
    path = os.path.join(OUT, name)
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        positions = [header.index(c) for c in columns]
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            for position in positions:
                if position < len(fields):
                    forms.update(s.lower() for s in split(fields[position]))
    return forms


def is_code(form):
    """A development code: capitals and digits, no lowercase ("BAY43-9006", "AZD9291")."""
    return any(c.isdigit() for c in form) and not any(c.islower() for c in form)


def keep_form(form, words):
    """The ambiguity policy for one DrugBank name or synonym; returns a reason to drop, or None."""
    low = form.lower()
    if len(form) > 60 or any(c in form for c in "[](){};,"):
        return "chemical name"
    if low in NOT_GIVEN or low in STAINS or low in SUBSTANCES:
        return "analyte or general word"
    if low in words and low not in DRUG_WORDS:
        return "English word"
    if not any(c.islower() for c in form):
        if not is_code(form) or len(form) < 5:
            return "abbreviation"
    elif len(form) < 5:
        return "short form"
    parts = re.split(r"[\s-]+", low)
    if len(parts) > 1 and all(p in words for p in parts) and low not in DRUG_WORDS:
        return "English words"
    if LATIN_SPECIES.match(form) and form.split(" ")[1] not in DRUG_SECOND_WORDS:
        return "organism"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    candidates = [os.path.join(ROOT, "..", "shared"), os.path.join(ROOT, "..", "..", "shared")]
    ap.add_argument("--shared", default=next((c for c in candidates if os.path.isdir(c)), candidates[0]))
    args = ap.parse_args()
    source = os.path.join(args.shared, "data", "drugbank", "drugbank_vocabulary.csv.gz")
    if not os.path.exists(source):
        sys.exit(f"{source} not found: the generator needs the shared DrugBank vocabulary")
    if not os.path.exists(WORDS):
        sys.exit(f"{WORDS} not found: apt-get install wamerican")
    with open(WORDS, encoding="utf-8", errors="replace") as f:
        words = {line.strip() for line in f if line.strip() and line.strip().islower()}

    # The curated drug table owns its forms; the other tables own theirs.
    curated_owner = {}
    with open(os.path.join(OUT, "drugs.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            if line.startswith("#"):
                continue
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            for column in ("name", "brands", "codes", "salts", "synonyms"):
                for form in split(row.get(column, "")):
                    curated_owner.setdefault(form.lower(), row["name"])
    taken = set()
    taken |= read_resource("adverse_events.tsv", ["term", "synonyms"])
    taken |= read_resource("conditions.tsv", ["name", "synonyms"])
    taken |= read_resource("disease_synonyms.tsv", ["synonyms"])
    taken |= read_resource("oncotree.tsv", ["name"])
    taken |= read_resource("regimens.tsv", ["abbreviation"])
    symbols = read_resource("genes.tsv", ["symbol"])

    with gzip.open(source, "rt", encoding="utf-8") as f:
        entries = list(csv.DictReader(f))

    # A form named by two DrugBank entries is ambiguous.
    count = {}
    for entry in entries:
        forms = {entry["Common name"].lower()} | {s.strip().lower() for s in entry["Synonyms"].split(" | ") if s.strip()}
        for form in forms:
            count[form] = count.get(form, 0) + 1

    rows = []
    dropped = {}
    identified = set()
    for entry in entries:
        name = entry["Common name"].strip()
        synonyms = [s.strip() for s in entry["Synonyms"].split(" | ") if s.strip()]
        # The curated drug this entry names, if any: by its name, else by a synonym that is the curated name.
        curated = curated_owner.get(name.lower())
        if curated is None:
            curated = next((curated_owner[s.lower()] for s in synonyms if s.lower() in curated_owner
                            and curated_owner[s.lower()] == s.lower()), None)
        reason = keep_form(name, words) if curated is None else None
        if reason:
            dropped[reason] = dropped.get(reason, 0) + 1
            continue
        kept = []
        for form in [name] + synonyms:
            low = form.lower()
            if low in curated_owner or low in taken or count.get(low, 0) > 1:
                continue
            if low in symbols and len(low) <= 6:
                continue
            reason = keep_form(form, words)
            if reason:
                dropped[reason] = dropped.get(reason, 0) + 1
                continue
            if low not in (k.lower() for k in kept):
                kept.append(form)
        if curated is None and not kept:
            continue
        if curated is not None:
            # The curated drug's own entry carries its DrugBank id and UNII for the exports, even with no new
            # spelling; another entry that only names it (a salt, a synonym) is kept only for its spellings.
            own = name.lower() == curated.lower()
            if not kept and not own:
                continue
            if own:
                if curated in identified:
                    continue
                identified.add(curated)
        rows.append([curated or name.lower(), entry["DrugBank ID"], entry["UNII"], "yes" if curated else "no", "|".join(kept)])

    # Substances: recognized as chemicals, never a therapy. Forms other tables own stay theirs.
    for substance in sorted(SUBSTANCES):
        if substance in curated_owner or substance in taken:
            continue
        rows.append([substance, "", "", "substance", ""])

    path = os.path.join(OUT, "drugbank_drugs.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("name\tdrugbank\tunii\tcurated\tsynonyms\n")
        f.write("# DrugBank open vocabulary (CC0 1.0), filtered by scripts/generate_drugbank.py. curated=yes: spellings "
                "added to the curated drug of that name; curated=substance: a chemical that is never a therapy. "
                "Do not edit by hand.\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {os.path.relpath(path, ROOT)}: {len(rows)} rows "
          f"({sum(1 for r in rows if r[3] == 'yes')} extend curated drugs)")
    for reason, n in sorted(dropped.items(), key=lambda x: -x[1]):
        print(f"dropped {n:6d} {reason}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate the general disease lexicon: Sources/CaseboardVocabularies/Resources/disease_lexicon.tsv.

A layer of disease and condition names beyond OncoTree and the curated conditions, for
mention-level recognition ("Duchenne muscular dystrophy", "G6PD deficiency", "ataxia-
telangiectasia"). The extractor reports them as disease mentions but never makes them a case's
diagnosis: the curated tables decide what a diagnosis is.

Sources (facts only: names and their concept identifiers):
- NCBI disease corpus (Dogan et al., J Biomed Inform 2014; NLM public domain notice), the
  TRAINING and DEVELOPMENT splits only: every annotated mention string, grouped by its MeSH or
  OMIM identifier. The test split is never read, so the mention benchmark stays a test.
- BC5CDR sample set (BioCreative V CDR), disease annotations with their MeSH identifiers.

Policy (each rule drops or restricts a form):
- forms without lowercase letters are abbreviations and match in exact case; those shorter than
  three characters are dropped ("AT", "AS", "DM" are words or mean many things);
- forms owned by a disease table (OncoTree names and synonyms, conditions) or the drug table are
  left to that table; adverse-event terms stay, since this layer has its own automaton and an
  adverse event such as "hemolytic anemia" is also a disease mention;
- forms made only of function words or digits, and forms longer than 80 characters, are dropped;
- a form that names two concepts keeps the concept it names most often.

Usage: python3 scripts/generate_disease_lexicon.py [--shared ../shared]
"""
import argparse
import collections
import gzip
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES = os.path.join(ROOT, "Sources", "CaseboardVocabularies", "Resources")

STOP = {"the", "of", "and", "or", "in", "a", "an", "with", "to", "for", "on", "by"}

# Abbreviations in the corpora that are far more often something else in case reports.
AMBIGUOUS = {"CD", "CT", "HC", "MG", "GS", "DM", "PD", "MS", "AD", "AS", "AT", "WAS", "APC", "VHL", "BRCA1", "BRCA2",
             "ATM", "HD", "PKU", "NF1", "NF2", "DMD", "PWS", "AS", "MD", "ALL", "CAD", "CLL", "AML", "CML", "RA"}


# Common comorbidities of adult patients, written by the Caseboard team (names only).
COMORBIDITIES = {
    "COMORBID:HYPERTENSION": ["hypertension", "arterial hypertension", "high blood pressure", "hypertensive disease"],
    "COMORBID:DYSLIPIDEMIA": ["dyslipidemia", "dyslipidaemia", "hyperlipidemia", "hyperlipidaemia", "hypercholesterolemia",
                              "hypercholesterolaemia"],
    "COMORBID:OSTEOARTHRITIS": ["osteoarthritis", "degenerative joint disease"],
    "COMORBID:BPH": ["benign prostatic hyperplasia", "benign prostatic hypertrophy", "prostatic hyperplasia"],
    "COMORBID:AF": ["atrial fibrillation", "paroxysmal atrial fibrillation"],
    "COMORBID:HYPOTHYROIDISM": ["hypothyroidism"],
    "COMORBID:GERD": ["gastroesophageal reflux disease", "gastro-oesophageal reflux disease", "reflux esophagitis"],
    "COMORBID:STROKE": ["stroke", "cerebral infarction", "cerebrovascular accident"],
    "COMORBID:MI": ["myocardial infarction", "heart attack"],
    "COMORBID:DVT": ["deep vein thrombosis", "deep venous thrombosis", "pulmonary embolism", "venous thromboembolism"],
    "COMORBID:ANEMIA": ["anemia", "anaemia", "iron deficiency anemia", "iron-deficiency anaemia"],
    "COMORBID:DEMENTIA": ["dementia", "alzheimer disease", "alzheimer's disease", "vascular dementia"],
    "COMORBID:HEPATITIS": ["hepatitis", "fatty liver disease", "nonalcoholic fatty liver disease"],
    "COMORBID:PEPTIC-ULCER": ["peptic ulcer disease", "peptic ulcer"],
    "COMORBID:OSTEOPOROSIS": ["osteoporosis", "osteopenia"],
    "COMORBID:NEPHROLITHIASIS": ["nephrolithiasis", "kidney stones"],
    "COMORBID:PNEUMONIA": ["pneumonia", "community-acquired pneumonia"],
    "COMORBID:SMOKING": ["nicotine dependence", "tobacco use disorder"],
}


def pubtator_mentions(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 6 and fields[1].isdigit():
                yield fields[3], fields[4], fields[5]


def owned_forms():
    """Lowercased forms the curated and OncoTree tables already own."""
    owned = set()

    def read(name, columns):
        with open(os.path.join(RESOURCES, name), encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            for line in handle:
                if line.startswith("#"):
                    continue
                row = dict(zip(header, line.rstrip("\n").split("\t")))
                for column in columns:
                    for form in row.get(column, "").split("|"):
                        if form:
                            owned.add(form.lower())

    read("oncotree.tsv", ["name"])
    read("disease_synonyms.tsv", ["synonyms"])
    read("conditions.tsv", ["name", "synonyms"])
    read("drugs.tsv", ["name", "synonyms", "brands"])
    return owned


def keep(form):
    if len(form) > 80 or not re.search(r"[A-Za-z]", form):
        return False
    words = re.findall(r"[A-Za-z0-9]+", form.lower())
    if not words or all(word in STOP or word.isdigit() for word in words):
        return False
    if not any(character.islower() for character in form):
        return len(form) >= 3 and form not in AMBIGUOUS
    # A mention that opens or closes on a bracket or punctuation is a fragment.
    return form[0].isalnum() and form[-1].isalnum()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = parser.parse_args()
    corpora = os.path.join(args.shared, "data", "corpora")
    sources = [
        (os.path.join(corpora, "ncbi_disease", "NCBItrainset_corpus.txt.gz"), None),
        (os.path.join(corpora, "ncbi_disease", "NCBIdevelopset_corpus.txt"), None),
        (os.path.join(corpora, "bc5cdr", "CDR_sample.PubTator.txt"), "Disease"),
    ]
    counts = collections.defaultdict(collections.Counter)  # form key -> identifier -> count
    spellings = collections.defaultdict(collections.Counter)  # form key -> spelling -> count
    for path, only in sources:
        if not os.path.exists(path):
            sys.exit(f"{path} not found: the shared corpora are needed")
        for text, kind, identifier in pubtator_mentions(path):
            if only and kind != only:
                continue
            # Composite and unnormalized mentions keep their first identifier.
            identifier = re.split(r"[|+,]", identifier)[0].strip()
            if not identifier or identifier == "-1":
                continue
            if not identifier.startswith(("OMIM:", "MESH:")):
                identifier = "MESH:" + identifier
            form = " ".join(text.split())
            if not keep(form):
                continue
            key = form if not any(c.islower() for c in form) else form.lower()
            counts[key][identifier] += 1
            spellings[key][form] += 1
    for identifier, forms in COMORBIDITIES.items():
        for form in forms:
            counts[form][identifier] += 1000
    owned = owned_forms()
    concepts = collections.defaultdict(list)
    for key, identifiers in counts.items():
        if key.lower() in owned:
            continue
        identifier = identifiers.most_common(1)[0][0]
        concepts[identifier].append((sum(identifiers.values()), key))
    rows = []
    for identifier, forms in sorted(concepts.items()):
        forms.sort(key=lambda item: (-item[0], item[1]))
        named = [key for _, key in forms if any(c.islower() for c in key)]
        name = named[0] if named else forms[0][1]
        synonyms = [key for _, key in forms if key != name]
        rows.append((identifier, name, "|".join(synonyms)))
    out = os.path.join(RESOURCES, "disease_lexicon.tsv")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("code\tname\tsynonyms\n")
        handle.write("# NCBI disease corpus train+dev mentions (NLM, public domain) and BC5CDR sample disease mentions, "
                     "by MeSH/OMIM id. Generated by scripts/generate_disease_lexicon.py\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"wrote {out}: {len(rows)} concepts, {sum(1 + len(r[2].split('|')) - (r[2] == '') for r in rows)} forms")


if __name__ == "__main__":
    main()

"""Helpers that expand compact gold specs into the dev-gold JSON format, shared by the reading hold-outs.

Each set's build/specs.py sets OUT to its own gold/ folder before calling write()."""
import json, os, re

ONE_TO_THREE = {"A": "Ala", "R": "Arg", "N": "Asn", "D": "Asp", "C": "Cys", "Q": "Gln", "E": "Glu",
                "G": "Gly", "H": "His", "I": "Ile", "L": "Leu", "K": "Lys", "M": "Met", "F": "Phe",
                "P": "Pro", "S": "Ser", "T": "Thr", "W": "Trp", "Y": "Tyr", "V": "Val", "*": "Ter"}
RESP = {"CR": "CR", "PR": "PR", "SD": "SD", "PD": "PD"}
OUT = None  # set by the calling specs.py
# The dev gold names these two drugs by their US names and lists the INN as optional; every set follows it.
US_NAMES = {"hydroxycarbamide": "hydroxyurea", "calcium folinate": "leucovorin", "folinic acid": "leucovorin"}


def alt(gene, *variants):
    out = []
    for v in variants:
        for x in [v] + _aliases(v):
            if x not in out:
                out.append(x)
    return {"gene": gene, "variant": out}


def _aliases(v):
    m = re.fullmatch(r"([A-Z])(\d+)([A-Z*])", v)
    if not m:
        return []
    a, n, b = m.groups()
    if a not in ONE_TO_THREE or b not in ONE_TO_THREE:
        return []
    return [f"p.{v}", f"p.{ONE_TO_THREE[a]}{n}{ONE_TO_THREE[b]}"]


def dx(oncotree, *names):
    return {"names": list(names), "oncotree": oncotree}


# CTCAE v5.0 spells this term "Rash maculo-papular"; every set accepts that spelling beside its own.
# The same for "Cholesterol high" (authors write hypercholesterolaemia) and "Nail loss" (CTCAE v5.0 has no onycholysis
# term; r11, r16-r20 accepted both already).
CTCAE_SPELLINGS = {
    "rash maculopapular": "rash maculo-papular", "maculopapular rash": "rash maculo-papular",
    "hypercholesterolemia": "cholesterol high", "hypercholesterolaemia": "cholesterol high", "onycholysis": "nail loss",
}
# Optional drugs written by their common names are also accepted under the names a drug vocabulary gives them.
OPTIONAL_ALIASES = {"aspirin": "acetylsalicylic acid", "radioactive iodine": "sodium iodide i 131",
                    "radioiodine": "sodium iodide i 131", "iodine-131": "sodium iodide i 131"}


def ae(terms, grade, drug):
    if isinstance(terms, str):
        terms = [terms]
    terms = list(terms)
    for term in list(terms):
        spelling = CTCAE_SPELLINGS.get(term.lower())
        if spelling and spelling not in terms:
            terms.append(spelling)
    return {"term": terms, "grade": grade, "drug": drug}


def resp(drug, *classes):
    for c in classes:
        assert c in RESP, c
    return {"drug": drug, "response": list(classes)}


def write(document, age, sex, diagnoses, alterations, required, optional, responses, aes, resistance):
    us = lambda d: US_NAMES.get(d, d)
    required = list(dict.fromkeys(us(d) for d in required))
    optional = list(dict.fromkeys([d for d in optional if d not in required]
                                  + [inn for inn, name in US_NAMES.items() if name in required and inn not in required]
                                  + [OPTIONAL_ALIASES[d] for d in optional if d in OPTIONAL_ALIASES
                                     and OPTIONAL_ALIASES[d] not in required]))
    responses = [dict(r, drug=us(r["drug"])) for r in responses]
    aes = [dict(a, drug=us(a["drug"])) for a in aes]
    resistance = [dict(r, drug=us(r["drug"])) for r in resistance]
    req = set(required)
    for r in responses:
        assert r["drug"] in req, (document, r["drug"])
    for r in resistance:
        assert r["drug"] in req, (document, r["drug"])
        assert any(a["gene"] == r["gene"] for a in alterations), (document, r["gene"])
    assert not (req & set(optional)), (document, req & set(optional))
    for d in required + optional:
        assert d == d.lower(), d
    g = {"document": document, "patient": {"age": age, "sex": sex}, "diagnoses": diagnoses,
         "alterations": alterations, "drugs": {"required": required, "optional": optional},
         "responses": responses, "adverse_events": aes,
         "resistance": [{"gene": r["gene"], "drug": r["drug"]} for r in resistance]}
    stem = document.split("_")[0]
    with open(os.path.join(OUT, stem + ".json"), "w") as f:
        json.dump(g, f, indent=2, ensure_ascii=False)
        f.write("\n")


def res(gene, drug):
    return {"gene": gene, "drug": drug}

"""Self-checks for the r17 gold (genre per NN mod 3: 1 letter, 2 structured, 0 full): a perfect prediction built from the gold must score 1.000, AE entries in one
document must not share a term (the scorer de-duplicates predicted terms), and gold names should occur in the text."""
import json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NAMES = {"CR": "complete response", "PR": "partial response", "SD": "stable disease", "PD": "progressive disease"}

preds, problems = [], []
for fn in sorted(os.listdir(os.path.join(ROOT, "gold"))):
    g = json.load(open(os.path.join(ROOT, "gold", fn)))
    raw = open(os.path.join(ROOT, "texts", g["document"])).read()
    text = raw.lower().replace("\u2010", "-")
    words = len(raw.split())
    if not 280 <= words <= 700:
        problems.append(f"{fn}: {words} words (280-700 wanted)")
    nn = int(fn[4:6])
    genre = {1: "letter", 2: "structured", 0: "full"}[nn % 3]
    lo, hi = {"letter": (280, 450), "structured": (280, 550), "full": (500, 700)}[genre]
    if not lo <= words <= hi:
        problems.append(f"{fn}: {words} words ({genre}: {lo}-{hi} wanted)")
    lines = [l.strip() for l in raw.splitlines()]
    if genre == "letter" and any(l in ("Introduction", "Discussion", "Case presentation") for l in lines):
        problems.append(f"{fn}: letter has section headings")
    if genre == "structured" and not all(any(l.startswith(lab) and len(l) > len(lab) + 20 for l in lines)
                                         for lab in ("Background:", "Case presentation:", "Outcome:", "Conclusions:")):
        problems.append(f"{fn}: structured abstract lacks an inline label")
    if genre == "full" and not ("Discussion" in lines and any(l.startswith("Table 1") for l in lines)):
        problems.append(f"{fn}: full report lacks Discussion heading or Table 1")
    therapies = []
    for d in g["drugs"]["required"]:
        rs = [r["response"][0] for r in g["responses"] if r["drug"] == d]
        for r in rs or [None]:
            therapies.append({"drugs": [d], "response": NAMES[r] if r else None, "adverse_events": []})
        if d not in text:
            problems.append(f"{fn}: drug '{d}' not literally in text (check INN mapping)")
    aes = [{"term": a["term"][0], "grade": a["grade"]} for a in g["adverse_events"]]
    seen = {}
    for i, a in enumerate(g["adverse_events"]):
        for t in a["term"]:
            if t in seen and seen[t] != i:
                problems.append(f"{fn}: AE term '{t}' shared by two entries")
            seen[t] = i
        if not any(t in text for t in a["term"]):
            problems.append(f"{fn}: no alias of AE {a['term'][:2]} literally in text")
    for a in g["alterations"]:
        if not re.search(r"(?<![a-z0-9])" + re.escape(a["gene"].lower()), text):
            problems.append(f"{fn}: gene {a['gene']} not in text")
    res = [{"gene": r["gene"], "drugs": [r["drug"]]} for r in g["resistance"]]
    preds.append({"document": g["document"], "patient": g["patient"],
                  "diagnoses": [{"name": d["names"][0], "oncotree": d["oncotree"]} for d in g["diagnoses"]],
                  "alterations": [{"gene": a["gene"], "variant": a["variant"][0]} for a in g["alterations"]],
                  "therapies": therapies, "adverse_events": aes, "resistance": res})
with open(os.path.join(ROOT, "build", "perfect.jsonl"), "w") as f:
    for p in preds:
        f.write(json.dumps(p) + "\n")
print("\n".join(problems) or "no problems")
subprocess.run([sys.executable, "/work/shared/eval/score.py", "--gold", os.path.join(ROOT, "gold"),
                "--pred", os.path.join(ROOT, "build", "perfect.jsonl")])

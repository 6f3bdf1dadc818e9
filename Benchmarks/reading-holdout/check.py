"""Self-checks for one reading hold-out's gold: `python3 check.py SET [--any-length] [--genres]` (SET is r11, r12...).
A perfect prediction built from the gold must score 1.000, AE entries in one document must not share a term (the
scorer de-duplicates predicted terms), gold names should occur in the text, and each text has 450-700 words
(`--any-length` skips that: r11 was written before the rule). `--genres` checks r17's three genres instead (document
number mod 3: 1 letter of 280-450 words without headings, 2 structured abstract of 280-550 words with inline labels,
0 full report of 500-700 words with a Discussion and a Table 1)."""
import json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, sys.argv[1])
ANY_LENGTH = "--any-length" in sys.argv
GENRES = "--genres" in sys.argv
SCORE = os.environ.get("SCORE") or os.path.join(HERE, "..", "..", "..", "shared", "eval", "score.py")
NAMES = {"CR": "complete response", "PR": "partial response", "SD": "stable disease", "PD": "progressive disease"}

preds, problems = [], []
for fn in sorted(os.listdir(os.path.join(ROOT, "gold"))):
    g = json.load(open(os.path.join(ROOT, "gold", fn)))
    raw = open(os.path.join(ROOT, "texts", g["document"])).read()
    text = raw.lower().replace("\u2010", "-")
    words = len(raw.split())
    if GENRES:
        genre = {1: "letter", 2: "structured", 0: "full"}[int(fn[4:6]) % 3]
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
    elif not ANY_LENGTH and not 450 <= words <= 700:
        problems.append(f"{fn}: {words} words (450-700 wanted)")
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
PERFECT = os.path.join(tempfile.mkdtemp(), "perfect.jsonl")
with open(PERFECT, "w") as f:
    for p in preds:
        f.write(json.dumps(p) + "\n")
print("\n".join(problems) or "no problems")
subprocess.run([sys.executable, SCORE, "--gold", os.path.join(ROOT, "gold"),
                "--pred", PERFECT])

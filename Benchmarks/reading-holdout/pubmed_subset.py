"""Write the PubMed records a reading hold-out names (its pmids.txt) as one PubmedArticleSet file.

Usage: python3 pubmed_subset.py PMIDS.txt SOURCE.xml.gz OUT.xml

The real-abstract sets (p1, ...) keep only their gold and the PMIDs in the repository; the abstracts stay in the
shared PubMed file they were taken from, and are cut out of it here for each run.
"""
import gzip
import sys
import xml.etree.ElementTree as ET

pmids_path, source, out = sys.argv[1:4]
wanted = {line.strip() for line in open(pmids_path) if line.strip() and not line.startswith("#")}
found = {}
opener = gzip.open if source.endswith(".gz") else open
with opener(source, "rb") as f:
    for _, element in ET.iterparse(f):
        if element.tag == "PubmedArticle":
            pmid = element.findtext("./MedlineCitation/PMID")
            if pmid in wanted:
                found[pmid] = ET.tostring(element, encoding="unicode")
            element.clear()
missing = sorted(wanted - set(found))
if missing:
    sys.exit(f"pubmed_subset.py: {len(missing)} PMIDs of {pmids_path} are not in {source}: {', '.join(missing[:5])}")
with open(out, "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n')
    for pmid in sorted(found):
        f.write(found[pmid] + "\n")
    f.write("</PubmedArticleSet>\n")
print(f"{len(found)} records written to {out}", file=sys.stderr)

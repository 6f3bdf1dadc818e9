#!/usr/bin/env bash
# Score a Caseboard binary on one reading hold-out set (r11, r12, ...).
# Usage: CASEBOARD=/path/to/caseboard bash Benchmarks/reading-holdout/run.sh SET [--per-doc]
# The scorer defaults to ../shared/eval/score.py beside the clone; set SCORE to use another, and GOLD to score
# against another gold folder of the set (p1 keeps its blind gold in gold-blind/).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
set_name="${1:?give the set to score, e.g. r12}"
shift
# A real-abstract set (p1, ...) holds pmids.txt instead of texts/: its abstracts are cut out of the shared PubMed
# file named on the "# source:" line, and extracted from that XML as a user's PubMed file would be.
if [ ! -d "$here/$set_name/texts" ] && [ ! -f "$here/$set_name/pmids.txt" ]; then
    echo "run.sh: no reading hold-out set '$set_name' in $here" >&2
    exit 2
fi
: "${CASEBOARD:?set CASEBOARD to the path of the caseboard binary}"
SCORE="${SCORE:-$here/../../../shared/eval/score.py}"
cd "$here/$set_name"
if [ -d texts ]; then
    "$CASEBOARD" extract --format jsonl texts/*.txt > pred.jsonl
else
    source_name="$(sed -n 's/^# source: *//p' pmids.txt)"
    source_file="${PUBMED_DIR:-$here/../../../shared/data/pubmed}/$source_name"
    [ -f "$source_file" ] || { echo "run.sh: $set_name needs $source_file (set PUBMED_DIR to its folder)" >&2; exit 2; }
    subset="$(mktemp -d)/$set_name.xml"
    python3 "$here/pubmed_subset.py" pmids.txt "$source_file" "$subset"
    "$CASEBOARD" extract --format jsonl "$subset" > pred.jsonl
    rm -rf "$(dirname "$subset")"
fi
python3 "$SCORE" --gold "${GOLD:-gold}" --pred pred.jsonl "$@"

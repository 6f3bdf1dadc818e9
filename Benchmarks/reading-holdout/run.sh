#!/usr/bin/env bash
# Score a Caseboard binary on one reading hold-out set (r11, r12, ...).
# Usage: CASEBOARD=/path/to/caseboard bash Benchmarks/reading-holdout/run.sh SET [--per-doc]
# The scorer defaults to ../shared/eval/score.py beside the clone; set SCORE to use another.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
set_name="${1:?give the set to score, e.g. r12}"
shift
[ -d "$here/$set_name/texts" ] || { echo "run.sh: no reading hold-out set '$set_name' in $here" >&2; exit 2; }
: "${CASEBOARD:?set CASEBOARD to the path of the caseboard binary}"
SCORE="${SCORE:-$here/../../../shared/eval/score.py}"
cd "$here/$set_name"
"$CASEBOARD" extract --format jsonl texts/*.txt > pred.jsonl
python3 "$SCORE" --gold gold --pred pred.jsonl "$@"

#!/usr/bin/env bash
# Score a Caseboard binary on the r12 blind hold-out set.
# Usage: CASEBOARD=/path/to/caseboard bash run.sh [--per-doc]
set -euo pipefail
cd "$(dirname "$0")"
: "${CASEBOARD:?set CASEBOARD to the path of the caseboard binary}"
SCORE="${SCORE:-/work/shared/eval/score.py}"
"$CASEBOARD" extract --format jsonl texts/*.txt > pred.jsonl
python3 "$SCORE" --gold gold --pred pred.jsonl "$@"

#!/usr/bin/env bash
# Renders the HTML cohort report of `caseboard annotate --format html` for the test fixtures (invented samples)
# and takes a screenshot of it with headless Chromium into docs/screenshots/annotate-report.png.
#
# Usage: scripts/screenshot_annotate_report.sh [CASEBOARD_BINARY]
# Needs chromium (or chromium-browser / google-chrome) on PATH; builds the binary when none is given.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="${1:-}"
if [[ -z "$binary" ]]; then
    (cd "$root" && swift build --product caseboard >/dev/null)
    binary="$root/.build/debug/caseboard"
fi
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[[ -n "$browser" ]] || { echo "no chromium on PATH" >&2; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fixtures="$root/Tests/CaseboardGenomicsTests/Fixtures"
# A fresh knowledge store seeded with the bundled evidence; exit 1 only means some rows or samples were refused.
"$binary" annotate "$fixtures/mutations.maf" "$fixtures/fusions.txt" "$fixtures/cna_list.txt" \
    --clinical "$fixtures/clinical.txt" --format html --db "$work/kb.sqlite" >"$work/report.html" 2>"$work/stderr" || true
grep -q "<table class=\"grid\">" "$work/report.html" || { cat "$work/stderr" >&2; exit 1; }
mkdir -p "$root/docs/screenshots"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1400 \
    --screenshot="$root/docs/screenshots/annotate-report.png" "file://$work/report.html" 2>/dev/null
echo "wrote docs/screenshots/annotate-report.png"

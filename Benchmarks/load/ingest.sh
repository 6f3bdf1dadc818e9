#!/usr/bin/env bash
# Ingest benchmark: `caseboard extract --case-reports-only` of a PubMed file beside
# `caseboard ingest` of it, with one worker and with two (the file split in two halves, one
# job each, two processes at once), on a fresh database each time. Prints wall time, peak RSS,
# records/s per worker and in total, and the distinct and duplicated cases stored.
# Then the same file under two update-file names, one worker each at once: every case must keep
# the later name's revision. Not a test: nothing here asserts.
# Usage: Benchmarks/load/ingest.sh [FILE.xml.gz]   (default ../shared/data/pubmed/pubmed21n1298.xml.gz)
# STORE=postgres (default) uses a throwaway cluster from scripts/postgres-test-cluster (or the
# server CASEBOARD_TEST_POSTGRES_URL names, a fresh database on it per run); STORE=sqlite a file.
# CASEBOARD_BIN=PATH runs another build; otherwise this checkout's release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
# ../shared beside the checkout (or beside the folder of worktrees).
default=../shared/data/pubmed/pubmed21n1298.xml.gz
[ -f "$default" ] || default=../../shared/data/pubmed/pubmed21n1298.xml.gz
input=${1:-$default}
[ -f "$input" ] || { echo "skipped: $input not found (the shared PubMed file is needed)"; exit 0; }
store=${STORE:-postgres}
bin=${CASEBOARD_BIN:-.build/release/caseboard}
[ -n "${CASEBOARD_BIN:-}" ] || swift build -c release --product caseboard >/dev/null
work=$(mktemp -d)
cluster=""
cleanup() {
    [ -z "$cluster" ] || bash scripts/postgres-test-cluster stop "$cluster"
    rm -rf "$work"
}
trap cleanup EXIT
if [ "$store" = postgres ] && [ -z "${CASEBOARD_TEST_POSTGRES_URL:-}" ]; then
    eval "$(bash scripts/postgres-test-cluster start)"
    cluster=$CASEBOARD_PG_CLUSTER
fi

# The two halves: the records split at the middle, the DeleteCitation block with the second.
python3 - "$input" "$work/half-1.xml.gz" "$work/half-2.xml.gz" <<'PY'
import gzip, re, sys
text = gzip.open(sys.argv[1], "rt", encoding="utf-8").read()
start = text.index("<PubmedArticle>")
end = text.rindex("</PubmedArticleSet>")
body = text[start:end]
articles = re.findall(r"<PubmedArticle>.*?</PubmedArticle>\s*", body, re.S)
rest = re.sub(r"<PubmedArticle>.*?</PubmedArticle>\s*", "", body, flags=re.S)
middle = len(articles) // 2
for path, chunk, extra in ((sys.argv[2], articles[:middle], ""), (sys.argv[3], articles[middle:], rest)):
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(text[:start] + "".join(chunk) + extra + text[end:])
PY

fresh_db() {
    if [ "$store" = postgres ]; then
        local name="ingest_$(date +%s%N)"
        psql -q "$CASEBOARD_TEST_POSTGRES_URL" -c "CREATE DATABASE $name" >/dev/null
        echo "${CASEBOARD_TEST_POSTGRES_URL%/*}/$name"
    else
        echo "$work/kb-$(date +%s%N).sqlite"
    fi
}
# Seeds the database as `serve` would, outside the timing.
seed() { "$bin" kb stats --db "$1" >/dev/null; }
# Peak RSS (MB) and wall seconds of a run, from /usr/bin/time -v.
measure() { awk -F': ' '/Maximum resident/ {rss=$2/1024} /Elapsed \(wall/ {n=split($2,p,":"); w=0; for(i=1;i<=n;i++) w=w*60+p[i]} END {printf "%.1f s wall, %.0f MB peak RSS", w, rss}' "$1"; }
cases() {
    if [ "$store" = postgres ]; then
        psql -At "$1" -c "SELECT count(*) || ' cases, ' || count(DISTINCT id) || ' distinct, ' || count(*) - count(DISTINCT coalesce(pmid, id)) || ' duplicated PMIDs' FROM cases"
    else
        python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); n,d,p=c.execute('SELECT count(*), count(DISTINCT id), count(*) - count(DISTINCT coalesce(pmid, id)) FROM cases').fetchone(); print(f'{n} cases, {d} distinct, {p} duplicated PMIDs')" "$1"
    fi
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); store: $store; input: $input"
/usr/bin/time -v "$bin" extract --case-reports-only --format jsonl "$input" > "$work/extract.jsonl" 2> "$work/extract.time"
echo "extract --case-reports-only: $(measure "$work/extract.time"), $(wc -l < "$work/extract.jsonl") cases"

db=$(fresh_db)
seed "$db"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -v "$bin" ingest --quiet --db "$db" "$input" > "$work/one.out" 2> "$work/one.time"
echo "ingest, 1 worker: $(measure "$work/one.time"); $(grep '^worker' "$work/one.out" | sed 's/.*records read/records read/'); $(cases "$db")"

db=$(fresh_db)
seed "$db"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
for n in 1 2; do
    /usr/bin/time -v "$bin" ingest --quiet --db "$db" "$work/half-1.xml.gz" "$work/half-2.xml.gz" > "$work/two-$n.out" 2> "$work/two-$n.time" &
done
wait
wall=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
for n in 1 2; do echo "ingest, 2 workers, worker $n: $(measure "$work/two-$n.time"); $(grep '^worker' "$work/two-$n.out" | sed 's/.*records read/records read/')"; done
records=$(cat "$work"/two-*.out | awk '/^worker/ {for (i=1;i<=NF;i++) if ($i=="record(s)") s+=$(i-1)} END {print s}')
echo "ingest, 2 workers together: $wall s wall, $records records, $(python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):.0f}')" "$records" "$wall") records/s in total; $(cases "$db")"

# The same records in two update files, one worker each at once: every case must end with the
# later file's revision (the store contract's revisions), whichever worker commits last.
cp "$input" "$work/pubmed99n0001.xml.gz"
cp "$input" "$work/pubmed99n0002.xml.gz"
db=$(fresh_db)
seed "$db"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
for n in 1 2; do
    "$bin" ingest --quiet --db "$db" "$work/pubmed99n0001.xml.gz" "$work/pubmed99n0002.xml.gz" > "$work/same-$n.out" 2>&1 &
done
wait
wall=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
if [ "$store" = postgres ]; then
    later=$(psql -At "$db" -c "SELECT count(*) FROM cases c JOIN case_source s ON s.case_id = c.id WHERE s.source_file = 'pubmed99n0002.xml.gz'")
else
    later=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM cases c JOIN caseSource s ON s.caseId = c.id WHERE s.sourceFile = 'pubmed99n0002.xml.gz'\").fetchone()[0])" "$db")
fi
echo "ingest, the same records in two update files, 2 workers: $wall s wall; $(cases "$db"); $later from the later file"

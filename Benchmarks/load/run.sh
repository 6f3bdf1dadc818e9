#!/usr/bin/env bash
# Load benchmark: starts `caseboard serve` (release build) on a free loopback port with a fresh
# database and drives it with wrk for DURATION seconds (default 60) using mixed.lua.
# Prints wrk's requests/s and latency percentiles. Not a test: nothing here asserts.
# Usage: Benchmarks/load/run.sh [DURATION] [CONNECTIONS] [IO_THREADS]
# IO_THREADS is passed to `serve --io-threads` (default: the server's own default).
# SERVER_LOG=PATH keeps the server's output there (default: a temporary file removed at exit).
# STORE=postgres runs two server processes on one fresh PostgreSQL database (a throwaway
# cluster from scripts/postgres-test-cluster, unless CASEBOARD_TEST_POSTGRES_URL names a
# server) and drives each with half the connections; the figures are then summed (requests/s)
# and the worse of the two (p99).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-60}
connections=${2:-16}
io_threads=${3:-}
store=${STORE:-sqlite}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk"; exit 1; }
# CASEBOARD_BIN=PATH runs another build (to compare two commits); otherwise this checkout's.
bin=${CASEBOARD_BIN:-.build/release/caseboard}
[ -n "${CASEBOARD_BIN:-}" ] || swift build -c release --product caseboard >/dev/null
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export CASEBOARD_TOKEN=load-test
servers=()
ports=()
cluster=""
cleanup() {
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -z "$cluster" ] || bash scripts/postgres-test-cluster stop "$cluster"
    rm -rf "$work"
}
trap cleanup EXIT
if [ "$store" = postgres ]; then
    if [ -z "${CASEBOARD_TEST_POSTGRES_URL:-}" ]; then
        eval "$(bash scripts/postgres-test-cluster start)"
        cluster=$CASEBOARD_PG_CLUSTER
    fi
    db=$CASEBOARD_TEST_POSTGRES_URL
    count=2
else
    db=$work/kb.sqlite
    count=1
fi
for n in $(seq "$count"); do
    port=$(free_port)
    "$bin" serve --port "$port" --db "$db" --log-level error ${io_threads:+--io-threads "$io_threads"} \
        > "${SERVER_LOG:-$work/server-$n.log}" 2>&1 &
    servers+=($!)
    ports+=("$port")
    # One at a time, so the second does not race the first's migration and seeding.
    for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done
done
echo "machine: $(nproc) cores; store: $store; servers ${servers[*]} on ports ${ports[*]}; $connections connections for ${duration}s; io threads: ${io_threads:-default}"
# Server CPU time (user + system, in clock ticks) around the run, for CPU cost per request.
cpu_ticks() { local total=0 pid; for pid in "${servers[@]}"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo "$total"; }
# The throwaway cluster's own CPU time (the postmaster, with the backends that exited, and the
# live backends), so a PostgreSQL run counts the database's work too.
pg_ticks() {
    local total=0 pid postmaster
    [ -n "$cluster" ] || { echo 0; return; }
    postmaster=$(head -1 "$cluster/data/postmaster.pid")
    for pid in "$postmaster" $(pgrep -P "$postmaster"); do
        total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}
ticks_before=$(cpu_ticks)
pg_before=$(pg_ticks)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
per=$((connections / count))
drivers=()
for n in $(seq "$count"); do
    LOAD_TAG="s$n" ${WRK_PREFIX:-} wrk -t$((count == 1 ? 2 : 1)) -c"$per" -d"${duration}s" --timeout 5s --latency \
        -s Benchmarks/load/mixed.lua "http://127.0.0.1:${ports[$((n - 1))]}" > "$work/wrk-$n.txt" &
    drivers+=($!)
done
# With two servers, a probe writes through one and matches through the other (lag_probe.py).
[ "$count" = 1 ] || python3 Benchmarks/load/lag_probe.py "http://127.0.0.1:${ports[0]}" "http://127.0.0.1:${ports[1]}" \
    "$CASEBOARD_TOKEN" "$duration" > "$work/lag.txt" 2>&1 &
probe=$!
for pid in "${drivers[@]}"; do wait "$pid"; done
wait "$probe" || true
ticks_after=$(cpu_ticks)
pg_after=$(pg_ticks)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $(seq "$count"); do
    [ "$count" = 1 ] || echo "--- server $n"
    cat "$work/wrk-$n.txt"
done
requests=$(cat "$work"/wrk-*.txt | awk '/requests in/ {s += $1} END {print s}')
if [ "$count" -gt 1 ]; then
    python3 - "$work" <<'PY'
import glob, re, sys
rps, p99 = 0.0, 0.0
def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
for path in glob.glob(sys.argv[1] + "/wrk-*.txt"):
    text = open(path).read()
    rps += float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = max(p99, ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1)))
print(f"total: {rps:.0f} requests/s over both servers; worst p99 {p99:.2f} ms")
PY
fi
python3 -c "import sys; t=($ticks_after-$ticks_before)/$(getconf CLK_TCK); n=int(sys.argv[1]); print(f'server CPU: {t:.1f} s over the run, {t/$duration:.2f} cores, {t/n*1e6:.0f} us per request')" "$requests"
[ -z "$cluster" ] || python3 -c "import sys; t=($pg_after-$pg_before)/$(getconf CLK_TCK); n=int(sys.argv[1]); print(f'PostgreSQL CPU (the cluster processes): {t:.1f} s over the run, {t/$duration:.2f} cores, {t/n*1e6:.0f} us per request')" "$requests"
[ "$count" = 1 ] || cat "$work/lag.txt"
# wrk prints these two lines only when there was something to count.
if cat "$work"/wrk-*.txt | grep -qE "Non-2xx|Socket errors"; then echo "errors: see above"; else echo "errors: none (no non-2xx/3xx responses, no socket errors)"; fi
echo "cases stored during the run: $(curl -s "http://127.0.0.1:${ports[0]}/api/cases?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"

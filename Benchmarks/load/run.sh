#!/usr/bin/env bash
# Load benchmark: starts `caseboard serve` (release build) on a free loopback port with a fresh
# database and drives it with wrk for DURATION seconds (default 60) using mixed.lua.
# Prints wrk's requests/s and latency percentiles. Not a test: nothing here asserts.
# Usage: Benchmarks/load/run.sh [DURATION] [CONNECTIONS] [IO_THREADS]
# IO_THREADS is passed to `serve --io-threads` (default: the server's own default).
# SERVER_LOG=PATH keeps the server's output there (default: a temporary file removed at exit).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-60}
connections=${2:-16}
io_threads=${3:-}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk"; exit 1; }
# CASEBOARD_BIN=PATH runs another build (to compare two commits); otherwise this checkout's.
bin=${CASEBOARD_BIN:-.build/release/caseboard}
[ -n "${CASEBOARD_BIN:-}" ] || swift build -c release --product caseboard >/dev/null
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export CASEBOARD_TOKEN=load-test
"$bin" serve --port "$port" --db "$work/kb.sqlite" --log-level error ${io_threads:+--io-threads "$io_threads"} > "${SERVER_LOG:-$work/server.log}" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done
echo "machine: $(nproc) cores; server pid $server on port $port; $connections connections for ${duration}s; io threads: ${io_threads:-default}"
# Server CPU time (user + system, in clock ticks) around the run, for CPU cost per request.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat" 2>/dev/null || echo 0; }
ticks_before=$(cpu_ticks)
${WRK_PREFIX:-} wrk -t2 -c"$connections" -d"${duration}s" --timeout 5s --latency -s Benchmarks/load/mixed.lua "http://127.0.0.1:$port" | tee "$work/wrk.txt"
ticks_after=$(cpu_ticks)
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
python3 -c "import sys; t=($ticks_after-$ticks_before)/$(getconf CLK_TCK); n=int(sys.argv[1]); print(f'server CPU: {t:.1f} s over the run, {t/$duration:.2f} cores, {t/n*1e6:.0f} us per request')" "$requests"
# wrk prints these two lines only when there was something to count.
if grep -qE "Non-2xx|Socket errors" "$work/wrk.txt"; then echo "errors: see above"; else echo "errors: none (no non-2xx/3xx responses, no socket errors)"; fi
echo "cases stored during the run: $(curl -s "http://127.0.0.1:$port/api/cases?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"

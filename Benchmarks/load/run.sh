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
swift build -c release --product caseboard >/dev/null
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export CASEBOARD_TOKEN=load-test
.build/release/caseboard serve --port "$port" --db "$work/kb.sqlite" --log-level error ${io_threads:+--io-threads "$io_threads"} > "${SERVER_LOG:-$work/server.log}" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done
echo "machine: $(nproc) cores; server pid $server on port $port; $connections connections for ${duration}s; io threads: ${io_threads:-default}"
wrk -t2 -c"$connections" -d"${duration}s" --timeout 5s --latency -s Benchmarks/load/mixed.lua "http://127.0.0.1:$port"
echo "cases stored during the run: $(curl -s "http://127.0.0.1:$port/api/cases?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"

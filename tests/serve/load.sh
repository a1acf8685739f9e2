#!/usr/bin/env bash
# Load test of `radloc serve` (docs/performance.md): wrk on loopback
# against /v1/score, 64 connections for 30 s (LOAD_SECONDS), with the
# default 1000 draws and with intervals off; then the live page's rescore
# as a few clinicians make it (4 connections, 300 and 1000 draws), whose
# p99 is issue #18's figure (under 30 ms). Fails on any error.
set -u
RADLOC=${RADLOC:-build/radloc}
SECONDS_EACH=${LOAD_SECONDS:-30}
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill -TERM "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
$RADLOC serve --port 0 --quiet > "$tmp/out" &
server=$!
for _ in $(seq 50); do grep -q listening "$tmp/out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*:\([0-9]*\)\/$/\1/p' "$tmp/out")
status=0
for run in "64 " "64 ?draws=0" "4 ?draws=300" "4 "; do
	connections=${run%% *} query=${run#* }
	echo "--- wrk -t2 -c$connections -d${SECONDS_EACH}s POST /v1/score$query"
	wrk -t2 -c"$connections" -d"${SECONDS_EACH}s" --timeout 10s -s tests/serve/post.lua \
		"http://127.0.0.1:$port/v1/score$query" | tee "$tmp/wrk"
	grep -q '^non-200 answers: 0$' "$tmp/wrk" &&
		grep -q '^errors: connect 0, read 0, write 0, timeout 0$' "$tmp/wrk" || status=1
done
exit $status

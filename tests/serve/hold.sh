#!/usr/bin/env bash
# `radloc serve` under weight (run by .ci/run and `make hold`; ~1 minute):
# a 50 000-exam batch streamed in bounded memory, small requests answered
# quickly while two big batches run, scoring stopped when a client leaves,
# and 200 slow connections that neither lock others out nor stay forever.
# Loopback only; every wait is bounded.
#   RADLOC=build/radloc bash tests/serve/hold.sh
# Ends with "hold: N passed, M failed"; exits 1 if any failed.
set -u
RADLOC=${RADLOC:-build/radloc}
tmp=$(mktemp -d)
pass=0
fail=0
server=
cleanup() {
	[ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { # name, condition (a command)
	local name=$1
	shift
	if "$@"; then ok "$name"; else bad "$name"; fi
}

$RADLOC serve --port 0 --threads 2 > "$tmp/out" 2> "$tmp/log" &
server=$!
for _ in $(seq 50); do
	grep -q listening "$tmp/out" 2>/dev/null && break
	sleep 0.1
done
port=$(sed -n 's/.*:\([0-9]*\)\/$/\1/p' "$tmp/out")
if [ -z "$port" ]; then
	echo "hold: the server did not start"; cat "$tmp/log"
	echo "hold: 0 passed, 1 failed"
	exit 1
fi
url="http://127.0.0.1:$port"
# The server's memory in kB and CPU time in ticks; -1 once it has gone
# (so that no check passes on a dead server).
kb() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$server/status" 2>/dev/null | grep . || echo -1; }
cpu() { awk '{print $14 + $15}' "/proc/$server/stat" 2>/dev/null || echo -1; }
tick=$(getconf CLK_TCK)
small() { # one small request: its status and seconds
	curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -m 10 \
		-H 'Content-Type: application/json' --data-binary @fixtures/exams/demo.json \
		"$url/v1/score?draws=100"
}
small > /dev/null
idle=$(kb VmRSS)

# 50 000 exams, each answered with its top 20 hypotheses (~3.7 KiB a
# line): the answer (~190 MB) is streamed, not built in memory.
exam='{"id":"s","motor":[{"movement":"great_toe_extension","side":"left","grade":3}]}'
for _ in $(seq 50000); do echo "$exam"; done > "$tmp/big.jsonl"
batch() { # NAME: the big batch, its answer's lines counted into $tmp/NAME.count;
	# the client's pid in $client
	mkfifo "$tmp/$1.fifo"
	wc -l < "$tmp/$1.fifo" > "$tmp/$1.count" &
	counter=$!
	curl -s -m 90 -H 'Content-Type: application/x-ndjson' --data-binary @"$tmp/big.jsonl" \
		-o "$tmp/$1.fifo" "$url/v1/batch?draws=0&top=20" &
	client=$!
}
batch a
a=$client
a_counter=$counter
batch b
b=$client
b_counter=$counter
sleep 1.5
# Both batches are scoring now (more batches than the 2 scorers would
# change nothing: each gives its scorer back after every exam); small
# requests go between their exams.
worst=0
for _ in 1 2 3 4 5; do
	read -r code took < <(small)
	[ "$code" = 200 ] || worst=99
	awk -v t="$took" -v w="$worst" 'BEGIN { exit !(t > w) }' && worst=$took
done
check "small requests answered in < 1 s while two big batches run (worst $worst s)" \
	awk -v w="$worst" 'BEGIN { exit !(w < 1) }'

# A client that leaves stops its batch: kill both, and the server's CPU
# time stops growing.
kill "$b"
wait "$a" "$a_counter" "$b" "$b_counter"
lines=$(cat "$tmp/a.count" 2>/dev/null)
check "the 50 000-exam batch answered every line (${lines:-none})" test "${lines:-0}" -eq 50000
peak=$(kb VmHWM)
check "peak memory $(( (peak - idle) / 1024 )) MB above idle (< 150 MB)" \
	test "$idle" -gt 0 -a "$peak" -gt 0 -a $((peak - idle)) -lt $((150 * 1024))
batch c
sleep 1
kill "$client"
wait "$client" "$counter"
sleep 0.5
before=$(cpu)
sleep 1
after=$(cpu)
check "scoring stops when the client leaves ($((after - before)) ticks of $tick in 1 s)" \
	test "$before" -ge 0 -a "$after" -ge 0 -a $((after - before)) -lt $((tick / 5))
check "the log says the connection ended" grep -q 'POST /v1/batch 200 .*(connection ended)' "$tmp/log"

# 200 slowloris connections (a request's first line, then nothing): below
# the limit of 256, so normal requests are still all answered.
fds=()
for _ in $(seq 200); do
	exec {fd}<>"/dev/tcp/127.0.0.1/$port" || break
	printf 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:%s\r\n' "$port" >&$fd
	fds+=("$fd")
done
check "200 slow connections open" test "${#fds[@]}" = 200
good=0
for _ in $(seq 20); do
	[ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$url/healthz")" = 200 ] && good=$((good + 1))
done
check "with 200 slow connections, 20 of 20 requests answered ($good)" test "$good" = 20
# The idle timeout (10 s) closes them: the server's end reads as closed.
sleep 11
closed=0
for fd in "${fds[@]}"; do
	timeout 0.5 cat <&"$fd" > /dev/null 2>&1 && closed=$((closed + 1))
	exec {fd}>&-
done
check "the idle timeout closed the slow connections ($closed of 200)" test "$closed" = 200

echo "hold: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/usr/bin/env bash
# API tests of `radloc serve`, against a server started on a free loopback
# port and stopped at the end whatever happens.
#   RADLOC=build/radloc bash tests/serve/api.sh
# Ends with "api: N passed, M failed"; exits 1 if any failed.
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

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { # name, condition (a command)
	local name=$1
	shift
	if "$@"; then ok; else bad "$name"; fi
}

$RADLOC serve --port 0 > "$tmp/out" 2> "$tmp/log" &
server=$!
for _ in $(seq 50); do
	grep -q listening "$tmp/out" 2>/dev/null && break
	sleep 0.1
done
port=$(sed -n 's/.*:\([0-9]*\)\/$/\1/p' "$tmp/out")
if [ -z "$port" ]; then
	echo "api: the server did not start"; cat "$tmp/log"
	echo "api: 0 passed, 1 failed"
	exit 1
fi
url="http://127.0.0.1:$port"

# post PATH FILE [QUERY] -> body in $tmp/body, status in $code
post() {
	code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST --data-binary "@$2" \
		-H 'Content-Type: application/yaml' "$url$1${3:-}")
}
get() {
	code=$(curl -s -o "$tmp/body" -w '%{http_code}' "$url$1")
}

get /healthz
check "healthz 200 ok" test "$code" = 200 -a "$(jq -r .status "$tmp/body")" = ok

# The contract's example exam: L5 left leads (exam-format.md section 3).
post /v1/score fixtures/exams/demo.yaml "?draws=200"
check "score demo 200" test "$code" = 200
check "score demo leads L5 left" test "$(jq -r '.ranking[0].label' "$tmp/body")" = "L5 left"
check "score demo meets the contract" test "$(jq -c -f tests/cli/contract.jq "$tmp/body")" = true
cp "$tmp/body" "$tmp/yaml.json"
post /v1/score fixtures/exams/demo.json "?draws=200"
check "YAML and JSON twins agree" cmp -s "$tmp/body" "$tmp/yaml.json"
post /v1/score fixtures/exams/demo.yaml "?draws=200"
check "same request, same bytes" cmp -s "$tmp/body" "$tmp/yaml.json"

# Bad input: the same located messages as the command line, as JSON.
post /v1/score fixtures/exams/misspelt.yaml
check "misspelt 422" test "$code" = 422
check "misspelt located" test "$(jq -r '.error | "\(.line):\(.column): \(.message)"' "$tmp/body")" = \
	"5:14: unknown region 'dorsal_foot'; did you mean 'dorsum_foot'?"
check "misspelt lists every problem" test "$(jq '.problems | length' "$tmp/body")" = 4
printf '{"id": "x", "motor": [' > "$tmp/syntax.json"
post /v1/score "$tmp/syntax.json"
check "syntax error 400" test "$code" = 400
post /v1/score fixtures/exams/all-nt.yaml
check "all NT 422" test "$code" = 422
head -c 300000 /dev/zero | tr '\0' ' ' > "$tmp/big"
post /v1/score "$tmp/big"
check "too large 413" test "$code" = 413
post /v1/score fixtures/exams/demo.yaml "?draws=lots"
check "bad query 400" test "$code" = 400
get /v1/score
check "GET on score 405" test "$code" = 405
get /no/such/page
check "unknown path 404" test "$code" = 404

# The page: each file of cli/page/ at /name, as it is in the source, with
# the type its extension says; / is index.html, under a CSP that allows no
# inline script or style.
for f in cli/page/*; do
	name=${f#cli/page/}
	case $name in
	*.html) type="text/html; charset=utf-8" ;;
	*.css) type="text/css; charset=utf-8" ;;
	*.js) type="text/javascript; charset=utf-8" ;;
	*) continue ;;
	esac
	got=$(curl -s -o "$tmp/body" -w '%{http_code} %{content_type}' "$url/$name")
	check "GET /$name 200 $type" test "$got" = "200 $type"
	check "GET /$name is cli/page/$name" cmp -s "$tmp/body" "$f"
done
get /
check "GET / is index.html" cmp -s "$tmp/body" cli/page/index.html
csp=$(curl -s -D - -o /dev/null "$url/" | tr -d '\r' | sed -n 's/^[Cc]ontent-[Ss]ecurity-[Pp]olicy: //p')
own_files_only() {
	case $1 in
	*unsafe-inline*) return 1 ;;
	*"script-src 'self';"*"style-src 'self';"*) return 0 ;;
	*) return 1 ;;
	esac
}
check "the page's CSP: scripts and styles from its own files only" own_files_only "$csp"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary x "$url/main.js")
check "POST on a page file 405" test "$code" = 405

# Batch: one line per exam, in order, the bad ones as errors.
post /v1/batch fixtures/exams/batch-mixed.jsonl "?draws=0"
check "batch 200" test "$code" = 200
$RADLOC batch fixtures/exams/batch-mixed.jsonl --draws 0 --top 0 > "$tmp/cli.jsonl" 2>/dev/null
check "batch lines as the CLI's" test "$(jq -c '[.id, .ranking[0].label, .error]' "$tmp/body")" = \
	"$(jq -c '[.id, .ranking[0].label, .error]' "$tmp/cli.jsonl")"

get /v1/vocabulary
check "vocabulary" test "$(jq -c '[(.regions | length), (.movements | length), (.reflexes | length), (.signs | length), (.roots | length), (.nerves | length)]' "$tmp/body")" = "[53,30,8,19,26,21]"

post /v1/map fixtures/exams/demo.yaml
check "map 200" test "$code" = 200
check "map valid SVG" xmllint --noout "$tmp/body"
check "map outlines the L5 territory" grep -q 'id="region-dorsum_foot-left"[^>]*territory' "$tmp/body"
get /v1/chart.svg
check "empty chart" xmllint --noout "$tmp/body"

# Normalised exam: reads back to the same answer.
post /v1/exam fixtures/exams/variants.yaml
check "exam 200" test "$code" = 200
cp "$tmp/body" "$tmp/normal.json"
post /v1/score "$tmp/normal.json" "?draws=0"
cp "$tmp/body" "$tmp/a.json"
post /v1/score fixtures/exams/variants.yaml "?draws=0"
check "normalised exam scores the same" cmp -s "$tmp/body" "$tmp/a.json"

# A teaching case loads as its exam.
post /v1/exam fixtures/cases/l5-classic-left.yaml
check "a teaching case loads as its exam" test "$code" = 200 -a \
	"$(jq -r '.id' "$tmp/body")" = l5-classic-left

# Many at once: all answered.
for i in $(seq 24); do
	curl -s -o /dev/null -w '%{http_code}\n' -X POST --data-binary @fixtures/exams/demo.json \
		"$url/v1/score?draws=100" &
done > "$tmp/codes"
wait $(jobs -p | grep -v "^$server$") 2>/dev/null
check "24 concurrent requests all 200" test "$(grep -c '^200$' "$tmp/codes")" = 24

# A slow client holds only its own connection.
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"id": ' >&3
start=$(date +%s%N)
get /healthz
took=$(( ($(date +%s%N) - start) / 1000000 ))
check "a slow client does not block others ($took ms)" test "$code" = 200 -a "$took" -lt 2000
exec 3>&-

# The log says what was asked, never what the exam contained.
check "log free of exam contents" bash -c "! grep -q -e dorsum_foot -e bed-12 -e great_toe '$tmp/log'"
check "log has one line per request" grep -q 'radloc serve: 200' "$tmp/log"

echo "api: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

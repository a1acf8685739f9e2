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

$RADLOC serve --port 0 --host-name radloc.ward > "$tmp/out" 2> "$tmp/log" &
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
# Provenance: the rule set's fingerprint is sha256sum of its files in name
# order, and every result names the same rule set as /healthz.
sha=$(cd rules && cat $(LC_ALL=C ls *.yaml) | sha256sum | cut -c1-64)
check "healthz names the rules: version and the sha256 of the files" \
	test "$(jq -r '.rules.version + " " + .rules.sha256' "$tmp/body")" = "2026.11.27 $sha"
health_rules=$(jq -c .rules "$tmp/body")

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
# An ISNCSCI worksheet is recognised by its content (docs/isncsci.md).
post /v1/score fixtures/isncsci/l5-left.json "?draws=0"
check "isncsci worksheet scored: L5 left leads, values to tag *" test "$code" = 200 -a \
	"$(jq -r '.ranking[0].label + "|" + (.isncsci.not_cord | join(","))' "$tmp/body")" = \
	"L5 left|left.lightTouch.L5 1,left.pinPrick.L5 0,left.motor.L5 2"
post /v1/score fixtures/isncsci/bad-values.json
check "bad isncsci worksheet 4xx naming the key" test "$code" -ge 400 -a "$code" -lt 500 -a \
	"$(grep -c 'right.motor.L4' "$tmp/body")" = 1
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
check "POST on a page file 405 (not 415)" test "$code" = 405

# Batch: one line per exam, in order, the bad ones as errors.
post /v1/batch fixtures/exams/batch-mixed.jsonl "?draws=0"
check "batch 200" test "$code" = 200
$RADLOC batch fixtures/exams/batch-mixed.jsonl --draws 0 --top 0 > "$tmp/cli.jsonl" 2>/dev/null
check "batch lines as the CLI's" test "$(jq -c '[.input_line, .id, .ranking[0].label, .error]' "$tmp/body")" = \
	"$(jq -c '[.input_line, .id, .ranking[0].label, .error]' "$tmp/cli.jsonl")"
check "every batch line names the rules of /healthz" test \
	"$(jq -c .rules "$tmp/body" | grep -v '^null$' | sort -u)" = "$health_rules"
check "every batch line names its input line" test "$(jq -c '[.input_line]' "$tmp/body" | tr -d '\n')" = \
	"$(grep -n '[^[:space:]]' fixtures/exams/batch-mixed.jsonl | cut -d: -f1 | sed 's/.*/[&]/' | tr -d '\n')"
# A YAML stream is what radloc batch also reads; cut into lines here every
# line would fail, so it is refused whole, saying what to do.
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -H 'Content-Type: application/yaml' \
	--data-binary @fixtures/exams/stream.yaml "$url/v1/batch?draws=0")
check "a YAML stream to /v1/batch: 400 saying to use /v1/score or radloc batch" \
	test "$code $(jq -r .error.message "$tmp/body" | grep -c 'radloc batch')" = "400 1"

# The batch answer is streamed (chunked), and a batch asking more work than
# the cap is refused before anything is scored, saying the limit.
code=$(curl -s -D "$tmp/head" -o "$tmp/body" -w '%{http_code}' -H 'Content-Type: application/x-ndjson' \
	--data-binary @fixtures/exams/batch-mixed.jsonl "$url/v1/batch?draws=0")
check "batch answer is streamed (chunked)" grep -qi '^transfer-encoding: chunked' "$tmp/head"
jq -c . fixtures/exams/demo.json > "$tmp/one.jsonl"
for _ in $(seq 1000); do cat "$tmp/one.jsonl"; done > "$tmp/k.jsonl"
start=$(date +%s%N)
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -H 'Content-Type: application/x-ndjson' \
	--data-binary @"$tmp/k.jsonl" "$url/v1/batch?draws=10000")
took=$(( ($(date +%s%N) - start) / 1000000 ))
check "1 000 exams at 10 000 draws: 413 at once ($took ms)" test "$code" = 413 -a "$took" -lt 2000
check "the 413 names the work and its limit" test "$(jq -r .error.message "$tmp/body")" = \
	"batch of 1000 exams at 10000 draws is more work than one request may ask (exams x (draws + 100) = 10100000, limit 10000000): send fewer exams per request, fewer draws, or use radloc batch"
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -H 'Content-Type: application/x-ndjson' \
	--data-binary @"$tmp/k.jsonl" "$url/v1/batch?draws=0&top=1")
check "1 000 exams without intervals: 200, every line" test "$code $(wc -l < "$tmp/body")" = "200 1000"

get /v1/vocabulary
check "vocabulary" test "$(jq -c '[(.regions | length), (.movements | length), (.reflexes | length), (.signs | length), (.roots | length), (.nerves | length)]' "$tmp/body")" = "[53,31,8,20,26,21]"

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
		-H 'Content-Type: application/json' "$url/v1/score?draws=100" &
done > "$tmp/codes"
wait $(jobs -p | grep -v "^$server$") 2>/dev/null
check "24 concurrent requests all 200" test "$(grep -c '^200$' "$tmp/codes")" = 24

# A slow client holds only its own connection.
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'POST /v1/score HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"id": ' "$port" >&3
start=$(date +%s%N)
get /healthz
took=$(( ($(date +%s%N) - start) / 1000000 ))
check "a slow client does not block others ($took ms)" test "$code" = 200 -a "$took" -lt 2000
exec 3>&-

# Browser safety: another site, or a DNS-rebinding page, cannot use the
# API through a user's browser.
# status PATH CURL-ARGS... -> "CODE" of the answer, body in $tmp/body
status() {
	local path=$1
	shift
	curl -s -o "$tmp/body" -w '%{http_code}' "$@" "$url$path"
}
refused_json() { jq -e '.error.message | length > 0' "$tmp/body" > /dev/null; }
check "foreign Host 403" test "$(status /healthz -H 'Host: evil.example')" = 403
check "foreign Host 403 is a JSON error" refused_json
check "foreign Host with our port 403" test "$(status /healthz -H "Host: evil.example:$port")" = 403
check "rebinding Host on the API 403" test "$(status /v1/score -H "Host: evil.example:$port" \
	-H 'Content-Type: application/json' --data-binary @fixtures/exams/demo.json)" = 403
check "Host localhost:PORT 200" test "$(status /healthz -H "Host: localhost:$port")" = 200
check "Host 127.0.0.1:PORT 200" test "$(status /healthz -H "Host: 127.0.0.1:$port")" = 200
check "Host of --host-name 200" test "$(status /healthz -H "Host: radloc.ward:$port")" = 200
check "Host with another port 403" test "$(status /healthz -H "Host: localhost:1$port")" = 403
check "foreign Origin 403" test "$(status /v1/score -H 'Origin: http://evil.example' \
	-H 'Content-Type: application/json' --data-binary @fixtures/exams/demo.json)" = 403
check "foreign Origin 403 is a JSON error" refused_json
check "Origin null 403" test "$(status /v1/vocabulary -H 'Origin: null')" = 403
check "own Origin 200" test "$(status /v1/score -H "Origin: http://127.0.0.1:$port" \
	-H 'Content-Type: application/json' --data-binary @fixtures/exams/demo.json)" = 200
for type in text/plain 'text/plain;charset=UTF-8' application/x-www-form-urlencoded \
	'multipart/form-data; boundary=x' application/xml; do
	check "POST as $type 415" test "$(status /v1/score -H "Content-Type: $type" \
		--data-binary @fixtures/exams/demo.json)" = 415
done
check "415 is a JSON error" refused_json
check "POST without a Content-Type 415" test "$(status /v1/score -H 'Content-Type:' \
	--data-binary @fixtures/exams/demo.json)" = 415
check "POST application/json; charset=utf-8 200" test "$(status /v1/score \
	-H 'Content-Type: application/json; charset=utf-8' --data-binary @fixtures/exams/demo.json)" = 200
check "batch as application/x-ndjson 200" test "$(status /v1/batch?draws=0 \
	-H 'Content-Type: application/x-ndjson' --data-binary @fixtures/exams/batch-mixed.jsonl)" = 200
check "batch as application/jsonl 200" test "$(status /v1/batch?draws=0 \
	-H 'Content-Type: application/jsonl' --data-binary @fixtures/exams/batch-mixed.jsonl)" = 200

# A request whose length is ambiguous is refused (request smuggling).
raw() { # the request's text -> the status line of the answer in $line
	exec 3<>"/dev/tcp/127.0.0.1/$port"
	# (a subshell: if the server has closed, SIGPIPE ends it, not the test)
	(printf "$1" >&3) 2>/dev/null
	line=$(timeout 5 head -1 <&3 | tr -d '\r')
	exec 3>&-
}
h="Host: 127.0.0.1:$port\r\nContent-Type: application/json\r\n"
raw "POST /v1/exam HTTP/1.1\r\n${h}Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}"
check "duplicate Content-Length 400 ($line)" test "$line" = "HTTP/1.1 400 Bad Request"
raw "POST /v1/exam HTTP/1.1\r\n${h}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
check "Content-Length with Transfer-Encoding 400 ($line)" test "$line" = "HTTP/1.1 400 Bad Request"
raw "POST /v1/exam HTTP/1.1\r\n${h}Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"
check "Transfer-Encoding with Content-Length 400 ($line)" test "$line" = "HTTP/1.1 400 Bad Request"

# Methods: 405 says which ones a path takes; OPTIONS answers with them.
allow_of() { tr -d '\r' < "$tmp/head" | sed -n 's/^[Aa]llow: //p'; }
code=$(curl -s -D "$tmp/head" -o /dev/null -w '%{http_code}' "$url/v1/score")
check "GET on score 405 with Allow: POST, OPTIONS" test "$code $(allow_of)" = "405 POST, OPTIONS"
code=$(curl -s -D "$tmp/head" -o /dev/null -w '%{http_code}' -X DELETE "$url/healthz")
check "DELETE on healthz 405 with Allow" test "$code $(allow_of)" = "405 GET, HEAD, OPTIONS"
code=$(curl -s -D "$tmp/head" -o /dev/null -w '%{http_code}' -X OPTIONS "$url/v1/batch")
check "OPTIONS on batch 204 with Allow" test "$code $(allow_of)" = "204 POST, OPTIONS"
code=$(curl -s -D "$tmp/head" -o /dev/null -w '%{http_code}' -X OPTIONS "$url/")
check "OPTIONS on the page 204 with Allow" test "$code $(allow_of)" = "204 GET, HEAD, OPTIONS"
check "OPTIONS on no such path 404" test "$(status /nothing -X OPTIONS)" = 404

# Headers: the SVG is a document that may run nothing; no answer leaks
# its address in Referer.
header() { # PATH HEADER CURL-ARGS... -> the header's value
	local path=$1 name=$2
	shift 2
	curl -s -D - -o /dev/null "$@" "$url$path" | tr -d '\r' | sed -n "s/^$name: //Ip"
}
check "chart.svg has a CSP that runs nothing" test "$(header /v1/chart.svg Content-Security-Policy)" = \
	"default-src 'none'; frame-ancestors 'none'; sandbox"
check "map SVG has the CSP" test "$(header /v1/map Content-Security-Policy \
	-H 'Content-Type: application/yaml' --data-binary @fixtures/exams/demo.yaml)" = \
	"default-src 'none'; frame-ancestors 'none'; sandbox"
for p in / /main.js /healthz /v1/vocabulary /nothing; do
	check "Referrer-Policy on $p" test "$(header "$p" Referrer-Policy)" = no-referrer
done
check "Referrer-Policy on a refusal" test "$(header /healthz Referrer-Policy -H 'Host: x')" = no-referrer
check "Referrer-Policy on an API answer" test "$(header /v1/score Referrer-Policy \
	-H 'Content-Type: application/json' --data-binary @fixtures/exams/demo.json)" = no-referrer
# The page's markup has no inline script or event handler (the CSP
# would block them): every <script> has a src.
check "no inline script in cli/page/*.html" bash -c \
	"! grep -hoiE '<script[^>]*>|[[:space:]]on[a-z]+=' cli/page/*.html | grep -viE 'src=\"/'"

# 100 000-deep nesting is a well-formed body past a limit of its shape:
# 422 with the located message, not 413.
head -c 100000 /dev/zero | tr '\0' '[' > "$tmp/deep.json"
post /v1/score "$tmp/deep.json"
check "100 000-deep nesting 422" test "$code" = 422
check "100 000-deep nesting located" test "$(jq -r '.error | "\(.line):\(.column): \(.message)"' "$tmp/body")" = \
	"1:33: nesting deeper than 32 levels"

# The log says what was asked, never what the exam contained: one line
# per request, method, path, status, size, time.
check "log free of exam contents" bash -c "! grep -q -e dorsum_foot -e bed-12 -e great_toe '$tmp/log'"
check "log line: method path status size time" grep -qE \
	'^radloc serve: POST /v1/score 200 [0-9]+ bytes [0-9]+\.[0-9] ms$' "$tmp/log"
check "log line of a refusal" grep -qE '^radloc serve: GET /healthz 403 [0-9]+ bytes' "$tmp/log"
check "log line of a 404 names the path" grep -qE '^radloc serve: OPTIONS /nothing 404 ' "$tmp/log"
check "log has no query" bash -c "! grep -q 'draws=' '$tmp/log'"

echo "api: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# Golden tests of the radloc command line. Run from the source tree:
#   RADLOC=build/radloc sh tests/cli/run.sh [FILTER]
#
# 1. fixtures/rules/bad/NAME.yaml: `radloc rules validate` must exit 2,
#    print nothing on stdout and exactly NAME.expect on stderr.
# 2. tests/cli/golden/NAME.cmd: one shell command line ($RADLOC is the
#    binary); its stdout must equal NAME.out, its stderr NAME.err (when the
#    file exists) and its exit status NAME.rc (default 0).
# Ends with "N passed, M failed"; exits 1 if any failed.
RADLOC=${RADLOC:-build/radloc}
FILTER=${1:-}
export RADLOC
# Messages must not depend on the caller's locale or rules.
LC_ALL=C
export LC_ALL
unset RADLOC_RULES
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0

report_fail() {
	fail=$((fail + 1))
	echo "FAIL $1: $2"
}

# Whether file GOT holds what file WANT does; if not, NAME fails, showing
# the difference in its WHAT (diagnostic, stdout, stderr).
same_as() { # NAME WHAT WANT GOT
	cmp -s "$4" "$3" && return 0
	report_fail "$1" "$2 differs:"
	diff "$3" "$4" | sed 's/^/    /' | head -20
	return 1
}

for f in fixtures/rules/bad/*.yaml; do
	[ -e "$f" ] || continue
	name=${f%.yaml}
	case "$name" in *"$FILTER"*) ;; *) continue ;; esac
	# shellcheck disable=SC2086
	$RADLOC rules validate "$f" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -ne 2 ]; then
		report_fail "$f" "exit $rc, expected 2"
	elif [ -s "$tmp/out" ]; then
		report_fail "$f" "unexpected stdout"
	elif same_as "$f" diagnostic "$name.expect" "$tmp/err"; then
		pass=$((pass + 1))
	fi
done

# 3. fixtures/bad/exams/NAME.{yaml,json,jsonl}: `radloc score` (or `radloc
#    batch` for .jsonl) must exit NAME.rc (default 3), print exactly
#    NAME.expect on stderr, and (score) nothing on stdout.
for f in fixtures/bad/exams/*; do
	case "$f" in *.yaml|*.json|*.jsonl) ;; *) continue ;; esac
	[ -e "$f" ] || continue
	name=${f%.*}
	case "$name" in *"$FILTER"*) ;; *) continue ;; esac
	want_rc=3
	[ -f "$name.rc" ] && want_rc=$(cat "$name.rc")
	case "$f" in
	*.jsonl) $RADLOC batch "$f" --draws 0 >"$tmp/out" 2>"$tmp/err" ;;
	*) $RADLOC score "$f" --draws 0 >"$tmp/out" 2>"$tmp/err" ;;
	esac
	rc=$?
	if [ "$rc" -ne "$want_rc" ]; then
		report_fail "$f" "exit $rc, expected $want_rc"
		head -3 "$tmp/err" | sed 's/^/    /'
	elif [ "${f##*.}" != jsonl ] && [ "$want_rc" -ne 0 ] && [ -s "$tmp/out" ]; then
		report_fail "$f" "unexpected stdout"
	elif same_as "$f" diagnostic "$name.expect" "$tmp/err" &&
	     { [ ! -f "$name.out" ] || same_as "$f" stdout "$name.out" "$tmp/out"; }; then
		pass=$((pass + 1))
	fi
done

for c in tests/cli/golden/*.cmd; do
	[ -e "$c" ] || continue
	name=${c%.cmd}
	case "$name" in *"$FILTER"*) ;; *) continue ;; esac
	sh -c "$(cat "$c")" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want_rc=0
	[ -f "$name.rc" ] && want_rc=$(cat "$name.rc")
	if [ "$rc" -ne "$want_rc" ]; then
		report_fail "$c" "exit $rc, expected $want_rc"
		head -5 "$tmp/err" | sed 's/^/    /'
	elif { [ ! -f "$name.out" ] || same_as "$c" stdout "$name.out" "$tmp/out"; } &&
	     { [ ! -f "$name.err" ] || same_as "$c" stderr "$name.err" "$tmp/err"; }; then
		pass=$((pass + 1))
	fi
done

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# make install to a scratch prefix after the default build (issue #17):
# the installed binary must read PREFIX/share/radloc/rules, not the prefix
# the objects were compiled with, and the docs/api.md example must build
# and run against the installed library as the page says.
#   sh tests/install/run.sh BUILD_DIR
BUILD=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "install: FAIL: $1" >&2; }

prefix=$tmp/prefix
${MAKE:-make} --no-print-directory -s install PREFIX="$prefix" >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log" >&2; echo "install: 0 passed, 1 failed (make install)"; exit 1; }
unset RADLOC_RULES
cp fixtures/exams/demo.yaml "$tmp/exam.yaml"

# 1. The installed binary answers, run from elsewhere.
out=$(cd "$tmp" && "$prefix/bin/radloc" score exam.yaml --draws 0 --format json 2>&1)
case "$out" in *'"label": "L5 left"'*) ok ;; *) bad "installed radloc did not answer: $out" ;; esac

# 2. It reads the installed rules: spoil them and it must name that file.
printf 'roots: [\n' >"$prefix/share/radloc/rules/roots.yaml"
(cd "$tmp" && "$prefix/bin/radloc" score exam.yaml --draws 0 >/dev/null 2>"$tmp/err")
rc=$?
if [ $rc -eq 2 ] && grep -q "^$prefix/share/radloc/rules/roots.yaml:" "$tmp/err"; then ok
else bad "exit $rc, expected 2 naming the installed roots.yaml: $(head -2 "$tmp/err")"; fi
cp rules/roots.yaml "$prefix/share/radloc/rules/roots.yaml"

# 3. The docs/api.md example, linked as the page says (pkg-config).
awk '/^```c$/ { on = 1; next } /^```$/ { if (on) exit } on' docs/api.md |
	sed "s|/usr/local/share/radloc/rules|$prefix/share/radloc/rules|" >"$tmp/example.c"
flags=$(PKG_CONFIG_PATH=$prefix/lib/pkgconfig pkg-config --cflags --libs radloc)
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$tmp/example" "$tmp/example.c" $flags; then
	out=$(cd "$tmp" && LD_LIBRARY_PATH=$prefix/lib ./example)
	case "$out" in "L5 left "*) ok ;; *) bad "the example printed: $out" ;; esac
else
	bad "the docs/api.md example does not build with: $flags"
fi

echo "install: $pass passed, $fail failed"
[ $fail -eq 0 ]

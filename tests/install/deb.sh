#!/bin/sh
# make deb (issue #17): the package holds the library, header, CLI, rules,
# man page and pkg-config file; apt accepts it on this machine (simulated:
# the test never changes the system); unpacked in a scratch root, its
# binary scores the demo exam from the rules it carries.
#   sh tests/install/deb.sh BUILD_DIR
BUILD=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "deb: FAIL: $1" >&2; }

${MAKE:-make} --no-print-directory -s deb >"$tmp/log" 2>&1 ||
	{ cat "$tmp/log" >&2; echo "deb: 0 passed, 1 failed (make deb)"; exit 1; }
deb=$(ls "$BUILD"/radloc_*.deb)

files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/radloc ./usr/lib/libradloc.so.0 ./usr/lib/libradloc.a \
	./usr/include/radloc.h ./usr/lib/pkgconfig/radloc.pc \
	./usr/share/man/man1/radloc.1.gz ./usr/share/radloc/rules/roots.yaml \
	./usr/share/doc/radloc/copyright; do
	echo "$files" | grep -qx "$f" && ok || bad "the package lacks $f"
done
deps=$(dpkg-deb -f "$deb" Depends)
for p in libgsl27 libyaml-0-2 libjansson4 libyajl2 libmicrohttpd12; do
	case "$deps" in *"$p"*) ok ;; *) bad "Depends lacks $p: $deps" ;; esac
done
# apt resolves it (simulation: nothing is installed).
if apt-get install -s "$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")" 2>&1 |
	grep -q '^Inst radloc'; then ok
else bad "apt-get install -s refused the package"; fi

dpkg-deb -x "$deb" "$tmp/root"
unset RADLOC_RULES
cp fixtures/exams/demo.yaml "$tmp/exam.yaml"
out=$(cd "$tmp" && ./root/usr/bin/radloc score exam.yaml --draws 0 --format json 2>&1)
case "$out" in *'"label": "L5 left"'*) ok ;; *) bad "the packaged radloc did not answer: $out" ;; esac
# radloc serve opens libmicrohttpd when it starts (cli/mhd.c): the
# packaged binary must find it and listen.
(cd "$tmp" && exec ./root/usr/bin/radloc serve --port 0 --quiet >serve.out 2>&1) &
server=$!
for _ in $(seq 50); do grep -q listening "$tmp/serve.out" 2>/dev/null && break; sleep 0.1; done
grep -q 'listening on http://' "$tmp/serve.out" && ok ||
	bad "the packaged radloc serve did not start: $(cat "$tmp/serve.out")"
kill -TERM "$server" 2>/dev/null
wait "$server" 2>/dev/null
man -l "$tmp/root/usr/share/man/man1/radloc.1.gz" >/dev/null 2>&1 ||
	[ "$(command -v man)" = "" ] && ok || bad "the man page does not render"

echo "deb: $pass passed, $fail failed"
[ $fail -eq 0 ]

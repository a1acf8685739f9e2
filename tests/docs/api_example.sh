#!/bin/sh
# The C example of docs/api.md must compile warning-free against the
# library and give the answer it promises: docs stay true.
#   sh tests/docs/api_example.sh BUILD_DIR
BUILD=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# The first ```c block of the page, with the rules path of this tree.
awk '/^```c$/ { on = 1; next } /^```$/ { if (on) exit } on' docs/api.md |
	sed "s|/usr/local/share/radloc/rules|$(pwd)/rules|" > "$tmp/example.c"
cp fixtures/exams/demo.yaml "$tmp/exam.yaml"
if ! ${CC:-cc} -std=c11 -Wall -Wextra -Werror -Iinclude -o "$tmp/example" "$tmp/example.c" \
	"$BUILD/libradloc.a" $(pkg-config --libs yaml-0.1 gsl yajl nettle) -lpthread -lm; then
	echo "docs: 0 passed, 1 failed (the example does not compile)"
	exit 1
fi
out=$(cd "$tmp" && ./example)
case "$out" in
"L5 left "*) echo "docs: 1 passed, 0 failed ($out)" ;;
*) echo "docs: 0 passed, 1 failed (the example printed: $out)"; exit 1 ;;
esac

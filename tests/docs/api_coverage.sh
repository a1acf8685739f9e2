#!/bin/sh
# Every function of include/radloc.h has its page docs/api/<function>.md,
# and every page there is a function of the header: the docs mirror the code.
#   sh tests/docs/api_coverage.sh
failed=0
functions=$(sh tests/abi/functions.sh)
for f in $functions; do
	if [ ! -f "docs/api/$f.md" ]; then
		echo "docs: $f is declared in include/radloc.h but has no docs/api/$f.md"
		failed=$((failed + 1))
	elif ! grep -q "$f(" "docs/api/$f.md"; then
		echo "docs: docs/api/$f.md has no synopsis of $f"
		failed=$((failed + 1))
	fi
done
for page in docs/api/*.md; do
	f=$(basename "$page" .md)
	if ! printf '%s\n' "$functions" | grep -qx "$f"; then
		echo "docs: $page documents $f, which include/radloc.h does not declare"
		failed=$((failed + 1))
	fi
done
total=$(printf '%s\n' "$functions" | grep -c .)
echo "docs: $total functions, $failed problems"
[ "$failed" -eq 0 ]

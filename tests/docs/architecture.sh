#!/bin/sh
# docs/architecture.md stays true: every source file of engine/ and cli/ is
# on the map, none is longer than one reader holds in mind (600 lines), and
# the command line reaches into the engine only through the two doors the
# map names (radloc_limits.h, textutil.h), and every engine file has its
# Check suite (tests/test_<file>.c, run by tests/main.c, as the map's Tests
# section says). Ends "architecture: N passed, M failed".
cd "${RADLOC_SRCDIR:-.}" || exit 1
map=docs/architecture.md
pass=0
fail=0
no() { fail=$((fail + 1)); echo "FAIL architecture: $1"; }
for f in engine/*.c engine/*.h engine/*.map cli/*.c cli/*.h cli/*.html cli/page/*; do
	[ -e "$f" ] || continue
	name=${f##*/}
	if grep -q "\`$name\`" "$map"; then pass=$((pass + 1)); else no "$f is not on $map"; fi
	lines=$(wc -l < "$f")
	if [ "$lines" -gt 600 ]; then no "$f has $lines lines (more than 600)"; else pass=$((pass + 1)); fi
done
for f in cli/*.c cli/*.h; do
	for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
		[ -e "cli/$h" ] && continue
		case "$h" in
		radloc.h|radloc_limits.h|textutil.h) pass=$((pass + 1)) ;;
		*) no "$f includes the engine's $h (the map allows radloc_limits.h and textutil.h)" ;;
		esac
	done
done
# One Check suite per engine file, and the runner runs it.
for f in engine/*.c; do
	name=${f##*/}
	if [ -e "tests/test_$name" ]; then pass=$((pass + 1)); else no "$f has no suite tests/test_$name"; fi
	if grep -q "suite_${name%.c}()" tests/main.c; then pass=$((pass + 1)); else no "tests/main.c does not run suite_${name%.c}"; fi
done
# A name on the map must still exist.
for name in $(grep -o '`[a-z_]*\.[ch]`' "$map" | tr -d '`' | sort -u); do
	if [ -e "engine/$name" ] || [ -e "cli/$name" ]; then pass=$((pass + 1)); else no "$map names $name, which does not exist"; fi
done
echo "architecture: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

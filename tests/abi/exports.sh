#!/bin/sh
# The shared library exports the public API only: every defined dynamic
# symbol is radloc_*, and every function of include/radloc.h is there.
#   sh tests/abi/exports.sh BUILD_DIR
BUILD=${1:-build}
so="$BUILD/libradloc.so"
if ! syms=$(nm -D --defined-only "$so" | awk '{ print $3 }'); then
	echo "abi: 0 passed, 1 failed (cannot read $so)"
	exit 1
fi
failed=0
stray=$(printf '%s\n' "$syms" | grep -v '^radloc_' | grep -v '^$')
if [ -n "$stray" ]; then
	echo "abi: exported but not public:" $stray
	failed=$((failed + 1))
fi
# A function declared in the header must be in the library.
missing=""
for f in $(sh tests/abi/functions.sh); do
	printf '%s\n' "$syms" | grep -qx "$f" || missing="$missing $f"
done
if [ -n "$missing" ]; then
	echo "abi: declared in include/radloc.h but not exported:$missing"
	failed=$((failed + 1))
fi
echo "abi: $((2 - failed)) passed, $failed failed ($(printf '%s\n' "$syms" | grep -c .) symbols)"
[ "$failed" -eq 0 ]

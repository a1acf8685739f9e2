#!/bin/sh
# Every JSON result of the test suite against docs/result.schema.json
# (issue #17), with Ajv (draft 2020-12) and ajv-formats pinned in
# package-lock.json, installed here as tests/browser installs
# playwright-core. node and npm come from `make deps` (DEB_TOOLS).
#
#   tests/schema/run.sh             (from `make check`)
#   RADLOC=build/san/radloc BENCH=build/san/radloc-bench tests/schema/run.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

for tool in node npm; do
	command -v $tool >/dev/null 2>&1 ||
		{ echo "tests/schema: no $tool; run 'make deps' (as root)" >&2; exit 2; }
done

if [ ! -f "$here/node_modules/ajv/package.json" ] || [ ! -f "$here/node_modules/ajv-formats/package.json" ]; then
	echo "tests/schema: installing ajv and ajv-formats" >&2
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

RADLOC=${RADLOC:-$root/build/radloc}
BENCH=${BENCH:-$root/build/radloc-bench}
for bin in "$RADLOC" "$BENCH"; do
	[ -x "$bin" ] || { echo "tests/schema: no $bin (make all build/radloc-bench)" >&2; exit 2; }
done
export RADLOC BENCH
exec node "$here/validate.mjs"

#!/bin/sh
# Every JSON result of the test suite against docs/result.schema.json
# (issue #17), with Ajv (draft 2020-12) and ajv-formats pinned in
# package-lock.json, installed as the other node runners install theirs
# (tests/lib/node_env.sh).
#
#   tests/schema/run.sh             (from `make check`)
#   RADLOC=build/san/radloc BENCH=build/san/radloc-bench tests/schema/run.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

suite=schema
. "$root/tests/lib/node_env.sh"
want node nodejs
want npm npm
install_wanted
npm_modules ajv ajv-formats

RADLOC=${RADLOC:-$root/build/radloc}
BENCH=${BENCH:-$root/build/radloc-bench}
for bin in "$RADLOC" "$BENCH"; do
	[ -x "$bin" ] || { echo "tests/schema: no $bin (make all build/radloc-bench)" >&2; exit 2; }
done
export RADLOC BENCH
exec node "$here/validate.mjs"

#!/bin/sh
# The FHIR R4 Bundles (issue #17): installs what is missing (node and
# npm with apt-get when run as root; the `fhir` package from
# package-lock.json; tests/lib/node_env.sh), builds
# radloc if needed, runs bundles.test.mjs (every Bundle validated and read
# back) and cds.test.mjs (CDS Hooks against radloc serve), ~10 s.
#
#   tests/fhir/run.sh            (from `make fhir` and `make check`)
#   RADLOC=build/san/radloc tests/fhir/run.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

suite=fhir
. "$root/tests/lib/node_env.sh"
want node nodejs
want npm npm
install_wanted
npm_modules fhir
find_radloc
node "$here/bundles.test.mjs"
exec node "$here/cds.test.mjs"

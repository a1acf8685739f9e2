#!/bin/sh
# The ISNCSCI worksheets (issue #14): installs what is missing (node and
# npm with apt-get when run as root; the `isncsci` library from
# package-lock.json; tests/lib/node_env.sh), builds
# radloc if needed, runs worksheets.test.mjs (a few seconds).
#
#   tests/isncsci/run.sh            (from `make isncsci`)
#   RADLOC=build/san/radloc tests/isncsci/run.sh
#   ISNCSCI_TABLE=1 tests/isncsci/run.sh    also print a markdown table
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

suite=isncsci
. "$root/tests/lib/node_env.sh"
want node nodejs
want npm npm
install_wanted
npm_modules isncsci
find_radloc
exec node "$here/worksheets.test.mjs"

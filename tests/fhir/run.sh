#!/bin/sh
# The FHIR R4 Bundles (issue #17): installs what is missing (node and
# npm with apt-get when run as root; the `fhir` package from
# package-lock.json, as tests/browser installs playwright-core), builds
# radloc if needed, runs bundles.test.mjs (every Bundle validated and read
# back) and cds.test.mjs (CDS Hooks against radloc serve), ~10 s.
#
#   tests/fhir/run.sh            (from `make fhir` and `make check`)
#   RADLOC=build/san/radloc tests/fhir/run.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

missing=""
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "tests/fhir: installing$missing" >&2
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "tests/fhir: missing$missing; install with: sudo apt-get install$missing" >&2
		exit 2
	fi
fi

if [ ! -f "$here/node_modules/fhir/package.json" ]; then
	echo "tests/fhir: installing the fhir package" >&2
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

RADLOC=${RADLOC:-$root/build/radloc}
if [ ! -x "$RADLOC" ] && [ "$RADLOC" = "$root/build/radloc" ]; then
	make -C "$root" >/dev/null
fi
[ -x "$RADLOC" ] || { echo "tests/fhir: no radloc at $RADLOC" >&2; exit 2; }
export RADLOC
node "$here/bundles.test.mjs"
exec node "$here/cds.test.mjs"

#!/bin/sh
# The page of `radloc serve` in a real browser: installs what is missing
# (Debian's chromium, node and npm with apt-get when run as root;
# playwright-core from package-lock.json), builds radloc if needed, runs
# page.test.mjs. Never downloads a browser: playwright drives
# /usr/bin/chromium (or $CHROMIUM).
#
#   tests/browser/run.sh            (from .ci/run and `make browser`)
#   RADLOC=build/san/radloc tests/browser/run.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
chromium=${CHROMIUM:-/usr/bin/chromium}

missing=""
[ -x "$chromium" ] || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "tests/browser: installing$missing" >&2
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "tests/browser: missing$missing; install with: sudo apt-get install$missing" >&2
		exit 2
	fi
fi
[ -x "$chromium" ] || { echo "tests/browser: no chromium at $chromium" >&2; exit 2; }

if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
	echo "tests/browser: installing playwright-core (no browser download)" >&2
	if [ -f "$here/package-lock.json" ]; then
		(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
	else
		(cd "$here" && npm install --no-audit --no-fund --loglevel=error)
	fi
fi

RADLOC=${RADLOC:-$root/build/radloc}
if [ ! -x "$RADLOC" ] && [ "$RADLOC" = "$root/build/radloc" ]; then
	make -C "$root" >/dev/null
fi
[ -x "$RADLOC" ] || { echo "tests/browser: no radloc at $RADLOC" >&2; exit 2; }
export RADLOC CHROMIUM="$chromium"
# Playwright must not look for (or fetch) a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Every test file runs, whichever fails: each reports its own lines.
failed=0
node "$here/page.test.mjs" || failed=1
node "$here/answer.test.mjs" || failed=1
node "$here/chart.test.mjs" || failed=1
exit $failed

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

suite=browser
. "$root/tests/lib/node_env.sh"
want "$chromium" chromium
want node nodejs
want npm npm
install_wanted
[ -x "$chromium" ] || { echo "tests/browser: no chromium at $chromium" >&2; exit 2; }
npm_modules playwright-core
find_radloc
export CHROMIUM="$chromium"
# Playwright must not look for (or fetch) a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Every test file runs, whichever fails: each reports its own lines.
failed=0
node "$here/page.test.mjs" || failed=1
node "$here/answer.test.mjs" || failed=1
node "$here/chart.test.mjs" || failed=1
exit $failed

# What the test runners that use node need (tests/browser, fhir, isncsci,
# schema run.sh), installed one way: Debian packages with apt-get when
# run as root, npm packages from the runner's own package-lock.json
# (npm ci: the pinned versions, never a browser download). Sourced after
# the runner sets suite (its name in messages), here (its folder) and root
# (the source tree), and has cd'd to root.

missing=""

# want COMMAND PACKAGE: PACKAGE is missing unless COMMAND is on the PATH
# (or, given as a path, is executable there).
want() {
	case $1 in
	*/*) [ -x "$1" ] || missing="$missing $2" ;;
	*) command -v "$1" >/dev/null 2>&1 || missing="$missing $2" ;;
	esac
}

# install_wanted: install what want found missing, or say how and exit 2.
install_wanted() {
	[ -n "$missing" ] || return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "tests/$suite: installing$missing" >&2
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "tests/$suite: missing$missing; install with: sudo apt-get install$missing" >&2
		exit 2
	fi
}

# npm_modules PACKAGE...: the runner's pinned npm packages, installed
# unless all are there already.
npm_modules() {
	for module in "$@"; do
		if [ ! -f "$here/node_modules/$module/package.json" ]; then
			echo "tests/$suite: installing $*" >&2
			(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
			return
		fi
	done
}

# find_radloc: RADLOC (default build/radloc, built if missing), exported.
find_radloc() {
	RADLOC=${RADLOC:-$root/build/radloc}
	if [ ! -x "$RADLOC" ] && [ "$RADLOC" = "$root/build/radloc" ]; then
		make -C "$root" >/dev/null
	fi
	[ -x "$RADLOC" ] || { echo "tests/$suite: no radloc at $RADLOC" >&2; exit 2; }
	export RADLOC
}

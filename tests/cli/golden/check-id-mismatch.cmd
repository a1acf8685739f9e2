d=$(mktemp -d) && sed "s/^id: .*/id: c6-textbook/" fixtures/cases/c6-classic-left.yaml >"$d/c6-renamed.yaml" && $RADLOC check "$d/c6-renamed.yaml" 2>&1 | sed "s|$d/||"; rc=$?; rm -rf "$d"; exit $rc

o=$(mktemp); $RADLOC batch fixtures/exams/stream.yaml --draws 0 --jobs 2 > "$o"; rc=$?; jq -c "{id, lead: .ranking[0].label, error: .error.message}" "$o"; rm -f "$o"; exit $rc

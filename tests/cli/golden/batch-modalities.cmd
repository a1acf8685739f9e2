o=$(mktemp); $RADLOC batch fixtures/exams/modalities.jsonl --draws 0 > "$o"; rc=$?; jq -c "{id, lead: .ranking[0].label, error: .error}" "$o"; rm -f "$o"; exit $rc

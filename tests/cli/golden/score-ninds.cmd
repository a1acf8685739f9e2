$RADLOC score fixtures/exams/ninds.yaml --format json --draws 0 | jq -c "{flags, lead: .ranking[0].label}"

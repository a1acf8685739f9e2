$RADLOC score fixtures/exams/variants.yaml --format json --draws 0 | jq -c "{pattern, flags, lead: .ranking[0].label, warnings}"

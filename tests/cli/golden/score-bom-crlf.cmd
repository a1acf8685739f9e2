$RADLOC score fixtures/exams/bom-crlf.yaml --format json --draws 0 | jq -r ".id, .ranking[0].label"

cat fixtures/exams/demo.yaml | $RADLOC score - --format json --draws 0 | jq -r ".ranking[0].label, .ranking[1].label, .pattern, (.flags | length)"

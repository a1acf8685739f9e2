$RADLOC score fixtures/exams/demo.yaml --top many

$RADLOC score fixtures/exams/two-nerves.yaml --format json --top 3

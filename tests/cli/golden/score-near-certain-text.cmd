$RADLOC score fixtures/exams/stocking-loss.yaml --no-color --top 3

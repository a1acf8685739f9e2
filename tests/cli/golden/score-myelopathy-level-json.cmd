$RADLOC score fixtures/exams/sensory-level-t10.yaml --draws 0 --top 2 --format json

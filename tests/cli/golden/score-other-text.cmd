$RADLOC score fixtures/exams/areflexic-weakness.yaml --no-color

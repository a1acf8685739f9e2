$RADLOC score fixtures/exams/misspelt.yaml

$RADLOC score fixtures/exams/misspelt-v2.yaml

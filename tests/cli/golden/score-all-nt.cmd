$RADLOC score fixtures/exams/all-nt.yaml

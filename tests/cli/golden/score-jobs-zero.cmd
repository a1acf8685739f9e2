$RADLOC score fixtures/exams/demo.yaml --jobs 0

$RADLOC score fixtures/exams/demo.yaml --no-color

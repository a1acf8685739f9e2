$RADLOC score fixtures/exams/demo.yaml --format xml

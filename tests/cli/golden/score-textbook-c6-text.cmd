$RADLOC score fixtures/exams/textbook-c6.yaml --no-color

$RADLOC batch fixtures/exams/demo.json --jobs 0

$RADLOC batch fixtures/exams/demo.json --jobs x

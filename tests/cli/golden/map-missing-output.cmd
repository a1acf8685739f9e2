$RADLOC map fixtures/exams/demo.yaml

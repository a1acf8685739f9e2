$RADLOC map fixtures/exams/demo.yaml -o - --jobs 2

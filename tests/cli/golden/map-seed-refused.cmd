$RADLOC map fixtures/exams/demo.yaml -o - --seed 7

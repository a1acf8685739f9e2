$RADLOC map fixtures/exams/demo.yaml -o - | xmllint --noout -

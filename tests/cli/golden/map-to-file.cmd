t=$(mktemp) && $RADLOC map fixtures/exams/demo.yaml -o "$t" --seed 7 && xmllint --noout "$t"; rc=$?; rm -f "$t"; exit $rc

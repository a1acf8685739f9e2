t=$(mktemp) && $RADLOC map fixtures/exams/demo.yaml -o "$t" && xmllint --noout "$t"; rc=$?; rm -f "$t"; exit $rc

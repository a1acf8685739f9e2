a=$($RADLOC score fixtures/exams/demo.yaml --format json) && b=$($RADLOC score fixtures/exams/demo.json --format json) && [ "$a" = "$b" ] && echo "YAML and JSON twins give the same result"

$RADLOC score fixtures/exams/aliases.yaml --format json --draws 0 --top 1 | grep "\"finding\": \"[a-z]* [a-z_]* [a-z]* [0-9a-z]*\"" | sort

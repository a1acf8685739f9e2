a=$($RADLOC score fixtures/exams/demo.yaml --format json --seed 7) && b=$($RADLOC score fixtures/exams/demo.yaml --format json --seed 7) && [ "$a" = "$b" ] && echo identical

# batch writes JSON Lines only.
$RADLOC batch fixtures/exams/demo.json --format text

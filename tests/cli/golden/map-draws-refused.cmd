# The chart scores without draws.
$RADLOC map fixtures/exams/demo.yaml -o - --draws 10

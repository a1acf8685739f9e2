# check prints a verdict per case, not a ranking to cut.
$RADLOC check fixtures/cases/c6-c7-left.yaml --top 3

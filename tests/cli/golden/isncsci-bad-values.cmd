# A bad worksheet: every problem at FILE:LINE:COLUMN naming the key; exit 3.
$RADLOC score --from isncsci fixtures/isncsci/bad-values.json

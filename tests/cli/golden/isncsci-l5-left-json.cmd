# The same in JSON: "isncsci": {"not_cord": [...]} lists the values.
$RADLOC score --from isncsci fixtures/isncsci/l5-left.json --draws 0 --format json --top 3

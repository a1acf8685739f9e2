# An unknown --from format is a usage error naming the known ones.
$RADLOC score --from hl7 fixtures/isncsci/l5-left.json

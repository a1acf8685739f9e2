# --from is for score and map: batch reads the contract only (usage, 1).
$RADLOC batch --from isncsci fixtures/isncsci/l5-left.json

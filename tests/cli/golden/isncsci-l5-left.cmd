# An isolated left L5 deficit on an ISNCSCI worksheet (the library says L4
# AIS D): radloc names the root and lists the values to consider tagging *.
$RADLOC score --from isncsci fixtures/isncsci/l5-left.json --draws 0

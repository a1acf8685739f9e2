# The L5 values tagged * by the clinician: no values left to suggest.
$RADLOC score --from isncsci fixtures/isncsci/l5-left-tagged.json --draws 0 --top 3

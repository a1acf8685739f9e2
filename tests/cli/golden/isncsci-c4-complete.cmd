# An ISNCSCI worksheet (C4 complete tetraplegia, classified C4 AIS A by the
# Praxis library) read with --from isncsci: a cord lesion, no * note.
$RADLOC score --from isncsci fixtures/isncsci/c4-complete.json --draws 0

$RADLOC check fixtures/bad/cases

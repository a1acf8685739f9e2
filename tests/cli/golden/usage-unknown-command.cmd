$RADLOC frobnicate

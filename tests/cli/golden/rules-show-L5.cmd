$RADLOC rules show L5

$RADLOC rules show horner

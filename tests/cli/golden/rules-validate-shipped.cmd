$RADLOC rules validate rules

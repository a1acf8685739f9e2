$RADLOC rules show dorsal_foot

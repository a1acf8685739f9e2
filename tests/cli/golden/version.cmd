$RADLOC --version

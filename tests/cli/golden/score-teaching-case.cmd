$RADLOC score fixtures/cases/c8-minimal-right.yaml --no-color

$RADLOC check --verbose fixtures/cases/c6-c7-left.yaml

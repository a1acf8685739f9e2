$RADLOC --version --rules fixtures/rules/tiny

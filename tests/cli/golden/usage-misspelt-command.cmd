# A misspelt command gets the nearest command, then the usage.
$RADLOC scor fixtures/exams/demo.yaml

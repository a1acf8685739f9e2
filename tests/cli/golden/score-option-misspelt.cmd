# A misspelt option gets the nearest of those the command takes.
$RADLOC score fixtures/exams/demo.yaml --draw 10

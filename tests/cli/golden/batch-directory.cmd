# A directory as the batch input is an input error (3) that says so.
$RADLOC batch fixtures/exams

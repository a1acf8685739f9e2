# fhir writes the exam as it is: a scoring option would change nothing, so it is refused, not ignored.
$RADLOC fhir fixtures/exams/demo.yaml --seed 7

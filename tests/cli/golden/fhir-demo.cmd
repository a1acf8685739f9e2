$RADLOC fhir fixtures/exams/demo.yaml

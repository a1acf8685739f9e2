$RADLOC score --from hl7v2 fixtures/exams/demo.yaml

$RADLOC score fixtures/exams/modalities.yaml --no-color

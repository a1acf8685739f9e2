$RADLOC score fixtures/exams/no-such-exam.yaml

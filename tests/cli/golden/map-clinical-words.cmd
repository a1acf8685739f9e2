$RADLOC map fixtures/exams/demo.yaml -o - | grep -o "<text[^>]*>[^<]*</text>" | sed "s/<[^>]*>//g"

# A batch to a full device fails whatever its size: glibc's dropped buffer once hid 2 to 100 exams.
for n in 1 2 4 10 100; do yes "$(head -n 1 fixtures/exams/batch-mixed.jsonl)" | head -n $n | $RADLOC batch --draws 0 >/dev/full 2>/dev/null; echo "$n exams: exit $?"; done

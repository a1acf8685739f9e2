$RADLOC map fixtures/cases/common-peroneal-left.yaml -o - | grep -o "Expected[^<]*"

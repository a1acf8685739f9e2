printf 'sensory: [{region: dorsum_fot, side: left, status: reduced}]\n' | $RADLOC map - -o -

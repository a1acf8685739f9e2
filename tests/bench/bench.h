/* The benchmark (make bench): synthetic exams and the measurements. */
#ifndef RADLOC_BENCH_H
#define RADLOC_BENCH_H

#include <stdio.h>
#include <stdlib.h>

#include "radloc.h"

/* Write count exams as JSON Lines; truth[i] (if not NULL) gets the label
 * of the hypothesis exam i was drawn from. */
int bench_generate(const radloc_rules *rules, unsigned long count,
                   unsigned long seed, int min_findings, int max_findings,
                   FILE *out, char (*truth)[48]);

#endif

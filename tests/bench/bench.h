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

/* A world unlike the model, to measure calibration under
 * misspecification (docs/validation.md). All zero except
 * sensitivity_scale 1 is the model itself (bench_gen_model): exams then
 * come out byte for byte as bench_generate's. */
typedef struct bench_gen_options {
	/* Each generated person's lesion weights (a root's share of an
	 * element, a nerve's, a pattern's sensitivity, a sign's sensitivity)
	 * times a factor uniform in [1 - j, 1 + j], clamped to [0, 1]. */
	double weight_jitter;
	/* Each recorded outcome replaced, with this probability, by the
	 * normal/abnormal call reversed: a normal finding recorded as the
	 * mildest abnormal grade, an abnormal one as normal (recorded
	 * wrongly); with gross, by one of the kind's other outcomes
	 * uniformly instead. */
	double flip_rate;
	/* Every lesion sensitivity (the kinds', the patterns', the signs')
	 * times this: 0.5 makes each lesion show half as often. */
	double sensitivity_scale;
	int gross;
} bench_gen_options;
extern const bench_gen_options bench_gen_model;

/* bench_generate in a world described by opt (NULL: the model). */
int bench_generate_with(const radloc_rules *rules, const bench_gen_options *opt,
                        unsigned long count, unsigned long seed, int min_findings,
                        int max_findings, FILE *out, char (*truth)[48]);

/* The calibration tables (docs/validation.md): n exams in each world,
 * scored through the public API. */
int bench_calibration(const radloc_rules *rules, unsigned long n, FILE *out);

#endif

/* Internal: a scorer's settings and scratch space, and what one scoring
 * call leaves for the explanation step. */
#ifndef RADLOC_SCORER_IMPL_H
#define RADLOC_SCORER_IMPL_H

#include <gsl/gsl_rng.h>

#include "examined.h"
#include "model.h"
#include "result_impl.h"

/* Plausible people, drawn once per (seed, draws) and kept: each element's
 * overlap weights, each finding kind's and each sign's sensitivities, for
 * every draw d. Each row is a function of the seed and its own index
 * only, so a result never depends on what was scored before. */
typedef struct rl_bank {
	uint64_t seed;
	unsigned long draws;
	double *sens;           /* RL_FKIND_COUNT × draws */
	double **element;       /* per element row: draws × its root count */
	double **sign;          /* per sign: draws × (roots + nerves + patterns) */
	size_t rows;
} rl_bank;

struct radloc_scorer {
	const radloc_rules *rules;
	gsl_rng *rng;
	uint64_t seed;
	unsigned long draws;
	double mass;
	size_t top;
	rl_components comps;
	/* Which components can move a finding's likelihood depends only on
	 * the rules: listed once per (element, side, pain or not), each
	 * element's lists made when an exam first uses it. */
	int **touch_list;
	size_t *touch_len;
	unsigned char *touch_done;
	rl_bank bank;
};

/* The state of one scoring call (scratch, freed at its end). */
typedef struct rl_scoring {
	const radloc_rules *r;
	const radloc_exam *exam;
	rl_components *comps;
	rl_fwork *fw;           /* usable (not NT) findings */
	int *outcome;           /* their outcomes */
	size_t nf;
	double *weights;        /* nf × root_count (elements) */
	double *ssens;          /* nf × (roots + nerves + patterns) (signs) */
	double *loglik;         /* nf × comps, component-major: [c * nf + f] */
	double *comp_logpost;   /* per component: log prior + log factor + loglik */
	double *comp_post;      /* per component: posterior */
	double *hyp_post;       /* per hypothesis: posterior */
	double pattern_post[RADLOC_PATTERN_COUNT]; /* per pattern: the sum of its hypotheses' */
	double *log_factor;     /* per component: where the clinician looked */
	rl_examined examined;   /* what the exam looked at */
	const int **touch;      /* per finding: the components that can move its */
	size_t *touch_count;    /* likelihood (the rest keep the background) */
	size_t nt_count;        /* NT findings ignored */
} rl_scoring;

/* The explanation step (explain.c): evidence, next test, flags and
 * warnings, from the point-estimate posterior. */
radloc_status rl_explain(rl_scoring *s, radloc_result *res);

#endif

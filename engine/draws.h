/* Internal: the bank of plausible people (draws.c), from which the
 * credible intervals are computed. */
#ifndef RADLOC_DRAWS_H
#define RADLOC_DRAWS_H

#include <gsl/gsl_rng.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "model.h"

/* Plausible people, drawn once per (seed, draws) and kept: each element's
 * overlap weights, each finding kind's and each sign's sensitivities, for
 * every draw d. Each row is a function of the seed and its own index
 * only, so a result never depends on what was scored before. */
/* A sign's row of the bank: its sensitivities drawn only where the rule
 * gives one (a sign is made positive by a few roots, nerves and
 * patterns of the rl_sign_width columns: 50 of 1860 in the shipped
 * rules), the other columns 0 in every draw. Kept dense, every sign row
 * took draws × rl_sign_width doubles (15 MB per scorer at 1000 draws,
 * docs/performance-log.md, issue #18). */
typedef struct rl_sign_row {
	size_t count;           /* the columns with a sensitivity */
	size_t *cols;           /* their indices, increasing */
	double *vals;           /* draws × count: draw d at vals + d * count */
} rl_sign_row;

typedef struct rl_bank {
	gsl_rng *rng;
	uint64_t seed;
	unsigned long draws;
	double *sens;           /* RL_FKIND_COUNT × draws */
	double **element;       /* per element row: draws × its root count */
	rl_sign_row *sign;      /* per sign row (vals NULL: not drawn yet) */
	size_t rows;            /* rl_element_rows */
	unsigned char sens_drawn[RL_FKIND_COUNT]; /* per kind: its row of sens */
} rl_bank;

/* An empty bank with its generator (RADLOC_ERR_NOMEM without one), and
 * its end; rl_bank_free accepts a bank that was zeroed or half made. */
radloc_status rl_bank_init(rl_bank *b);
void rl_bank_free(rl_bank *b);

/* Make the bank fit a seed and a number of draws: every kind's
 * sensitivity now (those a plan did not draw), elements and signs when
 * first asked for. */
radloc_status rl_bank_ready(rl_bank *b, const radloc_rules *r, uint64_t seed,
                            unsigned long draws);

/* The overlap weights of the element at row (rl_element_row) for every
 * draw: draws × el->root_count, in the order of el->roots. NULL if out of
 * memory. */
const double *rl_bank_element(rl_bank *b, const rl_element *el, size_t row);

/* A sign's sensitivities for every draw, each from its Beta around the
 * rule's value (rl_sign_row). fw is the sign's finding, its ssens used
 * as scratch. NULL if out of memory. */
const rl_sign_row *rl_bank_sign(rl_bank *b, const radloc_rules *r, rl_fwork *fw,
                                size_t row);

/* The rows of the bank an exam's findings will ask for and that are not
 * drawn yet (the kinds' sensitivities, each element's or sign's row
 * once), for several threads to draw at once: each takes the next row
 * and draws it with its own generator from the row's own seed, so the
 * bank is the same whoever draws what (score.c, while the point estimate
 * is made). Nothing else may use the bank until they are through. A row
 * that could not be made (out of memory) is made when first asked for,
 * or reported then. */
typedef struct rl_bank_item {
	const rl_finding *f;    /* NULL: the sensitivities of kind `row` */
	size_t row;             /* rl_element_row */
} rl_bank_item;

typedef struct rl_bank_plan {
	rl_bank *bank;
	const radloc_rules *r;
	rl_bank_item *items;
	size_t count;
	atomic_size_t next;     /* the next item to take */
} rl_bank_plan;

/* The bank made to fit (seed, draws) and the plan of its missing rows. */
radloc_status rl_bank_plan_make(rl_bank_plan *p, rl_bank *b, const radloc_rules *r,
                                const radloc_exam *exam, uint64_t seed, unsigned long draws);
/* Draw rows of the plan with rng until none is left; any thread, with
 * its own generator. */
void rl_bank_plan_run(rl_bank_plan *p, gsl_rng *rng);
void rl_bank_plan_free(rl_bank_plan *p);

/* Draw d of a sign's sensitivities into ssens (rl_sign_width of them). */
static inline void rl_sign_row_draw(const rl_sign_row *s, size_t d, double *ssens,
                                    size_t width)
{
	const double *v = s->vals + d * s->count;
	memset(ssens, 0, width * sizeof *ssens);
	for (size_t i = 0; i < s->count; i++)
		ssens[s->cols[i]] = v[i];
}

#endif

/* Internal: the likelihood model shared by scoring, explanation and the
 * next-test search. docs/scoring.md gives the equations. */
#ifndef RADLOC_MODEL_H
#define RADLOC_MODEL_H

#include "exam_impl.h"
#include "rules_impl.h"

/* One set of model parameters: the mean of their distributions, or one
 * draw from them (a plausible person). */
typedef struct rl_params {
	double sens[RL_FKIND_COUNT];   /* sensitivity of each finding kind */
} rl_params;

/* A finding being scored, with the parameters that belong to it. */
typedef struct rl_fwork {
	const rl_finding *f;
	const rl_element *el;   /* NULL for signs */
	const rl_sign *sg;      /* NULL for elements */
	double *w;              /* element: root weights, dense over roots */
	double *ssens;          /* sign: sensitivity over roots|nerves|patterns */
} rl_fwork;

/* Components: the hypotheses, with polyneuropathy split into its extents
 * and each focal lesion (root, roots, nerve) into its severities; a
 * hypothesis's likelihood is the mixture over its components. */
typedef struct rl_components {
	size_t count;
	int *hyp;       /* component → hypothesis */
	int *extent;    /* component → polyneuropathy extent, or -1 */
	double *scale;  /* component → severity scale of a focal lesion (else 1) */
	double *log_prior; /* log prior, extents sharing their hypothesis's */
} rl_components;

/* How much of a finding on finding_side a one-sided (or bilateral) lesion
 * reaches: 1 on its side, 0 on the other, midline_unilateral at the
 * midline. */
double rl_side_reach(const radloc_rules *r, radloc_side hyp_side,
                     radloc_side finding_side);

/* P(the finding as observed | component), under params. Never below
 * RL_MIN_PROB, so its log is finite. */
#define RL_MIN_PROB 1e-300
double rl_likelihood(const radloc_rules *r, const rl_params *p,
                     const rl_fwork *fw, const rl_components *comps,
                     size_t comp, int outcome);

/* P(each outcome | component) in out[0..rl_outcome_count(kind)-1]: one
 * lesion computation for all outcomes (the next-test search needs them
 * all). */
void rl_outcome_probs(const radloc_rules *r, const rl_params *p,
                      const rl_fwork *fw, const rl_components *comps,
                      size_t comp, double *out);

/* The same with no lesion touching the finding (the background). */
double rl_background(const radloc_rules *r, const rl_fwork *fw, int outcome);

/* Whether a component can change the finding's likelihood at all (the
 * structure, not the values): the scorer skips the others. */
int rl_touches(const radloc_rules *r, const rl_fwork *fw,
               const rl_components *comps, size_t comp);

/* Fill fw->w (dense root weights) with the rule means, and fw->ssens
 * with the sign's sensitivities; buffers must be allocated by the caller
 * (root_count, and root_count + nerve_count + RADLOC_PATTERN_COUNT). */
void rl_mean_weights(const radloc_rules *r, rl_fwork *fw);
void rl_mean_params(const radloc_rules *r, rl_params *p);

/* Per-element tables (what was examined, which components touch a
 * finding, the bank of draws) have one row per element: the regions,
 * movements and reflexes, then the signs. */
size_t rl_element_rows(const radloc_rules *r);
size_t rl_element_row(const radloc_rules *r, radloc_kind table, int element);

/* log(sum(exp(x))) shifted by the maximum; GSL's exp is called only on
 * arguments it cannot underflow on. Returns GSL status. */
int rl_logsumexp(const double *x, size_t n, double *out);

#endif

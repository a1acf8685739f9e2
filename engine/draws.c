/* The bank of plausible people: for each draw, every finding kind's
 * sensitivity (Beta), each element's overlap weights (Dirichlet) and
 * each sign's sensitivities (Beta), made once per (seed, draws) and kept.
 * docs/scoring.md, "Credible intervals". */
#include <gsl/gsl_randist.h>
#include <stdlib.h>
#include <string.h>

#include "draws.h"
#include "exam_impl.h"
#include "radloc_limits.h"

/* Beta with mean m and concentration k; the mean itself at the edges,
 * where the Beta is degenerate. */
static double draw_beta(gsl_rng *rng, double m, double k)
{
	if (m <= 0.0 || m >= 1.0 || k <= 0.0)
		return m;
	return gsl_ran_beta(rng, m * k, (1.0 - m) * k);
}

/* A seed for one row of the bank from the scorer's seed and the row's
 * identity (splitmix64): rows are independent and reproducible. */
static unsigned long row_seed(uint64_t seed, uint64_t tag, uint64_t index)
{
	uint64_t z = seed + 0x9E3779B97F4A7C15ull * (tag * 65536u + index + 1u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return (unsigned long)(z ^ (z >> 31));
}

/* Drop every draw, keeping the generator. */
static void bank_clear(rl_bank *b)
{
	gsl_rng *rng = b->rng;
	for (size_t i = 0; i < b->rows; i++) {
		if (b->element)
			free(b->element[i]);
		if (b->sign) {
			free(b->sign[i].cols);
			free(b->sign[i].vals);
		}
	}
	free(b->element);
	free(b->sign);
	free(b->sens);
	memset(b, 0, sizeof *b);
	b->rng = rng;
}

radloc_status rl_bank_init(rl_bank *b)
{
	memset(b, 0, sizeof *b);
	/* gsl_rng_alloc reports failure through GSL's handler; it is only
	 * called here, and a NULL is handled. */
	b->rng = gsl_rng_alloc(gsl_rng_mt19937);
	return b->rng ? RADLOC_OK : RADLOC_ERR_NOMEM;
}

void rl_bank_free(rl_bank *b)
{
	bank_clear(b);
	if (b->rng)
		gsl_rng_free(b->rng);
	b->rng = NULL;
}

radloc_status rl_bank_ready(rl_bank *b, const radloc_rules *r, uint64_t seed,
                            unsigned long draws)
{
	if (b->sens && b->seed == seed && b->draws == draws)
		return RADLOC_OK;
	bank_clear(b);
	b->seed = seed;
	b->draws = draws;
	b->rows = rl_element_rows(r);
	b->sens = malloc(RL_FKIND_COUNT * draws * sizeof *b->sens);
	b->element = calloc(b->rows, sizeof *b->element);
	b->sign = calloc(b->rows, sizeof *b->sign);
	if (!b->sens || !b->element || !b->sign) {
		bank_clear(b);
		return RADLOC_ERR_NOMEM;
	}
	for (int k = 0; k < RL_FKIND_COUNT; k++) {
		gsl_rng_set(b->rng, row_seed(seed, 1, (uint64_t)k));
		for (unsigned long d = 0; d < draws; d++)
			b->sens[(size_t)k * draws + d] =
				draw_beta(b->rng, r->findings[k].sensitivity, r->findings[k].concentration);
	}
	return RADLOC_OK;
}

/* A weight of 0 stays 0: the Dirichlet needs positive parameters. */
const double *rl_bank_element(rl_bank *b, const rl_element *el, size_t row)
{
	if (b->element[row])
		return b->element[row];
	size_t k = el->root_count;
	double *v = calloc(b->draws * k + 1, sizeof *v);
	double alpha[RADLOC_MAX_SUPPLY], theta[RADLOC_MAX_SUPPLY];
	size_t pos[RADLOC_MAX_SUPPLY], m = 0;
	if (v == NULL)
		return NULL;
	for (size_t j = 0; j < k; j++)
		if (el->roots[j].weight > 0.0) {
			alpha[m] = el->concentration * el->roots[j].weight;
			pos[m++] = j;
		}
	gsl_rng_set(b->rng, row_seed(b->seed, 2, row));
	for (unsigned long d = 0; d < b->draws; d++) {
		if (m > 1)
			gsl_ran_dirichlet(b->rng, m, alpha, theta);
		else
			theta[0] = 1.0;
		for (size_t j = 0; j < m; j++)
			v[d * k + pos[j]] = theta[j];
	}
	b->element[row] = v;
	return v;
}

const rl_sign_row *rl_bank_sign(rl_bank *b, const radloc_rules *r, rl_fwork *fw,
                                size_t row)
{
	size_t width = rl_sign_width(r), n = 0;
	rl_sign_row *s = &b->sign[row];
	if (s->vals)
		return s;
	rl_mean_weights(r, fw);
	for (size_t i = 0; i < width; i++)
		n += fw->ssens[i] > 0.0;
	s->cols = malloc((n + 1) * sizeof *s->cols);
	s->vals = malloc((b->draws * n + 1) * sizeof *s->vals);
	if (s->cols == NULL || s->vals == NULL) {
		free(s->cols);
		free(s->vals);
		*s = (rl_sign_row){0};
		return NULL;
	}
	s->count = 0;
	for (size_t i = 0; i < width; i++)
		if (fw->ssens[i] > 0.0)
			s->cols[s->count++] = i;
	double concentration = r->findings[RL_SIGNKIND].concentration;
	/* The generator is read in the order of the dense row (each draw,
	 * each column with a sensitivity), so the draws are the same. */
	gsl_rng_set(b->rng, row_seed(b->seed, 3, row));
	for (unsigned long d = 0; d < b->draws; d++)
		for (size_t j = 0; j < n; j++)
			s->vals[d * n + j] = draw_beta(b->rng, fw->ssens[s->cols[j]], concentration);
	return s;
}

void rl_bank_prefill(rl_bank *b, const radloc_rules *r, const radloc_exam *exam,
                     uint64_t seed, unsigned long draws)
{
	if (rl_bank_ready(b, r, seed, draws) != RADLOC_OK)
		return;
	double *scratch = malloc((rl_sign_width(r) + r->root_count + 1) * sizeof *scratch);
	if (scratch == NULL)
		return;
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *x = &exam->findings[i];
		if (x->nt)
			continue;
		rl_fwork fw;
		rl_fwork_bind(r, &fw, x, scratch);
		size_t row = rl_element_row(r, x->table, x->element);
		if (fw.el)
			rl_bank_element(b, fw.el, row);
		else
			rl_bank_sign(b, r, &fw, row);
	}
	free(scratch);
}

/* The bank of plausible people: for each draw, every finding kind's
 * sensitivity (Beta), each element's overlap weights (Dirichlet) and
 * each sign's sensitivities (Beta), made once per (seed, draws) and kept.
 * docs/scoring.md, "Credible intervals". */
#include <gsl/gsl_randist.h>
#include <stdatomic.h>
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

/* Make the bank fit (seed, draws), nothing drawn yet if it did not. */
static radloc_status reserve(rl_bank *b, const radloc_rules *r, uint64_t seed,
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
	return RADLOC_OK;
}

/* Kind k's sensitivity in every draw, from its own row seed. */
static void draw_sens(rl_bank *b, const radloc_rules *r, int k, gsl_rng *rng)
{
	gsl_rng_set(rng, row_seed(b->seed, 1, (uint64_t)k));
	for (unsigned long d = 0; d < b->draws; d++)
		b->sens[(size_t)k * b->draws + d] =
			draw_beta(rng, r->findings[k].sensitivity, r->findings[k].concentration);
	b->sens_drawn[k] = 1;
}

radloc_status rl_bank_ready(rl_bank *b, const radloc_rules *r, uint64_t seed,
                            unsigned long draws)
{
	radloc_status status = reserve(b, r, seed, draws);
	if (status != RADLOC_OK)
		return status;
	for (int k = 0; k < RL_FKIND_COUNT; k++)
		if (!b->sens_drawn[k])
			draw_sens(b, r, k, b->rng);
	return RADLOC_OK;
}

/* A weight of 0 stays 0: the Dirichlet needs positive parameters. */
static const double *draw_element(rl_bank *b, const rl_element *el, size_t row,
                                  gsl_rng *rng)
{
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
	gsl_rng_set(rng, row_seed(b->seed, 2, row));
	for (unsigned long d = 0; d < b->draws; d++) {
		if (m > 1)
			gsl_ran_dirichlet(rng, m, alpha, theta);
		else
			theta[0] = 1.0;
		for (size_t j = 0; j < m; j++)
			v[d * k + pos[j]] = theta[j];
	}
	b->element[row] = v;
	return v;
}

const double *rl_bank_element(rl_bank *b, const rl_element *el, size_t row)
{
	return b->element[row] ? b->element[row] : draw_element(b, el, row, b->rng);
}

static const rl_sign_row *draw_sign(rl_bank *b, const radloc_rules *r, rl_fwork *fw,
                                    size_t row, gsl_rng *rng)
{
	size_t width = rl_sign_width(r), n = 0;
	rl_sign_row *s = &b->sign[row];
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
	gsl_rng_set(rng, row_seed(b->seed, 3, row));
	for (unsigned long d = 0; d < b->draws; d++)
		for (size_t j = 0; j < n; j++)
			s->vals[d * n + j] = draw_beta(rng, fw->ssens[s->cols[j]], concentration);
	return s;
}

const rl_sign_row *rl_bank_sign(rl_bank *b, const radloc_rules *r, rl_fwork *fw,
                                size_t row)
{
	return b->sign[row].vals ? &b->sign[row] : draw_sign(b, r, fw, row, b->rng);
}

radloc_status rl_bank_plan_make(rl_bank_plan *p, rl_bank *b, const radloc_rules *r,
                                const radloc_exam *exam, uint64_t seed, unsigned long draws)
{
	memset(p, 0, sizeof *p);
	radloc_status status = reserve(b, r, seed, draws);
	if (status != RADLOC_OK)
		return status;
	p->bank = b;
	p->r = r;
	p->items = malloc((RL_FKIND_COUNT + exam->count + 1) * sizeof *p->items);
	unsigned char *planned = calloc(b->rows + 1, 1);
	if (p->items == NULL || planned == NULL) {
		free(planned);
		rl_bank_plan_free(p);
		return RADLOC_ERR_NOMEM;
	}
	for (int k = 0; k < RL_FKIND_COUNT; k++)
		if (!b->sens_drawn[k])
			p->items[p->count++] = (rl_bank_item){NULL, (size_t)k};
	/* Each row once, and only if not drawn for an earlier exam. */
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *x = &exam->findings[i];
		size_t row = rl_element_row(r, x->table, x->element);
		if (x->nt || planned[row] || b->element[row] || b->sign[row].vals)
			continue;
		planned[row] = 1;
		p->items[p->count++] = (rl_bank_item){x, row};
	}
	free(planned);
	atomic_init(&p->next, 0);
	return RADLOC_OK;
}

void rl_bank_plan_run(rl_bank_plan *p, gsl_rng *rng)
{
	const radloc_rules *r = p->r;
	double *scratch = NULL;
	for (;;) {
		size_t i = atomic_fetch_add_explicit(&p->next, 1, memory_order_relaxed);
		if (i >= p->count)
			break;
		const rl_bank_item *it = &p->items[i];
		if (it->f == NULL) {
			draw_sens(p->bank, r, (int)it->row, rng);
			continue;
		}
		/* A row that cannot be made now (out of memory) is made, or
		 * reported, when the draws first ask for it. */
		if (scratch == NULL &&
		    (scratch = malloc((rl_sign_width(r) + r->root_count + 1) * sizeof *scratch)) == NULL)
			continue;
		rl_fwork fw;
		rl_fwork_bind(r, &fw, it->f, scratch);
		if (fw.el)
			draw_element(p->bank, fw.el, it->row, rng);
		else
			draw_sign(p->bank, r, &fw, it->row, rng);
	}
	free(scratch);
}

void rl_bank_plan_free(rl_bank_plan *p)
{
	free(p->items);
	p->items = NULL;
	p->count = 0;
}

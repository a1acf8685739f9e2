/* Scoring an exam: posterior over the hypotheses, and credible intervals
 * from draws of the uncertain weights.
 *
 *   log P(H | exam) = log P(H) + log U(H) + sum_f log P(f | H) - log Z
 *
 * P(H) the prior from the rules, U(H) the term for where the clinician
 * looked, Z by a
 * max-shifted log-sum-exp. The reported probability uses the mean of every
 * weight; each draw replaces the weights by a plausible person's
 * (Dirichlet for overlap weights, Beta for sensitivities) and the interval
 * is the central mass of the per-draw posteriors. docs/scoring.md. */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_randist.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "radloc_limits.h"
#include "scorer_impl.h"

/* ---- the scorer ------------------------------------------------------------ */

static radloc_status build_components(const radloc_rules *r, rl_components *c)
{
	const rl_patterns *P = &r->patterns;
	size_t focal = 0, n = 0;
	for (size_t h = 0; h < r->hyp_count; h++)
		focal += r->hyps[h].pattern <= RADLOC_MULTIRADICULOPATHY ||
		         r->hyps[h].pattern == RADLOC_MONONEUROPATHY;
	c->count = r->hyp_count + focal * (P->severity_count - 1) + P->extent_count - 1;
	c->hyp = calloc(c->count, sizeof *c->hyp);
	c->extent = calloc(c->count, sizeof *c->extent);
	c->scale = calloc(c->count, sizeof *c->scale);
	c->log_prior = calloc(c->count, sizeof *c->log_prior);
	if (!c->hyp || !c->extent || !c->scale || !c->log_prior)
		return RADLOC_ERR_NOMEM;
	for (size_t h = 0; h < r->hyp_count; h++) {
		const rl_hypothesis *hyp = &r->hyps[h];
		double lp = hyp->prior > 0.0 ? log(hyp->prior) : -INFINITY;
		int is_focal = hyp->pattern <= RADLOC_MULTIRADICULOPATHY ||
		               hyp->pattern == RADLOC_MONONEUROPATHY;
		/* Extents and severities are equally likely a priori. */
		size_t parts = hyp->pattern == RADLOC_POLYNEUROPATHY ? P->extent_count
		             : is_focal ? P->severity_count : 1;
		for (size_t x = 0; x < parts; x++) {
			c->hyp[n] = (int)h;
			c->extent[n] = hyp->pattern == RADLOC_POLYNEUROPATHY ? (int)x : -1;
			c->scale[n] = is_focal ? P->severity[x] : 1.0;
			c->log_prior[n++] = lp - log((double)parts);
		}
	}
	return RADLOC_OK;
}

static void free_components(rl_components *c)
{
	free(c->hyp);
	free(c->extent);
	free(c->scale);
	free(c->log_prior);
	memset(c, 0, sizeof *c);
}

/* Rows of the per-element tables: regions, movements, reflexes, signs. */
static size_t element_rows(const radloc_rules *r)
{
	size_t rows = r->sign_count;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		rows += r->element_count[k];
	return rows;
}

static size_t touch_slot(size_t row, radloc_side side, int pain)
{
	return row * 6 + (size_t)side * 2 + (size_t)pain;
}

/* The touch lists of one element (all sides, pain or not). */
static radloc_status touch_row(radloc_scorer *s, radloc_kind t, int e, size_t row)
{
	const radloc_rules *r = s->rules;
	size_t nc = s->comps.count;
	size_t sign_width = r->root_count + r->nerve_count + RADLOC_PATTERN_COUNT;

	if (s->touch_done[row])
		return RADLOC_OK;
	double *w = malloc((r->root_count + sign_width) * sizeof *w);
	if (w == NULL)
		return RADLOC_ERR_NOMEM;
	for (int side = RADLOC_MIDLINE; side <= RADLOC_RIGHT; side++)
		for (int pain = 0; pain < 2; pain++) {
			size_t slot = touch_slot(row, (radloc_side)side, pain);
			rl_finding f;
			memset(&f, 0, sizeof f);
			f.fkind = pain ? RL_PAIN : t == RADLOC_REGION ? RL_SENSORY
			        : t == RADLOC_MOVEMENT ? RL_MOTOR
			        : t == RADLOC_REFLEX ? RL_REFLEX : RL_SIGNKIND;
			f.table = t;
			f.element = e;
			f.side = (radloc_side)side;
			rl_fwork fw = {&f, NULL, NULL, NULL, NULL};
			if (t == RADLOC_SIGN) {
				fw.sg = &r->signs[e];
				fw.ssens = w;
			} else {
				fw.el = &r->elements[t - RADLOC_REGION][e];
				fw.w = w;
			}
			rl_mean_weights(r, &fw);
			s->touch_list[slot] = malloc((nc + 1) * sizeof(int));
			if (s->touch_list[slot] == NULL) {
				free(w);
				return RADLOC_ERR_NOMEM;
			}
			size_t n = 0;
			for (size_t c = 0; c < nc; c++)
				if (rl_touches(r, &fw, &s->comps, c))
					s->touch_list[slot][n++] = (int)c;
			s->touch_len[slot] = n;
		}
	free(w);
	s->touch_done[row] = 1;
	return RADLOC_OK;
}

static radloc_status build_touch_table(radloc_scorer *s)
{
	size_t rows = element_rows(s->rules);
	s->touch_list = calloc(rows * 6 + 1, sizeof *s->touch_list);
	s->touch_len = calloc(rows * 6 + 1, sizeof *s->touch_len);
	s->touch_done = calloc(rows + 1, 1);
	return s->touch_list && s->touch_len && s->touch_done ? RADLOC_OK : RADLOC_ERR_NOMEM;
}

static void bank_clear(rl_bank *b);

radloc_scorer *radloc_scorer_new(const radloc_rules *rules)
{
	if (rules == NULL)
		return NULL;
	radloc_scorer *s = calloc(1, sizeof *s);
	if (s == NULL)
		return NULL;
	s->rules = rules;
	s->seed = 1;
	s->draws = 1000;
	s->mass = 0.90;
	/* gsl_rng_alloc reports failure through GSL's handler; it is only
	 * called here, and a NULL is handled. */
	s->rng = gsl_rng_alloc(gsl_rng_mt19937);
	if (s->rng == NULL || build_components(rules, &s->comps) != RADLOC_OK ||
	    build_touch_table(s) != RADLOC_OK) {
		radloc_scorer_free(&s);
		return NULL;
	}
	return s;
}

void radloc_scorer_free(radloc_scorer **scorer)
{
	if (scorer == NULL || *scorer == NULL)
		return;
	if ((*scorer)->rng)
		gsl_rng_free((*scorer)->rng);
	free_components(&(*scorer)->comps);
	bank_clear(&(*scorer)->bank);
	if ((*scorer)->touch_list)
		for (size_t i = 0; i < element_rows((*scorer)->rules) * 6; i++)
			free((*scorer)->touch_list[i]);
	free((*scorer)->touch_list);
	free((*scorer)->touch_len);
	free((*scorer)->touch_done);
	free(*scorer);
	*scorer = NULL;
}

radloc_status radloc_scorer_set_seed(radloc_scorer *s, uint64_t seed)
{
	if (s == NULL)
		return RADLOC_ERR_ARGUMENT;
	s->seed = seed;
	return RADLOC_OK;
}

radloc_status radloc_scorer_set_draws(radloc_scorer *s, unsigned long draws)
{
	if (s == NULL || draws > RADLOC_MAX_DRAWS)
		return RADLOC_ERR_ARGUMENT;
	s->draws = draws;
	return RADLOC_OK;
}

radloc_status radloc_scorer_set_interval(radloc_scorer *s, double mass)
{
	if (s == NULL || !(mass > 0.0 && mass < 1.0))
		return RADLOC_ERR_ARGUMENT;
	s->mass = mass;
	return RADLOC_OK;
}

radloc_status radloc_scorer_set_top(radloc_scorer *s, size_t n)
{
	if (s == NULL)
		return RADLOC_ERR_ARGUMENT;
	s->top = n;
	return RADLOC_OK;
}

/* ---- one scoring call ---------------------------------------------------------- */

static void scoring_free(rl_scoring *s)
{
	free(s->fw);
	free(s->outcome);
	free(s->weights);
	free(s->ssens);
	free(s->loglik);
	free(s->comp_logpost);
	free(s->comp_post);
	free(s->hyp_post);
	free(s->log_factor);
	free(s->touch);
	free(s->touch_count);
	free(s->seen);
}

/* Row of a (table, element) in the lookup of what was examined. */
static size_t seen_index(const radloc_rules *r, radloc_kind table, int element)
{
	size_t at = 0;
	for (int t = RADLOC_REGION; t < (int)table; t++)
		at += t == RADLOC_SIGN ? r->sign_count : r->element_count[t - RADLOC_REGION];
	return at + (size_t)element;
}

/* Any finding counts as looking, including NT and pain. */
static radloc_status build_seen(rl_scoring *s)
{
	const radloc_rules *r = s->r;
	size_t rows = r->sign_count;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		rows += r->element_count[k];
	s->seen = calloc(rows * 4 + 1, 1);
	if (s->seen == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t i = 0; i < s->exam->count; i++) {
		const rl_finding *f = &s->exam->findings[i];
		size_t row = seen_index(r, f->table, f->element);
		s->seen[row * 4 + (size_t)f->side] = 1;
		s->seen[row * 4 + RADLOC_MIDLINE] = 1; /* the element, any side */
	}
	return RADLOC_OK;
}

int rl_looked_at(const rl_scoring *s, radloc_kind table, int element,
                 radloc_side side)
{
	return s->seen[seen_index(s->r, table, element) * 4 + (size_t)side];
}

/* Where the clinician looked is evidence (docs/scoring.md, "Territory
 * nobody examined"). A lesion's patient has symptoms in its territory and
 * is examined there: each limb-side of the territory where none of the
 * lesion's key elements was looked at costs a factor U. A patient with no
 * lesion was referred with the same spread of symptoms as everyone else, so
 * "normal" gets the prior-weighted average of the lesions' factors. */
static radloc_status selection(rl_scoring *s)
{
	const radloc_rules *r = s->r;
	double log_u = log(r->unexamined_limb > 0.0 ? r->unexamined_limb : RL_MIN_PROB);
	double *hyp_factor = calloc(r->hyp_count, sizeof *hyp_factor);
	double mix = 0.0, mass = 0.0;
	size_t normal = r->hyp_count;

	if (hyp_factor == NULL || build_seen(s) != RADLOC_OK) {
		free(hyp_factor);
		return RADLOC_ERR_NOMEM;
	}
	for (size_t h = 0; h < r->hyp_count; h++) {
		const rl_hypothesis *hyp = &r->hyps[h];
		if (hyp->pattern == RADLOC_NORMAL) {
			normal = h;
			continue;
		}
		int midline_seen = 0, missing = 0;
		unsigned covered = 0;
		for (size_t i = 0; i < hyp->key_count; i++) {
			const rl_key *k = &hyp->keys[i];
			if (!rl_looked_at(s, k->table, k->element, k->side))
				continue;
			if (k->side == RADLOC_MIDLINE)
				midline_seen = 1;
			else
				covered |= RL_LIMBSIDE(k->table == RADLOC_SIGN
				                       ? r->signs[k->element].limb
				                       : r->elements[k->table - RADLOC_REGION][k->element].limb,
				                       k->side);
		}
		if (!midline_seen)
			for (unsigned bits = hyp->limbs & ~covered; bits; bits &= bits - 1)
				missing++;
		hyp_factor[h] = missing * log_u;
		mix += hyp->prior * exp(hyp_factor[h]);
		mass += hyp->prior;
	}
	if (normal < r->hyp_count && mass > 0.0)
		hyp_factor[normal] = log(mix / mass);
	for (size_t c = 0; c < s->comps->count; c++)
		s->log_factor[c] = hyp_factor[s->comps->hyp[c]];
	free(hyp_factor);
	return RADLOC_OK;
}

static radloc_status prepare(rl_scoring *s)
{
	const radloc_rules *r = s->r;
	const radloc_exam *exam = s->exam;
	size_t nc = s->comps->count;
	size_t sign_width = r->root_count + r->nerve_count + RADLOC_PATTERN_COUNT;

	/* NT counted per finding as written, not per side. */
	size_t nt_groups = 0;
	for (size_t i = 0; i < exam->count; i++)
		if (exam->findings[i].nt &&
		    (i == 0 || exam->findings[i - 1].group != exam->findings[i].group))
			nt_groups++;
	s->nt_count = nt_groups;

	s->nf = 0;
	for (size_t i = 0; i < exam->count; i++)
		s->nf += !exam->findings[i].nt;
	if (s->nf == 0)
		return RADLOC_ERR_EMPTY;
	s->fw = calloc(s->nf, sizeof *s->fw);
	s->outcome = calloc(s->nf, sizeof *s->outcome);
	s->weights = calloc(s->nf * r->root_count, sizeof *s->weights);
	s->ssens = calloc(s->nf * sign_width, sizeof *s->ssens);
	s->loglik = calloc(s->nf * nc, sizeof *s->loglik);
	s->comp_logpost = calloc(nc, sizeof *s->comp_logpost);
	s->comp_post = calloc(nc, sizeof *s->comp_post);
	s->hyp_post = calloc(r->hyp_count, sizeof *s->hyp_post);
	s->log_factor = calloc(nc, sizeof *s->log_factor);
	if (!s->fw || !s->outcome || !s->weights || !s->ssens || !s->loglik ||
	    !s->comp_logpost || !s->comp_post || !s->hyp_post || !s->log_factor)
		return RADLOC_ERR_NOMEM;
	size_t k = 0;
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *f = &exam->findings[i];
		if (f->nt)
			continue;
		rl_fwork *fw = &s->fw[k];
		fw->f = f;
		if (f->table == RADLOC_SIGN) {
			fw->sg = &r->signs[f->element];
			fw->ssens = s->ssens + k * sign_width;
		} else {
			fw->el = &r->elements[f->table - RADLOC_REGION][f->element];
			fw->w = s->weights + k * r->root_count;
		}
		s->outcome[k] = f->outcome;
		k++;
	}
	return selection(s);
}

/* Posterior over components and hypotheses from per-component log
 * likelihoods. Returns a GSL status. */
static int posterior(rl_scoring *s, const double *loglik_sum)
{
	size_t nc = s->comps->count;
	double z;
	int status;

	for (size_t c = 0; c < nc; c++)
		s->comp_logpost[c] = s->comps->log_prior[c] + s->log_factor[c] +
		                     loglik_sum[c];
	if ((status = rl_logsumexp(s->comp_logpost, nc, &z)) != GSL_SUCCESS)
		return status;
	memset(s->hyp_post, 0, s->r->hyp_count * sizeof *s->hyp_post);
	for (size_t c = 0; c < nc; c++) {
		double d = s->comp_logpost[c] - z;
		s->comp_post[c] = d < -700.0 ? 0.0 : exp(d);
		s->hyp_post[s->comps->hyp[c]] += s->comp_post[c];
	}
	return GSL_SUCCESS;
}

/* Each finding's list of the components that can move it, from the
 * scorer's table. */
static radloc_status find_touches(rl_scoring *s, radloc_scorer *sc)
{
	s->touch = calloc(s->nf + 1, sizeof *s->touch);
	s->touch_count = calloc(s->nf + 1, sizeof *s->touch_count);
	if (!s->touch || !s->touch_count)
		return RADLOC_ERR_NOMEM;
	for (size_t f = 0; f < s->nf; f++) {
		const rl_finding *x = s->fw[f].f;
		size_t row = seen_index(s->r, x->table, x->element);
		size_t slot = touch_slot(row, x->side, x->fkind == RL_PAIN);
		radloc_status st = touch_row(sc, x->table, x->element, row);
		if (st != RADLOC_OK)
			return st;
		s->touch[f] = sc->touch_list[slot];
		s->touch_count[f] = sc->touch_len[slot];
	}
	return RADLOC_OK;
}

/* The point estimate: every parameter at its mean. The dense matrix of
 * log likelihoods (components × findings) is kept for the explanation;
 * its row sums come from BLAS. */
static radloc_status point_estimate(rl_scoring *s, radloc_scorer *sc)
{
	const radloc_rules *r = s->r;
	size_t nc = s->comps->count, nf = s->nf;
	rl_params p;
	double *ones = malloc(nf * sizeof *ones);
	double *sum = malloc(nc * sizeof *sum);
	radloc_status status = RADLOC_OK;

	if (ones == NULL || sum == NULL) {
		free(ones);
		free(sum);
		return RADLOC_ERR_NOMEM;
	}
	rl_mean_params(r, &p);
	for (size_t f = 0; f < nf; f++) {
		rl_mean_weights(r, &s->fw[f]);
		ones[f] = 1.0;
	}
	if ((status = find_touches(s, sc)) != RADLOC_OK) {
		free(ones);
		free(sum);
		return status;
	}
	for (size_t f = 0; f < nf; f++) {
		double l0 = log(rl_background(r, &s->fw[f], s->outcome[f]));
		for (size_t c = 0; c < nc; c++)
			s->loglik[c * nf + f] = l0;
		for (size_t i = 0; i < s->touch_count[f]; i++) {
			size_t c = (size_t)s->touch[f][i];
			s->loglik[c * nf + f] =
				log(rl_likelihood(r, &p, &s->fw[f], s->comps, c, s->outcome[f]));
		}
	}
	gsl_matrix_view M = gsl_matrix_view_array(s->loglik, nc, nf);
	gsl_vector_view one = gsl_vector_view_array(ones, nf);
	gsl_vector_view out = gsl_vector_view_array(sum, nc);
	if (gsl_blas_dgemv(CblasNoTrans, 1.0, &M.matrix, &one.vector, 0.0,
	                   &out.vector) != GSL_SUCCESS ||
	    posterior(s, sum) != GSL_SUCCESS)
		status = RADLOC_ERR_NUMERIC;
	free(ones);
	free(sum);
	return status;
}

/* ---- draws ------------------------------------------------------------------------ */

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

static void bank_clear(rl_bank *b)
{
	for (size_t i = 0; i < b->rows; i++) {
		if (b->element)
			free(b->element[i]);
		if (b->sign)
			free(b->sign[i]);
	}
	free(b->element);
	free(b->sign);
	free(b->sens);
	memset(b, 0, sizeof *b);
}

/* Make the bank fit the scorer's seed and draws (kinds now, elements and
 * signs when first used). */
static radloc_status bank_ready(radloc_scorer *sc)
{
	const radloc_rules *r = sc->rules;
	rl_bank *b = &sc->bank;
	if (b->sens && b->seed == sc->seed && b->draws == sc->draws)
		return RADLOC_OK;
	bank_clear(b);
	b->seed = sc->seed;
	b->draws = sc->draws;
	b->rows = element_rows(r);
	b->sens = malloc(RL_FKIND_COUNT * sc->draws * sizeof *b->sens);
	b->element = calloc(b->rows, sizeof *b->element);
	b->sign = calloc(b->rows, sizeof *b->sign);
	if (!b->sens || !b->element || !b->sign) {
		bank_clear(b);
		return RADLOC_ERR_NOMEM;
	}
	for (int k = 0; k < RL_FKIND_COUNT; k++) {
		gsl_rng_set(sc->rng, row_seed(sc->seed, 1, (uint64_t)k));
		for (unsigned long d = 0; d < sc->draws; d++)
			b->sens[(size_t)k * sc->draws + d] =
				draw_beta(sc->rng, r->findings[k].sensitivity, r->findings[k].concentration);
	}
	return RADLOC_OK;
}

/* Overlap weights of one element for every draw: Dirichlet over its
 * roots (a weight of 0 stays 0: the Dirichlet needs positive parameters). */
static const double *bank_element(radloc_scorer *sc, const rl_element *el, size_t row)
{
	rl_bank *b = &sc->bank;
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
	gsl_rng_set(sc->rng, row_seed(b->seed, 2, row));
	for (unsigned long d = 0; d < b->draws; d++) {
		if (m > 1)
			gsl_ran_dirichlet(sc->rng, m, alpha, theta);
		else
			theta[0] = 1.0;
		for (size_t j = 0; j < m; j++)
			v[d * k + pos[j]] = theta[j];
	}
	b->element[row] = v;
	return v;
}

/* A sign's sensitivities for every draw: each from its Beta. */
static const double *bank_sign(radloc_scorer *sc, rl_fwork *fw, size_t row)
{
	const radloc_rules *r = sc->rules;
	rl_bank *b = &sc->bank;
	size_t width = r->root_count + r->nerve_count + RADLOC_PATTERN_COUNT;
	if (b->sign[row])
		return b->sign[row];
	double *v = malloc(b->draws * width * sizeof *v);
	if (v == NULL)
		return NULL;
	double kappa = r->findings[RL_SIGNKIND].concentration;
	rl_mean_weights(r, fw);
	gsl_rng_set(sc->rng, row_seed(b->seed, 3, row));
	for (unsigned long d = 0; d < b->draws; d++)
		for (size_t i = 0; i < width; i++)
			v[d * width + i] = fw->ssens[i] > 0.0
			                   ? draw_beta(sc->rng, fw->ssens[i], kappa) : 0.0;
	b->sign[row] = v;
	return v;
}

/* The draws recompute the components of the hypotheses reported (above
 * LIVE_REPORTED) and of any holding LIVE_HYPOTHESIS of the probability
 * (enough to move the normaliser), leaving out components below
 * LIVE_COMPONENT. The rest keep
 * their point likelihood: together they move the reported intervals by far
 * less than their width, and their own interval follows from the draws
 * of the normaliser (below). */
#define LIVE_HYPOTHESIS 0.01
#define LIVE_COMPONENT 1e-6
/* A reported hypothesis below this is 0.0000 at the 4 decimals shown
 * whatever its draws: its interval comes from the normaliser alone. */
#define LIVE_REPORTED 1e-4
/* Findings per block of multiplied likelihood ratios before their binary
 * exponent is moved aside: ratios stay within [1e-300, 1e300] of each
 * other only for so long. */
#define RATIO_BLOCK 32

/* Central quantile q of v[0..n) by selection (v is reordered), with the
 * same interpolation as gsl_stats_quantile_from_sorted_data. */
static double select_nth(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;
	while (lo < hi) {
		double pivot = v[lo + (hi - lo) / 2];
		size_t i = lo, j = hi;
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				double t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;
	}
	return v[k];
}

static double quantile_of(double *v, size_t n, double q)
{
	double at = q * (double)(n - 1);
	size_t k = (size_t)floor(at);
	double frac = at - (double)k;
	double a = select_nth(v, n, k);
	if (frac == 0.0 || k + 1 >= n)
		return a;
	/* The next order statistic is the smallest of the upper part. */
	double b = v[k + 1];
	for (size_t i = k + 2; i < n; i++)
		if (v[i] < b)
			b = v[i];
	return a + frac * (b - a);
}

static double log_add(double a, double b)
{
	if (a < b) {
		double t = a;
		a = b;
		b = t;
	}
	if (!isfinite(b) || b - a < -700.0)
		return a;
	return a + log1p(exp(b - a));
}

/* How one finding moves one live component in a draw. For an element
 * finding and a lesion without an upper motor neuron part, every outcome's
 * probability is linear in the lesion's q: P = a + b q, a the background
 * (docs/scoring.md), so the likelihood ratio is 1 + (b / a) q: a product
 * of a few terms for roots, a constant for polyneuropathy. Anything else
 * goes through rl_likelihood. */
enum { KERNEL_GENERIC, KERNEL_ROOTS, KERNEL_NERVE, KERNEL_CONSTANT, KERNEL_SIGN };

typedef struct kernel {
	int live;           /* the live component */
	int kind;
	int roots[2];       /* roots; for a sign, its sensitivity indices */
	int root_count;
	double reach;       /* side reach (roots, nerve); the ratio (constant) */
	double scale;       /* the component's severity */
	int sev;            /* its index in the rules' severities (focal) */
	double loss;        /* nerve: the share it carries; sign: 1 if scaled */
} kernel;

/* b / a of an element finding's outcome, or NAN when the background
 * cannot produce it (a = 0) and only the generic path is exact. */
static double outcome_slope(const radloc_rules *r, int fkind, int outcome)
{
	const rl_findparams *fp = &r->findings[fkind];
	double bL = fp->background, bE = fkind == RL_REFLEX ? fp->brisk_background : 0.0;
	double a, b;
	if (outcome >= 1 && outcome <= fp->levels) {
		a = bL * fp->bglevels[outcome - 1];
		b = fp->lesion[outcome - 1] - a;
	} else if (outcome == RL_NORMAL) {
		a = (1.0 - bL) * (1.0 - bE);
		b = -a;
	} else {
		a = (1.0 - bL) * bE * fp->brisk_bg[outcome - RL_BRISK];
		b = -a;
	}
	return a > 1e-300 ? b / a : NAN;
}

/* Credible intervals: the exam scored under each plausible person of the
 * bank. Only live components are recomputed; the rest keep their point
 * log posterior, so a dead hypothesis's posterior in draw d is
 * exp(D_h - log Z_d) and its interval comes from the quantiles of Z. */
static radloc_status intervals(rl_scoring *s, radloc_scorer *sc, radloc_result *res)
{
	const radloc_rules *r = s->r;
	size_t nc = s->comps->count, nh = r->hyp_count, D = sc->draws, nf = s->nf;
	size_t sign_width = r->root_count + r->nerve_count + RADLOC_PATTERN_COUNT;
	radloc_status status = RADLOC_OK;
	size_t *live = malloc(nc * sizeof *live);
	int *live_of = malloc(nc * sizeof *live_of);
	double *dead_h = malloc(nh * sizeof *dead_h);      /* log of dead mass per hyp */
	double *base_lp = malloc(nc * sizeof *base_lp);    /* prior + factor + Σ log L0 */
	double *logz = malloc(D * sizeof *logz);
	const double **wrow = calloc(nf + 1, sizeof *wrow);
	double *l0 = malloc((nf + 1) * sizeof *l0);
	size_t *col = malloc(res->hyp_count * sizeof *col);
	double *samples = NULL, *ratio = NULL;
	size_t *col_of_comp = NULL, *live_start = NULL;
	int *twos = NULL;
	double *se_tab = NULL, *weight = NULL, *dead_w = NULL;
	size_t nsev = r->patterns.severity_count;
	int *live_touch_all = NULL;
	kernel *kernels = NULL;
	double *slope = NULL;
	size_t nlive = 0, ncol = 0;

	if (!live || !live_of || !dead_h || !base_lp || !logz || !wrow || !l0 || !col ||
	    bank_ready(sc) != RADLOC_OK) {
		status = RADLOC_ERR_NOMEM;
		goto out;
	}
	/* Live components, and the constant mass of the dead ones. */
	double dead_all = -INFINITY, sum_l0 = 0.0;
	for (size_t h = 0; h < nh; h++)
		dead_h[h] = -INFINITY;
	unsigned char *wanted = calloc(nh + 1, 1);
	if (wanted == NULL) {
		status = RADLOC_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < res->hyp_count; i++)
		if ((i < res->reported && res->ranked[i].h.probability >= LIVE_REPORTED) ||
		    res->ranked[i].h.probability >= LIVE_HYPOTHESIS)
			wanted[res->ranked[i].hyp] = 1;
	for (size_t c = 0; c < nc; c++) {
		live_of[c] = -1;
		if (wanted[s->comps->hyp[c]] && s->comp_post[c] >= LIVE_COMPONENT) {
			live_of[c] = (int)nlive;
			live[nlive++] = c;
		} else {
			dead_all = log_add(dead_all, s->comp_logpost[c]);
			dead_h[s->comps->hyp[c]] = log_add(dead_h[s->comps->hyp[c]], s->comp_logpost[c]);
		}
	}
	free(wanted);
	/* Each finding's background (no drawn parameter touches it) and its
	 * row of the bank. */
	for (size_t f = 0; f < nf; f++) {
		rl_fwork *fw = &s->fw[f];
		size_t row = seen_index(r, fw->f->table, fw->f->element);
		l0[f] = log(rl_background(r, fw, s->outcome[f]));
		sum_l0 += l0[f];
		wrow[f] = fw->el ? bank_element(sc, fw->el, row) : bank_sign(sc, fw, row);
		if (wrow[f] == NULL) {
			status = RADLOC_ERR_NOMEM;
			goto out;
		}
		if (fw->el)
			memset(fw->w, 0, r->root_count * sizeof *fw->w);
	}
	for (size_t i = 0; i < nlive; i++) {
		size_t c = live[i];
		base_lp[i] = s->comps->log_prior[c] + s->log_factor[c] + sum_l0;
	}
	/* Per finding, only the live components it moves. */
	live_start = calloc(nf + 2, sizeof *live_start);
	size_t total = 0;
	for (size_t f = 0; f < nf; f++)
		total += s->touch_count[f];
	live_touch_all = malloc((total + 1) * sizeof *live_touch_all);
	if (!live_start || !live_touch_all) {
		status = RADLOC_ERR_NOMEM;
		goto out;
	}
	total = 0;
	for (size_t f = 0; f < nf; f++) {
		live_start[f] = total;
		for (size_t t = 0; t < s->touch_count[f]; t++)
			if (live_of[s->touch[f][t]] >= 0)
				live_touch_all[total++] = live_of[s->touch[f][t]];
		l0[f] = exp(-l0[f]); /* from here on, 1 / P(background) */
	}
	live_start[nf] = total;
	kernels = malloc((total + 1) * sizeof *kernels);
	slope = malloc((nf + 1) * sizeof *slope);
	if (!kernels || !slope) {
		status = RADLOC_ERR_NOMEM;
		goto out;
	}
	for (size_t f = 0; f < nf; f++) {
		const rl_fwork *fw = &s->fw[f];
		slope[f] = fw->el ? outcome_slope(r, fw->f->fkind, s->outcome[f]) : NAN;
		for (size_t t = live_start[f]; t < live_start[f + 1]; t++) {
			kernel *k = &kernels[t];
			size_t c = live[live_touch_all[t]];
			const rl_hypothesis *h = &r->hyps[s->comps->hyp[c]];
			double reach = rl_side_reach(r, h->side, fw->f->side);
			memset(k, 0, sizeof *k);
			k->live = live_touch_all[t];
			k->kind = KERNEL_GENERIC;
			k->scale = s->comps->scale[c];
			for (size_t j = 0; j < r->patterns.severity_count; j++)
				if (r->patterns.severity[j] == k->scale)
					k->sev = (int)j;
			if (fw->sg) {
				/* P(positive) = 1 - specificity * prod (1 - sens * reach),
				 * the sensitivities from the bank. */
				size_t nerves_at = r->root_count;
				size_t patterns_at = nerves_at + r->nerve_count;
				k->kind = KERNEL_SIGN;
				k->reach = reach;
				k->loss = 1.0;
				if (h->root_count > 0) {
					k->root_count = h->root_count;
					k->roots[0] = h->roots[0];
					k->roots[1] = h->roots[1];
				} else if (h->nerve >= 0) {
					k->root_count = 1;
					k->roots[0] = (int)(nerves_at + (size_t)h->nerve);
				} else {
					/* Patterns reach both sides, and are never scaled. */
					k->root_count = 1;
					k->roots[0] = (int)(patterns_at + h->pattern);
					k->reach = 1.0;
					k->loss = 0.0;
				}
				continue;
			}
			if (isnan(slope[f]))
				continue;
			if (h->pattern == RADLOC_RADICULOPATHY || h->pattern == RADLOC_MULTIRADICULOPATHY) {
				k->kind = KERNEL_ROOTS;
				k->root_count = h->root_count;
				k->roots[0] = h->roots[0];
				k->roots[1] = h->roots[1];
				k->reach = reach;
			} else if (h->pattern == RADLOC_MONONEUROPATHY) {
				k->kind = KERNEL_NERVE;
				k->loss = fw->el->nerve_loss[h->nerve];
				k->reach = reach;
			} else if (h->pattern == RADLOC_POLYNEUROPATHY) {
				/* No drawn parameter reaches it: the same ratio every draw. */
				rl_params mean;
				rl_mean_params(r, &mean);
				k->kind = KERNEL_CONSTANT;
				k->reach = rl_likelihood(r, &mean, fw, s->comps, c, s->outcome[f]) * l0[f];
			}
		}
	}
	/* Hypotheses reported: those with a live component get a column of
	 * samples; the rest are read from the normaliser. */
	for (size_t i = 0; i < res->reported; i++) {
		col[i] = (size_t)-1;
		for (size_t c = 0; c < nc; c++)
			if (s->comps->hyp[c] == res->ranked[i].hyp && live_of[c] >= 0) {
				col[i] = ncol++;
				break;
			}
	}
	samples = malloc((ncol * D + 1) * sizeof *samples);
	ratio = malloc((nlive + 1) * sizeof *ratio);
	col_of_comp = malloc((nlive + 1) * sizeof *col_of_comp);
	twos = malloc((nlive + 1) * sizeof *twos);
	se_tab = malloc((RL_FKIND_COUNT * nsev + 1) * sizeof *se_tab);
	weight = malloc((nlive + 1) * sizeof *weight);
	dead_w = malloc((res->reported + 1) * sizeof *dead_w);
	if (!samples || !ratio || !col_of_comp || !twos || !se_tab || !weight || !dead_w) {
		status = RADLOC_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < nlive; i++) {
		ratio[i] = 1.0;
		twos[i] = 0;
	}
	/* Everything relative to e^B: B the largest log term that does not
	 * change between draws (a live component's prior, factor and
	 * background; the dead mass). */
	double B = dead_all;
	for (size_t i = 0; i < nlive; i++)
		if (base_lp[i] > B)
			B = base_lp[i];
	for (size_t i = 0; i < nlive; i++)
		weight[i] = exp(base_lp[i] - B);
	int dead_e = 0;
	double dead_f = isfinite(dead_all) ? frexp(exp(dead_all - B), &dead_e) : 0.0;
	for (size_t i = 0; i < res->reported; i++) {
		double dh = dead_h[res->ranked[i].hyp];
		dead_w[i] = isfinite(dh) ? exp(dh - B) : 0.0;
	}
	/* Which column each live component adds to. */
	for (size_t j = 0; j < nlive; j++) {
		col_of_comp[j] = (size_t)-1;
		for (size_t i = 0; i < res->reported; i++)
			if (col[i] != (size_t)-1 && res->ranked[i].hyp == s->comps->hyp[live[j]])
				col_of_comp[j] = col[i];
	}
	for (size_t d = 0; d < D; d++) {
		rl_params p;
		for (int k = 0; k < RL_FKIND_COUNT; k++) {
			p.sens[k] = sc->bank.sens[(size_t)k * D + d];
			/* Each kind's sensitivity at each severity, capped as in
			 * element_q. */
			for (size_t j = 0; j < nsev; j++) {
				double v = p.sens[k] * r->patterns.severity[j];
				se_tab[(size_t)k * nsev + j] = v > 0.99 ? 0.99 : v;
			}
		}
		for (size_t f = 0; f < nf; f++) {
			rl_fwork *fw = &s->fw[f];
			if (fw->el) {
				size_t k = fw->el->root_count;
				for (size_t j = 0; j < k; j++)
					fw->w[fw->el->roots[j].index] = wrow[f][d * k + j];
			} else {
				memcpy(fw->ssens, wrow[f] + d * sign_width, sign_width * sizeof *fw->ssens);
			}
			const double *se_of = se_tab + (size_t)fw->f->fkind * nsev;
			for (size_t t = live_start[f]; t < live_start[f + 1]; t++) {
				const kernel *k = &kernels[t];
				double se = se_of[k->sev], q;
				switch (k->kind) {
				case KERNEL_ROOTS: {
					double keep = 1.0 - se * fw->w[k->roots[0]] * k->reach;
					if (k->root_count > 1)
						keep *= 1.0 - se * fw->w[k->roots[1]] * k->reach;
					q = 1.0 - keep;
					ratio[k->live] *= 1.0 + slope[f] * q;
					break;
				}
				case KERNEL_NERVE:
					q = se * k->loss * k->reach;
					ratio[k->live] *= 1.0 + slope[f] * q;
					break;
				case KERNEL_CONSTANT:
					ratio[k->live] *= k->reach;
					break;
				case KERNEL_SIGN: {
					double keep = fw->sg->specificity;
					for (int j = 0; j < k->root_count; j++) {
						double sv = fw->ssens[k->roots[j]];
						if (k->loss > 0.0) {
							/* A root or nerve: scaled by severity, capped. */
							sv *= k->scale;
							if (sv > 0.99)
								sv = 0.99;
						}
						keep *= 1.0 - sv * k->reach;
					}
					double pos = 1.0 - keep;
					ratio[k->live] *= (s->outcome[f] ? pos : keep) * l0[f];
					break;
				}
				default:
					ratio[k->live] *= rl_likelihood(r, &p, fw, s->comps, live[k->live],
					                                s->outcome[f]) * l0[f];
					break;
				}
			}
			/* Keep the products in range by moving their binary exponent
			 * aside (exact); one log per component per draw, at the end. */
			if ((f + 1) % RATIO_BLOCK == 0 && f + 1 < nf)
				for (size_t i = 0; i < nlive; i++) {
					int e;
					ratio[i] = frexp(ratio[i], &e);
					twos[i] += e;
				}
		}
		/* The normaliser, relative to e^B: each live component is its
		 * constant weight times its product of ratios, carried as a
		 * mantissa and a binary exponent; one log per draw. */
		int top = INT_MIN;
		for (size_t i = 0; i < nlive; i++) {
			int e;
			ratio[i] = frexp(weight[i] * ratio[i], &e);
			twos[i] += e;
			if (ratio[i] != 0.0 && twos[i] > top)
				top = twos[i];
		}
		if (dead_e > top && dead_f != 0.0)
			top = dead_e;
		if (top == INT_MIN)
			top = 0;
		double z = dead_f != 0.0 ? ldexp(dead_f, dead_e - top) : 0.0;
		for (size_t i = 0; i < nlive; i++) {
			ratio[i] = ldexp(ratio[i], twos[i] - top);
			z += ratio[i];
		}
		logz[d] = B + log(z) + (double)top * M_LN2;
		for (size_t i = 0; i < ncol; i++)
			samples[i * D + d] = 0.0;
		for (size_t i = 0; i < nlive; i++) {
			if (col_of_comp[i] != (size_t)-1)
				samples[col_of_comp[i] * D + d] += ratio[i] / z;
			ratio[i] = 1.0;
			twos[i] = 0;
		}
		for (size_t i = 0; i < res->reported; i++)
			if (col[i] != (size_t)-1 && dead_w[i] != 0.0)
				samples[col[i] * D + d] += ldexp(dead_w[i], -top) / z;
	}
	double lo_q = (1.0 - sc->mass) / 2.0, hi_q = 1.0 - lo_q;
	double z_lo = quantile_of(logz, D, lo_q), z_hi = quantile_of(logz, D, hi_q);
	for (size_t i = 0; i < res->reported; i++) {
		radloc_hypothesis *h = &res->ranked[i].h;
		if (col[i] != (size_t)-1) {
			h->lower = quantile_of(samples + col[i] * D, D, lo_q);
			h->upper = quantile_of(samples + col[i] * D, D, hi_q);
		} else {
			/* exp(D_h - log Z) falls as Z rises: the ends swap. */
			double dh = dead_h[res->ranked[i].hyp];
			h->lower = isfinite(dh) ? exp(dh - z_hi) : 0.0;
			h->upper = isfinite(dh) ? exp(dh - z_lo) : 0.0;
		}
	}
out:
	free(live);
	free(live_of);
	free(dead_h);
	free(base_lp);
	free(logz);
	free(wrow);
	free(l0);
	free(col);
	free(samples);
	free(ratio);
	free(col_of_comp);
	free(live_start);
	free(live_touch_all);
	free(kernels);
	free(slope);
	free(twos);
	free(se_tab);
	free(weight);
	free(dead_w);
	return status;
}

/* ---- the result -------------------------------------------------------------------- */


static int by_probability(const void *a, const void *b)
{
	const rl_ranked *x = a, *y = b;
	double px = x->h.probability, py = y->h.probability;
	if (px != py)
		return px < py ? 1 : -1;
	return (x->hyp > y->hyp) - (x->hyp < y->hyp);
}

static radloc_status rank(rl_scoring *s, radloc_result *res)
{
	const radloc_rules *r = s->r;
	res->hyp_count = r->hyp_count;
	res->ranked = rl_arena_alloc(res->arena, r->hyp_count * sizeof *res->ranked);
	if (res->ranked == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t h = 0; h < r->hyp_count; h++) {
		const rl_hypothesis *hyp = &r->hyps[h];
		radloc_hypothesis *out = &res->ranked[h].h;
		res->ranked[h].hyp = (int)h;
		out->label = hyp->label;
		out->pattern = hyp->pattern;
		out->side = hyp->side;
		out->probability = out->lower = out->upper = s->hyp_post[h];
		out->prior = hyp->prior;
		if (hyp->root_count > 0) {
			out->kind = RADLOC_HYPOTHESIS_ROOT;
			out->root_count = (size_t)hyp->root_count;
			for (int i = 0; i < hyp->root_count; i++)
				out->roots[i] = r->roots[hyp->roots[i]].e.id;
		} else if (hyp->nerve >= 0) {
			out->kind = RADLOC_HYPOTHESIS_NERVE;
			out->nerve = r->nerves[hyp->nerve].e.id;
		} else {
			out->kind = RADLOC_HYPOTHESIS_PATTERN;
		}
		if (hyp->pattern == RADLOC_POLYNEUROPATHY) {
			/* The most probable extent names the polyneuropathy. */
			double best = -1.0;
			for (size_t c = 0; c < s->comps->count; c++)
				if (s->comps->hyp[c] == (int)h && s->comp_post[c] > best) {
					best = s->comp_post[c];
					out->extent = r->patterns.extents[s->comps->extent[c]].name;
				}
		}
	}
	qsort(res->ranked, r->hyp_count, sizeof *res->ranked, by_probability);
	return RADLOC_OK;
}

radloc_status radloc_score(radloc_scorer *sc, const radloc_exam *exam,
                           radloc_result **out)
{
	rl_scoring s;
	radloc_status status;
	radloc_result *res;

	if (sc == NULL || exam == NULL || out == NULL || exam->rules != sc->rules)
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	memset(&s, 0, sizeof s);
	s.r = sc->rules;
	s.exam = exam;
	s.comps = &sc->comps;
	res = calloc(1, sizeof *res);
	if (res == NULL || (res->arena = rl_arena_new()) == NULL) {
		free(res);
		return RADLOC_ERR_NOMEM;
	}
	res->mass = sc->mass;
	res->draws = sc->draws;
	if (exam->id && (res->id = rl_arena_strdup(res->arena, exam->id)) == NULL) {
		status = RADLOC_ERR_NOMEM;
		goto fail;
	}
	if ((status = prepare(&s)) != RADLOC_OK ||
	    (status = point_estimate(&s, sc)) != RADLOC_OK ||
	    (status = rank(&s, res)) != RADLOC_OK)
		goto fail;
	res->reported = sc->top && sc->top < res->hyp_count ? sc->top : res->hyp_count;
	for (size_t i = res->reported; i < res->hyp_count; i++)
		res->other += res->ranked[i].h.probability;
	/* The explanation reads the point-estimate posterior, which the draws
	 * overwrite: explain first. */
	if ((status = rl_explain(&s, res)) != RADLOC_OK)
		goto fail;
	if (sc->draws > 0 && (status = intervals(&s, sc, res)) != RADLOC_OK)
		goto fail;
	if ((status = rl_result_own_strings(res)) != RADLOC_OK)
		goto fail;
	scoring_free(&s);
	*out = res;
	return RADLOC_OK;
fail:
	scoring_free(&s);
	radloc_result_free(&res);
	return status;
}

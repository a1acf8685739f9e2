/* Credible intervals: the exam scored again under each plausible person
 * of the bank (draws.c), and the central mass of the per-draw posteriors.
 * docs/scoring.md. */
#include <float.h>
#include <gsl/gsl_math.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draws.h"
#include "quantile.h"
#include "intervals_impl.h"

/* The log mass a ranked hypothesis keeps unchanged in every draw: its
 * dead components', or a pair's point log posterior (unnormalised). */
static double dead_of(const interval_work *w, const rl_scoring *s, const rl_ranked *x)
{
	return x->pair >= 0 ? s->pairs[x->pair].log_post : w->dead_log_mass_of[x->hyp];
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

/* log(e^a + e^b), exact enough where one term dwarfs the other. */
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


static void work_free(interval_work *w)
{
	free(w->wanted);
	free(w->live);
	free(w->live_of);
	free(w->dead_log_mass_of);
	free(w->fw);
	free(w->weights);
	free(w->sign_sens);
	free(w->drawn);
	free(w->sign_drawn);
	free(w->inv_background);
	free(w->slope);
	free(w->linear);
	free(w->kernel_start);
	free(w->kernels);
	free(w->constant_log_weight);
	free(w->constant_weight);
	free(w->dead_weight);
	free(w->sens_at_severity);
	free(w->modality_scale);
	free(w->sens_of_modality);
	free(w->ratio);
	free(w->exponent);
	free(w->log_normaliser);
	free(w->trait_mask);
	free(w->trait_log);
	free(w->affected);
	free(w->affected_background);
	free(w->trait_touch);
	free(w->trait_abc);
	free(w->trait_kernel_start);
	free(w->trait_kernels);
	free(w->cord_class_start);
	free(w->trait_fixed);
	free(w->trait_factor);
	free(w->trait_shift);
	free(w->trait_same);
	free(w->ratio_same);
	free(w->cord_classes);
	free(w->share_classes);
	free(w->column);
	free(w->column_of_live);
	free(w->samples);
}

static radloc_status work_alloc(interval_work *w, const rl_scoring *s,
                                size_t draws, const radloc_result *res)
{
	const radloc_rules *r = s->r;
	size_t nc = s->comps->count, nf = s->nf, touches = 0;
	for (size_t f = 0; f < nf; f++)
		touches += s->touch_count[f];
	memset(w, 0, sizeof *w);
	w->draws = draws;
	w->wanted = calloc(r->hyp_count + 1, 1);
	w->live = malloc((nc + 1) * sizeof *w->live);
	w->live_of = malloc((nc + 1) * sizeof *w->live_of);
	w->dead_log_mass_of = malloc((r->hyp_count + 1) * sizeof *w->dead_log_mass_of);
	w->fw = calloc(nf + 1, sizeof *w->fw);
	w->weights = calloc(nf * r->root_count + 1, sizeof *w->weights);
	w->sign_sens = calloc(nf * rl_sign_width(r) + 1, sizeof *w->sign_sens);
	w->drawn = calloc(nf + 1, sizeof *w->drawn);
	w->sign_drawn = calloc(nf + 1, sizeof *w->sign_drawn);
	w->inv_background = malloc((nf + 1) * sizeof *w->inv_background);
	w->slope = malloc((2 * nf + 1) * sizeof *w->slope);
	w->linear = calloc(nf + 1, 1);
	w->kernel_start = calloc(nf + 2, sizeof *w->kernel_start);
	w->kernels = malloc((touches + 1) * sizeof *w->kernels);
	w->constant_log_weight = malloc((nc + 1) * sizeof *w->constant_log_weight);
	w->constant_weight = malloc((nc + 1) * sizeof *w->constant_weight);
	w->dead_weight = malloc((res->reported + 1) * sizeof *w->dead_weight);
	w->sens_at_severity = malloc((RL_FKIND_COUNT * r->patterns.severity_count + 1) *
	                             sizeof *w->sens_at_severity);
	w->modality_scale = malloc((nf + 1) * sizeof *w->modality_scale);
	w->sens_of_modality = malloc((r->patterns.severity_count + 1) *
	                             sizeof *w->sens_of_modality);
	w->ratio = malloc((nc + 1) * sizeof *w->ratio);
	w->exponent = malloc((nc + 1) * sizeof *w->exponent);
	w->log_normaliser = malloc((draws + 1) * sizeof *w->log_normaliser);
	w->trait_mask = calloc(nf + 1, sizeof *w->trait_mask);
	w->trait_log = malloc(RL_TRAIT_PEOPLE * sizeof *w->trait_log);
	w->affected = malloc((nf + 1) * sizeof *w->affected);
	w->affected_background = malloc((nf + 1) * RL_TRAIT_PEOPLE *
	                                sizeof *w->affected_background);
	w->trait_touch = calloc((nc + 1) * (nf + 1), sizeof *w->trait_touch);
	w->trait_abc = malloc((nf + 1) * RL_TRAIT_PEOPLE * 3 * sizeof *w->trait_abc);
	w->trait_kernel_start = calloc(nc + 2, sizeof *w->trait_kernel_start);
	w->trait_kernels = malloc((touches + 1) * sizeof *w->trait_kernels);
	w->cord_class_start = calloc(nf + 2, sizeof *w->cord_class_start);
	w->trait_fixed = calloc(nc + 1, 1);
	w->trait_factor = malloc((nc + 1) * sizeof *w->trait_factor);
	w->trait_shift = malloc((nc + 1) * sizeof *w->trait_shift);
	w->trait_same = malloc((nc + 1) * sizeof *w->trait_same);
	w->ratio_same = malloc((nc + 1) * sizeof *w->ratio_same);
	w->cord_classes = malloc((touches + 1) * sizeof *w->cord_classes);
	w->share_classes = malloc((touches + 1) * sizeof *w->share_classes);
	w->column = malloc((res->reported + 1) * sizeof *w->column);
	w->column_of_live = malloc((nc + 1) * sizeof *w->column_of_live);
	if (!w->wanted || !w->live || !w->live_of || !w->dead_log_mass_of || !w->fw ||
	    !w->weights || !w->sign_sens || !w->drawn || !w->sign_drawn || !w->inv_background ||
	    !w->slope || !w->linear || !w->kernel_start || !w->kernels || !w->constant_log_weight ||
	    !w->constant_weight || !w->dead_weight || !w->sens_at_severity ||
	    !w->modality_scale || !w->sens_of_modality ||
	    !w->ratio || !w->exponent || !w->log_normaliser || !w->column ||
	    !w->trait_mask || !w->trait_log || !w->affected || !w->affected_background ||
	    !w->trait_touch || !w->trait_abc || !w->trait_kernel_start || !w->trait_kernels ||
	    !w->cord_class_start || !w->cord_classes || !w->share_classes ||
	    !w->trait_fixed || !w->trait_factor || !w->trait_shift || !w->trait_same ||
	    !w->ratio_same ||
	    !w->column_of_live)
		return RADLOC_ERR_NOMEM;
	return RADLOC_OK;
}

/* The draws recompute the components of the hypotheses reported (above
 * LIVE_REPORTED) and of any holding LIVE_HYPOTHESIS of the probability
 * (enough to move the normaliser), leaving out components below
 * LIVE_COMPONENT; the mass of the rest is added up once. */
static void choose_live(interval_work *w, const rl_scoring *s, const radloc_result *res)
{
	size_t nc = s->comps->count;
	w->dead_log_mass = -INFINITY;
	for (size_t h = 0; h < s->r->hyp_count; h++)
		w->dead_log_mass_of[h] = -INFINITY;
	for (size_t i = 0; i < res->hyp_count; i++)
		if ((i < res->reported && res->ranked[i].h.probability >= LIVE_REPORTED) ||
		    res->ranked[i].h.probability >= LIVE_HYPOTHESIS)
			if (res->ranked[i].hyp >= 0)
				w->wanted[res->ranked[i].hyp] = 1;
	/* Two lesions at once keep their point likelihood in every draw
	 * (docs/scoring.md, "Two lesions at once"): their mass is dead. */
	for (size_t i = 0; i < s->pair_count; i++)
		w->dead_log_mass = log_add(w->dead_log_mass, s->pairs[i].log_post);
	for (size_t c = 0; c < nc; c++) {
		int hyp = s->comps->hyp[c];
		w->live_of[c] = -1;
		if (w->wanted[hyp] && s->comp_post[c] >= LIVE_COMPONENT) {
			w->live_of[c] = (int)w->live_count;
			w->live[w->live_count++] = c;
		} else {
			w->dead_log_mass = log_add(w->dead_log_mass, s->comp_logpost[c]);
			w->dead_log_mass_of[hyp] = log_add(w->dead_log_mass_of[hyp], s->comp_logpost[c]);
		}
	}
}

/* Each finding's background (no drawn parameter touches it), its row of
 * the bank, and the constant part of each live component's log weight:
 * prior + factor + the findings' log backgrounds. */
static radloc_status attach_findings(interval_work *w, const rl_scoring *s, rl_bank *bank)
{
	const radloc_rules *r = s->r;
	double log_background_sum = 0.0;
	for (size_t f = 0; f < s->nf; f++) {
		rl_fwork *fw = &w->fw[f];
		const rl_finding *x = s->fw[f].f;
		rl_fwork_bind(r, fw, x, x->table == RADLOC_SIGN
		              ? w->sign_sens + f * rl_sign_width(r)
		              : w->weights + f * r->root_count);
		size_t row = rl_element_row(r, x->table, x->element);
		double log_background = log(rl_background(r, fw, s->outcome[f]));
		/* A finding a trait affects has no kernel: the mixture over
		 * people (trait_ratio) takes it whole. */
		w->trait_mask[f] = rl_trait_mask(r, x, fw->el);
		if (w->trait_mask[f] == 0)
			log_background_sum += log_background;
		w->inv_background[f] = exp(-log_background);
		w->modality_scale[f] = rl_modality_scale(r, x);
		if (fw->el ? (w->drawn[f] = rl_bank_element(bank, fw->el, row)) == NULL
		           : (w->sign_drawn[f] = rl_bank_sign(bank, r, fw, row)) == NULL)
			return RADLOC_ERR_NOMEM;
	}
	/* The affected findings' background: the mixture over people
	 * without a lesion, which no drawn parameter moves. */
	double trait_background = 0.0;
	w->affected_count = 0;
	if (r->traits.present) {
		rl_params mean;
		double out[RL_TRAIT_PEOPLE];
		rl_mean_params(r, &mean);
		double base_log[RL_TRAIT_PEOPLE], top = -INFINITY;
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			base_log[t] = rl_trait_log_prior(r, t);
		for (size_t f = 0; f < s->nf; f++) {
			if (w->trait_mask[f] == 0)
				continue;
			size_t a = w->affected_count++;
			w->affected[a] = f;
			rl_likelihood_traits(r, &mean, &w->fw[f], NULL, 0, s->outcome[f],
			                     w->trait_mask[f], out);
			for (int t = 0; t < RL_TRAIT_PEOPLE; t++) {
				w->affected_background[a * RL_TRAIT_PEOPLE + (size_t)t] = 1.0 / out[t];
				base_log[t] += log(out[t]);
			}
		}
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			if (base_log[t] > top)
				top = base_log[t];
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			w->base_trait_weight[t] = exp(base_log[t] - top);
		w->base_trait_shift = top;
		trait_background = rl_trait_log_mixture(w, s, &mean, -1);
	}
	w->log_trait_background = trait_background;
	for (size_t i = 0; i < w->live_count; i++) {
		size_t c = w->live[i];
		w->constant_log_weight[i] = s->comps->log_prior[c] + s->log_factor[c] +
		                            log_background_sum + trait_background;
	}
	return RADLOC_OK;
}

/* Reported hypotheses with a live component get a column of samples; the
 * rest are read from the normaliser. */
static radloc_status assign_columns(interval_work *w, const rl_scoring *s,
                                    const radloc_result *res)
{
	for (size_t i = 0; i < res->reported; i++) {
		w->column[i] = NO_COLUMN;
		for (size_t c = 0; c < s->comps->count; c++)
			if (s->comps->hyp[c] == res->ranked[i].hyp && w->live_of[c] >= 0) {
				w->column[i] = w->column_count++;
				break;
			}
	}
	for (size_t j = 0; j < w->live_count; j++) {
		w->column_of_live[j] = NO_COLUMN;
		for (size_t i = 0; i < res->reported; i++)
			if (w->column[i] != NO_COLUMN &&
			    res->ranked[i].hyp == s->comps->hyp[w->live[j]])
				w->column_of_live[j] = w->column[i];
	}
	w->samples = malloc((w->column_count * w->draws + 1) * sizeof *w->samples);
	return w->samples ? RADLOC_OK : RADLOC_ERR_NOMEM;
}

/* Everything relative to e^log_anchor: the largest log term that does
 * not change between draws (a live component's prior, factor and
 * background; the dead mass). */
static void set_anchor(interval_work *w, const rl_scoring *s, const radloc_result *res)
{
	double anchor = w->dead_log_mass;
	for (size_t i = 0; i < w->live_count; i++) {
		if (w->constant_log_weight[i] > anchor)
			anchor = w->constant_log_weight[i];
		w->ratio[i] = 1.0;
		w->exponent[i] = 0;
	}
	for (size_t i = 0; i < w->live_count; i++)
		w->constant_weight[i] = exp(w->constant_log_weight[i] - anchor);
	w->log_anchor = anchor;
	w->dead_exponent = 0;
	w->dead_mantissa = isfinite(w->dead_log_mass)
	                   ? rl_frexp(exp(w->dead_log_mass - anchor), &w->dead_exponent) : 0.0;
	for (size_t i = 0; i < res->reported; i++) {
		double dh = dead_of(w, s, &res->ranked[i]);
		w->dead_weight[i] = isfinite(dh) ? exp(dh - anchor) : 0.0;
	}
}

/* The normaliser of draw d, relative to e^log_anchor: each live component
 * is its constant weight times its product of ratios, carried as a
 * mantissa and a binary exponent; one log per draw. Each reported
 * column gets its posterior, and the ratios start again. */
static void normalise_draw(interval_work *w, const radloc_result *res, size_t d)
{
	size_t draws = w->draws;
	int top = INT_MIN;
	for (size_t i = 0; i < w->live_count; i++) {
		int e;
		w->ratio[i] = rl_frexp(w->constant_weight[i] * w->ratio[i], &e);
		w->exponent[i] += e;
		if (w->ratio[i] != 0.0 && w->exponent[i] > top)
			top = w->exponent[i];
	}
	if (w->dead_exponent > top && w->dead_mantissa != 0.0)
		top = w->dead_exponent;
	if (top == INT_MIN)
		top = 0;
	double z = w->dead_mantissa != 0.0 ? rl_ldexp(w->dead_mantissa, w->dead_exponent - top)
	                                   : 0.0;
	for (size_t i = 0; i < w->live_count; i++) {
		w->ratio[i] = rl_ldexp(w->ratio[i], w->exponent[i] - top);
		z += w->ratio[i];
	}
	w->log_normaliser[d] = w->log_anchor + log(z) + (double)top * M_LN2;
	for (size_t i = 0; i < w->column_count; i++)
		w->samples[i * draws + d] = 0.0;
	for (size_t i = 0; i < w->live_count; i++) {
		if (w->column_of_live[i] != NO_COLUMN)
			w->samples[w->column_of_live[i] * draws + d] += w->ratio[i] / z;
		w->ratio[i] = 1.0;
		w->exponent[i] = 0;
	}
	for (size_t i = 0; i < res->reported; i++)
		if (w->column[i] != NO_COLUMN && w->dead_weight[i] != 0.0)
			w->samples[w->column[i] * draws + d] += rl_ldexp(w->dead_weight[i], -top) / z;
}

/* The central mass of each reported hypothesis's samples; a hypothesis
 * with no column from its dead mass over the normaliser's quantiles. */
static void read_intervals(interval_work *w, const rl_scoring *s, double mass,
                           radloc_result *res)
{
	size_t draws = w->draws;
	double lo_q = (1.0 - mass) / 2.0, hi_q = 1.0 - lo_q;
	double z_lo = rl_quantile(w->log_normaliser, draws, lo_q);
	double z_hi = rl_quantile(w->log_normaliser, draws, hi_q);
	for (size_t i = 0; i < res->reported; i++) {
		radloc_hypothesis *h = &res->ranked[i].h;
		if (w->column[i] != NO_COLUMN) {
			h->lower = rl_quantile(w->samples + w->column[i] * draws, draws, lo_q);
			h->upper = rl_quantile(w->samples + w->column[i] * draws, draws, hi_q);
		} else {
			/* exp(D_h - log Z) falls as Z rises: the ends swap. */
			double dh = dead_of(w, s, &res->ranked[i]);
			h->lower = isfinite(dh) ? exp(dh - z_hi) : 0.0;
			h->upper = isfinite(dh) ? exp(dh - z_lo) : 0.0;
		}
	}
}

/* Draws from to to - 1: a draw's ratios, then its normaliser and samples. */
static void score_draws(interval_work *w, const rl_scoring *s, const rl_bank *bank,
                        const radloc_result *res, size_t from, size_t to)
{
	for (size_t d = from; d < to; d++) {
		rl_score_draw(w, s, bank, d);
		normalise_draw(w, res, d);
	}
}

/* Only live components are recomputed; the rest keep their point log
 * posterior, so a dead hypothesis's posterior in draw d is
 * exp(D_h - log Z_d) and its interval comes from the quantiles of Z. */
radloc_status rl_intervals(const rl_scoring *s, radloc_scorer *sc,
                           radloc_result *res)
{
	interval_work w;
	radloc_status status = work_alloc(&w, s, sc->draws, res);
	if (status == RADLOC_OK &&
	    rl_bank_ready(&sc->bank, s->r, sc->seed, sc->draws) != RADLOC_OK)
		status = RADLOC_ERR_NOMEM;
	if (status == RADLOC_OK) {
		choose_live(&w, s, res);
		status = attach_findings(&w, s, &sc->bank);
	}
	if (status == RADLOC_OK) {
		rl_make_kernels(&w, s);
		status = assign_columns(&w, s, res);
	}
	if (status == RADLOC_OK) {
		set_anchor(&w, s, res);
		rl_draws_share(&w, s, &sc->bank, res, sc->pool, score_draws);
		read_intervals(&w, s, sc->mass, res);
	}
	work_free(&w);
	return status;
}

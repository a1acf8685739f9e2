/* Credible intervals: the exam scored again under each plausible person
 * of the bank (draws.c), and the central mass of the per-draw posteriors.
 * docs/scoring.md. */
#include <gsl/gsl_math.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "draws.h"
#include "quantile.h"
#include "scorer_impl.h"

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

/* Credible intervals: the exam scored under each plausible person of the
 * bank. Only live components are recomputed; the rest keep their point
 * log posterior, so a dead hypothesis's posterior in draw d is
 * exp(D_h - log Z_d) and its interval comes from the quantiles of Z. */
radloc_status rl_intervals(rl_scoring *s, radloc_scorer *sc, radloc_result *res)
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
	    rl_bank_ready(&sc->bank, r, sc->seed, sc->draws) != RADLOC_OK) {
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
		size_t row = rl_element_row(r, fw->f->table, fw->f->element);
		l0[f] = log(rl_background(r, fw, s->outcome[f]));
		sum_l0 += l0[f];
		wrow[f] = fw->el ? rl_bank_element(&sc->bank, fw->el, row) : rl_bank_sign(&sc->bank, r, fw, row);
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
		slope[f] = fw->el ? rl_outcome_slope(r, fw->f->fkind, s->outcome[f]) : NAN;
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
	double z_lo = rl_quantile(logz, D, lo_q), z_hi = rl_quantile(logz, D, hi_q);
	for (size_t i = 0; i < res->reported; i++) {
		radloc_hypothesis *h = &res->ranked[i].h;
		if (col[i] != (size_t)-1) {
			h->lower = rl_quantile(samples + col[i] * D, D, lo_q);
			h->upper = rl_quantile(samples + col[i] * D, D, hi_q);
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


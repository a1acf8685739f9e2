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

/* How one finding moves one live component in a draw, prepared once per
 * exam. For an element finding and a lesion without an upper motor
 * neuron part, every recorded outcome's probability is bilinear in the
 * lesion's loss probability q and the share phi of the element it takes
 * (rl_outcome_slopes), so the likelihood ratio against the background is
 * 1 + q (slope[0] + phi^k slope[1]): q and phi from the roots or the nerve
 * kernels, a constant for polyneuropathy and `other`. A sign's ratio comes
 * from the sign kernel. Anything else goes through rl_likelihood. */
enum { KERNEL_GENERIC, KERNEL_ROOTS, KERNEL_NERVE, KERNEL_CONSTANT, KERNEL_SIGN };

typedef struct draw_kernel {
	int live;              /* the live component it moves */
	int kind;              /* KERNEL_... */
	int severity;          /* the component's severity: index in the rules' */
	int roots[2];          /* roots: the lesion's roots */
	int root_count;
	double reach;          /* roots, nerve: side reach */
	double nerve_share;    /* nerve: the share of the element it carries */
	double nerve_slope;    /* nerve: slope[0] + phi slope[1], phi fixed */
	double constant_ratio; /* polyneuropathy: the ratio, the same every draw */
	double scale;          /* sign: the component's severity scale */
	rl_sign_link sign;     /* sign: the sensitivities it acts through */
} draw_kernel;

/* Everything one call works with. Sizes known from the exam are allocated
 * together (work_alloc); the samples, sized by the columns, once those
 * are chosen (assign_columns). work_free ends it all. */
typedef struct interval_work {
	size_t draws;
	/* Live components: recomputed in every draw. */
	unsigned char *wanted;      /* per hypothesis: has live components */
	size_t *live;               /* live index → component */
	int *live_of;               /* component → live index, or -1 */
	size_t live_count;
	/* The dead ones keep their point log posterior. */
	double dead_log_mass;       /* all of them */
	double *dead_log_mass_of;   /* per hypothesis */
	/* The findings, with their own weight buffers: the draws write only
	 * here, never into the point estimate's. */
	rl_fwork *fw;
	double *weights;            /* nf × root_count */
	double *sign_sens;          /* nf × rl_sign_width */
	const double **drawn;       /* per finding: its row of the bank */
	double *inv_background;     /* per finding: 1 / P(outcome | background) */
	double *slope;              /* per element finding: rl_outcome_slopes, 2 each */
	unsigned char *linear;      /* per element finding: the slopes exist */
	size_t *kernel_start;       /* per finding: its first kernel */
	draw_kernel *kernels;       /* per finding, per live component it moves */
	/* The draws, relative to e^log_anchor (the largest term that does not
	 * change between draws, so that nothing overflows). */
	double log_anchor;
	double *constant_log_weight; /* per live: prior + factor + Σ log background */
	double *constant_weight;    /* per live: e^(that - log_anchor) */
	double dead_mantissa;       /* the dead mass as mantissa × 2^exponent */
	int dead_exponent;
	double *dead_weight;        /* per reported hypothesis: its dead mass */
	double *sens_at_severity;   /* per kind, per severity: capped sensitivity */
	double *modality_scale;     /* per finding: its modality's focal scale */
	double *sens_of_modality;   /* per severity: one finding's, scale != 1 */
	double *ratio;              /* per live: product of likelihood ratios */
	int *exponent;              /* per live: binary exponent moved aside */
	double *log_normaliser;     /* per draw: log Z */
	unsigned *trait_mask;       /* per finding: the traits that affect it */
	double *trait_log;          /* per person: its running log weight */
	double log_trait_background; /* the affected findings without a lesion */
	/* Reported hypotheses with a live component get a column of samples. */
	size_t *column;             /* per reported hypothesis, or NO_COLUMN */
	size_t *column_of_live;     /* per live, or NO_COLUMN */
	size_t column_count;
	double *samples;            /* column × draws */
} interval_work;

#define NO_COLUMN ((size_t)-1)

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
	w->column = malloc((res->reported + 1) * sizeof *w->column);
	w->column_of_live = malloc((nc + 1) * sizeof *w->column_of_live);
	if (!w->wanted || !w->live || !w->live_of || !w->dead_log_mass_of || !w->fw ||
	    !w->weights || !w->sign_sens || !w->drawn || !w->inv_background ||
	    !w->slope || !w->linear || !w->kernel_start || !w->kernels || !w->constant_log_weight ||
	    !w->constant_weight || !w->dead_weight || !w->sens_at_severity ||
	    !w->modality_scale || !w->sens_of_modality ||
	    !w->ratio || !w->exponent || !w->log_normaliser || !w->column ||
	    !w->trait_mask || !w->trait_log ||
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
			w->wanted[res->ranked[i].hyp] = 1;
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

/* log sum_t pi_t prod_{f affected} P(f | c, t) under params p, with the
 * weights in w->fw (docs/scoring.md, "Person-level traits"); comps NULL
 * for the background. */
static double trait_log_mixture(interval_work *w, const rl_scoring *s, const rl_params *p,
                                const rl_components *comps, size_t c)
{
	const radloc_rules *r = s->r;
	double out[RL_TRAIT_PEOPLE], mix = 0.0;
	for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
		w->trait_log[t] = rl_trait_log_prior(r, t);
	for (size_t f = 0; f < s->nf; f++) {
		if (w->trait_mask[f] == 0)
			continue;
		rl_likelihood_traits(r, p, &w->fw[f], comps, c, s->outcome[f], w->trait_mask[f], out);
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			w->trait_log[t] += log(out[t]);
	}
	if (rl_logsumexp(w->trait_log, RL_TRAIT_PEOPLE, &mix) != GSL_SUCCESS)
		return 0.0;
	return mix;
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
		w->drawn[f] = fw->el ? rl_bank_element(bank, fw->el, row)
		                     : rl_bank_sign(bank, r, fw, row);
		if (w->drawn[f] == NULL)
			return RADLOC_ERR_NOMEM;
	}
	/* The affected findings' background: the mixture over people
	 * without a lesion, which no drawn parameter moves. */
	double trait_background = 0.0;
	if (r->traits.present) {
		rl_params mean;
		rl_mean_params(r, &mean);
		trait_background = trait_log_mixture(w, s, &mean, NULL, 0);
	}
	w->log_trait_background = trait_background;
	for (size_t i = 0; i < w->live_count; i++) {
		size_t c = w->live[i];
		w->constant_log_weight[i] = s->comps->log_prior[c] + s->log_factor[c] +
		                            log_background_sum + trait_background;
	}
	return RADLOC_OK;
}

/* One kernel: how the finding fw (its outcome, its slopes, if linear)
 * moves the component c. */
static void make_kernel(draw_kernel *k, const rl_scoring *s, const rl_fwork *fw,
                        int outcome, const double *slope, int linear,
                        double inv_background, size_t c)
{
	const radloc_rules *r = s->r;
	const rl_hypothesis *h = &r->hyps[s->comps->hyp[c]];
	double reach = rl_side_reach(r, h->side, fw->f->side);
	memset(k, 0, sizeof *k);
	k->kind = KERNEL_GENERIC;
	k->scale = s->comps->scale[c];
	for (size_t j = 0; j < r->patterns.severity_count; j++)
		if (r->patterns.severity[j] == k->scale)
			k->severity = (int)j;
	if (h->pattern == RADLOC_OTHER) {
		/* The broad likelihood of `other` reads no drawn weight: the
		 * same ratio every draw, signs included. */
		rl_params mean;
		rl_mean_params(r, &mean);
		k->kind = KERNEL_CONSTANT;
		k->constant_ratio = rl_likelihood(r, &mean, fw, s->comps, c, outcome) *
		                    inv_background;
		return;
	}
	if (fw->sg) {
		k->kind = KERNEL_SIGN;
		rl_sign_link_of(r, h, fw->f->side, &k->sign);
		return;
	}
	if (!linear)
		return;
	if (h->pattern == RADLOC_RADICULOPATHY || h->pattern == RADLOC_MULTIRADICULOPATHY) {
		k->kind = KERNEL_ROOTS;
		k->root_count = h->root_count;
		k->roots[0] = h->roots[0];
		k->roots[1] = h->roots[1];
		k->reach = reach;
	} else if (h->pattern == RADLOC_MONONEUROPATHY) {
		/* No drawn parameter moves a nerve's share: phi is fixed. */
		k->kind = KERNEL_NERVE;
		k->nerve_share = fw->el->nerve_loss[h->nerve];
		k->reach = reach;
		k->nerve_slope = slope[0] + rl_full_weight(rl_nerve_share(k->nerve_share, reach),
		                                           r->findings[fw->f->fkind].share_exponent) *
		                            slope[1];
	} else if (h->pattern == RADLOC_POLYNEUROPATHY) {
		/* No drawn parameter reaches it: the same ratio every draw. */
		rl_params mean;
		rl_mean_params(r, &mean);
		k->kind = KERNEL_CONSTANT;
		k->constant_ratio = rl_likelihood(r, &mean, fw, s->comps, c, outcome) *
		                    inv_background;
	}
}

/* Per finding, a kernel for each live component it moves. */
static void make_kernels(interval_work *w, const rl_scoring *s)
{
	size_t n = 0;
	for (size_t f = 0; f < s->nf; f++) {
		const rl_fwork *fw = &w->fw[f];
		w->kernel_start[f] = n;
		w->linear[f] = fw->el && rl_outcome_slopes(s->r, fw, s->outcome[f],
		                                           w->slope + 2 * f) == 0;
		for (size_t t = 0; w->trait_mask[f] == 0 && t < s->touch_count[f]; t++) {
			int live = w->live_of[s->touch[f][t]];
			if (live < 0)
				continue;
			draw_kernel *k = &w->kernels[n++];
			make_kernel(k, s, fw, s->outcome[f], w->slope + 2 * f, w->linear[f],
			            w->inv_background[f], w->live[live]);
			k->live = live;
		}
	}
	w->kernel_start[s->nf] = n;
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
static void set_anchor(interval_work *w, const radloc_result *res)
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
	                   ? frexp(exp(w->dead_log_mass - anchor), &w->dead_exponent) : 0.0;
	for (size_t i = 0; i < res->reported; i++) {
		double dh = w->dead_log_mass_of[res->ranked[i].hyp];
		w->dead_weight[i] = isfinite(dh) ? exp(dh - anchor) : 0.0;
	}
}

/* Multiply each live component's ratio by what the findings say under
 * draw d. */
static void score_draw(interval_work *w, const rl_scoring *s, const rl_bank *bank,
                       size_t d)
{
	const radloc_rules *r = s->r;
	size_t nsev = r->patterns.severity_count, width = rl_sign_width(r);
	rl_params p;
	for (int k = 0; k < RL_FKIND_COUNT; k++) {
		p.sens[k] = bank->sens[(size_t)k * w->draws + d];
		for (size_t j = 0; j < nsev; j++)
			w->sens_at_severity[(size_t)k * nsev + j] =
				rl_focal_sensitivity(p.sens[k], 1.0, r->patterns.severity[j]);
	}
	for (size_t f = 0; f < s->nf; f++) {
		rl_fwork *fw = &w->fw[f];
		if (fw->el) {
			size_t n = fw->el->root_count;
			for (size_t j = 0; j < n; j++)
				fw->w[fw->el->roots[j].index] = w->drawn[f][d * n + j];
			/* This person's map, seen through the finding's modality. */
			rl_modality_sharpen(r, fw);
		} else {
			memcpy(fw->ssens, w->drawn[f] + d * width, width * sizeof *fw->ssens);
		}
		const double *sens_of = w->sens_at_severity + (size_t)fw->f->fkind * nsev;
		if (w->modality_scale[f] != 1.0) {
			for (size_t j = 0; j < nsev; j++)
				w->sens_of_modality[j] = rl_focal_sensitivity(
					p.sens[fw->f->fkind], w->modality_scale[f], r->patterns.severity[j]);
			sens_of = w->sens_of_modality;
		}
		int exponent = r->findings[fw->f->fkind].share_exponent;
		const double *slope = w->slope + 2 * f;
		double inv_background = w->inv_background[f];
		int outcome = s->outcome[f];
		for (size_t t = w->kernel_start[f]; t < w->kernel_start[f + 1]; t++) {
			const draw_kernel *k = &w->kernels[t];
			double sens = sens_of[k->severity], *ratio = &w->ratio[k->live];
			switch (k->kind) {
			case KERNEL_ROOTS: {
				double q = rl_roots_loss(sens, fw->w, k->roots, k->root_count, k->reach);
				double phi = rl_roots_share(fw->w, k->roots, k->root_count, k->reach);
				*ratio *= 1.0 + q * (slope[0] + rl_full_weight(phi, exponent) * slope[1]);
				break;
			}
			case KERNEL_NERVE:
				*ratio *= 1.0 + k->nerve_slope * rl_nerve_loss(sens, k->nerve_share,
				                                               k->reach);
				break;
			case KERNEL_CONSTANT:
				*ratio *= k->constant_ratio;
				break;
			case KERNEL_SIGN: {
				double negative = rl_sign_negative(fw->sg->specificity, fw->ssens,
				                                   &k->sign, k->scale);
				*ratio *= rl_sign_observed(outcome ? 1.0 - negative : negative,
				                           fw->sg->examiner_error,
				                           r->findings[RL_SIGNKIND].gross_error) *
				          inv_background;
				break;
			}
			default:
				*ratio *= rl_likelihood(r, &p, fw, s->comps, w->live[k->live],
				                        outcome) * inv_background;
				break;
			}
		}
		/* Keep the products in range by moving their binary exponent
		 * aside (exact); one log per component per draw, at the end. */
		if ((f + 1) % RATIO_BLOCK == 0 && f + 1 < s->nf)
			for (size_t i = 0; i < w->live_count; i++) {
				int e;
				w->ratio[i] = frexp(w->ratio[i], &e);
				w->exponent[i] += e;
			}
	}
	/* The affected findings, as a mixture over people: a ratio against
	 * their background, its binary exponent moved aside. */
	if (r->traits.present)
		for (size_t i = 0; i < w->live_count; i++) {
			double delta = trait_log_mixture(w, s, &p, s->comps, w->live[i]) -
			               w->log_trait_background;
			int e, shift = (int)floor(delta / M_LN2);
			w->ratio[i] = frexp(w->ratio[i], &e) * exp(delta - (double)shift * M_LN2);
			w->exponent[i] += e + shift;
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
		w->ratio[i] = frexp(w->constant_weight[i] * w->ratio[i], &e);
		w->exponent[i] += e;
		if (w->ratio[i] != 0.0 && w->exponent[i] > top)
			top = w->exponent[i];
	}
	if (w->dead_exponent > top && w->dead_mantissa != 0.0)
		top = w->dead_exponent;
	if (top == INT_MIN)
		top = 0;
	double z = w->dead_mantissa != 0.0 ? ldexp(w->dead_mantissa, w->dead_exponent - top)
	                                   : 0.0;
	for (size_t i = 0; i < w->live_count; i++) {
		w->ratio[i] = ldexp(w->ratio[i], w->exponent[i] - top);
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
			w->samples[w->column[i] * draws + d] += ldexp(w->dead_weight[i], -top) / z;
}

/* The central mass of each reported hypothesis's samples; a hypothesis
 * with no column from its dead mass over the normaliser's quantiles. */
static void read_intervals(interval_work *w, double mass, radloc_result *res)
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
			double dh = w->dead_log_mass_of[res->ranked[i].hyp];
			h->lower = isfinite(dh) ? exp(dh - z_hi) : 0.0;
			h->upper = isfinite(dh) ? exp(dh - z_lo) : 0.0;
		}
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
		make_kernels(&w, s);
		status = assign_columns(&w, s, res);
	}
	if (status == RADLOC_OK) {
		set_anchor(&w, res);
		for (size_t d = 0; d < w.draws; d++) {
			score_draw(&w, s, &sc->bank, d);
			normalise_draw(&w, res, d);
		}
		read_intervals(&w, sc->mass, res);
	}
	work_free(&w);
	return status;
}

/* How each finding moves each live component in one draw of the credible
 * intervals: kernels prepared once per exam (exact linear, sign, constant,
 * or the generic likelihood), the person-level traits' mixture, and the
 * product of likelihood ratios of one draw. docs/scoring.md. */
#include <float.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "intervals_impl.h"

/* log sum_t pi_t prod_{f affected} P(f | c, t) under params p, with the
 * weights in w->fw (docs/scoring.md, "Person-level traits"): the
 * affected findings live component `live` touches are computed, the rest
 * keep their background (base_trait_log). live < 0: the background.
 * Each person's product of ratios against its background stays in the
 * linear domain (a few findings, each ratio far from the limits of a
 * double), so one log per component and draw. */
double rl_trait_log_mixture(interval_work *w, const rl_scoring *s, const rl_params *p,
                                long live)
{
	const radloc_rules *r = s->r;
	double out[RL_TRAIT_PEOPLE], ratio[RL_TRAIT_PEOPLE], mix = 0.0;
	for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
		ratio[t] = 1.0;
	if (live >= 0) {
		size_t c = w->live[live];
		for (size_t i = w->trait_kernel_start[live]; i < w->trait_kernel_start[live + 1];
		     i++) {
			const trait_kernel *k = &w->trait_kernels[i];
			size_t a = k->affected, f = w->affected[a];
			const rl_fwork *fw = &w->fw[f];
			const double *abc = w->trait_abc + a * RL_TRAIT_PEOPLE * 3;
			const double *inv = w->affected_background + a * RL_TRAIT_PEOPLE;
			int kind = fw->f->fkind;
			double sens = 0.0, q, g;
			if (k->kind == KERNEL_ROOTS || k->kind == KERNEL_NERVE)
				sens = rl_focal_sensitivity(p->sens[kind], w->modality_scale[f], k->scale);
			switch (k->kind) {
			case KERNEL_ROOTS:
				q = rl_roots_loss(sens, fw->w, k->roots, k->root_count, k->reach);
				g = w->share_classes[k->cls].g;
				for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
					out[t] = abc[3 * t] + q * (abc[3 * t + 1] + g * abc[3 * t + 2]);
				break;
			case KERNEL_NERVE:
				q = rl_nerve_loss(sens, k->nerve_share, k->reach);
				for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
					out[t] = abc[3 * t] + q * k->value[t];
				break;
			case KERNEL_CONSTANT:
				for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
					ratio[t] *= k->value[t];
				continue;
			case KERNEL_CORD:
				memcpy(out, w->cord_classes[k->cls].out, sizeof out);
				break;
			case KERNEL_PLEXUS:
			case KERNEL_CAUDA: {
				double qL, phi;
				sens = rl_focal_sensitivity(p->sens[kind], w->modality_scale[f], k->scale);
				rl_state_q(r, fw, k->kind, k->plexus, k->route, k->extent, k->reach, sens, &qL,
				        &phi);
				rl_element_likelihood_traits(r, fw, qL, 0.0, phi, s->outcome[f],
				                             w->trait_mask[f], out);
				break;
			}
			default:
				rl_likelihood_traits(r, p, fw, s->comps, c, s->outcome[f],
				                     w->trait_mask[f], out);
				break;
			}
			for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
				ratio[t] *= (out[t] < RL_MIN_PROB ? RL_MIN_PROB : out[t]) * inv[t];
		}
	}
	for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
		mix += w->base_trait_weight[t] * ratio[t];
	return w->base_trait_shift + log(mix > 0.0 ? mix : DBL_MIN);
}

/* Whether a component's likelihood of an element finding reads no drawn
 * parameter: its q comes from the rules' pattern sensitivities (a
 * polyneuropathy's edge, a level-less myelopathy's rates, `other`'s broad rate) or
 * there is none. Every draw then takes the same ratio, computed once at
 * the mean. (Signs differ: a pattern's sign sensitivity is drawn.) */
static int same_in_every_draw(const radloc_rules *r, const rl_hypothesis *h)
{
	switch (h->pattern) {
	case RADLOC_MYELOPATHY:
		/* With levels it takes its level's root findings: the drawn
		 * root weights and kind sensitivities reach it (cord.c). */
		return !r->cord.present;
	case RADLOC_POLYNEUROPATHY:
	case RADLOC_MOTOR_NEURON_DISEASE:
	case RADLOC_OTHER:
	case RADLOC_NORMAL:
		return 1;
	default:
		return 0;
	}
}

/* The kernels of draw_classes.c that give rl_likelihood's numbers bit
 * for bit, shared by the point kernel and the per-person one: a cord
 * class (its class in *cls), a plexus element's or a cauda equina's own
 * kernel (*extent, and for a plexus *plexus and *route); else
 * KERNEL_GENERIC, nothing written. */
static int exact_kind(interval_work *w, const rl_scoring *s, size_t f, size_t c, size_t *cls,
                      const rl_plexus **plexus, double *route, int *extent)
{
	const rl_fwork *fw = &w->fw[f];
	if (rl_reads_cord_class(s, fw, c)) {
		*cls = rl_find_cord_class(w, s, f, c);
		return KERNEL_CORD;
	}
	int kind = rl_state_kind(s, fw, c);
	if (kind != KERNEL_GENERIC) {
		const rl_hypothesis *h = &s->r->hyps[s->comps->hyp[c]];
		*extent = s->comps->extent ? s->comps->extent[c] : -1;
		if (kind == KERNEL_PLEXUS) {
			*plexus = h->plexus;
			*route = fw->el->plexus_route[h->plexus->index];
		}
	}
	return kind;
}

/* One kernel: how the finding fw (its outcome, its slopes, if linear)
 * moves the component c. */
static void make_kernel(draw_kernel *k, interval_work *w, const rl_scoring *s, size_t f,
                        int outcome, const double *slope, int linear,
                        double inv_background, size_t c)
{
	const rl_fwork *fw = &w->fw[f];
	const radloc_rules *r = s->r;
	const rl_hypothesis *h = &r->hyps[s->comps->hyp[c]];
	double reach = rl_side_reach(r, h->side, fw->f->side);
	memset(k, 0, sizeof *k);
	k->kind = KERNEL_GENERIC;
	k->scale = s->comps->scale[c];
	for (size_t j = 0; j < r->patterns.severity_count; j++)
		if (r->patterns.severity[j] == k->scale)
			k->severity = (int)j;
	/* `other` reads no drawn parameter even for a sign (its broad rate
	 * sits on the sign's specificity). */
	if (h->pattern == RADLOC_OTHER || (!fw->sg && same_in_every_draw(r, h))) {
		rl_params mean;
		rl_mean_params(r, &mean);
		k->kind = KERNEL_CONSTANT;
		k->constant_ratio = rl_likelihood(r, &mean, fw, s->comps, c, outcome) *
		                    inv_background;
		return;
	}
	if (fw->sg) {
		k->kind = KERNEL_SIGN;
		rl_sign_link_of(r, s->comps, c, fw, &k->sign);
		return;
	}
	int exact = exact_kind(w, s, f, c, &k->cls, &k->plexus, &k->route, &k->extent);
	if (exact != KERNEL_GENERIC) {
		k->kind = exact;
		if (exact != KERNEL_CORD)
			k->reach = reach;
		return;
	}
	if (!linear)
		return;
	if (h->pattern == RADLOC_RADICULOPATHY || h->pattern == RADLOC_MULTIRADICULOPATHY) {
		k->kind = KERNEL_ROOTS;
		k->root_count = h->root_count;
		memcpy(k->roots, h->roots, sizeof k->roots);
		k->reach = reach;
		k->cls = rl_share_class_of(w, s, f, h->roots, h->root_count, reach);
	} else if (h->pattern == RADLOC_MONONEUROPATHY) {
		/* No drawn parameter moves a nerve's share: phi is fixed. */
		k->kind = KERNEL_NERVE;
		k->nerve_share = rl_site_share_of(fw->el, h->nerve, rl_comp_site(s->comps, c));
		k->reach = reach;
		k->nerve_slope = slope[0] + rl_full_weight(rl_nerve_share(k->nerve_share, reach),
		                                           r->findings[fw->f->fkind].share_exponent) *
		                            slope[1];
	}
}

/* The kernel of affected finding a (finding f) for component c: exact
 * per person where the lesion has no upper motor neuron part and its q
 * and phi come from the roots or a nerve; a constant where no drawn
 * parameter reaches the likelihood (computed at the mean, as every draw
 * would); else the generic rl_likelihood_traits. */
static void make_trait_kernel(trait_kernel *k, interval_work *w, const rl_scoring *s,
                              size_t a, size_t c)
{
	const radloc_rules *r = s->r;
	size_t f = w->affected[a];
	const rl_fwork *fw = &w->fw[f];
	const rl_hypothesis *h = &r->hyps[s->comps->hyp[c]];
	const double *abc = w->trait_abc + a * RL_TRAIT_PEOPLE * 3;
	memset(k, 0, sizeof *k);
	k->affected = a;
	k->kind = KERNEL_GENERIC;
	k->scale = s->comps->scale[c];
	k->reach = rl_side_reach(r, h->side, fw->f->side);
	if (same_in_every_draw(r, h)) {
		rl_params mean;
		rl_mean_params(r, &mean);
		k->kind = KERNEL_CONSTANT;
		rl_likelihood_traits(r, &mean, fw, s->comps, c, s->outcome[f], w->trait_mask[f],
		                     k->value);
		/* Already floored: the ratio against each person's background,
		 * the same product every draw would take. */
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			k->value[t] *= w->affected_background[a * RL_TRAIT_PEOPLE + (size_t)t];
		return;
	}
	int exact = exact_kind(w, s, f, c, &k->cls, &k->plexus, &k->route, &k->extent);
	if (exact != KERNEL_GENERIC) {
		k->kind = exact;
		return;
	}
	switch (h->pattern) {
	case RADLOC_RADICULOPATHY:
	case RADLOC_MULTIRADICULOPATHY:
		k->kind = KERNEL_ROOTS;
		k->root_count = h->root_count;
		memcpy(k->roots, h->roots, sizeof k->roots);
		k->cls = rl_share_class_of(w, s, f, h->roots, h->root_count, k->reach);
		break;
	case RADLOC_MONONEUROPATHY: {
		k->kind = KERNEL_NERVE;
		k->nerve_share = rl_site_share_of(fw->el, h->nerve, rl_comp_site(s->comps, c));
		double g = rl_full_weight(rl_nerve_share(k->nerve_share, k->reach),
		                          r->findings[fw->f->fkind].share_exponent);
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			k->value[t] = abc[3 * t + 1] + g * abc[3 * t + 2];
		break;
	}
	default:
		break;
	}
}

/* Live component i's mixture over people against the background's, as
 * a factor and a binary shift: delta = log mixture - log background,
 * shift = floor(delta / ln 2), factor = e^(delta - shift ln 2). */
static void mixture_factor(interval_work *w, const rl_scoring *s, const rl_params *p,
                           size_t i, double *factor, int *shift)
{
	double delta = rl_trait_log_mixture(w, s, p, (long)i) - w->log_trait_background;
	*shift = (int)floor(delta / M_LN2);
	*factor = exp(delta - (double)*shift * M_LN2);
}

/* A component whose trait kernels read no drawn number (none at all:
 * its mixture is the background's; constants; cord classes that are 0
 * in every draw) has the same mixture factor in every draw: worked out
 * once, by the same operations. With rl_draw_exact_kernels 0 only those
 * with none (the reference). */
static void fix_mixtures(interval_work *w, const rl_scoring *s)
{
	rl_params mean;
	rl_mean_params(s->r, &mean);
	for (size_t i = 0; i < w->live_count; i++) {
		int fixed = 1;
		for (size_t j = w->trait_kernel_start[i]; j < w->trait_kernel_start[i + 1]; j++) {
			const trait_kernel *k = &w->trait_kernels[j];
			if (!rl_draw_exact_kernels ||
			    !(k->kind == KERNEL_CONSTANT ||
			      (k->kind == KERNEL_CORD && w->cord_classes[k->cls].zero)))
				fixed = 0;
		}
		w->trait_fixed[i] = (unsigned char)fixed;
		if (fixed && s->r->traits.present)
			mixture_factor(w, s, &mean, i, &w->trait_factor[i], &w->trait_shift[i]);
		w->trait_same[i] = i;
		if (!fixed && rl_draw_exact_kernels)
			for (size_t j = 0; j < i; j++)
				if (!w->trait_fixed[j] && w->trait_same[j] == j &&
				    rl_same_trait_kernels(w, i, j)) {
					w->trait_same[i] = j;
					atomic_fetch_add_explicit(&rl_draw_shared_mixtures, 1,
					                          memory_order_relaxed);
					break;
				}
	}
}

/* A finding's kernels in order of kind (stable: a component has one
 * kernel per finding, so no product changes order), each run of one kind
 * marked with its end (an index in all), so that each draw goes through a run without a
 * switch per kernel. Unsorted (no memory for the copy), the runs are
 * shorter and the answers the same. */
static void sort_by_kind(draw_kernel *all, size_t start, size_t n)
{
	draw_kernel *k = all + start;
	draw_kernel *tmp = n > 1 ? malloc(n * sizeof *tmp) : NULL;
	if (tmp != NULL) {
		size_t at[KERNEL_KINDS + 1] = {0};
		for (size_t i = 0; i < n; i++)
			at[k[i].kind + 1]++;
		for (int j = 0; j < KERNEL_KINDS; j++)
			at[j + 1] += at[j];
		for (size_t i = 0; i < n; i++)
			tmp[at[k[i].kind]++] = k[i];
		memcpy(k, tmp, n * sizeof *k);
		free(tmp);
	}
	for (size_t i = n; i-- > 0;)
		k[i].run_end = i + 1 < n && k[i + 1].kind == k[i].kind ? k[i + 1].run_end
		                                                        : start + i + 1;
}

/* Per finding, a kernel for each live component it moves; per live
 * component, a trait kernel for each affected finding it touches. */
void rl_make_kernels(interval_work *w, const rl_scoring *s)
{
	size_t n = 0, a = 0;
	rl_make_cord_classes(w, s);
	w->share_class_count = 0;
	for (size_t f = 0; f < s->nf; f++) {
		const rl_fwork *fw = &w->fw[f];
		w->kernel_start[f] = n;
		if (w->trait_mask[f] != 0) {
			for (size_t t = 0; t < s->touch_count[f]; t++) {
				int live = w->live_of[s->touch[f][t]];
				if (live >= 0)
					w->trait_touch[(size_t)live * w->affected_count + a] = 1;
			}
			rl_outcome_slopes_traits(s->r, fw, s->outcome[f], w->trait_mask[f],
			                         (double(*)[3])(w->trait_abc + a * RL_TRAIT_PEOPLE * 3));
			a++;
		}
		w->linear[f] = fw->el && rl_outcome_slopes(s->r, fw, s->outcome[f],
		                                           w->slope + 2 * f) == 0;
		for (size_t t = 0; w->trait_mask[f] == 0 && t < s->touch_count[f]; t++) {
			int live = w->live_of[s->touch[f][t]];
			if (live < 0)
				continue;
			draw_kernel *k = &w->kernels[n++];
			make_kernel(k, w, s, f, s->outcome[f], w->slope + 2 * f, w->linear[f],
			            w->inv_background[f], w->live[live]);
			k->live = live;
		}
		sort_by_kind(w->kernels, w->kernel_start[f], n - w->kernel_start[f]);
	}
	w->kernel_start[s->nf] = n;
	rl_share_ratios(w, s);
	n = 0;
	for (size_t live = 0; live < w->live_count; live++) {
		const unsigned char *touched = w->trait_touch + live * w->affected_count;
		w->trait_kernel_start[live] = n;
		for (a = 0; a < w->affected_count; a++)
			if (touched[a])
				make_trait_kernel(&w->trait_kernels[n++], w, s, a, w->live[live]);
	}
	w->trait_kernel_start[w->live_count] = n;
	fix_mixtures(w, s);
}

/* Finding f's kernels t0 to t1 - 1, all of one kind, under the draw's
 * parameters p (sens_of: the finding kind's sensitivity at each
 * severity): each multiplies its component's ratio. */
static void apply_run(interval_work *w, const rl_scoring *s, const rl_params *p, size_t f,
                      const double *sens_of, size_t t0, size_t t1)
{
	const radloc_rules *r = s->r;
	const rl_fwork *fw = &w->fw[f];
	const draw_kernel *K = w->kernels;
	double *ratio = w->ratio;
	const double *slope = w->slope + 2 * f;
	double inv_background = w->inv_background[f];
	int outcome = s->outcome[f];
	switch (K[t0].kind) {
	case KERNEL_ROOTS:
		for (size_t t = t0; t < t1; t++) {
			const draw_kernel *k = &K[t];
			double q = rl_roots_loss(sens_of[k->severity], fw->w, k->roots, k->root_count,
			                         k->reach);
			ratio[k->live] *= 1.0 + q * (slope[0] + w->share_classes[k->cls].g * slope[1]);
		}
		return;
	case KERNEL_NERVE:
		for (size_t t = t0; t < t1; t++) {
			const draw_kernel *k = &K[t];
			ratio[k->live] *= 1.0 + k->nerve_slope * rl_nerve_loss(sens_of[k->severity],
			                                                       k->nerve_share, k->reach);
		}
		return;
	case KERNEL_CONSTANT:
		for (size_t t = t0; t < t1; t++)
			ratio[K[t].live] *= K[t].constant_ratio;
		return;
	case KERNEL_CORD:
		for (size_t t = t0; t < t1; t++)
			ratio[K[t].live] *= w->cord_classes[K[t].cls].value;
		return;
	case KERNEL_PLEXUS:
	case KERNEL_CAUDA:
		for (size_t t = t0; t < t1; t++) {
			const draw_kernel *k = &K[t];
			double qL, phi;
			rl_state_q(r, fw, k->kind, k->plexus, k->route, k->extent, k->reach,
			           sens_of[k->severity], &qL, &phi);
			ratio[k->live] *= rl_element_likelihood(r, fw, qL, 0.0, phi, outcome) *
			                  inv_background;
		}
		return;
	case KERNEL_SIGN:
		for (size_t t = t0; t < t1; t++) {
			const draw_kernel *k = &K[t];
			double negative = rl_sign_negative(fw->sg->specificity, fw->ssens, &k->sign,
			                                   k->scale);
			ratio[k->live] *= rl_sign_observed(outcome ? 1.0 - negative : negative,
			                                   fw->sg->examiner_error,
			                                   r->findings[RL_SIGNKIND].gross_error) *
			                  inv_background;
		}
		return;
	default:
		for (size_t t = t0; t < t1; t++)
			ratio[K[t].live] *= rl_likelihood(r, p, fw, s->comps, w->live[K[t].live],
			                                  outcome) * inv_background;
		return;
	}
}

/* Multiply each live component's ratio by what the findings say under
 * draw d. */
void rl_score_draw(interval_work *w, const rl_scoring *s, const rl_bank *bank,
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
	/* Every finding's weights first (each has its own buffer), then
	 * what the share classes read from them, then the kernels. */
	for (size_t f = 0; f < s->nf; f++) {
		rl_fwork *fw = &w->fw[f];
		if (fw->el) {
			size_t n = fw->el->root_count;
			for (size_t j = 0; j < n; j++)
				fw->w[fw->el->roots[j].index] = w->drawn[f][d * n + j];
			/* This person's map, seen through the finding's modality. */
			rl_modality_sharpen(r, fw);
		} else {
			rl_sign_row_draw(w->sign_drawn[f], d, fw->ssens, width);
		}
	}
	for (size_t j = 0; j < w->share_class_count; j++) {
		share_class *k = &w->share_classes[j];
		k->g = rl_full_weight(rl_roots_share(w->fw[k->finding].w, k->roots, k->root_count,
		                                     k->reach),
		                      k->exponent);
	}
	for (size_t f = 0; f < s->nf; f++) {
		rl_fwork *fw = &w->fw[f];
		const double *sens_of = w->sens_at_severity + (size_t)fw->f->fkind * nsev;
		if (w->modality_scale[f] != 1.0) {
			for (size_t j = 0; j < nsev; j++)
				w->sens_of_modality[j] = rl_focal_sensitivity(
					p.sens[fw->f->fkind], w->modality_scale[f], r->patterns.severity[j]);
			sens_of = w->sens_of_modality;
		}
		double inv_background = w->inv_background[f];
		int outcome = s->outcome[f];
		for (size_t j = w->cord_class_start[f]; j < w->cord_class_start[f + 1]; j++)
			if (!w->cord_classes[j].zero)
				rl_cord_class_draw(r, fw, &w->cord_classes[j],
				                   sens_of[w->cord_classes[j].severity], outcome,
				                   w->trait_mask[f], inv_background);
		for (size_t t = w->kernel_start[f]; t < w->kernel_start[f + 1];
		     t = w->kernels[t].run_end)
			apply_run(w, s, &p, f, sens_of, t, w->kernels[t].run_end);
		/* Keep the products in range by moving their binary exponent
		 * aside (exact); one log per component per draw, at the end. */
		if ((f + 1) % RATIO_BLOCK == 0 && f + 1 < s->nf)
			for (size_t i = 0; i < w->live_count; i++) {
				int e;
				w->ratio[i] = rl_frexp(w->ratio[i], &e);
				w->exponent[i] += e;
			}
	}
	/* A component with an earlier one's kernels: that one's product. */
	for (size_t i = 0; i < w->live_count; i++)
		if (w->ratio_same[i] != i) {
			w->ratio[i] = w->ratio[w->ratio_same[i]];
			w->exponent[i] = w->exponent[w->ratio_same[i]];
		}
	/* The affected findings, as a mixture over people: a ratio against
	 * their background, its binary exponent moved aside. */
	if (r->traits.present)
		for (size_t i = 0; i < w->live_count; i++) {
			int e, shift;
			double factor;
			if (w->trait_fixed[i] || w->trait_same[i] != i) {
				/* Fixed, or worked out this draw for an earlier
				 * live component with the same trait kernels. */
				factor = w->trait_factor[w->trait_same[i]];
				shift = w->trait_shift[w->trait_same[i]];
			} else {
				mixture_factor(w, s, &p, i, &factor, &shift);
				w->trait_factor[i] = factor;
				w->trait_shift[i] = shift;
			}
			w->ratio[i] = rl_frexp(w->ratio[i], &e) * factor;
			w->exponent[i] += e + shift;
		}
}

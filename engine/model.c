/* The likelihood of one finding under one hypothesis.
 *
 * A lesion makes an element abnormal with probability q, combining the
 * structures it affects by noisy-OR:
 *     q = 1 - prod_x (1 - s_k * w_e(x))
 * (s_k the kind's sensitivity, w_e(x) the share of element e supplied by
 * structure x). It grades what it makes abnormal by the share of the
 * element's supply it takes, phi = 1 - prod_x (1 - w_e(x)): a root
 * that supplies part of a muscle seldom leaves it below MRC 3, a nerve
 * that supplies all of it can. Background causes add abnormality at rate
 * b_e (the element's, else its kind's), each cause with its own severity
 * profile, so a severe finding is strong evidence against "nothing
 * focal" and a mild one weak:
 *     lesion(v)       = g * full(v) + (1 - g) * partial(v),  g = phi^k
 *     P(loss level v) = q * lesion(v) + (1 - q) * b * background(v)
 *     P(normal)       = (1 - Q)(1 - Q_brisk),   Q = q + (1 - q) b
 *     P(brisk v)      = (1 - Q) * [qE * brisk_lesion(v) + (1 - qE) bE brisk_bg(v)]
 * where qE > 0 only for upper motor neuron hypotheses and `other` (the
 * findings fit none of the lesions: q = the kind's broad rate, split
 * between loss and brisk, no anatomy). The examiner then records it
 * wrongly now and then (outcome_probability). docs/scoring.md. */
#include "cord.h"
#include "model.h"
#include "vocabulary.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <math.h>
#include <string.h>

/* A one-sided hypothesis reaches a finding on its own side fully, a
 * midline finding partly, the other side not at all. */
double rl_side_reach(const radloc_rules *r, radloc_side hyp_side,
                     radloc_side finding_side)
{
	double m = r->midline_unilateral;
	/* A lesion on both sides reaches each side, and the midline through
	 * either half. */
	if (hyp_side == RADLOC_BILATERAL)
		return finding_side == RADLOC_MIDLINE ? 1.0 - (1.0 - m) * (1.0 - m) : 1.0;
	if (finding_side == RADLOC_MIDLINE)
		return m;
	return hyp_side == finding_side ? 1.0 : 0.0;
}

/* Probability that a lesion component makes an element abnormal: loss
 * (qL) and, for upper motor neuron components, brisk (qE); and phi, the
 * share of the element's supply the lesion takes, which sets how densely
 * it grades what it makes abnormal. */
static void element_q(const radloc_rules *r, const rl_params *p,
                      const rl_fwork *fw, const rl_components *comps,
                      size_t comp, double *qL, double *qE, double *phi)
{
	const rl_hypothesis *h = &r->hyps[comps->hyp[comp]];
	const rl_finding *f = fw->f;
	const rl_element *el = fw->el;
	/* A severe lesion makes each of its findings likelier, a mild one
	 * rarer; capped below 1 so that nothing is certain. */
	double s = rl_focal_sensitivity(p->sens[f->fkind], rl_modality_scale(r, f),
	                                comps->scale[comp]);

	*qL = *qE = *phi = 0.0;
	switch (h->pattern) {
	case RADLOC_RADICULOPATHY:
	case RADLOC_MULTIRADICULOPATHY: {
		double reach = rl_side_reach(r, h->side, f->side);
		if (reach == 0.0)
			return;
		*qL = rl_roots_loss(s, fw->w, h->roots, h->root_count, reach);
		*phi = rl_roots_share(fw->w, h->roots, h->root_count, reach);
		return;
	}
	case RADLOC_MONONEUROPATHY: {
		double reach = rl_side_reach(r, h->side, f->side);
		double share = rl_site_share_of(el, h->nerve, rl_comp_site(comps, comp));
		*qL = rl_nerve_loss(s, share, reach);
		*phi = rl_nerve_share(share, reach);
		return;
	}
	case RADLOC_PLEXOPATHY: {
		/* Its roots' fibres on the routes through it: each root's
		 * weight scaled by the element's route share (rules_plexus.c). */
		double reach = rl_side_reach(r, h->side, f->side);
		double route = el->plexus_route[h->plexus->index];
		if (reach == 0.0 || route == 0.0)
			return;
		*qL = rl_roots_loss(s * route, fw->w, h->plexus->roots, h->plexus->root_count, reach);
		*phi = rl_roots_share_routed(fw->w, h->plexus->roots, h->plexus->root_count,
		                             route, reach);
		return;
	}
	case RADLOC_POLYNEUROPATHY: {
		/* Length-dependent: a logistic edge at the extent's threshold. */
		if (el->limb == RL_MIDLINE)
			return;
		const rl_extent *x = &r->patterns.extents[comps->extent[comp]];
		double z = (el->distal_rank - x->threshold) / r->patterns.poly_gradient;
		/* Past the edge the nerves are lost whole; at it, in part. */
		*phi = 1.0 / (1.0 + exp(-z));
		*qL = rl_pattern_sensitivity(r, f, RADLOC_POLYNEUROPATHY) * *phi;
		return;
	}
	case RADLOC_CAUDA_EQUINA: {
		/* Its roots lie together in one sac and are taken together: the
		 * shares of the element they carry add, and the lesion acts on
		 * it as one structure carrying that share, as a nerve does
		 * (docs/scoring.md, "Cauda equina extents"). */
		double taken = 0.0;
		if (el->limb == RL_ARM)
			return;
		for (size_t j = 0; j < el->root_count; j++)
			taken += fw->w[el->roots[j].index] *
			         rl_cauda_root(r, comps->extent[comp], el->roots[j].index);
		*phi = taken < 1.0 ? taken : 1.0;
		*qL = rl_nerve_loss(s, *phi, 1.0);
		return;
	}
	case RADLOC_MYELOPATHY:
		/* Its level and form (cord.c): the level's root findings at
		 * the roots' sensitivity, the long tracts below. */
		rl_cord_element_q(r, f, el, fw->w, s, rl_comp_cord(comps, comp), qL, qE, phi);
		return;
	case RADLOC_MOTOR_NEURON_DISEASE:
		rl_mnd_q(r, f, el, qL, qE, phi);
		return;
	case RADLOC_OTHER: /* rl_other_q(); graded evenly in other_outcome() */
	case RADLOC_NORMAL:
	case RADLOC_TWO_LESIONS: /* never a component: scored by its parts */
		return;
	}
}

void rl_sign_link_of(const radloc_rules *r, const rl_components *comps, size_t comp,
                     const rl_fwork *fw, rl_sign_link *out)
{
	const rl_hypothesis *h = &r->hyps[comps->hyp[comp]];
	int site = rl_comp_site(comps, comp);
	radloc_side finding_side = fw->f->side;
	out->count = 1;
	out->scaled = 1;
	out->fixed = 0.0;
	switch (h->pattern) {
	case RADLOC_RADICULOPATHY:
	case RADLOC_MULTIRADICULOPATHY:
		out->count = h->root_count;
		for (int i = 0; i < h->root_count; i++)
			out->column[i] = h->roots[i];
		out->reach = rl_side_reach(r, h->side, finding_side);
		return;
	case RADLOC_MONONEUROPATHY:
		out->column[0] = site >= 0 ? (int)rl_sign_site_column(r, site)
		                           : (int)rl_sign_nerve_column(r, h->nerve);
		out->reach = rl_side_reach(r, h->side, finding_side);
		return;
	case RADLOC_PLEXOPATHY:
		/* A plexus element is one-sided and focal: its own sign
		 * sensitivity (`plexus:`), on its own side, scaled by its
		 * severity. */
		out->column[0] = (int)rl_sign_plexus_column(r, h->plexus->index);
		out->reach = rl_side_reach(r, h->side, finding_side);
		return;
	default:
		out->column[0] = (int)rl_sign_pattern_column(r, h->pattern);
		out->scaled = 0;
		/* A myelopathy's level and form: Hoffmann only above C8, a
		 * hemicord's signs on its side (cord.c). */
		out->reach = h->pattern == RADLOC_MYELOPATHY && fw->sg
		             ? rl_cord_sign_reach(r, fw->sg, rl_comp_cord(comps, comp), finding_side)
		             : 1.0;
		/* A cauda equina extent with its own row for the sign (a conus's
		 * Babinski) sets it, fixed, in place of the pattern's drawn one. */
		if (h->pattern == RADLOC_CAUDA_EQUINA && fw->sg) {
			double own = rl_cauda_sign_sensitivity(r, comps->extent[comp],
			                                       (size_t)(fw->sg - r->signs));
			if (own >= 0.0) {
				out->count = 0;
				out->fixed = own;
			}
		}
		return;
	}
}

/* P(sign positive | component) = 1 - P(it stays negative); with no
 * component, the background 1 - specificity. */
static double sign_positive(const radloc_rules *r, const rl_fwork *fw,
                            const rl_components *comps, size_t comp)
{
	if (comps == NULL)
		return 1.0 - fw->sg->specificity;
	/* `other`: the sign's background, and its broad rate on top. */
	if (r->hyps[comps->hyp[comp]].pattern == RADLOC_OTHER)
		return 1.0 - fw->sg->specificity * (1.0 - r->patterns.other_abnormal[RL_SIGNKIND]);
	rl_sign_link link;
	rl_sign_link_of(r, comps, comp, fw, &link);
	return 1.0 - rl_sign_negative(fw->sg->specificity, fw->ssens, &link,
	                              comps->scale[comp]);
}

/* The rate and grading of abnormality with no lesion: the element's own
 * (rules_load.c copies the kind's in where it has none); pain, recorded
 * on a region, has its kind's. */
static double background_of(const rl_findparams *fp, const rl_element *el, int fkind,
                            const double **levels)
{
	if (fkind == RL_PAIN || el == NULL) {
		*levels = fp->bglevels;
		return fp->background;
	}
	*levels = el->bglevels;
	return el->background;
}

/* What a person's traits make of a finding's backgrounds: loss at least
 * `loss`, brisk at least `brisk` (0: the person's traits leave it). */
typedef struct trait_bg {
	double loss, brisk;
} trait_bg;

static const trait_bg no_trait = {0.0, 0.0};

static double loss_background(const rl_findparams *fp, const rl_element *el, int fkind,
                              const trait_bg *tb, const double **levels)
{
	double b = background_of(fp, el, fkind, levels);
	if (tb->loss <= b)
		return b;
	/* Age-related loss takes the distal axons whole: graded as a
	 * lesion of the whole supply (an ankle jerk lost, not faded). */
	*levels = fp->lesion_full;
	return tb->loss;
}

static double brisk_background(const rl_findparams *fp, int fkind, const trait_bg *tb)
{
	return fkind == RL_REFLEX ? fmax(fp->brisk_background, tb->brisk) : 0.0;
}

/* P(the finding's true state is t): lesion and background, before the
 * examiner records it. */
static double true_probability(const rl_findparams *fp, const rl_element *el, int fkind,
                               int t, double qL, double qE, double phi, const trait_bg *tb)
{
	const double *bglevels;
	double bL = loss_background(fp, el, fkind, tb, &bglevels);
	double QL = qL + (1.0 - qL) * bL;

	if (t >= 1 && t <= fp->levels) {
		int v = t - 1;
		double g = rl_full_weight(phi, fp->share_exponent);
		double lesion = g * fp->lesion_full[v] + (1.0 - g) * fp->lesion_partial[v];
		return qL * lesion + (1.0 - qL) * bL * bglevels[v];
	}
	double bE = brisk_background(fp, fkind, tb);
	double QE = qE + (1.0 - qE) * bE;
	if (t == RL_NORMAL)
		return (1.0 - QL) * (1.0 - QE);
	int v = t - RL_BRISK;
	return (1.0 - QL) * (qE * fp->brisk_lesion[v] + (1.0 - qE) * bE * fp->brisk_bg[v]);
}

/* P(the finding is recorded as o): the true state, recorded rightly with
 * 1 - eps; with the call reversed (a normal finding recorded as the
 * mildest abnormal grade, an abnormal one as normal) with eps_r; as any
 * outcome at random with eps_g. docs/scoring.md, Examiner error. */
static double outcome_probability(const rl_findparams *fp, const rl_element *el, int fkind,
                                  int o, double qL, double qE, double phi,
                                  const trait_bg *tb)
{
	double eps = fp->examiner_error, gross = eps * fp->gross_error;
	double reversed = eps - gross;
	double p = (1.0 - eps) * true_probability(fp, el, fkind, o, qL, qE, phi, tb) +
	           gross / (double)rl_outcome_count(fkind);
	if (reversed <= 0.0 || (o != RL_NORMAL && o != 1 && o != RL_BRISK))
		return p;
	double normal = true_probability(fp, el, fkind, RL_NORMAL, qL, qE, phi, tb);
	if (o == RL_NORMAL)
		return p + reversed * (1.0 - normal);
	/* A normal reflex recorded wrongly is recorded low or brisk in the
	 * proportion the background makes them. */
	const double *bglevels;
	double bL = loss_background(fp, el, fkind, tb, &bglevels);
	double bE = brisk_background(fp, fkind, tb);
	double low = bL + bE > 0.0 ? bL / (bL + bE) : 1.0;
	if (o == 1)
		return p + reversed * normal * low;
	return fkind == RL_REFLEX ? p + reversed * normal * (1.0 - low) : p;
}

/* The same equations with qE = 0 are bilinear in q and g = phi^k:
 * P = A + q (S + g T), read off at the corners (phi = 1 is g = 1). */
static void outcome_corners(const radloc_rules *r, const rl_fwork *fw, int outcome,
                            const trait_bg *tb, double corner[3])
{
	int k = fw->f->fkind;
	const rl_findparams *fp = &r->findings[k];
	corner[0] = outcome_probability(fp, fw->el, k, outcome, 0.0, 0.0, 0.0, tb);
	corner[1] = outcome_probability(fp, fw->el, k, outcome, 1.0, 0.0, 0.0, tb);
	corner[2] = outcome_probability(fp, fw->el, k, outcome, 1.0, 0.0, 1.0, tb);
}

int rl_outcome_slopes(const radloc_rules *r, const rl_fwork *fw, int outcome,
                      double slope[2])
{
	double c[3];
	outcome_corners(r, fw, outcome, &no_trait, c);
	if (!(c[0] > 1e-300))
		return -1;
	slope[0] = (c[1] - c[0]) / c[0];
	slope[1] = (c[2] - c[1]) / c[0];
	return 0;
}

static trait_bg trait_of(const radloc_rules *r, unsigned mask, int person)
{
	trait_bg tb = no_trait;
	unsigned on = mask & (unsigned)person;
	if (on & RL_TRAIT_BRISK)
		tb.brisk = r->traits.brisk_rate;
	if (on & RL_TRAIT_DISTAL)
		tb.loss = r->traits.distal_rate;
	return tb;
}

void rl_outcome_slopes_traits(const radloc_rules *r, const rl_fwork *fw, int outcome,
                              unsigned mask, double abc[RL_TRAIT_PEOPLE][3])
{
	for (int person = 0; person < RL_TRAIT_PEOPLE; person++) {
		trait_bg tb = trait_of(r, mask, person);
		outcome_corners(r, fw, outcome, &tb, abc[person]);
		abc[person][2] -= abc[person][1];
		abc[person][1] -= abc[person][0];
	}
}

/* A sign as recorded (rl_sign_observed), at the sign's own error. */
static double sign_observed(const radloc_rules *r, const rl_fwork *fw, double p)
{
	return rl_sign_observed(p, fw->sg->examiner_error, r->findings[RL_SIGNKIND].gross_error);
}

static double floor_prob(double x)
{
	return x < RL_MIN_PROB ? RL_MIN_PROB : x;
}

/* `other`, none of the lesions modelled: a process without anatomy that
 * reaches each element with its kind's broad rate a_k, an abnormal reflex
 * brisk with share e, and grades what it reaches evenly over the kind's
 * levels (it claims no severity), on top of the background:
 *     qL = a_k (1 - e_k),  qE = a_k e_k   (e_k = e for reflexes, else 0)
 *     lesion(v) = 1 / levels_k,  brisk_lesion(v) = 1/2
 * in the equations of outcome_probability(). */
static double other_outcome(const radloc_rules *r, const rl_element *el, int fkind,
                            int outcome, const trait_bg *tb)
{
	rl_findparams even = r->findings[fkind];
	double a = r->patterns.other_abnormal[fkind];
	double e = fkind == RL_REFLEX ? r->patterns.other_brisk : 0.0;
	for (int v = 0; v < even.levels; v++)
		even.lesion_full[v] = even.lesion_partial[v] = 1.0 / even.levels;
	even.brisk_lesion[0] = even.brisk_lesion[1] = 0.5;
	return outcome_probability(&even, el, fkind, outcome, a * (1.0 - e), a * e, 0.0, tb);
}

static int is_other(const radloc_rules *r, const rl_components *comps, size_t comp)
{
	return r->hyps[comps->hyp[comp]].pattern == RADLOC_OTHER;
}

/* What a component (comps NULL: none) makes of an element finding: its
 * q, phi and whether it is `other`, so that each outcome is then one call
 * of element_outcome. */
typedef struct element_state {
	double qL, qE, phi;
	int other;
} element_state;

static element_state element_state_of(const radloc_rules *r, const rl_params *p,
                                      const rl_fwork *fw, const rl_components *comps,
                                      size_t comp)
{
	element_state e = {0.0, 0.0, 0.0, comps != NULL && is_other(r, comps, comp)};
	if (comps != NULL && !e.other)
		element_q(r, p, fw, comps, comp, &e.qL, &e.qE, &e.phi);
	return e;
}

static double element_outcome(const radloc_rules *r, const rl_fwork *fw,
                              const element_state *e, int outcome, const trait_bg *tb)
{
	int k = fw->f->fkind;
	return floor_prob(e->other ? other_outcome(r, fw->el, k, outcome, tb)
	                           : outcome_probability(&r->findings[k], fw->el, k, outcome,
	                                                 e->qL, e->qE, e->phi, tb));
}

double rl_likelihood(const radloc_rules *r, const rl_params *p,
                     const rl_fwork *fw, const rl_components *comps,
                     size_t comp, int outcome)
{
	if (fw->sg) {
		double pos = sign_positive(r, fw, comps, comp);
		return floor_prob(sign_observed(r, fw, outcome ? pos : 1.0 - pos));
	}
	element_state e = element_state_of(r, p, fw, comps, comp);
	return element_outcome(r, fw, &e, outcome, &no_trait);
}

void rl_outcome_probs(const radloc_rules *r, const rl_params *p,
                      const rl_fwork *fw, const rl_components *comps,
                      size_t comp, double *out)
{
	if (fw->sg) {
		double pos = sign_positive(r, fw, comps, comp);
		out[0] = floor_prob(sign_observed(r, fw, 1.0 - pos));
		out[1] = floor_prob(sign_observed(r, fw, pos));
		return;
	}
	element_state e = element_state_of(r, p, fw, comps, comp);
	for (int o = 0; o < rl_outcome_count(fw->f->fkind); o++)
		out[o] = element_outcome(r, fw, &e, o, &no_trait);
}

double rl_background(const radloc_rules *r, const rl_fwork *fw, int outcome)
{
	if (fw->sg) {
		double pos = 1.0 - fw->sg->specificity;
		return floor_prob(sign_observed(r, fw, outcome ? pos : 1.0 - pos));
	}
	return floor_prob(outcome_probability(&r->findings[fw->f->fkind], fw->el, fw->f->fkind,
	                                      outcome, 0.0, 0.0, 0.0, &no_trait));
}

/* ---- person-level traits (docs/scoring.md; trait_of is above) ---- */

/* The element finding's likelihood for each of the four people, the
 * state e (one lesion or two) fixed: only the traits in mask move it, so
 * the others copy the person without them. */
static void per_person(const radloc_rules *r, const rl_fwork *fw, const element_state *e,
                       int outcome, unsigned mask, double out[RL_TRAIT_PEOPLE])
{
	for (int person = 0; person < RL_TRAIT_PEOPLE; person++) {
		if (person & ~(int)mask) {
			out[person] = out[person & (int)mask];
			continue;
		}
		trait_bg tb = trait_of(r, mask, person);
		out[person] = element_outcome(r, fw, e, outcome, &tb);
	}
}

void rl_likelihood_traits(const radloc_rules *r, const rl_params *p,
                          const rl_fwork *fw, const rl_components *comps,
                          size_t comp, int outcome, unsigned mask,
                          double out[RL_TRAIT_PEOPLE])
{
	element_state e = element_state_of(r, p, fw, comps, comp);
	per_person(r, fw, &e, outcome, mask, out);
}

double rl_element_likelihood(const radloc_rules *r, const rl_fwork *fw, double qL,
                             double qE, double phi, int outcome)
{
	element_state e = {qL, qE, phi, 0};
	return element_outcome(r, fw, &e, outcome, &no_trait);
}

void rl_element_likelihood_traits(const radloc_rules *r, const rl_fwork *fw, double qL,
                                  double qE, double phi, int outcome, unsigned mask,
                                  double out[RL_TRAIT_PEOPLE])
{
	element_state e = {qL, qE, phi, 0};
	per_person(r, fw, &e, outcome, mask, out);
}

/* Two lesions at once (docs/scoring.md): each acts independently, so a
 * finding is abnormal unless both spare it, q = 1 - (1 - qa)(1 - qb),
 * graded by the share either takes, phi = 1 - (1 - phia)(1 - phib) (two
 * roots as a pair get their multiradiculopathy's equations); a sign
 * stays negative only if both leave it so. */
void rl_part_state_of(const radloc_rules *r, const rl_params *p, const rl_fwork *fw,
                      const rl_components *comps, size_t comp, rl_part_state *out)
{
	*out = (rl_part_state){0.0, 0.0, 0.0, 1.0, 1.0};
	if (fw->sg) {
		rl_sign_link link;
		rl_sign_link_of(r, comps, comp, fw, &link);
		out->neg_spec = rl_sign_negative(fw->sg->specificity, fw->ssens, &link,
		                                 comps->scale[comp]);
		out->neg_one = rl_sign_negative(1.0, fw->ssens, &link, comps->scale[comp]);
		return;
	}
	element_state e = element_state_of(r, p, fw, comps, comp);
	out->qL = e.qL;
	out->qE = e.qE;
	out->phi = e.phi;
}

void rl_pair_likelihood_states(const radloc_rules *r, const rl_fwork *fw,
                               const rl_part_state *a, const rl_part_state *b,
                               int outcome, unsigned mask, double out[RL_TRAIT_PEOPLE])
{
	if (fw->sg) {
		double neg = a->neg_spec * b->neg_one;
		double like = floor_prob(sign_observed(r, fw, outcome ? 1.0 - neg : neg));
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			out[t] = like;
		return;
	}
	element_state e = {1.0 - (1.0 - a->qL) * (1.0 - b->qL),
	                   1.0 - (1.0 - a->qE) * (1.0 - b->qE),
	                   1.0 - (1.0 - a->phi) * (1.0 - b->phi), 0};
	per_person(r, fw, &e, outcome, mask, out);
}

void rl_pair_likelihood_traits(const radloc_rules *r, const rl_params *p,
                               const rl_fwork *fw, const rl_components *comps,
                               size_t a, size_t b, int outcome, unsigned mask,
                               double out[RL_TRAIT_PEOPLE])
{
	rl_part_state sa, sb;
	rl_part_state_of(r, p, fw, comps, a, &sa);
	rl_part_state_of(r, p, fw, comps, b, &sb);
	rl_pair_likelihood_states(r, fw, &sa, &sb, outcome, mask, out);
}

int rl_logsumexp(const double *x, size_t n, double *out)
{
	double max = -INFINITY, sum = 0.0;

	for (size_t i = 0; i < n; i++)
		if (x[i] > max)
			max = x[i];
	if (!isfinite(max))
		return GSL_EDOM;
	/* Plain exp and log: every d lies in [-700, 0], inside the range
	 * where gsl_sf_exp_e returns exp(d) itself, and the sum is at least
	 * 1 (the maximum's term), where gsl_sf_log_e returns log(sum); the
	 * wrappers cost a call and an error estimate per term on the
	 * hottest path (docs/performance.md). */
	for (size_t i = 0; i < n; i++) {
		double d = x[i] - max;
		/* exp(-700) is below anything that can change the sum. */
		if (d < -700.0)
			continue;
		sum += exp(d);
	}
	if (sum <= 0.0) /* as gsl_sf_log_e: a NaN passes through */
		return GSL_EDOM;
	*out = max + log(sum);
	return GSL_SUCCESS;
}

/* The draws' exact kernels that must give what rl_likelihood gives, bit
 * for bit, and the classes that let components share a computation in
 * each draw: a myelopathy's cord classes, a root lesion's share classes,
 * a plexus element's and a cauda equina's element kernels
 * (draw_kernels.c uses them). docs/scoring.md, "Myelopathy: level and
 * form"; docs/performance.md, "Issue #18: the draw path". */
#include <string.h>

#include "intervals_impl.h"

int rl_draw_exact_kernels = 1;

/* The index of a severity scale among the rules', or -1. */
static int severity_index(const radloc_rules *r, double scale)
{
	for (size_t j = 0; j < r->patterns.severity_count; j++)
		if (r->patterns.severity[j] == scale)
			return (int)j;
	return -1;
}

/* A plexus element's or a cauda equina's loss and share for an element
 * finding, as element_q (model.c) computes them, sens the finding's
 * focal sensitivity at the component's severity. */
void rl_state_q(const radloc_rules *r, const rl_fwork *fw, int kind,
                    const rl_plexus *plexus, double route, int extent, double reach,
                    double sens, double *qL, double *phi)
{
	const rl_element *el = fw->el;
	*qL = *phi = 0.0;
	if (kind == KERNEL_PLEXUS) {
		if (reach == 0.0 || route == 0.0)
			return;
		*qL = rl_roots_loss(sens * route, fw->w, plexus->roots, plexus->root_count, reach);
		*phi = rl_roots_share_routed(fw->w, plexus->roots, plexus->root_count, route,
		                             reach);
		return;
	}
	double taken = 0.0;
	if (el->limb == RL_ARM)
		return;
	/* rl_cauda_root's row, read once: the same numbers. */
	const rl_patterns *P = &r->patterns;
	const double *involved = extent < 0 || (size_t)extent >= P->cauda_extent_count
	                         ? P->cauda_roots : P->cauda_extents[extent].roots;
	for (size_t j = 0; j < el->root_count; j++)
		taken += fw->w[el->roots[j].index] * involved[el->roots[j].index];
	*phi = taken < 1.0 ? taken : 1.0;
	*qL = rl_nerve_loss(sens, *phi, 1.0);
}

/* KERNEL_PLEXUS or KERNEL_CAUDA where component c reads element finding
 * fw that way (at one of the rules' severities), else KERNEL_GENERIC. */
int rl_state_kind(const rl_scoring *s, const rl_fwork *fw, size_t c)
{
	const radloc_rules *r = s->r;
	radloc_pattern pattern = r->hyps[s->comps->hyp[c]].pattern;
	if (!rl_draw_exact_kernels || !fw->el || severity_index(r, s->comps->scale[c]) < 0)
		return KERNEL_GENERIC;
	if (pattern == RADLOC_PLEXOPATHY)
		return KERNEL_PLEXUS;
	if (pattern == RADLOC_CAUDA_EQUINA && s->comps->extent && s->comps->extent[c] >= 0)
		return KERNEL_CAUDA;
	return KERNEL_GENERIC;
}

/* The share class of finding f for a lesion of these roots at this
 * reach: found among those made, else added (with rl_draw_exact_kernels
 * 0, one per kernel: the reference the sharing must match). */
size_t rl_share_class_of(interval_work *w, const rl_scoring *s, size_t f,
                             const int *roots, int root_count, double reach)
{
	for (size_t j = 0; rl_draw_exact_kernels && j < w->share_class_count; j++) {
		const share_class *o = &w->share_classes[j];
		if (o->finding == f && o->root_count == root_count && o->reach == reach &&
		    memcmp(o->roots, roots, (size_t)root_count * sizeof *roots) == 0)
			return j;
	}
	share_class *k = &w->share_classes[w->share_class_count];
	memset(k, 0, sizeof *k);
	k->finding = f;
	k->root_count = root_count;
	memcpy(k->roots, roots, (size_t)root_count * sizeof *roots);
	k->reach = reach;
	k->exponent = s->r->findings[w->fw[f].f->fkind].share_exponent;
	return w->share_class_count++;
}

/* Whether component c reads element finding fw through a cord class: a
 * myelopathy at a level, at one of the rules' severities (sens_of is
 * indexed by them). */
int rl_reads_cord_class(const rl_scoring *s, const rl_fwork *fw, size_t c)
{
	const radloc_rules *r = s->r;
	return rl_draw_exact_kernels && fw->el && r->cord.present &&
	       r->hyps[s->comps->hyp[c]].pattern == RADLOC_MYELOPATHY &&
	       rl_comp_cord(s->comps, c) >= 0 && severity_index(r, s->comps->scale[c]) >= 0;
}

/* A component's part as rl_cord_q reads it for this finding: the
 * complete form is the transverse one but for motor and sensory
 * findings. */
static int cord_part_key(const rl_fwork *fw, int cord)
{
	int part = cord % RL_CORD_PARTS;
	if (part == RL_PART_COMPLETE && fw->f->fkind != RL_MOTOR && fw->f->fkind != RL_SENSORY)
		return RL_PART_TRANSVERSE;
	return part;
}

/* Whether a class's qL, qE and phi are +0 in every draw. rl_cord_q
 * builds them from non-negative shares and sensitivities by products,
 * sums, 1 - x and fmax, each monotone under rounding, so they are largest
 * where every share its masks allow is 1 and the roots' sensitivity 1
 * (a draw's is capped below); zero there is zero in every draw: a factor
 * no draw moves is 0 (a hemicord's motor and reflex findings on the
 * other side; a level below every root of the element). */
static int always_zero(const radloc_rules *r, const rl_fwork *fw, const cord_class *k)
{
	rl_cord_shares top = {k->masks.at ? 1.0 : 0.0, k->masks.below ? 1.0 : 0.0,
	                      k->masks.crossed ? 1.0 : 0.0, k->masks.taken ? 1.0 : 0.0};
	double qL, qE, phi;
	rl_cord_q(r, fw->f, fw->el, 1.0, k->below_sens, k->cord, &top, &qL, &qE, &phi);
	return qL == 0.0 && qE == 0.0 && phi == 0.0;
}

/* The class of component c among finding f's (from cord_class_start[f]
 * to *end), added at *end if none computes the same numbers: the same
 * severity, part and masks give the same qL, qE and phi in every draw
 * (rl_cord_q reads the level only through the masks). */
static size_t cord_class_of(interval_work *w, const rl_scoring *s, size_t f, size_t c,
                            size_t *end)
{
	const rl_fwork *fw = &w->fw[f];
	cord_class k;
	memset(&k, 0, sizeof k);
	k.severity = severity_index(s->r, s->comps->scale[c]);
	k.cord = rl_comp_cord(s->comps, c);
	rl_cord_masks_of(s->r, fw->f, fw->el, k.cord, &k.masks);
	k.below_sens = rl_pattern_sensitivity(s->r, fw->f, RADLOC_MYELOPATHY);
	int part = cord_part_key(fw, k.cord);
	k.zero = always_zero(s->r, fw, &k);
	for (size_t j = w->cord_class_start[f]; j < *end; j++) {
		const cord_class *o = &w->cord_classes[j];
		/* Every component that moves nothing computes the same. */
		if (k.zero || o->zero) {
			if (k.zero && o->zero)
				return j;
			continue;
		}
		/* With no root at the level the severity reaches nothing: the
		 * sensitivity only scales the level's own roots (lmn = s * 0). */
		if ((o->severity == k.severity || (k.masks.at == 0 && o->masks.at == 0)) &&
		    cord_part_key(fw, o->cord) == part &&
		    o->masks.at == k.masks.at && o->masks.below == k.masks.below &&
		    o->masks.crossed == k.masks.crossed && o->masks.taken == k.masks.taken)
			return j;
	}
	w->cord_classes[*end] = k;
	return (*end)++;
}

/* Every cord class of finding f: its myelopathy components, grouped. */
void rl_make_cord_classes(interval_work *w, const rl_scoring *s)
{
	size_t end = 0;
	for (size_t f = 0; f < s->nf; f++) {
		w->cord_class_start[f] = end;
		for (size_t t = 0; t < s->touch_count[f]; t++) {
			int live = w->live_of[s->touch[f][t]];
			if (live >= 0 && rl_reads_cord_class(s, &w->fw[f], w->live[live]))
				cord_class_of(w, s, f, w->live[live], &end);
		}
		/* A class with q and phi 0 takes the same ratio in every draw,
		 * which reads no drawn number: worked out once, here. */
		for (size_t j = w->cord_class_start[f]; j < end; j++)
			if (w->cord_classes[j].zero)
				rl_cord_class_draw(s->r, &w->fw[f], &w->cord_classes[j], 1.0, s->outcome[f],
				                   w->trait_mask[f], w->inv_background[f]);
	}
	w->cord_class_start[s->nf] = end;
}

/* The class of component c for finding f, made by make_cord_classes. */
size_t rl_find_cord_class(interval_work *w, const rl_scoring *s, size_t f, size_t c)
{
	size_t end = w->cord_class_start[f + 1];
	return cord_class_of(w, s, f, c, &end);
}

/* One class in this draw: what rl_likelihood (an affected finding:
 * rl_likelihood_traits) computes for each of its components, the
 * finding's weights fw->w already this draw's, root_sens its kind's
 * sensitivity at the class's severity. */
void rl_cord_class_draw(const radloc_rules *r, const rl_fwork *fw, cord_class *k,
                            double root_sens, int outcome, unsigned mask,
                            double inv_background)
{
	const rl_element *el = fw->el;
	rl_cord_shares sh = {rl_cord_share(el, fw->w, k->masks.at),
	                     rl_cord_share(el, fw->w, k->masks.below),
	                     rl_cord_share(el, fw->w, k->masks.crossed),
	                     rl_cord_share(el, fw->w, k->masks.taken)};
	double qL, qE, phi;
	rl_cord_q(r, fw->f, el, root_sens, k->below_sens, k->cord, &sh, &qL, &qE, &phi);
	if (mask != 0)
		rl_element_likelihood_traits(r, fw, qL, qE, phi, outcome, mask, k->out);
	else
		k->value = rl_element_likelihood(r, fw, qL, qE, phi, outcome) * inv_background;
}


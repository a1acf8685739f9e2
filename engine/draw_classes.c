/* The draws' exact kernels that must give what rl_likelihood gives, bit
 * for bit, and the classes that let components share a computation in
 * each draw: a myelopathy's cord classes, a root lesion's share classes,
 * a plexus element's and a cauda equina's element kernels, and live
 * components that share a whole product of ratios or a traits' mixture
 * (draw_kernels.c uses them). docs/scoring.md, "Myelopathy: level and
 * form"; docs/performance-log.md, "Issue #18: the draw path". */
#include <stdlib.h>
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

/* Tests only: how many live components took an earlier one's mixture
 * (atomic: a batch scores on several threads). */
atomic_ulong rl_draw_shared_mixtures;

atomic_ulong rl_draw_shared_ratios;

/* Whether live components i and j have the same trait kernels, byte for
 * byte (each zeroed, then filled), none of them generic: a generic
 * kernel reads its own component; every other reads only its fields and
 * what its finding has in this draw. Their mixtures are then the same
 * operations on the same numbers in every draw. */
int rl_same_trait_kernels(const interval_work *w, size_t i, size_t j)
{
	size_t n = w->trait_kernel_start[i + 1] - w->trait_kernel_start[i];
	if (n == 0 || n != w->trait_kernel_start[j + 1] - w->trait_kernel_start[j])
		return 0;
	const trait_kernel *a = w->trait_kernels + w->trait_kernel_start[i];
	const trait_kernel *b = w->trait_kernels + w->trait_kernel_start[j];
	for (size_t t = 0; t < n; t++)
		if (a[t].kind == KERNEL_GENERIC || memcmp(&a[t], &b[t], sizeof a[t]) != 0)
			return 0;
	return 1;
}

/* Whether two kernels of one finding multiply by the same number in
 * every draw: the same kind, not generic (it reads its own component),
 * and the same fields that kind reads (apply_run). */
static int same_kernel(const draw_kernel *a, const draw_kernel *b)
{
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case KERNEL_ROOTS:
		return a->severity == b->severity && a->root_count == b->root_count &&
		       memcmp(a->roots, b->roots, (size_t)a->root_count * sizeof a->roots[0]) == 0 &&
		       a->reach == b->reach && a->cls == b->cls;
	case KERNEL_NERVE:
		return a->severity == b->severity && a->nerve_slope == b->nerve_slope &&
		       a->nerve_share == b->nerve_share && a->reach == b->reach;
	case KERNEL_CONSTANT:
		return a->constant_ratio == b->constant_ratio;
	case KERNEL_CORD:
		return a->cls == b->cls;
	case KERNEL_PLEXUS:
	case KERNEL_CAUDA:
		return a->severity == b->severity && a->plexus == b->plexus &&
		       a->route == b->route && a->extent == b->extent && a->reach == b->reach;
	case KERNEL_SIGN:
		return a->scale == b->scale && a->sign.count == b->sign.count &&
		       a->sign.scaled == b->sign.scaled && a->sign.reach == b->sign.reach &&
		       a->sign.fixed == b->sign.fixed &&
		       memcmp(a->sign.column, b->sign.column,
		              (size_t)a->sign.count * sizeof a->sign.column[0]) == 0;
	default:
		return 0;
	}
}

/* A live component whose kernels are, finding by finding, the same as
 * an earlier one's takes that one's product of ratios in every draw (the
 * same numbers multiplied in the same order, moved aside at the same
 * findings: the same bits), and its kernels leave the findings' lists.
 * A myelopathy's levels that read every element as "below" are such.
 * Without memory for the index, or with rl_draw_exact_kernels 0, each
 * keeps its own. */
void rl_share_ratios(interval_work *w, const rl_scoring *s)
{
	size_t nl = w->live_count, nk = w->kernel_start[s->nf];
	for (size_t i = 0; i < nl; i++)
		w->ratio_same[i] = i;
	size_t *start = calloc(nl + 1, sizeof *start);
	size_t *order = malloc((nk + 1) * sizeof *order);
	size_t *finding = malloc((nk + 1) * sizeof *finding);
	size_t *at = malloc((nl + 1) * sizeof *at);
	if (rl_draw_exact_kernels && start && order && finding && at) {
		/* Each live component's kernels in finding order. */
		for (size_t t = 0; t < nk; t++)
			start[w->kernels[t].live + 1]++;
		for (size_t i = 0; i < nl; i++)
			start[i + 1] += start[i];
		memcpy(at, start, nl * sizeof *at);
		for (size_t f = 0; f < s->nf; f++)
			for (size_t t = w->kernel_start[f]; t < w->kernel_start[f + 1]; t++) {
				finding[at[w->kernels[t].live]] = f;
				order[at[w->kernels[t].live]++] = t;
			}
		for (size_t i = 0; i < nl; i++) {
			size_t n = start[i + 1] - start[i];
			for (size_t j = 0; n > 0 && j < i; j++) {
				if (w->ratio_same[j] != j || start[j + 1] - start[j] != n)
					continue;
				size_t m = 0;
				while (m < n && finding[start[i] + m] == finding[start[j] + m] &&
				       same_kernel(&w->kernels[order[start[i] + m]],
				                   &w->kernels[order[start[j] + m]]))
					m++;
				if (m == n) {
					w->ratio_same[i] = j;
					atomic_fetch_add_explicit(&rl_draw_shared_ratios, 1,
					                          memory_order_relaxed);
					break;
				}
			}
		}
		/* Drop the kernels of those that share, keeping each finding's
		 * order (sorted by kind: runs again). */
		size_t n = 0;
		for (size_t f = 0; f < s->nf; f++) {
			size_t from = w->kernel_start[f];
			w->kernel_start[f] = n;
			for (size_t t = from; t < w->kernel_start[f + 1]; t++)
				if (w->ratio_same[w->kernels[t].live] == (size_t)w->kernels[t].live)
					w->kernels[n++] = w->kernels[t];
			for (size_t t = n; t-- > w->kernel_start[f];)
				w->kernels[t].run_end = t + 1 < n && w->kernels[t + 1].kind == w->kernels[t].kind
				                        ? w->kernels[t + 1].run_end : t + 1;
		}
		w->kernel_start[s->nf] = n;
	}
	free(start);
	free(order);
	free(finding);
	free(at);
}

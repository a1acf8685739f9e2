/* Myelopathy with a level and a form (docs/scoring.md, "Myelopathy:
 * level and form"). A lesion of segment X takes the lower motor neuron
 * of X (its root's muscles, reflexes and skin) and the long tracts below
 * it: pyramidal weakness and brisk reflexes below X, sensory loss below
 * X in the tracts the form takes. The transverse form takes every tract
 * on both sides; a hemicord (Brown-Sequard) the pyramidal tract and the
 * dorsal columns on its own side and the crossed spinothalamic tract of
 * the other side from crossed_offset segments below; the central form a
 * cape of pain and temperature over central_span segments from X, with
 * the arms' pyramidal fibres (medial) taken more than the legs'. */
#include <math.h>

#include "cord.h"
#include "model.h"

size_t rl_cord_component_count(const radloc_rules *r)
{
	return r->cord.present ? r->cord.level_count * RL_CORD_PARTS : 1;
}

int rl_cord_level(const radloc_rules *r, int i)
{
	return r->cord.level[i / RL_CORD_PARTS];
}

int rl_cord_form(int i)
{
	switch (i % RL_CORD_PARTS) {
	case RL_PART_TRANSVERSE: return RL_CORD_TRANSVERSE;
	case RL_PART_CENTRAL: return RL_CORD_CENTRAL;
	case RL_PART_COMPLETE: return RL_CORD_TRANSVERSE;
	default: return RL_CORD_HEMICORD;
	}
}

double rl_cord_log_share(const radloc_rules *r, size_t i)
{
	const rl_cord *c = &r->cord;
	if (!c->present)
		return 0.0;
	int form = rl_cord_form((int)i);
	int part = (int)(i % RL_CORD_PARTS);
	double w = c->level_weight[i / RL_CORD_PARTS] * c->form_weight[form] *
	           (form == RL_CORD_HEMICORD ? 0.5 : 1.0);
	/* The transverse form's share is split between incomplete and
	 * complete (`complete`, 0 when the rules do not give it). */
	if (part == RL_PART_TRANSVERSE)
		w *= 1.0 - c->complete;
	else if (part == RL_PART_COMPLETE)
		w *= c->complete;
	return w > 0.0 ? log(w) : -INFINITY;
}

/* The side a hemicord part lies on, else RADLOC_MIDLINE (both halves). */
static radloc_side hemi_side(int i)
{
	int part = i % RL_CORD_PARTS;
	return part == RL_PART_HEMI_LEFT ? RADLOC_LEFT
	       : part == RL_PART_HEMI_RIGHT ? RADLOC_RIGHT : RADLOC_MIDLINE;
}

/* How much of a finding on side a tract of the lesion's own half
 * (same = 1) or of the other half (same = 0) reaches: both halves for
 * the transverse and central forms. */
static double tract_reach(const radloc_rules *r, int i, radloc_side side, int same)
{
	radloc_side own = hemi_side(i);
	if (own == RADLOC_MIDLINE)
		return same ? 1.0 : 0.0; /* one tract term, counted once */
	if (!same)
		own = own == RADLOC_LEFT ? RADLOC_RIGHT : RADLOC_LEFT;
	/* As a one-sided root reaches (model.c, rl_side_reach), written
	 * here so that the cord stays below the model. */
	if (side == RADLOC_MIDLINE)
		return r->midline_unilateral;
	return side == own ? 1.0 : 0.0;
}

/* Which of the element's roots (bit j for el->roots[j]) lie at the
 * levels [from, to]. */
static unsigned long long roots_between(const radloc_rules *r, const rl_element *el,
                                        double from, double to)
{
	unsigned long long m = 0;
	for (size_t j = 0; j < el->root_count; j++) {
		double lv = (double)r->roots[el->roots[j].index].level;
		if (lv >= from && lv <= to)
			m |= 1ull << j;
	}
	return m;
}

double rl_cord_share(const rl_element *el, const double *w, unsigned long long mask)
{
	double s = 0.0;
	for (size_t j = 0; mask >> j; j++)
		if (mask >> j & 1u)
			s += w[el->roots[j].index];
	return s > 1.0 ? 1.0 : s;
}

void rl_cord_masks_of(const radloc_rules *r, const rl_finding *f, const rl_element *el,
                      int i, rl_cord_masks *m)
{
	const rl_cord *c = &r->cord;
	double X = (double)rl_cord_level(r, i);
	int form = rl_cord_form(i);
	double span = form == RL_CORD_CENTRAL ? c->central_span : 1.0;
	m->at = roots_between(r, el, X, X + span - 1.0);
	m->below = roots_between(r, el, X + 1.0, INFINITY);
	/* Only the forms and kinds that read them. */
	m->crossed = form == RL_CORD_HEMICORD && f->fkind == RL_SENSORY
	             ? roots_between(r, el, X + c->crossed_offset, INFINITY) : 0;
	m->taken = i % RL_CORD_PARTS == RL_PART_COMPLETE &&
	           (f->fkind == RL_MOTOR || f->fkind == RL_SENSORY)
	           ? roots_between(r, el, X, INFINITY) : 0;
}

/* Which tracts carry the modality: pin prick and temperature the
 * spinothalamic, vibration and position the dorsal columns, light touch
 * both but kept by either, so lost with the dorsal columns (its fine
 * part); unstated, either. */
static void modality_tracts(const rl_finding *f, int *spinothalamic, int *dorsal)
{
	switch (f->modality) {
	case RADLOC_MODALITY_PIN_PRICK:
	case RADLOC_MODALITY_TEMPERATURE:
		*spinothalamic = 1, *dorsal = 0;
		return;
	case RADLOC_MODALITY_VIBRATION:
	case RADLOC_MODALITY_PROPRIOCEPTION:
	case RADLOC_MODALITY_LIGHT_TOUCH:
		*spinothalamic = 0, *dorsal = 1;
		return;
	default:
		*spinothalamic = *dorsal = 1;
	}
}

static double either(double a, double b)
{
	return 1.0 - (1.0 - a) * (1.0 - b);
}

void rl_cord_element_q(const radloc_rules *r, const rl_finding *f, const rl_element *el,
                       const double *w, double root_sens, int i, double *qL, double *qE,
                       double *phi)
{
	double below_sens = rl_pattern_sensitivity(r, f, RADLOC_MYELOPATHY);
	*qL = *qE = *phi = 0.0;
	if (i < 0) { /* no levels in the rules: brisk reflexes somewhere */
		if (f->fkind == RL_REFLEX)
			*qE = r->patterns.myelo_sens[RL_REFLEX];
		else if (f->fkind == RL_MOTOR || f->fkind == RL_SENSORY)
			*qL = below_sens;
		return;
	}
	rl_cord_masks m;
	rl_cord_masks_of(r, f, el, i, &m);
	rl_cord_shares sh = {rl_cord_share(el, w, m.at), rl_cord_share(el, w, m.below),
	                     rl_cord_share(el, w, m.crossed), rl_cord_share(el, w, m.taken)};
	rl_cord_q(r, f, el, root_sens, below_sens, i, &sh, qL, qE, phi);
}

void rl_cord_q(const radloc_rules *r, const rl_finding *f, const rl_element *el,
               double root_sens, double below_sens, int i, const rl_cord_shares *sh,
               double *qL, double *qE, double *phi)
{
	const rl_cord *c = &r->cord;
	int form = rl_cord_form(i);
	double at = sh->at, below = sh->below;
	double own = tract_reach(r, i, f->side, 1);
	double other = tract_reach(r, i, f->side, 0);
	*qL = *qE = *phi = 0.0;
	/* The grey matter of the level: its root's findings, on the lesion's
	 * side (both for the transverse and central forms). */
	double lmn = root_sens * at * own;

	/* A complete lesion (ISNCSCI AIS A: no motor or sensory function
	 * below the level, down to S4-S5) takes its own segment and every
	 * tract below it whole: the grey matter of X, where X's root enters
	 * and its motor neurons lie, and the tracts from below. Each finding
	 * of the segments from X down is lost with complete_sensitivity and
	 * graded as a whole supply lost (phi = that share): MRC 0 and absent
	 * sensation. Reflexes stay as the transverse form's (brisk below
	 * once spinal shock has passed). */
	if (i % RL_CORD_PARTS == RL_PART_COMPLETE &&
	    (f->fkind == RL_MOTOR || f->fkind == RL_SENSORY)) {
		double taken = sh->taken;
		*qL = either(lmn, c->complete_sensitivity * taken);
		*phi = taken;
		return;
	}
	/* A hemicord is named by its tracts: each lost below the level with
	 * its own sensitivity; the other forms keep the pattern's. */
	double tract_sens = form == RL_CORD_HEMICORD ? c->hemicord_sensitivity : below_sens;
	switch (f->fkind) {
	case RL_MOTOR: {
		double umn = (form == RL_CORD_HEMICORD ? c->hemicord_sensitivity
		                                       : r->patterns.myelo_sens[RL_MOTOR]) *
		             below * own;
		if (form == RL_CORD_CENTRAL && el->limb == RL_LEG)
			umn *= c->central_leg;
		*qL = either(lmn, umn);
		*phi = at * own;
		return;
	}
	case RL_REFLEX:
		*qL = lmn;
		*qE = r->patterns.myelo_sens[RL_REFLEX] * below * own;
		*phi = at * own;
		return;
	case RL_SENSORY: {
		int st, dc;
		modality_tracts(f, &st, &dc);
		if (form == RL_CORD_CENTRAL) {
			/* The cape: the crossing fibres of pain and temperature at
			 * the lesion's segments, touch and the dorsal columns kept. */
			*qL = st ? c->cape_sensitivity * at : 0.0;
			*phi = st ? at : 0.0;
			return;
		}
		double tract = 0.0, taken = 0.0;
		if (form == RL_CORD_TRANSVERSE) {
			tract = below_sens * below;
			taken = below;
		} else {
			double crossed = sh->crossed;
			double a = dc ? tract_sens * below * own : 0.0;
			double b = st ? tract_sens * crossed * other : 0.0;
			tract = either(a, b);
			taken = fmax(dc ? below * own : 0.0, st ? crossed * other : 0.0);
		}
		*qL = either(lmn, tract);
		*phi = fmax(at * own, taken);
		return;
	}
	default:
		return;
	}
}

double rl_cord_sign_reach(const radloc_rules *r, const rl_sign *sg, int i,
                          radloc_side finding_side)
{
	const rl_cord *c = &r->cord;
	if (i < 0 || !c->present)
		return 1.0;
	size_t s = (size_t)(sg - r->signs);
	int X = rl_cord_level(r, i);
	if (c->sign_from && c->sign_from[s] && (X < c->sign_from[s] || X > c->sign_to[s]))
		return 0.0;
	/* A hemicord's upper motor neuron signs are on its own side. */
	return tract_reach(r, i, finding_side, 1);
}

/* ---- flags from the modalities (docs/scoring.md) ---- */

/* The level of an element's main root (its largest share), 0 for none. */
static long main_level(const radloc_rules *r, const rl_element *el)
{
	double best = 0.0;
	long level = 0;
	for (size_t j = 0; j < el->root_count; j++)
		if (el->roots[j].weight > best) {
			best = el->roots[j].weight;
			level = r->roots[el->roots[j].index].level;
		}
	return level;
}

static const rl_element *region_of(const radloc_rules *r, const rl_finding *f)
{
	if (f->fkind != RL_SENSORY || f->nt || f->table != RADLOC_REGION)
		return NULL;
	return &r->elements[0][f->element]; /* regions: the first element table */
}

/* A sensory level on one side: loss on the trunk, and every sensory
 * finding of that side from the highest lost segment down lost (at least
 * two), none kept below it. */
static int sensory_level_on(const radloc_rules *r, const radloc_exam *exam,
                            radloc_side side)
{
	long top = 0;
	int lost = 0, trunk = 0;
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *f = &exam->findings[i];
		const rl_element *el = region_of(r, f);
		if (el == NULL || f->side != side || f->outcome == RL_NORMAL)
			continue;
		long lv = main_level(r, el);
		if (top == 0 || lv < top)
			top = lv;
		lost++;
		trunk |= el->limb == RL_TRUNK;
	}
	if (lost < 2 || !trunk)
		return 0;
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *f = &exam->findings[i];
		const rl_element *el = region_of(r, f);
		if (el && f->side == side && f->outcome == RL_NORMAL && main_level(r, el) >= top)
			return 0;
	}
	return 1;
}

unsigned rl_cord_flags(const radloc_rules *r, const radloc_exam *exam)
{
	unsigned flags = 0;
	if (sensory_level_on(r, exam, RADLOC_LEFT) || sensory_level_on(r, exam, RADLOC_RIGHT))
		flags |= RADLOC_FLAG_SENSORY_LEVEL;
	/* Dissociated: in one region on one side, a spinothalamic modality
	 * (pin prick, temperature) lost where a dorsal-column one (vibration,
	 * position, light touch) is kept, or the reverse. */
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *a = &exam->findings[i];
		int sa, da;
		if (region_of(r, a) == NULL || a->modality == RADLOC_MODALITY_UNSPECIFIED)
			continue;
		modality_tracts(a, &sa, &da);
		for (size_t j = 0; j < exam->count; j++) {
			const rl_finding *b = &exam->findings[j];
			int sb, db;
			if (region_of(r, b) == NULL || b->modality == RADLOC_MODALITY_UNSPECIFIED ||
			    b->element != a->element || b->side != a->side)
				continue;
			modality_tracts(b, &sb, &db);
			if (sa && db && a->outcome != RL_NORMAL && b->outcome == RL_NORMAL)
				flags |= RADLOC_FLAG_DISSOCIATED;
			if (da && sb && a->outcome != RL_NORMAL && b->outcome == RL_NORMAL)
				flags |= RADLOC_FLAG_DISSOCIATED;
		}
	}
	return flags;
}

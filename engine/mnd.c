/* Motor neuron disease: what it does to a limb finding (docs/scoring.md,
 * "Motor neuron disease"). The disease takes anterior horn cells and
 * corticospinal neurons wherever it has spread, not one root's or one
 * nerve's share, so a finding in any limb is reached alike:
 *     qL = s_k (the kind's sensitivity, sensory near 0)
 *     qE = b   (reflexes only: brisk even in a weak, wasted limb)
 *     phi = m  (the share of a weak muscle's motor neurons it takes)
 * and the saddle and the trunk not at all (sphincters are spared). Its
 * signs (Babinski, Hoffmann, fasciculations) go through their pattern
 * sensitivities in signs.yaml like myelopathy's.
 *
 * A movement the rules name in `movements` (the split hand: thumb and
 * index finger abduction before little finger abduction) has its own
 * sensitivity s_m in place of the motor s_k, and its share scales with
 * it, phi = min(1, m * s_m / s_k): the split hand is a difference in how
 * much of each pool is lost (CMAP amplitude ratios), so a spared muscle
 * is both less often weak and less weak when it is. */
#include <math.h>

#include "model.h"

static int in_a_limb(const rl_element *el)
{
	return el != NULL && (el->limb == RL_ARM || el->limb == RL_LEG);
}

/* The movement's own sensitivity, or -1 when the rules give none. */
static double movement_sensitivity(const radloc_rules *r, const rl_finding *f)
{
	const rl_patterns *P = &r->patterns;
	if (f->table != RADLOC_MOVEMENT)
		return -1.0;
	for (size_t i = 0; i < P->mnd_movement_count; i++)
		if (P->mnd_movements[i].index == f->element)
			return P->mnd_movements[i].weight;
	return -1.0;
}

void rl_mnd_q(const radloc_rules *r, const rl_finding *f, const rl_element *el,
              double *qL, double *qE, double *phi)
{
	*qL = *qE = *phi = 0.0;
	if (!in_a_limb(el) || f->fkind == RL_SIGNKIND)
		return;
	*qL = r->patterns.mnd_sens[f->fkind];
	*phi = r->patterns.mnd_share;
	double sm = movement_sensitivity(r, f), sk = *qL;
	if (sm >= 0.0 && sk > 0.0) {
		*qL = sm;
		*phi = fmin(1.0, *phi * sm / sk);
	}
	if (f->fkind == RL_REFLEX)
		*qE = r->patterns.mnd_brisk;
}

int rl_mnd_touches(const radloc_rules *r, const rl_finding *f, const rl_element *el)
{
	double qL, qE, phi;
	rl_mnd_q(r, f, el, &qL, &qE, &phi);
	return qL > 0.0 || qE > 0.0;
}

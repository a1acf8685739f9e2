/* The hypotheses radloc ranks, generated from the rule set: one root on
 * one side; two adjacent roots on one side; one nerve on one side; and
 * the bilateral patterns. Nothing here names a root or a nerve. */
#include <stdio.h>
#include <string.h>

#include "rules_impl.h"

/* Limb-sides where the structure supplies an element with at least this
 * share: its territory, for the "unexamined limb" term of the prior. */
#define TERRITORY_SHARE 0.10

static unsigned limb_bits(int limb, radloc_side side)
{
	if (limb == RL_MIDLINE)
		return RL_LIMBSIDE_MIDLINE;
	return RL_LIMBSIDE(limb, side);
}

static unsigned root_territory(const radloc_rules *r, int root, radloc_side side)
{
	unsigned bits = 0;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			const rl_element *el = &r->elements[k][e];
			for (size_t j = 0; j < el->root_count; j++)
				if (el->roots[j].index == root &&
				    el->roots[j].weight >= TERRITORY_SHARE)
					bits |= limb_bits(el->limb, side);
		}
	return bits;
}

static unsigned nerve_territory(const radloc_rules *r, int nerve, radloc_side side)
{
	unsigned bits = 0;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			const rl_element *el = &r->elements[k][e];
			if (el->nerve_loss[nerve] >= TERRITORY_SHARE)
				bits |= limb_bits(el->limb, side);
		}
	return bits;
}

static const char *label(radloc_rules *r, const char *text)
{
	return rl_arena_strdup(r->arena, text);
}

radloc_status rl_build_hypotheses(radloc_rules *r)
{
	const rl_patterns *P = &r->patterns;
	size_t pairs = 0;
	double pair_mass = 0.0;
	char text[160];

	for (size_t a = 0; a < r->root_count; a++)
		for (size_t b = 0; b < r->root_count; b++)
			if (r->roots[b].level == r->roots[a].level + 1) {
				pairs++;
				pair_mass += r->roots[a].prior * r->roots[b].prior;
			}
	size_t cap = 2 * (r->root_count + pairs + r->nerve_count) + 4;
	r->hyps = rl_arena_alloc(r->arena, cap * sizeof *r->hyps);
	if (r->hyps == NULL)
		return RADLOC_ERR_NOMEM;

	size_t n = 0;
	for (int s = RADLOC_LEFT; s <= RADLOC_RIGHT; s++) {
		radloc_side side = (radloc_side)s;
		for (size_t a = 0; a < r->root_count; a++) {
			rl_hypothesis *h = &r->hyps[n++];
			snprintf(text, sizeof text, "%s %s", r->roots[a].e.id,
			         radloc_side_name(side));
			*h = (rl_hypothesis){RADLOC_RADICULOPATHY, label(r, text),
			                     {(int)a, -1}, 1, -1, side,
			                     P->prior[RADLOC_RADICULOPATHY] *
			                         r->roots[a].prior / 2.0,
			                     root_territory(r, (int)a, side)};
		}
		/* Two adjacent roots: the pattern's prior shared by the product of
		 * the roots' priors, a complexity penalty (docs/scoring.md). */
		for (size_t a = 0; a < r->root_count; a++)
			for (size_t b = 0; b < r->root_count; b++) {
				if (r->roots[b].level != r->roots[a].level + 1)
					continue;
				rl_hypothesis *h = &r->hyps[n++];
				snprintf(text, sizeof text, "%s+%s %s", r->roots[a].e.id,
				         r->roots[b].e.id, radloc_side_name(side));
				*h = (rl_hypothesis){RADLOC_MULTIRADICULOPATHY, label(r, text),
				                     {(int)a, (int)b}, 2, -1, side,
				                     P->prior[RADLOC_MULTIRADICULOPATHY] *
				                         r->roots[a].prior * r->roots[b].prior /
				                         pair_mass / 2.0,
				                     root_territory(r, (int)a, side) |
				                         root_territory(r, (int)b, side)};
			}
		for (size_t v = 0; v < r->nerve_count; v++) {
			rl_hypothesis *h = &r->hyps[n++];
			snprintf(text, sizeof text, "%s %s", r->nerves[v].e.id,
			         radloc_side_name(side));
			*h = (rl_hypothesis){RADLOC_MONONEUROPATHY, label(r, text),
			                     {-1, -1}, 0, (int)v, side,
			                     P->prior[RADLOC_MONONEUROPATHY] *
			                         r->nerves[v].prior / 2.0,
			                     nerve_territory(r, (int)v, side)};
		}
	}
	/* Bilateral patterns involve both legs: a clinician who suspects any of
	 * them examines both. */
	unsigned legs = RL_LIMBSIDE(RL_LEG, RADLOC_LEFT) | RL_LIMBSIDE(RL_LEG, RADLOC_RIGHT);
	static const radloc_pattern bilateral[] = {
		RADLOC_POLYNEUROPATHY, RADLOC_CAUDA_EQUINA, RADLOC_MYELOPATHY,
		RADLOC_NORMAL,
	};
	for (size_t i = 0; i < 4; i++) {
		radloc_pattern p = bilateral[i];
		rl_hypothesis *h = &r->hyps[n++];
		*h = (rl_hypothesis){p, radloc_pattern_name(p), {-1, -1}, 0, -1,
		                     RADLOC_MIDLINE, P->prior[p],
		                     p == RADLOC_NORMAL ? 0u : legs};
	}
	for (size_t i = 0; i < n; i++)
		if (r->hyps[i].label == NULL)
			return RADLOC_ERR_NOMEM;
	if (pairs == 0) {
		/* No adjacent roots: the pair prior has nowhere to go. */
		for (size_t i = 0; i < n; i++)
			r->hyps[i].prior /= 1.0 - P->prior[RADLOC_MULTIRADICULOPATHY];
	}
	r->hyp_count = n;
	return RADLOC_OK;
}

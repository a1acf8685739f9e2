/* The next best test: the finding not yet examined whose outcome is
 * expected to tell most about which hypothesis it is (docs/scoring.md,
 * "What the engine says besides the ranking"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scorer_impl.h"
#include "vocabulary.h"

static double entropy_bits(const double *p, size_t n)
{
	double h = 0.0;
	for (size_t i = 0; i < n; i++)
		if (p[i] > 0.0)
			h -= p[i] * log2(p[i]);
	return h;
}

/* Only pain was recorded there: it can still be examined. */
static int pain_only(const radloc_exam *exam, radloc_kind table, int element,
                     radloc_side side)
{
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *f = &exam->findings[i];
		if (f->table == table && f->element == element &&
		    (f->side == side || side == RADLOC_MIDLINE) && f->fkind != RL_PAIN)
			return 0;
	}
	return 1;
}

typedef struct candidate {
	double gain;
	radloc_kind table;
	int element;
	radloc_side side;
} candidate;

#define NEXT_HYPS 8         /* hypotheses weighed by name; the rest as one */
#define NEXT_MASS 0.999     /* ... once these hold this much probability */
#define NEXT_FROM 3         /* candidates: key elements of the leading three */

/* P(outcome o of a probed finding | a ranked hypothesis at its most
 * probable component; a pair at its own, pairs.c). */
static double ranked_like(const rl_scoring *s, const rl_params *p, const rl_fwork *fw,
                          const rl_ranked *x, int o)
{
	if (x->pair >= 0)
		return rl_pair_likelihood(s, &s->pairs[x->pair], fw, o);
	return rl_likelihood(s->r, p, fw, s->comps, rl_best_component(s, x->hyp), o);
}

/* The finding not yet examined whose outcome is expected to tell most
 * about which hypothesis it is: the key elements of the leading
 * hypotheses are the candidates, and the leading hypotheses holding
 * 99.9 % of the probability are weighed by name, the rest as one
 * hypothesis that predicts only the background. A pair among them
 * offers both parts' keys and predicts at its most probable components. */
radloc_status rl_next_test(rl_scoring *s, radloc_result *res)
{
	const radloc_rules *r = s->r;
	size_t nh = 0;
	double mass = 0.0;
	int hyps[NEXT_HYPS], pair_of[NEXT_HYPS];
	/* The scorer's buffers, kept between exams (rl_scorer_scratch). */
	size_t *live = rl_scorer_scratch(s->scorer, RL_SCRATCH_NEXT_LIVE,
	                                 s->comps->count * sizeof *live, 0);
	size_t *slot_of = rl_scorer_scratch(s->scorer, RL_SCRATCH_NEXT_SLOT,
	                                    s->comps->count * sizeof *slot_of, 0);
	double *w = rl_scorer_scratch(s->scorer, RL_SCRATCH_NEXT_WEIGHTS,
	                              (r->root_count + rl_sign_width(r)) * sizeof *w, 0);
	const double **rows = rl_scorer_scratch(s->scorer, RL_SCRATCH_NEXT_PROBS,
	                                        s->comps->count * sizeof *rows, 0);
	candidate best = {0.0, RADLOC_REGION, -1, RADLOC_LEFT};
	rl_params p;
	size_t nlive = 0;

	if (!live || !slot_of || !w || !rows) {
		return RADLOC_ERR_NOMEM;
	}
	rl_mean_params(r, &p);
	for (size_t i = 0; i < res->hyp_count && nh < NEXT_HYPS && mass < NEXT_MASS; i++) {
		pair_of[nh] = res->ranked[i].pair;
		hyps[nh++] = res->ranked[i].hyp;
		mass += res->ranked[i].h.probability;
	}
	/* The live components of each named single (a pair's hyp is -1),
	 * each with its slot: in each slot in the components' order, which
	 * is the order joint[o][slot] adds them in. */
	for (size_t i = 0; i < nh; i++) {
		if (hyps[i] < 0)
			continue;
		for (size_t c = s->comps->first[hyps[i]]; c < s->comps->first[hyps[i] + 1]; c++)
			if (s->comp_post[c] > 1e-12) {
				slot_of[nlive] = i;
				live[nlive++] = c;
			}
	}
	/* Entropy over the named hypotheses and the lump of the rest. */
	double now[NEXT_HYPS + 1];
	for (size_t i = 0; i < nh; i++)
		now[i] = res->ranked[i].h.probability;
	now[nh] = 1.0 - mass > 0.0 ? 1.0 - mass : 0.0;
	double entropy_now = entropy_bits(now, nh + 1);

	for (size_t lead = 0; lead < nh && lead < NEXT_FROM; lead++) {
		const rl_pair *pl = pair_of[lead] >= 0 ? &s->pairs[pair_of[lead]] : NULL;
		const rl_hypothesis *hyp = &r->hyps[pl ? pl->a : hyps[lead]];
		const rl_hypothesis *second = pl ? &r->hyps[pl->b] : NULL;
		size_t keys = hyp->key_count + (second ? second->key_count : 0);
		for (size_t k = 0; k < keys; k++) {
			const rl_key *key = k < hyp->key_count ? &hyp->keys[k]
			                                       : &second->keys[k - hyp->key_count];
			/* Already looked at (pain aside: a symptom is not a test). */
			if (rl_looked_at(&s->examined, key->table, key->element, key->side) &&
			    !pain_only(s->exam, key->table, key->element, key->side))
				continue;
			rl_finding f;
			rl_fwork fw;
			rl_probe_finding(r, key->table, key->element, key->side, 0, &f, &fw, w);
			int outcomes = rl_outcome_count(f.fkind);
			double joint[RL_MAX_OUTCOMES][NEXT_HYPS + 1];
			memset(joint, 0, sizeof joint);
			/* The same for every exam: kept by the scorer. */
			if (rl_scorer_probe_list(s->scorer, &fw, live, nlive, rows) != RADLOC_OK) {
				return RADLOC_ERR_NOMEM;
			}
			for (size_t i = 0; i < nlive; i++) {
				size_t c = live[i], slot = slot_of[i];
				const double *outcome_prob = rows[i];
				for (int o = 0; o < outcomes; o++)
					joint[o][slot] += s->comp_post[c] * outcome_prob[o];
			}
			/* A pair's parts' states once per key, not per outcome. */
			for (size_t i = 0; i < nh; i++)
				if (pair_of[i] >= 0) {
					rl_part_state st[2];
					rl_pair_states(s, &s->pairs[pair_of[i]], &fw, st);
					for (int o = 0; o < outcomes; o++)
						joint[o][i] += now[i] * rl_pair_likelihood_of(s, &fw, st, o);
				}
			double expected = 0.0;
			for (int o = 0; o < outcomes; o++) {
				joint[o][nh] = now[nh] * rl_background(r, &fw, o);
				double p_outcome = 0.0, post[NEXT_HYPS + 1];
				for (size_t i = 0; i <= nh; i++)
					p_outcome += joint[o][i];
				if (p_outcome <= 0.0)
					continue;
				for (size_t i = 0; i <= nh; i++)
					post[i] = joint[o][i] / p_outcome;
				expected += p_outcome * entropy_bits(post, nh + 1);
			}
			double gain = entropy_now - expected;
			if (gain > best.gain + 1e-12)
				best = (candidate){gain, key->table, key->element, key->side};
		}
	}
	radloc_status status = RADLOC_OK;
	if (best.element >= 0 && best.gain > 0.01) {
		char label[128];
		const char *id = r->ids[best.table][best.element];
		const char *kind = rl_fkind_names[rl_fkind_of(best.table, 0)];
		if (best.side == RADLOC_MIDLINE)
			snprintf(label, sizeof label, "%s %s", kind, id);
		else
			snprintf(label, sizeof label, "%s %s %s", kind,
			         id, radloc_side_name(best.side));
		res->next.finding = rl_arena_strdup(res->arena, label);
		res->next.kind = best.table;
		res->next.id = id;
		res->next.side = best.side;
		res->next.information_gain = best.gain;
		/* Of the top three, the pair it tells apart best, weighted by how
		 * probable both are. */
		rl_finding f;
		rl_fwork fw;
		rl_probe_finding(r, best.table, best.element, best.side, 0, &f, &fw, w);
		double widest = -1.0;
		size_t top = res->hyp_count < 3 ? res->hyp_count : 3;
		for (size_t a = 0; a < top; a++)
			for (size_t b = a + 1; b < top; b++) {
				double separation = 0.0;
				for (int o = 0; o < rl_outcome_count(f.fkind); o++)
					separation += fabs(ranked_like(s, &p, &fw, &res->ranked[a], o) -
					                   ranked_like(s, &p, &fw, &res->ranked[b], o));
				separation *= res->ranked[a].h.probability * res->ranked[b].h.probability;
				if (separation > widest) {
					widest = separation;
					res->next.separates[0] = res->ranked[a].h.label;
					res->next.separates[1] = res->ranked[b].h.label;
				}
			}
		res->has_next = res->next.finding != NULL;
		if (!res->has_next)
			status = RADLOC_ERR_NOMEM;
	}
	return status;
}


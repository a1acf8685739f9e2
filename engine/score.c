/* Scoring an exam: the steps in order (the point estimate, the ranked
 * result, its explanation, its credible intervals), and the ranking of
 * the hypotheses into the result. */
#include <stdlib.h>
#include <string.h>

#include "scorer_impl.h"

static int by_probability(const void *a, const void *b)
{
	const rl_ranked *x = a, *y = b;
	double px = x->h.probability, py = y->h.probability;
	if (px != py)
		return px < py ? 1 : -1;
	return (x->hyp > y->hyp) - (x->hyp < y->hyp);
}

/* A pattern that holds more than this share of the probability names the
 * result (docs/scoring.md, "Pattern"). */
#define PATTERN_MAJORITY 0.5

/* The result's pattern: the leader's, unless one pattern holds most of
 * the probability and says it better. That needs an abnormal finding:
 * without one, a group's mass is only its prior spread over many
 * hypotheses. */
static radloc_pattern result_pattern(const rl_scoring *s, const radloc_result *res)
{
	radloc_pattern pattern = res->ranked[0].h.pattern;
	int any_abnormal = 0;
	for (size_t i = 0; i < s->exam->count; i++)
		any_abnormal |= rl_finding_abnormal(&s->exam->findings[i]);
	if (any_abnormal)
		for (int p = 0; p < RADLOC_PATTERN_COUNT; p++)
			if (s->pattern_post[p] > PATTERN_MAJORITY)
				pattern = (radloc_pattern)p;
	return pattern;
}

static radloc_status rank(rl_scoring *s, radloc_result *res)
{
	const radloc_rules *r = s->r;
	res->hyp_count = r->hyp_count;
	res->ranked = rl_arena_alloc(res->arena, r->hyp_count * sizeof *res->ranked);
	if (res->ranked == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t h = 0; h < r->hyp_count; h++) {
		const rl_hypothesis *hyp = &r->hyps[h];
		radloc_hypothesis *out = &res->ranked[h].h;
		res->ranked[h].hyp = (int)h;
		out->label = hyp->label;
		out->pattern = hyp->pattern;
		out->side = hyp->side;
		out->probability = out->lower = out->upper = s->hyp_post[h];
		out->prior = hyp->prior;
		if (hyp->root_count > 0) {
			out->kind = RADLOC_HYPOTHESIS_ROOT;
			out->root_count = (size_t)hyp->root_count;
			for (int i = 0; i < hyp->root_count; i++)
				out->roots[i] = r->roots[hyp->roots[i]].e.id;
		} else if (hyp->nerve >= 0) {
			out->kind = RADLOC_HYPOTHESIS_NERVE;
			out->nerve = r->nerves[hyp->nerve].e.id;
			/* The most probable site names where along the nerve: the
			 * posterior summed over its severities. */
			double best = -1.0;
			const rl_nerve *nv = &r->nerves[hyp->nerve];
			for (size_t x = 0; x < nv->site_count; x++) {
				double mass = 0.0;
				for (size_t c = 0; c < s->comps->count; c++)
					if (s->comps->hyp[c] == (int)h &&
					    s->comps->site[c] == (int)(nv->site_base + x))
						mass += s->comp_post[c];
				if (mass > best) {
					best = mass;
					out->site = nv->sites[x].id;
				}
			}
		} else {
			out->kind = RADLOC_HYPOTHESIS_PATTERN;
		}
		if (hyp->pattern == RADLOC_POLYNEUROPATHY) {
			/* The most probable extent names the polyneuropathy. */
			double best = -1.0;
			for (size_t c = 0; c < s->comps->count; c++)
				if (s->comps->hyp[c] == (int)h && s->comp_post[c] > best) {
					best = s->comp_post[c];
					out->extent = r->patterns.extents[s->comps->extent[c]].name;
				}
		}
	}
	qsort(res->ranked, r->hyp_count, sizeof *res->ranked, by_probability);
	res->pattern = result_pattern(s, res);
	return RADLOC_OK;
}

radloc_status radloc_score(radloc_scorer *sc, const radloc_exam *exam,
                           radloc_result **out)
{
	rl_scoring s;
	radloc_status status;
	radloc_result *res;

	if (sc == NULL || exam == NULL || out == NULL || exam->rules != sc->rules)
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	memset(&s, 0, sizeof s);
	s.r = sc->rules;
	s.exam = exam;
	s.comps = &sc->comps;
	res = calloc(1, sizeof *res);
	if (res == NULL || (res->arena = rl_arena_new()) == NULL) {
		free(res);
		return RADLOC_ERR_NOMEM;
	}
	res->mass = sc->mass;
	res->draws = sc->draws;
	if (exam->id && (res->id = rl_arena_strdup(res->arena, exam->id)) == NULL) {
		status = RADLOC_ERR_NOMEM;
		goto fail;
	}
	if ((status = rl_posterior(&s, sc)) != RADLOC_OK ||
	    (status = rank(&s, res)) != RADLOC_OK)
		goto fail;
	res->reported = sc->top && sc->top < res->hyp_count ? sc->top : res->hyp_count;
	for (size_t i = res->reported; i < res->hyp_count; i++)
		res->other += res->ranked[i].h.probability;
	/* Explanation and intervals both read the point estimate and write
	 * different parts of the result; the draws write only their own
	 * buffers, so the order does not matter. */
	if ((status = rl_explain(&s, res)) != RADLOC_OK)
		goto fail;
	if (sc->draws > 0 && (status = rl_intervals(&s, sc, res)) != RADLOC_OK)
		goto fail;
	if ((status = rl_result_own_strings(res)) != RADLOC_OK)
		goto fail;
	rl_scoring_free(&s);
	*out = res;
	return RADLOC_OK;
fail:
	rl_scoring_free(&s);
	radloc_result_free(&res);
	return status;
}

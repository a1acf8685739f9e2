/* Scoring an exam: the steps in order (the point estimate, the ranked
 * result, its explanation, its credible intervals), and the ranking of
 * the hypotheses into the result. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cord.h"
#include "scorer_impl.h"

/* The ranking's order: most probable first; at equal probability
 * singles in the rules' order (order = hypothesis), then pairs in the
 * rules' order of their parts (order = singles + a x singles + b: not the
 * order pairs.c found them in, which follows the singles' posteriors and
 * so their rounding). The orders differ, so the order is total and any
 * correct sort gives the same ranking. Probabilities are compared to 36
 * bits (about 11 significant digits): two hypotheses the model makes
 * equally probable (a pair with the left or the right pudendal nerve)
 * can differ in their last bits, by the order their sums were added in,
 * and that rounding should not decide which is printed first. */
typedef struct rank_key {
	double p;
	size_t order;
	long key;       /* the hypothesis, or 1000000 + the pair */
} rank_key;

static double rank_value(double p)
{
	int e;
	double m = frexp(p, &e);
	return ldexp(nearbyint(ldexp(m, 36)), e - 36);
}

static int before(const rank_key *x, const rank_key *y)
{
	if (x->p != y->p)
		return !(x->p < y->p);
	return x->order < y->order;
}

/* Merge sort of the small keys (tmp as long as keys), rather than qsort
 * of the whole hypotheses through a comparison callback: the ranking is
 * built once its order is known. */
static void sort_keys(rank_key *keys, rank_key *tmp, size_t n)
{
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, o = lo;
			while (i < mid && j < hi)
				tmp[o++] = before(&keys[j], &keys[i]) ? keys[j++] : keys[i++];
			while (i < mid)
				tmp[o++] = keys[i++];
			while (j < hi)
				tmp[o++] = keys[j++];
		}
		memcpy(keys, tmp, n * sizeof *keys);
	}
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

/* Of hypothesis h's components (adjacent, scorer.c), the value of a
 * per-component index (a nerve's site, a cauda equina's extent) whose
 * components hold the most posterior together, summed over the
 * severities; the first such value on a tie. */
static int most_probable(const rl_scoring *s, int h, const int *index)
{
	const rl_components *k = s->comps;
	size_t first = k->first[h], end = k->first[h + 1];
	int best = index[first];
	double best_mass = -1.0;
	for (size_t c = first; c < end; c++) {
		double mass = 0.0;
		for (size_t d = first; d < end; d++)
			if (index[d] == index[c])
				mass += s->comp_post[d];
		if (mass > best_mass) {
			best_mass = mass;
			best = index[c];
		}
	}
	return best;
}

/* Where along the nerve: the site of the component given (a pair's
 * part), else the most probable one; NULL for a nerve with one implicit
 * site. */
static const char *best_site(const rl_scoring *s, int h, long comp)
{
	const rl_nerve *nv = &s->r->nerves[s->r->hyps[h].nerve];
	int site = comp >= 0 ? s->comps->site[comp] : most_probable(s, h, s->comps->site);
	return nv->sites[(size_t)site - nv->site_base].id;
}

/* A cauda equina's extent: the component's given (a pair's part), else
 * the most probable one; NULL for the one implicit extent of rules
 * without `extents:`. */
static const char *best_cauda_extent(const rl_scoring *s, int h, long comp)
{
	int x = comp >= 0 ? s->comps->extent[comp] : most_probable(s, h, s->comps->extent);
	return s->r->patterns.cauda_extents[x].name;
}

/* A myelopathy's level and form: the component given (a pair's part),
 * else each the one holding most posterior summed over the other. */
static void cord_level_form(const rl_scoring *s, int h, long comp, radloc_hypothesis *out)
{
	const radloc_rules *r = s->r;
	if (!r->cord.present)
		return;
	double level[RL_CORD_MAX_LEVELS] = {0}, form[RL_CORD_FORMS] = {0};
	int best_level = 0, best_form = 0;
	for (size_t c = s->comps->first[h]; c < s->comps->first[h + 1]; c++) {
		int i = rl_comp_cord(s->comps, c);
		if (i < 0)
			continue;
		double mass = comp >= 0 ? (c == (size_t)comp) : s->comp_post[c];
		level[i / RL_CORD_PARTS] += mass;
		form[rl_cord_form(i)] += mass;
	}
	for (size_t x = 1; x < r->cord.level_count; x++)
		if (level[x] > level[best_level])
			best_level = (int)x;
	for (int f = 1; f < RL_CORD_FORMS; f++)
		if (form[f] > form[best_form])
			best_form = f;
	out->level = rl_segment_name(r->cord.level[best_level]);
	out->form = rl_cord_form_name(best_form);
	/* How sure of the level: its share of the hypothesis's posterior (1
	 * for a pair's part, which stands for one component). */
	double total = 0.0;
	for (size_t x = 0; x < r->cord.level_count; x++)
		total += level[x];
	out->level_probability = total > 0.0 ? level[best_level] / total : 0.0;
}

/* A single hypothesis as the result says it; comp, when not -1, names
 * the component a pair's part stands for, else each detail (extent,
 * site, level and form) is the most probable one. */
static void fill_single(const rl_scoring *s, int h, long comp, radloc_hypothesis *out)
{
	const radloc_rules *r = s->r;
	const rl_hypothesis *hyp = &r->hyps[h];
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
		out->site = best_site(s, h, comp);
	} else if (hyp->plexus) {
		out->kind = RADLOC_HYPOTHESIS_PLEXUS;
		out->plexus = hyp->plexus->e.id;
	} else {
		out->kind = RADLOC_HYPOTHESIS_PATTERN;
	}
	if (hyp->pattern == RADLOC_CAUDA_EQUINA)
		out->extent = best_cauda_extent(s, h, comp);
	if (hyp->pattern == RADLOC_MYELOPATHY)
		cord_level_form(s, h, comp, out);
	if (hyp->pattern != RADLOC_POLYNEUROPATHY)
		return;
	if (comp < 0) /* The most probable extent names the polyneuropathy. */
		comp = (long)rl_best_component(s, h);
	out->extent = r->patterns.extents[s->comps->extent[comp]].name;
}

/* A pair: its label "A + B" in the rules' order of hypotheses, its
 * parts as singles at the pair's probability. */
static radloc_status fill_pair(const rl_scoring *s, radloc_result *res, size_t i,
                               radloc_hypothesis *out)
{
	const rl_pair *pair = &s->pairs[i];
	const char *la = s->r->hyps[pair->a].label, *lb = s->r->hyps[pair->b].label;
	radloc_hypothesis *parts = rl_arena_alloc(res->arena, 2 * sizeof *parts);
	char *label = rl_arena_alloc(res->arena, strlen(la) + strlen(lb) + 4);
	if (parts == NULL || label == NULL)
		return RADLOC_ERR_NOMEM;
	memset(parts, 0, 2 * sizeof *parts);
	fill_single(s, pair->a, (long)pair->ca, &parts[0]);
	fill_single(s, pair->b, (long)pair->cb, &parts[1]);
	strcpy(label, la);
	strcat(label, " + ");
	strcat(label, lb);
	out->label = label;
	out->pattern = RADLOC_TWO_LESIONS;
	out->kind = RADLOC_HYPOTHESIS_TWO_LESIONS;
	/* Two sides, or one: the side both share, else bilateral. */
	out->side = parts[0].side == parts[1].side ? parts[0].side : RADLOC_BILATERAL;
	out->probability = out->lower = out->upper = pair->post;
	/* Before any finding: m P(A) P(B) / sum over pairs (pairs.c). */
	out->prior = parts[0].prior * parts[1].prior * s->pair_prior_factor;
	for (int k = 0; k < 2; k++) {
		parts[k].probability = parts[k].lower = parts[k].upper = pair->post;
		out->parts[k] = &parts[k];
	}
	out->part_count = 2;
	return RADLOC_OK;
}

static radloc_status rank(rl_scoring *s, radloc_result *res)
{
	const radloc_rules *r = s->r;
	size_t n = r->hyp_count + s->pair_count;
	res->hyp_count = n;
	res->ranked = rl_arena_alloc(res->arena, n * sizeof *res->ranked);
	if (res->ranked == NULL) /* zeroed by the arena */
		return RADLOC_ERR_NOMEM;
	/* Each one's probability is known before it is filled in (a
	 * single's hyp_post, a pair's post): sort those, then fill each in
	 * its place. */
	rank_key *keys = malloc(2 * n * sizeof *keys);
	if (keys == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t h = 0; h < r->hyp_count; h++)
		keys[h] = (rank_key){rank_value(s->hyp_post[h]), h, (long)h};
	for (size_t i = 0; i < s->pair_count; i++) {
		size_t a = (size_t)s->pairs[i].a, b = (size_t)s->pairs[i].b, n1 = r->hyp_count;
		keys[n1 + i] = (rank_key){rank_value(s->pairs[i].post), n1 + a * n1 + b,
		                          1000000L + (long)i};
	}
	sort_keys(keys, keys + n, n);
	radloc_status status = RADLOC_OK;
	for (size_t at = 0; at < n && status == RADLOC_OK; at++) {
		rl_ranked *x = &res->ranked[at];
		if (keys[at].key < 1000000L) {
			x->hyp = (int)keys[at].key;
			x->pair = -1;
			fill_single(s, x->hyp, -1, &x->h);
		} else {
			x->hyp = -1;
			x->pair = (int)(keys[at].key - 1000000L);
			status = fill_pair(s, res, (size_t)x->pair, &x->h);
		}
	}
	free(keys);
	if (status != RADLOC_OK)
		return status;
	res->pattern = result_pattern(s, res);
	return RADLOC_OK;
}

/* The ranking with its explanation: everything but the intervals. */
static radloc_status point_estimate(rl_scoring *s, radloc_scorer *sc, radloc_result *res)
{
	radloc_status status;
	if ((status = rl_posterior(s, sc)) != RADLOC_OK ||
	    (status = rl_pairs_score(s, sc)) != RADLOC_OK ||
	    (status = rank(s, res)) != RADLOC_OK)
		return status;
	res->reported = sc->top && sc->top < res->hyp_count ? sc->top : res->hyp_count;
	for (size_t i = res->reported; i < res->hyp_count; i++)
		res->other += res->ranked[i].h.probability;
	/* Explanation and intervals both read the point estimate and write
	 * different parts of the result; the draws write only their own
	 * buffers, so the order does not matter. */
	return rl_explain(s, res);
}

typedef struct bank_job {
	rl_bank_plan *plan;
	gsl_rng **rng;              /* per thread of the pool */
} bank_job;

static void draw_bank(void *ctx, size_t worker)
{
	bank_job *j = ctx;
	rl_bank_plan_run(j->plan, j->rng[worker]);
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
	s.scorer = sc;
	res = calloc(1, sizeof *res);
	if (res == NULL || (res->arena = rl_arena_new()) == NULL) {
		free(res);
		return RADLOC_ERR_NOMEM;
	}
	res->rules_arena = rl_arena_retain(sc->rules->arena);
	res->mass = sc->mass;
	res->draws = sc->draws;
	res->rules_version = sc->rules->version;
	memcpy(res->rules_sha256, sc->rules->sha256, sizeof res->rules_sha256);
	if (exam->id && (res->id = rl_arena_strdup(res->arena, exam->id)) == NULL) {
		status = RADLOC_ERR_NOMEM;
		goto fail;
	}
	/* With threads, they draw the exam's rows of the bank while this one
	 * makes the point estimate, which never reads it; then this one
	 * takes the rows they have not reached (a waking thread may start a
	 * millisecond or two late: threads.c). */
	rl_bank_plan plan;
	if (sc->draws > 0 && rl_threads_count(sc->pool) > 0 &&
	    rl_bank_plan_make(&plan, &sc->bank, sc->rules, exam, sc->seed, sc->draws) == RADLOC_OK) {
		bank_job job = {&plan, sc->pool_rng};
		rl_threads_start(sc->pool, draw_bank, &job);
		status = point_estimate(&s, sc, res);
		rl_bank_plan_run(&plan, sc->bank.rng);
		rl_threads_wait(sc->pool);
		rl_bank_plan_free(&plan);
	} else {
		status = point_estimate(&s, sc, res);
	}
	if (status != RADLOC_OK)
		goto fail;
	if (sc->draws > 0 && (status = rl_intervals(&s, sc, res)) != RADLOC_OK)
		goto fail;
	rl_scoring_free(&s);
	*out = res;
	return RADLOC_OK;
fail:
	rl_scoring_free(&s);
	radloc_result_free(&res);
	return status;
}

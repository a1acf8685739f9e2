/* The scorer: its lifecycle and settings, and what it keeps between
 * exams — the components of the hypotheses, which components touch each
 * finding, and the bank of draws (draws.c). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cord.h"
#include "radloc_limits.h"
#include "scorer_impl.h"
#include "selection.h"

/* The parts of a hypothesis: a polyneuropathy's extents; a focal
 * lesion's severities, times a nerve's sites or a cauda equina's
 * extents. */
static size_t part_count(const radloc_rules *r, const rl_hypothesis *hyp)
{
	const rl_patterns *patterns = &r->patterns;
	if (hyp->pattern == RADLOC_POLYNEUROPATHY)
		return patterns->extent_count;
	if (hyp->pattern == RADLOC_MONONEUROPATHY)
		return patterns->severity_count * r->nerves[hyp->nerve].site_count;
	if (hyp->pattern == RADLOC_CAUDA_EQUINA)
		return patterns->severity_count * patterns->cauda_extent_count;
	if (rl_pattern_is_focal(hyp->pattern))
		return patterns->severity_count;
	if (hyp->pattern == RADLOC_MYELOPATHY)
		return rl_cord_component_count(r);
	return 1;
}

static radloc_status build_components(const radloc_rules *r, rl_components *c)
{
	const rl_patterns *patterns = &r->patterns;
	size_t n = 0;
	c->count = 0;
	for (size_t h = 0; h < r->hyp_count; h++)
		c->count += part_count(r, &r->hyps[h]);
	c->hyp = calloc(c->count, sizeof *c->hyp);
	c->extent = calloc(c->count, sizeof *c->extent);
	c->scale = calloc(c->count, sizeof *c->scale);
	c->log_prior = calloc(c->count, sizeof *c->log_prior);
	c->site = calloc(c->count, sizeof *c->site);
	c->cord = calloc(c->count, sizeof *c->cord);
	c->first = calloc(r->hyp_count + 1, sizeof *c->first);
	if (!c->hyp || !c->extent || !c->scale || !c->log_prior || !c->site || !c->cord ||
	    !c->first)
		return RADLOC_ERR_NOMEM;
	for (size_t h = 0; h < r->hyp_count; h++) {
		const rl_hypothesis *hyp = &r->hyps[h];
		c->first[h] = n;
		double lp = hyp->prior > 0.0 ? log(hyp->prior) : -INFINITY;
		int is_focal = rl_pattern_is_focal(hyp->pattern);
		const rl_nerve *nerve = hyp->pattern == RADLOC_MONONEUROPATHY
		                        ? &r->nerves[hyp->nerve] : NULL;
		/* A polyneuropathy's extents and the severities are equally
		 * likely a priori; a nerve's sites and a cauda equina's extents
		 * as the rules share them (docs/scoring.md, "Nerve sites",
		 * "Cauda equina extents"). */
		int cauda = hyp->pattern == RADLOC_CAUDA_EQUINA;
		size_t parts = part_count(r, hyp);
		size_t each = nerve ? parts / nerve->site_count
		              : cauda ? parts / patterns->cauda_extent_count : parts;
		for (size_t x = 0; x < parts; x++) {
			size_t sev = x % each, site = x / each;
			double w = nerve ? nerve->sites[site].share
			           : cauda ? patterns->cauda_extents[site].weight : 1.0;
			c->hyp[n] = (int)h;
			c->extent[n] = hyp->pattern == RADLOC_POLYNEUROPATHY ? (int)x
			               : cauda ? (int)site : -1;
			c->scale[n] = is_focal ? patterns->severity[sev] : 1.0;
			c->site[n] = nerve ? (int)(nerve->site_base + site) : -1;
			/* A myelopathy's levels and forms as the rules weight them
			 * (cord.c); without levels, its one component. */
			int cord = hyp->pattern == RADLOC_MYELOPATHY && r->cord.present;
			c->cord[n] = cord ? (int)x : -1;
			if (cord) {
				c->log_prior[n++] = lp + rl_cord_log_share(r, x);
				continue;
			}
			c->log_prior[n++] = lp - log((double)each) + (w > 0.0 ? log(w) : -INFINITY);
		}
	}
	c->first[r->hyp_count] = n;
	return RADLOC_OK;
}

static void free_components(rl_components *c)
{
	free(c->hyp);
	free(c->extent);
	free(c->scale);
	free(c->log_prior);
	free(c->site);
	free(c->cord);
	free(c->first);
	memset(c, 0, sizeof *c);
}

/* Touch lists per element row: one per side a finding can have
 * (midline, left, right) and per pain or not. */
#define TOUCH_SLOTS 6

static size_t touch_slot(size_t row, radloc_side side, int pain)
{
	return row * TOUCH_SLOTS + (size_t)side * 2 + (size_t)pain;
}

/* Lists of log likelihoods per touch slot, modality and outcome. */
#define LOGLIK_MODALITIES (RADLOC_MODALITY_TEMPERATURE + 1)
#define LOGLIK_SLOTS (TOUCH_SLOTS * LOGLIK_MODALITIES * RL_MAX_OUTCOMES)

#define PROBE_SIDES 3 /* midline, left, right */

/* The touch lists of one element (all sides, pain or not). */
static radloc_status touch_row(radloc_scorer *s, radloc_kind t, int e, size_t row)
{
	const radloc_rules *r = s->rules;
	size_t nc = s->comps.count;

	if (s->touch_done[row])
		return RADLOC_OK;
	/* Room for an element's weights or a sign's sensitivities, and a
	 * list as long as every component: each list is kept at its own
	 * length (most findings are moved by a few components). */
	double *w = malloc((r->root_count + rl_sign_width(r)) * sizeof *w);
	int *all = malloc((nc + 1) * sizeof *all);
	radloc_status status = w && all ? RADLOC_OK : RADLOC_ERR_NOMEM;
	for (int side = RADLOC_MIDLINE; side <= RADLOC_RIGHT && status == RADLOC_OK; side++)
		for (int pain = 0; pain < 2 && status == RADLOC_OK; pain++) {
			size_t slot = touch_slot(row, (radloc_side)side, pain);
			rl_finding f;
			rl_fwork fw;
			rl_probe_finding(r, t, e, (radloc_side)side, pain, &f, &fw, w);
			size_t n = 0;
			for (size_t c = 0; c < nc; c++)
				if (rl_touches(r, &fw, &s->comps, c))
					all[n++] = (int)c;
			free(s->touch_list[slot]); /* left by a row that ran out of memory */
			s->touch_list[slot] = malloc((n + 1) * sizeof(int));
			if (s->touch_list[slot] == NULL) {
				status = RADLOC_ERR_NOMEM;
				break;
			}
			memcpy(s->touch_list[slot], all, n * sizeof(int));
			s->touch_len[slot] = n;
		}
	free(w);
	free(all);
	if (status != RADLOC_OK)
		return status;
	s->touch_done[row] = 1;
	return RADLOC_OK;
}

static radloc_status build_touch_table(radloc_scorer *s)
{
	size_t rows = rl_element_rows(s->rules);
	s->touch_list = calloc(rows * TOUCH_SLOTS + 1, sizeof *s->touch_list);
	s->touch_len = calloc(rows * TOUCH_SLOTS + 1, sizeof *s->touch_len);
	s->touch_done = calloc(rows + 1, 1);
	s->loglik_table = calloc(rows * LOGLIK_SLOTS + 1, sizeof *s->loglik_table);
	s->probe_table = calloc(rows * PROBE_SIDES + 1, sizeof *s->probe_table);
	return s->touch_list && s->touch_len && s->touch_done && s->loglik_table &&
	       s->probe_table ? RADLOC_OK : RADLOC_ERR_NOMEM;
}

radloc_status rl_scorer_touches(radloc_scorer *sc, const rl_finding *f,
                                const int **list, size_t *len)
{
	size_t row = rl_element_row(sc->rules, f->table, f->element);
	size_t slot = touch_slot(row, f->side, f->fkind == RL_PAIN);
	radloc_status status = touch_row(sc, f->table, f->element, row);
	if (status != RADLOC_OK)
		return status;
	*list = sc->touch_list[slot];
	*len = sc->touch_len[slot];
	return RADLOC_OK;
}

radloc_status rl_scorer_logliks(radloc_scorer *sc, const rl_fwork *fw, int outcome,
                                const double **logliks, const double **people)
{
	const rl_finding *f = fw->f;
	const int *list;
	size_t len;
	radloc_status status = rl_scorer_touches(sc, f, &list, &len);
	if (status != RADLOC_OK)
		return status;
	if (f->modality < 0 || f->modality >= LOGLIK_MODALITIES || outcome < 0 ||
	    outcome >= RL_MAX_OUTCOMES)
		return RADLOC_ERR_ARGUMENT; /* the parser admits none such */
	size_t row = rl_element_row(sc->rules, f->table, f->element);
	double **entry = &sc->loglik_table[(touch_slot(row, f->side, f->fkind == RL_PAIN) *
	                                    LOGLIK_MODALITIES + (size_t)f->modality) *
	                                   RL_MAX_OUTCOMES + (size_t)outcome];
	unsigned mask = rl_trait_mask(sc->rules, f, fw->el);
	if (*entry == NULL) {
		rl_params p;
		double *t = malloc((len * (mask ? 1 + RL_TRAIT_PEOPLE : 1) + 1) * sizeof *t);
		if (t == NULL)
			return RADLOC_ERR_NOMEM;
		rl_mean_params(sc->rules, &p);
		for (size_t i = 0; i < len; i++) {
			size_t c = (size_t)list[i];
			double out[RL_TRAIT_PEOPLE];
			t[i] = log(rl_likelihood(sc->rules, &p, fw, &sc->comps, c, outcome));
			if (mask == 0)
				continue;
			rl_likelihood_traits(sc->rules, &p, fw, &sc->comps, c, outcome, mask, out);
			for (int k = 0; k < RL_TRAIT_PEOPLE; k++)
				t[len + i * RL_TRAIT_PEOPLE + (size_t)k] = log(out[k]);
		}
		*entry = t;
	}
	*logliks = *entry;
	*people = mask ? *entry + len : NULL;
	return RADLOC_OK;
}

/* Vectors per block of the probe pool (12 KB). */
#define RL_PROBE_BLOCK 256

static double *pool_vector(const struct rl_probe_pool *pool, size_t i)
{
	return pool->blocks[i / RL_PROBE_BLOCK][i % RL_PROBE_BLOCK];
}

/* FNV-1a over the vector's bytes: equal vectors are equal bytes (memcmp
 * decides, so a kept vector is the computed one bit for bit). */
static size_t vector_hash(const double *v)
{
	const unsigned char *b = (const unsigned char *)v;
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < RL_MAX_OUTCOMES * sizeof *v; i++)
		h = (h ^ b[i]) * 1099511628211u;
	return (size_t)(h ^ (h >> 32));
}

static radloc_status pool_rehash(struct rl_probe_pool *pool, size_t cap)
{
	uint32_t *hash = calloc(cap, sizeof *hash);
	if (hash == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t i = 0; i < pool->count; i++) {
		size_t h = vector_hash(pool_vector(pool, i)) & (cap - 1);
		while (hash[h] != 0)
			h = (h + 1) & (cap - 1);
		hash[h] = (uint32_t)(i + 1);
	}
	free(pool->hash);
	pool->hash = hash;
	pool->hash_cap = cap;
	return RADLOC_OK;
}

/* The pool's number of vector v (RL_MAX_OUTCOMES doubles), added if new. */
static radloc_status pool_intern(struct rl_probe_pool *pool, const double *v, uint32_t *at)
{
	if (pool->count >= UINT32_MAX - 1)
		return RADLOC_ERR_NOMEM;
	if (2 * (pool->count + 1) > pool->hash_cap &&
	    pool_rehash(pool, pool->hash_cap ? 2 * pool->hash_cap : 1024) != RADLOC_OK)
		return RADLOC_ERR_NOMEM;
	size_t h = vector_hash(v) & (pool->hash_cap - 1);
	for (; pool->hash[h] != 0; h = (h + 1) & (pool->hash_cap - 1))
		if (memcmp(pool_vector(pool, pool->hash[h] - 1), v,
		           RL_MAX_OUTCOMES * sizeof *v) == 0) {
			*at = pool->hash[h];
			return RADLOC_OK;
		}
	size_t i = pool->count;
	if (i / RL_PROBE_BLOCK == pool->block_count) {
		double (**blocks)[RL_MAX_OUTCOMES] =
			realloc(pool->blocks, (pool->block_count + 1) * sizeof *blocks);
		if (blocks == NULL)
			return RADLOC_ERR_NOMEM;
		pool->blocks = blocks;
		blocks[pool->block_count] = malloc(RL_PROBE_BLOCK * sizeof **blocks);
		if (blocks[pool->block_count] == NULL)
			return RADLOC_ERR_NOMEM;
		pool->block_count++;
	}
	memcpy(pool_vector(pool, i), v, RL_MAX_OUTCOMES * sizeof *v);
	pool->count++;
	pool->hash[h] = (uint32_t)(i + 1);
	*at = (uint32_t)(i + 1);
	return RADLOC_OK;
}

static void pool_free(struct rl_probe_pool *pool)
{
	for (size_t b = 0; b < pool->block_count; b++)
		free(pool->blocks[b]);
	free(pool->blocks);
	free(pool->hash);
	memset(pool, 0, sizeof *pool);
}

radloc_status rl_scorer_probe_probs(radloc_scorer *sc, const rl_fwork *probe, size_t comp,
                                    const double **probs)
{
	const rl_finding *f = probe->f;
	struct rl_probe_table *t = &sc->probe_table[rl_element_row(sc->rules, f->table,
	                                                           f->element) * PROBE_SIDES +
	                                            (size_t)f->side];
	if (t->at == NULL && (t->at = calloc(sc->comps.count, sizeof *t->at)) == NULL)
		return RADLOC_ERR_NOMEM;
	if (t->at[comp] == 0) {
		rl_params p;
		/* The outcomes past the finding's own stay 0, so that equal
		 * vectors are equal bytes. */
		double v[RL_MAX_OUTCOMES] = {0};
		rl_mean_params(sc->rules, &p);
		rl_outcome_probs(sc->rules, &p, probe, &sc->comps, comp, v);
		if (pool_intern(&sc->probe_pool, v, &t->at[comp]) != RADLOC_OK)
			return RADLOC_ERR_NOMEM;
	}
	*probs = pool_vector(&sc->probe_pool, t->at[comp] - 1);
	return RADLOC_OK;
}

/* Hypotheses with the same rl_selection_key get the same term for every
 * set of places, bit for bit (tests/test_scorer.c checks it): one row
 * entry per class. */
static radloc_status build_selection_classes(radloc_scorer *s)
{
	const radloc_rules *r = s->rules;
	int *of_hyp = malloc((r->hyp_count + 1) * sizeof *of_hyp);
	s->selection_rep = malloc((r->hyp_count + 1) * sizeof *s->selection_rep);
	s->selection_class = malloc((s->comps.count + 1) * sizeof *s->selection_class);
	if (!of_hyp || !s->selection_rep || !s->selection_class) {
		free(of_hyp);
		return RADLOC_ERR_NOMEM;
	}
	for (size_t h = 0; h < r->hyp_count; h++) {
		size_t k = 0;
		while (k < s->selection_classes &&
		       rl_selection_key(s->selection_rep[k]) != rl_selection_key(&r->hyps[h]))
			k++;
		if (k == s->selection_classes)
			s->selection_rep[s->selection_classes++] = &r->hyps[h];
		of_hyp[h] = (int)k;
	}
	for (size_t c = 0; c < s->comps.count; c++)
		s->selection_class[c] = of_hyp[s->comps.hyp[c]];
	free(of_hyp);
	return RADLOC_OK;
}

radloc_status rl_scorer_selection(radloc_scorer *sc, unsigned places, const double **row)
{
	double **kept = &sc->selection[places & RL_PLACE_ALL];
	if (*kept == NULL) {
		double *v = malloc((sc->selection_classes + 1) * sizeof *v);
		if (v == NULL)
			return RADLOC_ERR_NOMEM;
		for (size_t k = 0; k < sc->selection_classes; k++)
			v[k] = rl_selection_log(sc->rules, sc->selection_rep[k], places);
		*kept = v;
	}
	*row = *kept;
	return RADLOC_OK;
}

radloc_status rl_scorer_probe_list(radloc_scorer *sc, const rl_fwork *probe,
                                   const size_t *comps, size_t n, const double **rows)
{
	const rl_finding *f = probe->f;
	struct rl_probe_table *t = &sc->probe_table[rl_element_row(sc->rules, f->table,
	                                                           f->element) * PROBE_SIDES +
	                                            (size_t)f->side];
	/* Made once, then only looked up: a kept vector never moves (the
	 * pool's blocks), so the rows stay valid while the scorer lives. */
	for (size_t i = 0; i < n; i++) {
		if ((t->at == NULL || t->at[comps[i]] == 0) &&
		    rl_scorer_probe_probs(sc, probe, comps[i], &rows[i]) != RADLOC_OK)
			return RADLOC_ERR_NOMEM;
		rows[i] = pool_vector(&sc->probe_pool, t->at[comps[i]] - 1);
	}
	return RADLOC_OK;
}

void *rl_scorer_scratch(radloc_scorer *sc, enum rl_scratch_slot slot, size_t bytes, int zero)
{
	struct rl_scratch *b = &sc->scratch[slot];
	if (bytes == 0)
		bytes = 1;
	if (b->size < bytes) {
		/* Half again, so that growing exams reallocate a few times only. */
		size_t size = bytes <= SIZE_MAX / 3 * 2 ? bytes + bytes / 2 : bytes;
		void *p = malloc(size);
		if (p == NULL)
			return NULL;
		free(b->p);
		b->p = p;
		b->size = size;
	}
	if (zero)
		memset(b->p, 0, bytes);
	return b->p;
}

/* A buffer above this is given back at the end of its call: an
 * exceptional exam (up to RADLOC_MAX_FINDINGS findings, megabytes of
 * log likelihoods) should not stay in every scorer of a server's pool.
 * The generated exams' largest buffer, the log-likelihood matrix, is
 * about 0.2 MB (20 findings x 1027 components). */
#define SCRATCH_KEEP ((size_t)1 << 20)

void rl_scorer_scratch_trim(radloc_scorer *sc)
{
	for (size_t i = 0; i < RL_SCRATCH_SLOTS; i++)
		if (sc->scratch[i].size > SCRATCH_KEEP) {
			free(sc->scratch[i].p);
			sc->scratch[i].p = NULL;
			sc->scratch[i].size = 0;
		}
}

radloc_scorer *radloc_scorer_new(const radloc_rules *rules)
{
	if (rules == NULL)
		return NULL;
	radloc_scorer *s = calloc(1, sizeof *s);
	if (s == NULL)
		return NULL;
	s->rules = rules;
	s->seed = 1;
	s->draws = 1000;
	s->mass = 0.90;
	s->threads = 1;
	rl_pairs_prepare(s);
	if (rl_bank_init(&s->bank) != RADLOC_OK || build_components(rules, &s->comps) != RADLOC_OK ||
	    build_touch_table(s) != RADLOC_OK || build_selection_classes(s) != RADLOC_OK) {
		radloc_scorer_free(&s);
		return NULL;
	}
	return s;
}

static void free_pool(radloc_scorer *s)
{
	rl_threads_free(&s->pool);
	for (unsigned i = 0; s->pool_rng && i + 1 < s->threads; i++)
		if (s->pool_rng[i])
			gsl_rng_free(s->pool_rng[i]);
	free(s->pool_rng);
	s->pool_rng = NULL;
	s->threads = 1;
}

void radloc_scorer_free(radloc_scorer **scorer)
{
	if (scorer == NULL || *scorer == NULL)
		return;
	free_pool(*scorer);
	free_components(&(*scorer)->comps);
	rl_bank_free(&(*scorer)->bank);
	if ((*scorer)->touch_list)
		for (size_t i = 0; i < rl_element_rows((*scorer)->rules) * TOUCH_SLOTS; i++)
			free((*scorer)->touch_list[i]);
	free((*scorer)->touch_list);
	free((*scorer)->touch_len);
	free((*scorer)->touch_done);
	if ((*scorer)->loglik_table)
		for (size_t i = 0; i < rl_element_rows((*scorer)->rules) * LOGLIK_SLOTS; i++)
			free((*scorer)->loglik_table[i]);
	free((*scorer)->loglik_table);
	if ((*scorer)->probe_table)
		for (size_t i = 0; i < rl_element_rows((*scorer)->rules) * PROBE_SIDES; i++)
			free((*scorer)->probe_table[i].at);
	free((*scorer)->probe_table);
	pool_free(&(*scorer)->probe_pool);
	for (size_t i = 0; i <= RL_PLACE_ALL; i++)
		free((*scorer)->selection[i]);
	for (size_t i = 0; i < RL_SCRATCH_SLOTS; i++)
		free((*scorer)->scratch[i].p);
	free((*scorer)->selection_rep);
	free((*scorer)->selection_class);
	free(*scorer);
	*scorer = NULL;
}

radloc_status radloc_scorer_set_seed(radloc_scorer *s, uint64_t seed)
{
	if (s == NULL)
		return RADLOC_ERR_ARGUMENT;
	s->seed = seed;
	return RADLOC_OK;
}

radloc_status radloc_scorer_set_draws(radloc_scorer *s, unsigned long draws)
{
	if (s == NULL || draws > RADLOC_MAX_DRAWS)
		return RADLOC_ERR_ARGUMENT;
	s->draws = draws;
	return RADLOC_OK;
}

radloc_status radloc_scorer_set_interval(radloc_scorer *s, double mass)
{
	if (s == NULL || !(mass > 0.0 && mass < 1.0))
		return RADLOC_ERR_ARGUMENT;
	s->mass = mass;
	return RADLOC_OK;
}

radloc_status radloc_scorer_set_threads(radloc_scorer *s, unsigned n)
{
	if (s == NULL || n < 1 || n > RADLOC_MAX_DRAW_THREADS)
		return RADLOC_ERR_ARGUMENT;
	if (n == s->threads)
		return RADLOC_OK;
	free_pool(s);
	if (n == 1)
		return RADLOC_OK;
	/* Started now, the threads are where they will run by the time the
	 * first exam needs them (threads.c). Each draws the bank's rows
	 * with a generator of its own (gsl_rng_alloc reports failure through
	 * GSL's handler; a NULL is handled). */
	s->threads = n;
	s->pool_rng = calloc(n - 1, sizeof *s->pool_rng);
	for (unsigned i = 0; s->pool_rng && i + 1 < n; i++)
		if ((s->pool_rng[i] = gsl_rng_alloc(gsl_rng_mt19937)) == NULL)
			break;
	if (s->pool_rng == NULL || s->pool_rng[n - 2] == NULL ||
	    (s->pool = rl_threads_new(n - 1)) == NULL) {
		free_pool(s);
		return RADLOC_ERR_NOMEM;
	}
	return RADLOC_OK;
}

radloc_status radloc_scorer_set_top(radloc_scorer *s, size_t n)
{
	if (s == NULL)
		return RADLOC_ERR_ARGUMENT;
	s->top = n;
	return RADLOC_OK;
}


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
	/* Room for an element's weights or a sign's sensitivities. */
	double *w = malloc((r->root_count + rl_sign_width(r)) * sizeof *w);
	if (w == NULL)
		return RADLOC_ERR_NOMEM;
	for (int side = RADLOC_MIDLINE; side <= RADLOC_RIGHT; side++)
		for (int pain = 0; pain < 2; pain++) {
			size_t slot = touch_slot(row, (radloc_side)side, pain);
			rl_finding f;
			rl_fwork fw;
			rl_probe_finding(r, t, e, (radloc_side)side, pain, &f, &fw, w);
			s->touch_list[slot] = malloc((nc + 1) * sizeof(int));
			if (s->touch_list[slot] == NULL) {
				free(w);
				return RADLOC_ERR_NOMEM;
			}
			size_t n = 0;
			for (size_t c = 0; c < nc; c++)
				if (rl_touches(r, &fw, &s->comps, c))
					s->touch_list[slot][n++] = (int)c;
			s->touch_len[slot] = n;
		}
	free(w);
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

radloc_status rl_scorer_probe_probs(radloc_scorer *sc, const rl_fwork *probe, size_t comp,
                                    const double **probs)
{
	const rl_finding *f = probe->f;
	size_t nc = sc->comps.count;
	struct rl_probe_table *t = &sc->probe_table[rl_element_row(sc->rules, f->table,
	                                                           f->element) * PROBE_SIDES +
	                                            (size_t)f->side];
	if (t->probs == NULL) {
		t->probs = malloc(nc * RL_MAX_OUTCOMES * sizeof *t->probs);
		t->done = calloc(nc, 1);
		if (t->probs == NULL || t->done == NULL) {
			free(t->probs);
			free(t->done);
			t->probs = NULL;
			t->done = NULL;
			return RADLOC_ERR_NOMEM;
		}
	}
	if (!t->done[comp]) {
		rl_params p;
		rl_mean_params(sc->rules, &p);
		rl_outcome_probs(sc->rules, &p, probe, &sc->comps, comp,
		                 t->probs + comp * RL_MAX_OUTCOMES);
		t->done[comp] = 1;
	}
	*probs = t->probs + comp * RL_MAX_OUTCOMES;
	return RADLOC_OK;
}

radloc_status rl_scorer_probe_list(radloc_scorer *sc, const rl_fwork *probe,
                                   const size_t *comps, size_t n, const double **probs)
{
	const double *one;
	/* The first makes the table and finds its row, the rest only look. */
	if (n > 0 && rl_scorer_probe_probs(sc, probe, comps[0], &one) != RADLOC_OK)
		return RADLOC_ERR_NOMEM;
	if (n == 0) {
		*probs = NULL;
		return RADLOC_OK;
	}
	const rl_finding *f = probe->f;
	struct rl_probe_table *t = &sc->probe_table[rl_element_row(sc->rules, f->table,
	                                                           f->element) * PROBE_SIDES +
	                                            (size_t)f->side];
	for (size_t i = 1; i < n; i++)
		if (!t->done[comps[i]] &&
		    rl_scorer_probe_probs(sc, probe, comps[i], &one) != RADLOC_OK)
			return RADLOC_ERR_NOMEM;
	*probs = t->probs;
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
	rl_pairs_prepare(s);
	if (rl_bank_init(&s->bank) != RADLOC_OK || build_components(rules, &s->comps) != RADLOC_OK ||
	    build_touch_table(s) != RADLOC_OK) {
		radloc_scorer_free(&s);
		return NULL;
	}
	return s;
}

void radloc_scorer_free(radloc_scorer **scorer)
{
	if (scorer == NULL || *scorer == NULL)
		return;
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
		for (size_t i = 0; i < rl_element_rows((*scorer)->rules) * PROBE_SIDES; i++) {
			free((*scorer)->probe_table[i].probs);
			free((*scorer)->probe_table[i].done);
		}
	free((*scorer)->probe_table);
	for (size_t i = 0; i <= RL_PLACE_ALL; i++)
		free((*scorer)->selection[i]);
	for (size_t i = 0; i < RL_SCRATCH_SLOTS; i++)
		free((*scorer)->scratch[i].p);
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

radloc_status radloc_scorer_set_top(radloc_scorer *s, size_t n)
{
	if (s == NULL)
		return RADLOC_ERR_ARGUMENT;
	s->top = n;
	return RADLOC_OK;
}


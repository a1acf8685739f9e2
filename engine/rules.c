/* Reading a loaded rule set: ids, names, sources, and who supplies what. */
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "textutil.h"
#include "vocabulary.h"

void radloc_rules_free(radloc_rules **rules)
{
	if (rules == NULL || *rules == NULL)
		return;
	rl_arena_free(&(*rules)->arena);
	free((*rules)->codings);
	free(*rules);
	*rules = NULL;
}

static size_t count_of(const radloc_rules *r, radloc_kind kind)
{
	switch (kind) {
	case RADLOC_ROOT: return r->root_count;
	case RADLOC_NERVE: return r->nerve_count;
	case RADLOC_SIGN: return r->sign_count;
	case RADLOC_REGION:
	case RADLOC_MOVEMENT:
	case RADLOC_REFLEX: return r->element_count[kind - RADLOC_REGION];
	}
	return 0;
}

const rl_entry *rl_rules_entry(const radloc_rules *r, radloc_kind kind,
                               size_t i)
{
	switch (kind) {
	case RADLOC_ROOT: return &r->roots[i].e;
	case RADLOC_NERVE: return &r->nerves[i].e;
	case RADLOC_SIGN: return &r->signs[i].e;
	case RADLOC_REGION:
	case RADLOC_MOVEMENT:
	case RADLOC_REFLEX: return &r->elements[kind - RADLOC_REGION][i].e;
	}
	return NULL;
}

long rl_rules_index(const radloc_rules *r, radloc_kind kind, const char *id)
{
	/* While loading, ids[] is filled before the counts are final: scan
	 * the filled prefix, which ends at the first NULL. */
	const char **ids = r->ids[kind];
	if (ids == NULL || id == NULL)
		return -1;
	for (size_t i = 0; ids[i] != NULL; i++)
		if (strcmp(ids[i], id) == 0)
			return (long)i;
	return -1;
}

size_t radloc_rules_count(const radloc_rules *rules, radloc_kind kind)
{
	if (rules == NULL || (unsigned)kind >= RADLOC_KIND_COUNT)
		return 0;
	return count_of(rules, kind);
}

const char *radloc_rules_id(const radloc_rules *rules, radloc_kind kind,
                            size_t i)
{
	if (rules == NULL || (unsigned)kind >= RADLOC_KIND_COUNT ||
	    i >= count_of(rules, kind))
		return NULL;
	return rules->ids[kind][i];
}

long radloc_rules_find(const radloc_rules *rules, radloc_kind kind,
                       const char *id)
{
	if (rules == NULL || (unsigned)kind >= RADLOC_KIND_COUNT)
		return -1;
	return rl_rules_index(rules, kind, id);
}

const char *radloc_rules_name(const radloc_rules *rules, radloc_kind kind,
                              const char *id)
{
	long i = radloc_rules_find(rules, kind, id);
	return i < 0 ? NULL : rl_rules_entry(rules, kind, (size_t)i)->name;
}

const char *radloc_rules_source(const radloc_rules *rules, radloc_kind kind,
                                const char *id)
{
	long i = radloc_rules_find(rules, kind, id);
	return i < 0 ? NULL : rl_rules_entry(rules, kind, (size_t)i)->source;
}

const char *radloc_rules_nearest(const radloc_rules *rules, radloc_kind kind,
                                 const char *id)
{
	if (rules == NULL || id == NULL || (unsigned)kind >= RADLOC_KIND_COUNT)
		return NULL;
	return rl_nearest(id, rules->ids[kind], count_of(rules, kind));
}

static void put(radloc_link *out, size_t cap, size_t *n, radloc_kind kind,
                const char *id, double weight, const char *source)
{
	if (*n < cap)
		out[*n] = (radloc_link){kind, id, weight, source};
	(*n)++;
}

/* What one element or sign (kind, entry e) takes from root or nerve s: its
 * share of the root, or what the nerve's lesion costs it (per_nerve). */
static void put_supply(radloc_link *out, size_t cap, size_t *n, int of_root, long s,
                       radloc_kind kind, const rl_entry *e, const rl_share *roots,
                       size_t root_count, const double *per_nerve)
{
	if (!of_root) {
		if (per_nerve[s] > 0.0)
			put(out, cap, n, kind, e->id, per_nerve[s], e->source);
		return;
	}
	for (size_t j = 0; j < root_count; j++)
		if (roots[j].index == s)
			put(out, cap, n, kind, e->id, roots[j].weight, e->source);
}

size_t radloc_rules_supplies(const radloc_rules *r, radloc_kind kind,
                             const char *id, radloc_link *out, size_t cap)
{
	size_t n = 0;
	long s = radloc_rules_find(r, kind, id);

	if (s < 0 || (kind != RADLOC_ROOT && kind != RADLOC_NERVE))
		return 0;
	int of_root = kind == RADLOC_ROOT;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			const rl_element *el = &r->elements[k][e];
			put_supply(out, cap, &n, of_root, s, (radloc_kind)(RADLOC_REGION + k), &el->e,
			           el->roots, el->root_count, el->nerve_loss);
		}
	for (size_t g = 0; g < r->sign_count; g++) {
		const rl_sign *sg = &r->signs[g];
		put_supply(out, cap, &n, of_root, s, RADLOC_SIGN, &sg->e, sg->roots, sg->root_count,
		           sg->nerve_sens);
	}
	return n;
}

static int by_weight(const void *a, const void *b)
{
	double wa = ((const radloc_link *)a)->weight;
	double wb = ((const radloc_link *)b)->weight;
	return (wa < wb) - (wa > wb);
}

/* The roots, then the nerves, an element or a sign names, each group
 * heaviest first (sorted only when all fit). */
static size_t put_suppliers(const radloc_rules *r, const rl_share *roots, size_t root_count,
                            const rl_share *nerves, size_t nerve_count, const char *source,
                            radloc_link *out, size_t cap)
{
	size_t n = 0;
	for (size_t j = 0; j < root_count; j++)
		put(out, cap, &n, RADLOC_ROOT, r->roots[roots[j].index].e.id, roots[j].weight,
		    source);
	size_t first = n;
	for (size_t j = 0; j < nerve_count; j++)
		put(out, cap, &n, RADLOC_NERVE, r->nerves[nerves[j].index].e.id,
		    nerves[j].weight, source);
	if (n <= cap) {
		qsort(out, first, sizeof *out, by_weight);
		qsort(out + first, n - first, sizeof *out, by_weight);
	}
	return n;
}

size_t radloc_rules_suppliers(const radloc_rules *r, radloc_kind kind,
                              const char *id, radloc_link *out, size_t cap)
{
	long i = radloc_rules_find(r, kind, id);

	if (i < 0 || kind == RADLOC_ROOT || kind == RADLOC_NERVE)
		return 0;
	if (kind == RADLOC_SIGN) {
		const rl_sign *sg = &r->signs[i];
		return put_suppliers(r, sg->roots, sg->root_count, sg->nerves, sg->nerve_count,
		                     sg->e.source, out, cap);
	}
	const rl_element *el = &r->elements[kind - RADLOC_REGION][i];
	return put_suppliers(r, el->roots, el->root_count, el->nerves, el->nerve_count,
	                     el->e.source, out, cap);
}

radloc_status radloc_rules_info(const radloc_rules *r, radloc_kind kind,
                                const char *id, radloc_entry_info *out)
{
	long i = radloc_rules_find(r, kind, id);

	if (out == NULL)
		return RADLOC_ERR_ARGUMENT;
	memset(out, 0, sizeof *out);
	if (i < 0)
		return RADLOC_ERR_REFERENCE;
	const rl_entry *e = rl_rules_entry(r, kind, (size_t)i);
	out->kind = kind;
	out->id = e->id;
	out->name = e->name;
	out->source = e->source;
	switch (kind) {
	case RADLOC_ROOT:
		out->level = r->roots[i].level;
		out->prior = r->roots[i].prior;
		break;
	case RADLOC_NERVE: {
		const rl_nerve *nv = &r->nerves[i];
		out->prior = nv->prior;
		out->branch_count = nv->branch_count;
		break;
	}
	case RADLOC_SIGN:
		out->limb = rl_limb_names[r->signs[i].limb];
		out->specificity = r->signs[i].specificity;
		break;
	case RADLOC_REGION:
	case RADLOC_MOVEMENT:
	case RADLOC_REFLEX: {
		const rl_element *el = &r->elements[kind - RADLOC_REGION][i];
		out->limb = rl_limb_names[el->limb];
		out->muscles = el->muscles;
		out->distal_rank = el->distal_rank;
		out->concentration = el->concentration;
		break;
	}
	}
	return RADLOC_OK;
}

const char *radloc_rules_branch(const radloc_rules *r, const char *nerve,
                                size_t i)
{
	long n = radloc_rules_find(r, RADLOC_NERVE, nerve);
	if (n < 0 || i >= r->nerves[n].branch_count)
		return NULL;
	return r->nerves[r->nerves[n].branches[i]].e.id;
}

static const rl_site *named_site(const radloc_rules *r, const char *nerve, size_t i)
{
	long n = r && nerve ? radloc_rules_find(r, RADLOC_NERVE, nerve) : -1;
	if (n < 0 || i >= r->nerves[n].site_count || r->nerves[n].sites[i].id == NULL)
		return NULL;
	return &r->nerves[n].sites[i];
}

radloc_status radloc_rules_site(const radloc_rules *r, const char *nerve, size_t i,
                                radloc_site_info *out)
{
	const rl_site *s = named_site(r, nerve, i);
	if (s == NULL || out == NULL)
		return RADLOC_ERR_ARGUMENT;
	*out = (radloc_site_info){s->id, s->name, s->share, s->source, s->spare_count};
	return RADLOC_OK;
}

radloc_status radloc_rules_site_spare(const radloc_rules *r, const char *nerve, size_t i,
                                      size_t j, radloc_kind *kind, const char **id,
                                      double *fraction)
{
	const rl_site *s = named_site(r, nerve, i);
	if (s == NULL || j >= s->spare_count || !kind || !id || !fraction)
		return RADLOC_ERR_ARGUMENT;
	*kind = s->spares[j].kind;
	*id = rl_rules_entry(r, s->spares[j].kind, (size_t)s->spares[j].index)->id;
	*fraction = s->spares[j].fraction;
	return RADLOC_OK;
}

double radloc_rules_sign_pattern(const radloc_rules *r, const char *sign,
                                 int pattern)
{
	long i = radloc_rules_find(r, RADLOC_SIGN, sign);
	if (i < 0 || pattern < 0 || pattern >= RADLOC_PATTERN_COUNT)
		return 0.0;
	return r->signs[i].pattern_sens[pattern];
}

double radloc_rules_sign_plexus(const radloc_rules *r, const char *sign,
                                const char *plexus)
{
	long i = radloc_rules_find(r, RADLOC_SIGN, sign);
	long p = i >= 0 && plexus ? rl_plexus_index(r, plexus) : -1;
	return p < 0 ? 0.0 : r->signs[i].plexus_sens[p];
}

double radloc_rules_extent_threshold(const radloc_rules *r, const char *extent)
{
	if (r == NULL || extent == NULL)
		return -1.0;
	for (size_t i = 0; i < r->patterns.extent_count; i++)
		if (strcmp(r->patterns.extents[i].name, extent) == 0)
			return r->patterns.extents[i].threshold;
	return -1.0;
}

size_t radloc_rules_plexus_count(const radloc_rules *r)
{
	return r ? r->plexus_count : 0;
}

const char *radloc_rules_plexus_id(const radloc_rules *r, size_t i)
{
	return r && i < r->plexus_count ? r->plexus[i].e.id : NULL;
}

const char *radloc_rules_plexus_name(const radloc_rules *r, const char *id)
{
	long i = r && id ? rl_plexus_index(r, id) : -1;
	return i < 0 ? NULL : r->plexus[i].e.name;
}

const char *radloc_rules_plexus_source(const radloc_rules *r, const char *id)
{
	long i = r && id ? rl_plexus_index(r, id) : -1;
	return i < 0 ? NULL : r->plexus[i].e.source;
}

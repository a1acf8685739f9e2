/* Plexus elements (the `plexus:` section, rules/plexus.yaml): reading
 * them (pass 2) and what each carries of every region, movement and
 * reflex (pass 3).
 *
 * A plexus element is the fibres of its roots that run through it. An
 * element's supply is split two ways in the rules: by root (`roots:`
 * weights) and by route (`nerves:` shares, the rest through nerves not
 * modelled). The plexus element takes the fibres of its own roots whose
 * route passes through it:
 *     route_P(e) = sum of e's nerve shares through P's nerves + P's own
 *                  branches' share of e          (P lists `nerves:`, a cord)
 *     route_P(e) = 1 - sum of e's nerve shares through P's spared nerves
 *                  (+ its own branches)          (a trunk or a plexus)
 * clamped to [0, 1]; the scorer then treats P like its roots with each
 * root's weight scaled by the route (docs/scoring.md, "Plexus elements"). */
#include <stdio.h>
#include <string.h>

#include "rules_loader.h"
#include "textutil.h"

/* A list of ids of one kind (roots or nerves) into a fresh array. */
static int read_id_list(rl_loader *L, const yt_node *n, radloc_kind kind,
                        const char *what, int **out, size_t *count, size_t max)
{
	int bad = 0;

	*count = 0;
	if (n->type != YT_SEQUENCE) {
		yt_report(&L->d, n, RADLOC_ERR_SCHEMA, "%s must be a list of %s ids, not %s",
		   what, radloc_kind_name(kind), yt_type_name(n));
		return 1;
	}
	if (n->count > max) {
		yt_report(&L->d, n, RADLOC_ERR_LIMIT, "%s names more than %zu entries", what, max);
		return 1;
	}
	*out = rl_arena_alloc(L->r->arena, (n->count + 1) * sizeof **out);
	if (*out == NULL) {
		rl_loader_nomem(L);
		return 1;
	}
	for (const yt_node *b = n->first; b; b = b->next) {
		long idx = b->type == YT_SCALAR ? rl_rules_index(L->r, kind, b->text) : -1;
		if (idx < 0) {
			if (b->type == YT_SCALAR)
				rl_report_unknown_id(L, b, kind, what);
			else
				yt_report(&L->d, b, RADLOC_ERR_SCHEMA, "%s must be %s ids", what,
				   radloc_kind_name(kind));
			bad++;
			continue;
		}
		(*out)[(*count)++] = (int)idx;
	}
	return bad;
}

static int read_plexus_roots(rl_loader *L, const yt_node *key, const rl_field *field,
                             const char *what, void *dest)
{
	rl_plexus *p = dest;
	char label[160];
	int *roots = NULL;
	size_t count = 0;

	(void)field;
	snprintf(label, sizeof label, "the roots of %s", what);
	int bad = read_id_list(L, key->value, RADLOC_ROOT, label, &roots, &count,
	                       RL_PLEXUS_MAX_ROOTS);
	if (!bad && count == 0) {
		yt_report(&L->d, key->value, RADLOC_ERR_VALUE, "%s is empty", label);
		return 1;
	}
	for (size_t i = 0; i < count; i++)
		p->roots[i] = roots[i];
	p->root_count = (int)count;
	return bad;
}

static int read_plexus_nerves(rl_loader *L, const yt_node *key, const rl_field *field,
                              const char *what, void *dest)
{
	rl_plexus *p = dest;
	char label[160];
	int spares = strcmp(field->key, "spares") == 0;

	snprintf(label, sizeof label, "the %s of %s", field->key, what);
	return read_id_list(L, key->value, RADLOC_NERVE, label,
	                    spares ? &p->spares : &p->nerves,
	                    spares ? &p->spare_count : &p->nerve_count, RADLOC_MAX_SUPPLY);
}

/* supplies: element id (region, movement or reflex) -> share of its
 * supply through the element's own branches not modelled as nerves. */
static int read_plexus_supplies(rl_loader *L, const yt_node *key, const rl_field *field,
                                const char *what, void *dest)
{
	rl_plexus *p = dest;
	const yt_node *n = key->value;
	char label[200], buf[RL_PRINTABLE_SIZE];
	int bad = 0;

	(void)field;
	if (!rl_require_mapping(L, n, "supplies"))
		return 1;
	p->supplies = rl_arena_alloc(L->r->arena, (n->count + 1) * sizeof *p->supplies);
	p->supply_share = rl_arena_alloc(L->r->arena, (n->count + 1) * sizeof(double));
	if (!p->supplies || !p->supply_share) {
		rl_loader_nomem(L);
		return 1;
	}
	for (const yt_node *k = n->first; k; k = k->next) {
		long idx = -1;
		radloc_kind table = RADLOC_REGION;
		for (int t = RADLOC_REGION; t <= RADLOC_REFLEX && idx < 0; t++)
			if ((idx = rl_rules_index(L->r, (radloc_kind)t, k->text)) >= 0)
				table = (radloc_kind)t;
		snprintf(label, sizeof label, "the supplies of %s", what);
		if (idx < 0) {
			rl_report_unknown_id(L, k, RADLOC_MOVEMENT, label);
			bad++;
			continue;
		}
		snprintf(label, sizeof label, "share of %s supplied by %s",
		         rl_value_for_message(buf, k->text), what);
		double s;
		if (rl_read_number(L, k->value, 0.0, 1.0, label, &s)) {
			bad++;
			continue;
		}
		p->supplies[p->supply_count] = (rl_key){table, (int)idx, RADLOC_MIDLINE};
		p->supply_share[p->supply_count++] = s;
	}
	return bad;
}

static const rl_field plexus_fields[] = {
	{"name", rl_read_text_field, offsetof(rl_plexus, e.name), 0},
	{"roots", read_plexus_roots, 0, 1},
	{"nerves", read_plexus_nerves, 0, 0},
	{"spares", read_plexus_nerves, 0, 0},
	{"supplies", read_plexus_supplies, 0, 0},
	{"prior", rl_read_positive_field, offsetof(rl_plexus, prior), 1},
	{"source", rl_read_text_field, offsetof(rl_plexus, e.source), 1},
};

int rl_load_plexus(rl_loader *L, const yt_node *key)
{
	radloc_rules *r = L->r;
	const yt_node *sec = key->value;
	char what[128], buf[RL_PRINTABLE_SIZE];
	int bad = 0;

	if (!rl_require_mapping(L, sec, "plexus"))
		return 1;
	if (r->plexus_count + sec->count > RADLOC_MAX_IDS) {
		yt_report(&L->d, key, RADLOC_ERR_LIMIT, "more than %d plexus elements",
		   RADLOC_MAX_IDS);
		return 1;
	}
	/* Sections in several files add up: the table grows by copying. */
	rl_plexus *table = rl_arena_alloc(r->arena, (r->plexus_count + sec->count + 1) *
	                                           sizeof *table);
	if (table == NULL)
		return 1 + (rl_loader_nomem(L) != RADLOC_OK);
	if (r->plexus_count > 0)
		memcpy(table, r->plexus, r->plexus_count * sizeof *table);
	memset(table + r->plexus_count, 0, (sec->count + 1) * sizeof *table);
	r->plexus = table;
	for (const yt_node *k = sec->first; k; k = k->next) {
		if (!rl_valid_id(k->text)) {
			yt_report(&L->d, k, RADLOC_ERR_VALUE,
			   "plexus element id '%s' must be 1-64 letters, digits or '_'",
			   rl_value_for_message(buf, k->text));
			bad++;
			continue;
		}
		if (rl_plexus_index(r, k->text) >= 0) {
			yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "plexus element '%s' is defined twice",
			   k->text);
			bad++;
			continue;
		}
		rl_plexus *p = &r->plexus[r->plexus_count];
		p->e.id = rl_arena_strdup(r->arena, k->text);
		if (p->e.id == NULL)
			return bad + 1 + (rl_loader_nomem(L) != RADLOC_OK);
		p->e.name = p->e.id;
		p->e.file = L->d.file;
		p->e.line = k->line;
		p->index = (int)r->plexus_count;
		snprintf(what, sizeof what, "plexus element '%s'", p->e.id);
		int b = rl_read_mapping(L, k, plexus_fields, RL_FIELD_COUNT(plexus_fields), what, p);
		if (!b && p->nerve_count > 0 && p->spare_count > 0) {
			/* One route rule per element: the nerves it forms, or
			 * everything but the nerves that leave above it. */
			yt_report(&L->d, k, RADLOC_ERR_SCHEMA,
			   "%s gives both 'nerves' and 'spares'; give one", what);
			b++;
		}
		bad += b;
		r->plexus_count++;
	}
	return bad;
}

long rl_plexus_index(const radloc_rules *r, const char *id)
{
	for (size_t i = 0; i < r->plexus_count; i++)
		if (r->plexus[i].e.id && strcmp(r->plexus[i].e.id, id) == 0)
			return (long)i;
	return -1;
}

/* Whether any of the nerves in list covers nerve j (its branches too). */
static int covered(const radloc_rules *r, const int *list, size_t count, int j)
{
	for (size_t i = 0; i < count; i++)
		if (r->nerves[list[i]].covers[j])
			return 1;
	return 0;
}

static double route(const radloc_rules *r, const rl_plexus *p, int table, size_t e,
                    const rl_element *el)
{
	double through = 0.0;
	for (size_t j = 0; j < el->nerve_count; j++)
		if (covered(r, p->nerve_count ? p->nerves : p->spares,
		            p->nerve_count ? p->nerve_count : p->spare_count, el->nerves[j].index))
			through += el->nerves[j].weight;
	double share = p->nerve_count ? through : 1.0 - through;
	for (size_t i = 0; i < p->supply_count; i++)
		if ((int)p->supplies[i].table == table && p->supplies[i].element == (int)e)
			share += p->supply_share[i];
	return share < 0.0 ? 0.0 : share > 1.0 ? 1.0 : share;
}

int rl_derive_plexus_routes(rl_loader *L)
{
	radloc_rules *r = L->r;

	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			rl_element *el = &r->elements[k][e];
			el->plexus_route = rl_arena_alloc(r->arena,
			                                  (r->plexus_count + 1) * sizeof(double));
			if (el->plexus_route == NULL)
				return 1 + (rl_loader_nomem(L) != RADLOC_OK);
			for (size_t p = 0; p < r->plexus_count; p++)
				el->plexus_route[p] = route(r, &r->plexus[p], RADLOC_REGION + k, e, el);
		}
	return 0;
}

double rl_plexus_share(const rl_element *el, const rl_plexus *p)
{
	double keep = 1.0, n = el->plexus_route[p->index];
	for (size_t j = 0; j < el->root_count; j++)
		for (int i = 0; i < p->root_count; i++)
			if (el->roots[j].index == p->roots[i])
				keep *= 1.0 - n * el->roots[j].weight;
	return 1.0 - keep;
}

/* A sign's `plexus:`: checked to be a mapping now, its ids read once the
 * plexus elements are known (rl_derive_sign_plexus). */
int rl_read_sign_plexus(rl_loader *L, const yt_node *key, const rl_field *field,
                        const char *what, void *dest)
{
	rl_sign *sign = dest;
	(void)field;
	(void)what;
	if (!rl_require_mapping(L, key->value, "plexus"))
		return 1;
	sign->plexus_map = key->value;
	return 0;
}

/* Each sign's sensitivity per plexus element: the element's own where the
 * sign names it (Horner's syndrome for the lower trunk), else 0: the
 * lesion leaves the sign at its background, as it leaves Spurling's test.
 * There is no pattern-wide `plexopathy` row: what a sign shows depends on
 * which element is taken. */
int rl_derive_sign_plexus(rl_loader *L)
{
	radloc_rules *r = L->r;
	const char *names[RADLOC_MAX_SUPPLY + 1];
	size_t named = 0;
	char label[200], buf[RL_PRINTABLE_SIZE];
	int bad = 0;

	for (size_t p = 0; p < r->plexus_count && named < RADLOC_MAX_SUPPLY; p++)
		names[named++] = r->plexus[p].e.id;
	for (size_t i = 0; i < r->sign_count; i++) {
		rl_sign *sg = &r->signs[i];
		sg->plexus_sens = rl_arena_alloc(r->arena, (r->plexus_count + 1) * sizeof(double));
		if (sg->plexus_sens == NULL)
			return bad + 1 + (rl_loader_nomem(L) != RADLOC_OK);
		for (size_t p = 0; p < r->plexus_count; p++)
			sg->plexus_sens[p] = 0.0;
		if (sg->plexus_map == NULL)
			continue;
		L->d.file = sg->e.file;
		for (const yt_node *k = ((const yt_node *)sg->plexus_map)->first; k; k = k->next) {
			long p = rl_plexus_index(r, k->text);
			double s;
			if (p < 0) {
				yt_report_unknown(&L->d, k, RADLOC_ERR_REFERENCE, "plexus element",
				                  "the plexus elements", names, named);
				bad++;
				continue;
			}
			snprintf(label, sizeof label, "sensitivity of sign '%s' for %s", sg->e.id,
			         rl_value_for_message(buf, k->text));
			if (rl_read_number(L, k->value, 0.0, 1.0, label, &s)) {
				bad++;
				continue;
			}
			sg->plexus_sens[p] = s;
		}
	}
	return bad;
}

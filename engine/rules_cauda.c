/* Cauda equina extents (`patterns: cauda_equina: extents:`,
 * rules/patterns.yaml): reading them (pass 2), their weighted mean of
 * root involvement (pass 3), and what a component at one extent takes of
 * an element's roots and of a sign (docs/scoring.md, "Cauda equina
 * extents").
 *
 * A cauda equina is not one lesion but a family: a central L5-S1 disc
 * that takes only the sacral roots (saddle, sphincters, legs spared),
 * a conus lesion (symmetric saddle loss, early sphincter failure, ankle
 * jerks lost with knee jerks kept, a Babinski possible), S1-S5, or L4/L5
 * to S5 with radicular leg signs. The hypothesis is a mixture over these
 * extents, as a polyneuropathy is over its extents; each extent lists
 * the roots it takes on both sides and may set its own sensitivity for a
 * sign (the conus's upper motor neuron part is its Babinski row). Rules
 * with only `roots:` have one implicit extent, unnamed. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rules_loader.h"
#include "textutil.h"

/* The pattern's tables: dest is the field (at its offset) of the
 * caller's private entry (rules_parameters.c) that points to them. */
static rl_patterns *patterns_of(void *dest)
{
	return *(rl_patterns **)dest;
}

/* A fresh per-index table of roots or signs from a mapping id -> weight;
 * entries not named get `fill`. */
static int read_table(rl_loader *L, const yt_node *map, radloc_kind kind,
                      size_t width, double fill, const char *what, double **out)
{
	rl_share *shares;
	size_t count;

	*out = rl_arena_alloc(L->r->arena, (width + 1) * sizeof **out);
	if (*out == NULL)
		return 1 + (rl_loader_nomem(L) != RADLOC_OK);
	for (size_t i = 0; i <= width; i++)
		(*out)[i] = fill;
	if (rl_read_shares(L, map, kind, what, &shares, &count))
		return 1;
	for (size_t j = 0; j < count; j++)
		(*out)[shares[j].index] = shares[j].weight;
	return 0;
}

/* roots: root -> involvement, both sides (the one implicit extent). */
int rl_read_cauda_roots(rl_loader *L, const yt_node *key, const rl_field *field,
                        const char *what, void *dest)
{
	rl_patterns *P = patterns_of(dest);
	(void)field, (void)what;
	if (P->cauda_extents) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA,
		          "cauda_equina takes `roots:` or `extents:`, not both "
		          "(each extent lists its own roots)");
		return 1;
	}
	return read_table(L, key->value, RADLOC_ROOT, L->r->root_count, 0.0,
	                  "the roots of cauda_equina", &P->cauda_roots);
}

static int read_extent_roots(rl_loader *L, const yt_node *key, const rl_field *field,
                             const char *what, void *dest)
{
	(void)field;
	rl_cauda_extent *x = dest;
	return read_table(L, key->value, RADLOC_ROOT, L->r->root_count, 0.0, what, &x->roots);
}

/* signs: sign -> its sensitivity under this extent, replacing the
 * pattern's (signs.yaml `sensitivity: {cauda_equina: ...}`). */
static int read_extent_signs(rl_loader *L, const yt_node *key, const rl_field *field,
                             const char *what, void *dest)
{
	(void)field;
	rl_cauda_extent *x = dest;
	return read_table(L, key->value, RADLOC_SIGN, L->r->sign_count, -1.0, what,
	                  &x->sign_sens);
}

static const rl_field extent_fields[] = {
	{"weight", rl_read_positive_field, offsetof(rl_cauda_extent, weight), 1},
	{"roots", read_extent_roots, 0, 1},
	{"signs", read_extent_signs, 0, 0},
	{"source", rl_read_text_field, offsetof(rl_cauda_extent, source), 1},
};

/* extents: name -> {weight, roots, signs, source}. */
int rl_read_cauda_extents(rl_loader *L, const yt_node *key, const rl_field *field,
                          const char *what, void *dest)
{
	rl_patterns *P = patterns_of(dest);
	const yt_node *n = key->value;
	char label[160];
	int bad = 0;

	(void)field, (void)what;
	if (P->cauda_roots) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA,
		          "cauda_equina takes `roots:` or `extents:`, not both "
		          "(each extent lists its own roots)");
		return 1;
	}
	if (!rl_require_mapping(L, n, "cauda_equina extents"))
		return 1;
	if (n->count == 0) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA, "cauda_equina extents cannot be empty");
		return 1;
	}
	P->cauda_extents = rl_arena_alloc(L->r->arena, n->count * sizeof *P->cauda_extents);
	if (P->cauda_extents == NULL)
		return 1 + (rl_loader_nomem(L) != RADLOC_OK);
	for (const yt_node *e = n->first; e; e = e->next) {
		rl_cauda_extent *x = &P->cauda_extents[P->cauda_extent_count];
		memset(x, 0, sizeof *x);
		if (!rl_valid_id(e->text)) {
			yt_report(&L->d, e, RADLOC_ERR_SCHEMA,
			          "cauda_equina extent must be 1-64 letters, digits or '_'");
			bad++;
			continue;
		}
		snprintf(label, sizeof label, "cauda_equina extent '%s'", e->text);
		if (rl_read_mapping(L, e, extent_fields, RL_FIELD_COUNT(extent_fields), label, x)) {
			bad++;
			continue;
		}
		x->name = rl_arena_strdup(L->r->arena, e->text);
		if (x->name == NULL)
			return bad + 1 + (rl_loader_nomem(L) != RADLOC_OK);
		P->cauda_extent_count++;
	}
	return bad;
}

/* Pass 3: the extents' weights as shares, and the hypothesis's mean
 * involvement of each root (its key elements and what it touches); rules
 * with `roots:` alone (or none) get one implicit extent of weight 1. */
int rl_finish_cauda(rl_loader *L)
{
	radloc_rules *r = L->r;
	rl_patterns *P = &r->patterns;
	double sum = 0.0;

	if (P->cauda_extent_count == 0) {
		P->cauda_extents = rl_arena_alloc(r->arena, sizeof *P->cauda_extents);
		if (P->cauda_roots == NULL)
			P->cauda_roots = rl_arena_alloc(r->arena, (r->root_count + 1) * sizeof(double));
		if (P->cauda_extents == NULL || P->cauda_roots == NULL)
			return 1 + (rl_loader_nomem(L) != RADLOC_OK);
		memset(P->cauda_extents, 0, sizeof *P->cauda_extents);
		P->cauda_extents[0].weight = 1.0;
		P->cauda_extents[0].roots = P->cauda_roots;
		P->cauda_extent_count = 1;
		return 0;
	}
	for (size_t x = 0; x < P->cauda_extent_count; x++)
		sum += P->cauda_extents[x].weight;
	if (!(sum > 0.0)) {
		rl_report(&L->d, RADLOC_ERR_SCHEMA, 0, 0,
		            "the weights of the cauda_equina extents sum to 0");
		return 1;
	}
	P->cauda_roots = rl_arena_alloc(r->arena, (r->root_count + 1) * sizeof(double));
	if (P->cauda_roots == NULL)
		return 1 + (rl_loader_nomem(L) != RADLOC_OK);
	memset(P->cauda_roots, 0, (r->root_count + 1) * sizeof(double));
	for (size_t x = 0; x < P->cauda_extent_count; x++) {
		rl_cauda_extent *e = &P->cauda_extents[x];
		e->weight /= sum;
		for (size_t i = 0; i < r->root_count; i++)
			P->cauda_roots[i] += e->weight * e->roots[i];
	}
	return 0;
}

double rl_cauda_root(const radloc_rules *r, int extent, int root)
{
	const rl_patterns *P = &r->patterns;
	/* No extent (a hypothesis seen whole): the mean involvement. */
	if (extent < 0 || (size_t)extent >= P->cauda_extent_count)
		return P->cauda_roots[root];
	return P->cauda_extents[extent].roots[root];
}

double rl_cauda_sign_sensitivity(const radloc_rules *r, int extent, size_t sign)
{
	const rl_patterns *P = &r->patterns;
	if (extent < 0 || (size_t)extent >= P->cauda_extent_count ||
	    P->cauda_extents[extent].sign_sens == NULL)
		return -1.0;
	return P->cauda_extents[extent].sign_sens[sign];
}

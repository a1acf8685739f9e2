/* Reading a result, and making it own what it hands out. */
#include <stdlib.h>
#include <string.h>

#include "result_impl.h"

/* The strings a result takes over from the rules are copied into one
 * block of its arena: a first walk sums their sizes, a second copies them.
 * One allocation instead of one per string keeps the copy a small part of
 * a scoring call: about 1.5 us of 40 us for the shipped rules without
 * draws. */
typedef struct string_block {
	size_t size;  /* first walk: bytes needed */
	char *at;     /* second walk: where the next string goes */
} string_block;

static void take(string_block *b, const char **s)
{
	if (*s == NULL)
		return;
	size_t n = strlen(*s) + 1;
	if (b->at == NULL) {
		b->size += n;
		return;
	}
	memcpy(b->at, *s, n);
	*s = b->at;
	b->at += n;
}

/* Every string of the rules a result holds, except those naming a
 * hypothesis by its label (evidence, next test), which point to the
 * hypothesis's own label afterwards. */
static void take_all(radloc_result *r, string_block *b)
{
	for (size_t i = 0; i < r->hyp_count; i++) {
		radloc_hypothesis *h = &r->ranked[i].h;
		take(b, &h->label);
		take(b, &h->nerve);
		take(b, &h->plexus);
		take(b, &h->extent);
		take(b, &h->level);
		take(b, &h->form);
		take(b, &h->site);
		for (size_t k = 0; k < h->root_count; k++)
			take(b, &h->roots[k]);
		/* A pair's parts live in the result's arena (score.c). */
		for (size_t k = 0; k < h->part_count; k++) {
			radloc_hypothesis *part = (radloc_hypothesis *)h->parts[k];
			take(b, &part->label);
			take(b, &part->nerve);
			take(b, &part->plexus);
			take(b, &part->extent);
			take(b, &part->site);
			take(b, &part->level);
			take(b, &part->form);
			for (size_t j = 0; j < part->root_count; j++)
				take(b, &part->roots[j]);
		}
	}
	if (r->has_next)
		take(b, &r->next.id);
	take(b, &r->rules_version);
}

/* A label naming a hypothesis, pointed at the result's copy of it: the
 * hypothesis whose label was the same pointer before the copy. */
static void relabel(const radloc_result *r, const char *const *old, const char **s)
{
	for (size_t i = 0; *s && i < r->hyp_count; i++)
		if (old[i] == *s) {
			*s = r->ranked[i].h.label;
			return;
		}
}

radloc_status rl_result_own_strings(radloc_result *r)
{
	string_block b = {0, NULL};
	const char **old = malloc((r->hyp_count + 1) * sizeof *old);

	if (old == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t i = 0; i < r->hyp_count; i++)
		old[i] = r->ranked[i].h.label;
	take_all(r, &b);
	if ((b.at = rl_arena_alloc(r->arena, b.size + 1)) == NULL) {
		free(old);
		return RADLOC_ERR_NOMEM;
	}
	take_all(r, &b);
	for (size_t i = 0; i < r->evidence_count; i++) {
		relabel(r, old, &r->evidence[i].supports);
		relabel(r, old, &r->evidence[i].against);
	}
	if (r->has_next) {
		relabel(r, old, &r->next.separates[0]);
		relabel(r, old, &r->next.separates[1]);
	}
	free(old);
	return RADLOC_OK;
}

void radloc_result_free(radloc_result **result)
{
	if (result == NULL || *result == NULL)
		return;
	rl_arena_free(&(*result)->arena);
	free(*result);
	*result = NULL;
}

const char *radloc_result_id(const radloc_result *r)
{
	return r ? r->id : NULL;
}

radloc_pattern radloc_result_pattern(const radloc_result *r)
{
	return r ? r->pattern : RADLOC_NORMAL;
}

unsigned radloc_result_flags(const radloc_result *r)
{
	return r ? r->flags : 0u;
}

double radloc_result_interval_mass(const radloc_result *r)
{
	return r ? r->mass : 0.0;
}

unsigned long radloc_result_draws(const radloc_result *r)
{
	return r ? r->draws : 0;
}

size_t radloc_result_count(const radloc_result *r)
{
	return r ? r->reported : 0;
}

radloc_status radloc_result_hypothesis(const radloc_result *r, size_t i,
                                       radloc_hypothesis *out)
{
	if (r == NULL || out == NULL || i >= r->reported)
		return RADLOC_ERR_ARGUMENT;
	*out = r->ranked[i].h;
	return RADLOC_OK;
}

double radloc_result_other(const radloc_result *r)
{
	return r ? r->other : 0.0;
}

size_t radloc_result_evidence_count(const radloc_result *r)
{
	return r ? r->evidence_count : 0;
}

radloc_status radloc_result_evidence(const radloc_result *r, size_t i,
                                     radloc_evidence *out)
{
	if (r == NULL || out == NULL || i >= r->evidence_count)
		return RADLOC_ERR_ARGUMENT;
	*out = r->evidence[i];
	return RADLOC_OK;
}

radloc_status radloc_result_next_test(const radloc_result *r,
                                      radloc_next_test *out)
{
	if (r == NULL || out == NULL)
		return RADLOC_ERR_ARGUMENT;
	if (!r->has_next)
		return RADLOC_ERR_EMPTY;
	*out = r->next;
	return RADLOC_OK;
}

size_t radloc_result_warning_count(const radloc_result *r)
{
	return r ? r->warning_count : 0;
}

const char *radloc_result_warning(const radloc_result *r, size_t i)
{
	return r && i < r->warning_count ? r->warnings[i] : NULL;
}

double radloc_result_surprise(const radloc_result *r)
{
	return r ? r->surprise : 0.0;
}

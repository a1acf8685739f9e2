/* Reading a result, and making it own what it hands out. */
#include <stdlib.h>
#include <string.h>

#include "result_impl.h"

/* A copy of *s in the arena; 0 on success (a NULL string stays NULL). */
static int own(rl_arena *arena, const char **s)
{
	if (*s == NULL)
		return 0;
	*s = rl_arena_strdup(arena, *s);
	return *s == NULL;
}

/* Evidence and the next test name hypotheses by their labels: point them
 * at the result's copy of the same label, found by the old pointer. */
static int own_label(const radloc_result *r, const char *const *old, const char **s)
{
	if (*s == NULL)
		return 0;
	for (size_t i = 0; i < r->hyp_count; i++)
		if (old[i] == *s) {
			*s = r->ranked[i].h.label;
			return 0;
		}
	return own(r->arena, s);
}

radloc_status rl_result_own_strings(radloc_result *r)
{
	const char **old = malloc((r->hyp_count + 1) * sizeof *old);
	int failed = old == NULL;

	for (size_t i = 0; i < r->hyp_count && !failed; i++) {
		radloc_hypothesis *h = &r->ranked[i].h;
		old[i] = h->label;
		failed |= own(r->arena, &h->label) | own(r->arena, &h->nerve) |
		          own(r->arena, &h->extent);
		for (size_t k = 0; k < h->root_count; k++)
			failed |= own(r->arena, &h->roots[k]);
	}
	for (size_t i = 0; i < r->evidence_count && !failed; i++)
		failed |= own_label(r, old, &r->evidence[i].supports) |
		          own_label(r, old, &r->evidence[i].against);
	if (r->has_next && !failed)
		failed |= own(r->arena, &r->next.id) |
		          own_label(r, old, &r->next.separates[0]) |
		          own_label(r, old, &r->next.separates[1]);
	free(old);
	return failed ? RADLOC_ERR_NOMEM : RADLOC_OK;
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

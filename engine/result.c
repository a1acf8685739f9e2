/* Reading a result. */
#include <stdlib.h>

#include "result_impl.h"

void radloc_result_free(radloc_result **result)
{
	if (result == NULL || *result == NULL)
		return;
	rl_arena_free(&(*result)->arena);
	rl_arena_free(&(*result)->rules_arena);
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

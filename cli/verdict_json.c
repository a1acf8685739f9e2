/* A teaching case's verdict as one JSON line (radloc check --format json),
 * through jansson and the public API: the CLI's output, not the library's. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "cli.h"

/* A string, or null when it is NULL or not valid UTF-8 (jansson refuses
 * those): a file name or id is echoed, never guessed. */
static json_t *text_or_null(const char *s)
{
	json_t *v = s ? json_string(s) : NULL;
	return v ? v : json_null();
}

/* As in the result's JSON: 4 decimals, the same bytes on every platform. */
static json_t *rounded(double x)
{
	return isfinite(x) ? json_real(round(x * 1e4) / 1e4) : json_null();
}

static json_t *flag_names(unsigned flags)
{
	json_t *list = json_array();
	for (unsigned bit = 1; list && bit < (1u << RADLOC_FLAG_COUNT); bit <<= 1)
		if ((flags & bit) && json_array_append_new(list, json_string(radloc_flag_name(bit))) != 0) {
			json_decref(list);
			return NULL;
		}
	return list;
}

int cli_verdict_json(const char *file, const radloc_case *c, const radloc_result *res,
                     const radloc_verdict *v, const char *error, char **out)
{
	radloc_expectation e;
	radloc_hypothesis leader;
	int failed = 0;

	*out = NULL;
	if ((res == NULL && error == NULL) || (res && (c == NULL || v == NULL)))
		return -1;
	json_t *root = json_object();
	/* json_object_set_new takes the value even when it fails: one check
	 * at the end instead of one per key. */
	failed |= json_object_set_new(root, "file", text_or_null(file));
	failed |= json_object_set_new(root, "id", text_or_null(c ? radloc_case_id(c) : NULL));
	if (res == NULL) {
		failed |= json_object_set_new(root, "pass", json_false());
		failed |= json_object_set_new(root, "error", text_or_null(error));
	} else {
		radloc_case_expectation(c, &e);
		if (radloc_result_hypothesis(res, 0, &leader) != RADLOC_OK)
			leader.label = NULL;
		failed |= json_object_set_new(root, "pass", json_boolean(v->pass));
		failed |= json_object_set_new(root, "expected", text_or_null(e.label));
		failed |= json_object_set_new(root, "within", json_integer((json_int_t)e.within));
		failed |= json_object_set_new(root, "rank", json_integer((json_int_t)v->rank));
		failed |= json_object_set_new(root, "probability", rounded(v->probability));
		failed |= json_object_set_new(root, "leader", text_or_null(leader.label));
		failed |= json_object_set_new(root, "pattern",
		                              json_string(radloc_pattern_name(radloc_result_pattern(res))));
		failed |= json_object_set_new(root, "missing_flags", flag_names(v->missing_flags));
	}
	if (root && !failed)
		*out = json_dumps(root, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6) | JSON_COMPACT);
	json_decref(root);
	return *out ? 0 : -1;
}

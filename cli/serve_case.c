/* POST /v1/case: a teaching case read for the page's quiz. The page needs
 * the expected answer as well as the exam (POST /v1/exam gives the exam
 * alone), so that a student can pick an answer and then compare it with
 * radloc's ranking and the teacher's. */
#include <stdlib.h>

#include <jansson.h>

#include "serve.h"

/* A text field, or nothing when the case does not say it. */
static int put_text(json_t *o, const char *key, const char *value)
{
	return value == NULL || json_object_set_new(o, key, json_string(value)) == 0 ? 0 : -1;
}

char *serve_case_json(const radloc_case *tc)
{
	radloc_expectation e;
	char *exam_text = NULL;
	char *out = NULL;
	json_t *root = NULL, *expect = NULL, *flags = NULL;

	if (radloc_case_expectation(tc, &e) != RADLOC_OK ||
	    radloc_exam_json(radloc_case_exam(tc), 0, &exam_text) != RADLOC_OK)
		goto done;
	root = json_object();
	expect = json_object();
	flags = json_array();
	if (root == NULL || expect == NULL || flags == NULL)
		goto done;
	for (unsigned bit = 0; bit < RADLOC_FLAG_COUNT; bit++)
		if ((e.flags & (1u << bit)) &&
		    json_array_append_new(flags, json_string(radloc_flag_name(1u << bit))) != 0)
			goto done;
	json_t *exam = json_loads(exam_text, 0, NULL);
	if (exam == NULL || json_object_set_new(root, "exam", exam) != 0)
		goto done;
	if (put_text(root, "id", radloc_case_id(tc)) != 0 ||
	    put_text(root, "source", radloc_case_source(tc)) != 0 ||
	    put_text(expect, "pattern", radloc_pattern_name(e.pattern)) != 0 ||
	    put_text(expect, "label", e.label) != 0 ||
	    put_text(expect, "site", e.site) != 0 || put_text(expect, "extent", e.extent) != 0 ||
	    put_text(expect, "level", e.level) != 0 || put_text(expect, "form", e.form) != 0 ||
	    json_object_set_new(expect, "within", json_integer((json_int_t)e.within)) != 0 ||
	    json_object_set(expect, "flags", flags) != 0 ||
	    json_object_set(root, "expect", expect) != 0)
		goto done;
	out = json_dumps(root, JSON_COMPACT);
done:
	free(exam_text);
	json_decref(flags);
	json_decref(expect);
	json_decref(root);
	return out;
}

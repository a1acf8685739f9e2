/* json.c: results and exams as the contract's JSON, read back with
 * jansson as a consumer would. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* The object's keys, in order, joined by spaces. */
static void keys_of(json_t *o, char *buf, size_t size)
{
	const char *key;
	json_t *v;
	buf[0] = '\0';
	json_object_foreach(o, key, v) {
		(void)v;
		strncat(buf, buf[0] ? " " : "", size - strlen(buf) - 1);
		strncat(buf, key, size - strlen(buf) - 1);
	}
}

static json_t *parsed(const char *text)
{
	json_error_t err;
	json_t *o = json_loads(text, JSON_PRESERVE_ORDER, &err);
	ck_assert_msg(o != NULL, "not JSON: %s (%s)", err.text, text);
	return o;
}

START_TEST(result_has_the_contract_keys_in_order)
{
	radloc_case *c = load_case("fixtures/cases/l5-classic-left.yaml");
	radloc_scorer *sc = radloc_scorer_new(shipped_rules());
	radloc_result *res = NULL;
	char keys[512], *text = NULL;

	radloc_scorer_set_draws(sc, 100);
	radloc_scorer_set_top(sc, 5);
	ck_assert_int_eq(radloc_score(sc, radloc_case_exam(c), &res), RADLOC_OK);
	ck_assert_int_eq(radloc_result_json(res, 0, &text), RADLOC_OK);
	/* indent 0 is one line: JSON Lines. */
	ck_assert_ptr_null(strchr(text, '\n'));
	json_t *o = parsed(text);
	keys_of(o, keys, sizeof keys);
	ck_assert_str_eq(keys, "id pattern flags ranking other_probability evidence next_test "
	                       "warnings surprise_z interval_mass draws rules");
	ck_assert_str_eq(json_string_value(json_object_get(o, "id")), "l5-classic-left");
	ck_assert_str_eq(json_string_value(json_object_get(o, "pattern")), "radiculopathy");
	ck_assert_int_eq(json_integer_value(json_object_get(o, "draws")), 100);
	json_t *ranking = json_object_get(o, "ranking");
	ck_assert_uint_eq(json_array_size(ranking), 5);
	json_t *first = json_array_get(ranking, 0);
	keys_of(first, keys, sizeof keys);
	ck_assert_str_eq(keys, "label kind pattern roots side prior probability interval");
	ck_assert_str_eq(json_string_value(json_object_get(first, "label")), "L5 left");
	ck_assert_str_eq(json_string_value(json_object_get(first, "kind")), "root");
	/* The interval brackets the probability. */
	json_t *iv = json_object_get(first, "interval");
	double p = json_real_value(json_object_get(first, "probability"));
	ck_assert_double_le(json_real_value(json_array_get(iv, 0)), p);
	ck_assert_double_ge(json_real_value(json_array_get(iv, 1)), p);
	json_t *ev = json_array_get(json_object_get(o, "evidence"), 0);
	keys_of(ev, keys, sizeof keys);
	ck_assert_str_eq(keys, "finding supports against log_lr");
	json_decref(o);
	free(text);
	/* With indent, the same object over several lines. */
	ck_assert_int_eq(radloc_result_json(res, 2, &text), RADLOC_OK);
	ck_assert_ptr_nonnull(strstr(text, "\n  \"pattern\": \"radiculopathy\""));
	free(text);
	ck_assert_int_eq(radloc_result_json(res, -1, &text), RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_result_json(res, 32, &text), RADLOC_ERR_ARGUMENT);
	radloc_result_free(&res);
	radloc_scorer_free(&sc);
	radloc_case_free(&c);
}
END_TEST

START_TEST(nerve_and_pattern_hypotheses_say_what_they_blame)
{
	radloc_result *res = score_case("fixtures/cases/median-wrist-left.yaml");
	char *text = NULL;
	ck_assert_int_eq(radloc_result_json(res, 0, &text), RADLOC_OK);
	json_t *o = parsed(text);
	json_t *h;
	size_t i;
	int nerves = 0, patterns = 0;
	json_array_foreach(json_object_get(o, "ranking"), i, h) {
		const char *kind = json_string_value(json_object_get(h, "kind"));
		if (strcmp(kind, "nerve") == 0) {
			nerves++;
			ck_assert_ptr_nonnull(json_object_get(h, "nerve"));
			ck_assert_ptr_null(json_object_get(h, "roots"));
		} else if (strcmp(kind, "pattern") == 0) {
			patterns++;
			/* A bilateral pattern has no side. */
			ck_assert_ptr_null(json_object_get(h, "side"));
		}
	}
	ck_assert_int_gt(nerves, 0);
	ck_assert_int_gt(patterns, 0);
	/* All reported: no other_probability. */
	ck_assert_ptr_null(json_object_get(o, "other_probability"));
	json_decref(o);
	free(text);
	radloc_result_free(&res);
}
END_TEST

/* demo.yaml; modalities.yaml has light touch and pin prick of the same
 * regions, which must read back as two findings each. */
static const char *const readback[] = {"fixtures/exams/demo.yaml",
                                       "fixtures/exams/modalities.yaml"};

START_TEST(exam_json_reads_back_to_the_same_exam)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *exam = NULL, *again = NULL;
	char *text = NULL, *text2 = NULL;
	ck_assert_int_eq(radloc_exam_parse_file(r, src_path(readback[_i]), NULL,
	                                        NULL, &exam), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_json(exam, 0, &text), RADLOC_OK);
	json_t *o = parsed(text);
	char keys[256];
	keys_of(o, keys, sizeof keys);
	ck_assert_str_eq(keys, _i == 0 ? "id sensory motor reflex signs pain"
	                               : "id sensory motor reflex");
	json_decref(o);
	ck_assert_int_eq(radloc_exam_parse(r, text, strlen(text), "again", 1, NULL, NULL, &again),
	                 RADLOC_OK);
	ck_assert_uint_eq(radloc_exam_finding_count(again), radloc_exam_finding_count(exam));
	for (size_t i = 0; i < radloc_exam_finding_count(exam); i++) {
		radloc_finding a, b;
		radloc_exam_finding(exam, i, &a);
		radloc_exam_finding(again, i, &b);
		ck_assert_str_eq(a.label, b.label);
	}
	ck_assert_int_eq(radloc_exam_json(again, 0, &text2), RADLOC_OK);
	ck_assert_str_eq(text, text2);
	free(text);
	free(text2);
	radloc_exam_free(&again);
	radloc_exam_free(&exam);
}
END_TEST

START_TEST(bilateral_finding_is_written_as_two_sides)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *exam = exam_of(r, "R ankle B 0");
	char *text = NULL;
	ck_assert_int_eq(radloc_exam_json(exam, 0, &text), RADLOC_OK);
	json_t *o = parsed(text);
	json_t *reflex = json_object_get(o, "reflex");
	ck_assert_uint_eq(json_array_size(reflex), 2);
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(reflex, 0), "side")), "left");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(reflex, 1), "side")), "right");
	ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(reflex, 0), "grade")), 0);
	json_decref(o);
	free(text);
	radloc_exam_free(&exam);
}
END_TEST

Suite *suite_json(void)
{
	Suite *s = suite_create("json");
	TCase *tc = add_tests(s, "json", 60,
	                      TESTS(result_has_the_contract_keys_in_order,
	                            nerve_and_pattern_hypotheses_say_what_they_blame,
	                            bilateral_finding_is_written_as_two_sides));
	tcase_add_loop_test(tc, exam_json_reads_back_to_the_same_exam, 0,
	                    (int)(sizeof readback / sizeof readback[0]));
	return s;
}

#include <stdio.h>
#include <string.h>

#include "tests.h"

START_TEST(exam_checks_findings)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *e = radloc_exam_new(r);
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "dorsum_foot", RADLOC_LEFT,
	                 RADLOC_SENSATION_REDUCED, RADLOC_MODALITY_PIN_PRICK), RADLOC_OK);
	/* The same region and side again: refused, it would count twice. */
	ck_assert_int_eq(radloc_exam_add_sensory(e, "dorsum_foot", RADLOC_LEFT,
	                 RADLOC_SENSATION_NORMAL, 0), RADLOC_ERR_VALUE);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "dorsum_foot", RADLOC_BILATERAL,
	                 RADLOC_SENSATION_NORMAL, 0), RADLOC_ERR_VALUE);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "dorsal_foot", RADLOC_LEFT,
	                 RADLOC_SENSATION_NORMAL, 0), RADLOC_ERR_REFERENCE);
	/* Midline regions take no side; limb regions need one. */
	ck_assert_int_eq(radloc_exam_add_sensory(e, "saddle", RADLOC_LEFT,
	                 RADLOC_SENSATION_ABSENT, 0), RADLOC_ERR_VALUE);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "saddle", RADLOC_MIDLINE,
	                 RADLOC_SENSATION_ABSENT, 0), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_motor(e, "hip_flexion", RADLOC_MIDLINE, 4),
	                 RADLOC_ERR_VALUE);
	/* Scales: MRC 0..5, reflex 0..4, NT allowed. */
	ck_assert_int_eq(radloc_exam_add_motor(e, "great_toe_extension", RADLOC_LEFT, 6),
	                 RADLOC_ERR_VALUE);
	ck_assert_int_eq(radloc_exam_add_motor(e, "great_toe_extension", RADLOC_LEFT, -2),
	                 RADLOC_ERR_VALUE);
	ck_assert_int_eq(radloc_exam_add_motor(e, "great_toe_extension", RADLOC_LEFT,
	                 RADLOC_NT), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_reflex(e, "ankle", RADLOC_BILATERAL, 5),
	                 RADLOC_ERR_VALUE);
	ck_assert_int_eq(radloc_exam_add_reflex(e, "ankle", RADLOC_BILATERAL, 0), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_sign(e, "bladder_dysfunction", RADLOC_MIDLINE,
	                 RADLOC_SIGN_POSITIVE), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_pain(e, "lateral_leg", RADLOC_LEFT), RADLOC_OK);
	ck_assert_uint_eq(radloc_exam_count(e), 6);
	ck_assert_int_eq(radloc_exam_set_id(e, "bed-12"), RADLOC_OK);
	ck_assert_str_eq(radloc_exam_id(e), "bed-12");
	radloc_exam_free(&e);
	ck_assert_ptr_null(e);
	radloc_exam_free(&e);
	ck_assert_ptr_null(radloc_exam_new(NULL));
}
END_TEST

/* The JSON fast path (jansson) and the located path (libyaml) must read
 * every exam alike. */
static const char *const twins[] = {
	"{\"id\": \"a\", \"sensory\": [{\"region\": \"dorsum_foot\", \"side\": \"left\", \"status\": \"reduced\"}, "
	"{\"region\": \"saddle\", \"status\": 1}], \"motor\": [{\"movement\": \"great_toe_extension\", \"side\": \"bilateral\", \"grade\": 3}], "
	"\"reflex\": [{\"reflex\": \"achilles\", \"side\": \"left\", \"grade\": \"2+\"}], \"pain\": [{\"region\": \"lateral_leg\", \"side\": \"left\"}], "
	"\"signs\": [{\"sign\": \"babinski\", \"side\": \"right\", \"result\": \"NT\"}]}",
	"{\"reflex_scale\": \"ninds\", \"reflex\": [{\"reflex\": \"patellar\", \"side\": \"right\", \"grade\": 3}], \"id\": 12}",
	"{\"motor\": [{\"grade\": \"4-\", \"side\": \"left\", \"movement\": \"hip_flexion\"}], \"sensory\": [{\"region\": \"sole\", \"side\": \"right\", \"status\": \"NT\"}, {\"region\": \"sole\", \"side\": \"left\", \"status\": 0}]}",
};

START_TEST(json_fast_path_reads_alike)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *fast = NULL, *slow = NULL;
	const char *text = twins[_i];
	/* A leading '#' comment line sends the same JSON down the YAML path. */
	char yaml[2048];
	snprintf(yaml, sizeof yaml, "# the same exam\n%s", text);
	ck_assert_int_eq(radloc_exam_parse(r, text, strlen(text), "t", 1, NULL, NULL, &fast), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_parse(r, yaml, strlen(yaml), "t", 1, NULL, NULL, &slow), RADLOC_OK);
	ck_assert_uint_eq(radloc_exam_finding_count(fast), radloc_exam_finding_count(slow));
	ck_assert_str_eq(radloc_exam_id(fast) ? radloc_exam_id(fast) : "",
	                 radloc_exam_id(slow) ? radloc_exam_id(slow) : "");
	for (size_t i = 0; i < radloc_exam_finding_count(fast); i++) {
		radloc_finding a, b;
		radloc_exam_finding(fast, i, &a);
		radloc_exam_finding(slow, i, &b);
		ck_assert_str_eq(a.label, b.label);
		ck_assert_int_eq(a.abnormal, b.abnormal);
		ck_assert_int_eq(a.brisk, b.brisk);
		ck_assert_int_eq(a.nt, b.nt);
	}
	radloc_exam_free(&fast);
	radloc_exam_free(&slow);
}
END_TEST

Suite *suite_exam(void)
{
	Suite *s = suite_create("exam");
	TCase *tc = add_tests(s, "exam", 0, TESTS(exam_checks_findings));
	tcase_add_loop_test(tc, json_fast_path_reads_alike, 0,
	                    (int)(sizeof twins / sizeof twins[0]));
	return s;
}

/* exam.c: building an exam through the API, each finding checked against
 * the rule set as it is added (reading exam text: test_exam_parse.c). */
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

Suite *suite_exam(void)
{
	return make_suite("exam", 0, TESTS(exam_checks_findings));
}

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
	/* The same region, side and modality again: refused, it would count
	 * twice (modalities: test exam_records_modalities_apart). */
	ck_assert_int_eq(radloc_exam_add_sensory(e, "dorsum_foot", RADLOC_LEFT,
	                 RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_PIN_PRICK), RADLOC_ERR_VALUE);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "dorsum_foot", RADLOC_BILATERAL,
	                 RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_PIN_PRICK), RADLOC_ERR_VALUE);
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

/* Light touch and pin prick of one region are two findings (ISNCSCI
 * records both; exam-format.md section 1); the same modality twice is
 * one finding recorded twice. */
START_TEST(exam_records_modalities_apart)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *e = radloc_exam_new(r);
	radloc_finding a, b;
	ck_assert_int_eq(radloc_exam_add_sensory(e, "lateral_thigh", RADLOC_LEFT,
	                 RADLOC_SENSATION_REDUCED, RADLOC_MODALITY_LIGHT_TOUCH), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "lateral_thigh", RADLOC_LEFT,
	                 RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_PIN_PRICK), RADLOC_OK);
	/* A finding without a modality is its own, unstated modality. */
	ck_assert_int_eq(radloc_exam_add_sensory(e, "lateral_thigh", RADLOC_LEFT,
	                 RADLOC_SENSATION_REDUCED, RADLOC_MODALITY_UNSPECIFIED), RADLOC_OK);
	/* Each again, on that side or on both: refused. */
	ck_assert_int_eq(radloc_exam_add_sensory(e, "lateral_thigh", RADLOC_LEFT,
	                 RADLOC_SENSATION_REDUCED, RADLOC_MODALITY_PIN_PRICK), RADLOC_ERR_VALUE);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "lateral_thigh", RADLOC_BILATERAL,
	                 RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_LIGHT_TOUCH), RADLOC_ERR_VALUE);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "lateral_thigh", RADLOC_LEFT,
	                 RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_UNSPECIFIED), RADLOC_ERR_VALUE);
	/* The other side, or another modality on both: new findings. */
	ck_assert_int_eq(radloc_exam_add_sensory(e, "lateral_thigh", RADLOC_RIGHT,
	                 RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_PIN_PRICK), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "lateral_thigh", RADLOC_BILATERAL,
	                 RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_VIBRATION), RADLOC_OK);
	ck_assert_uint_eq(radloc_exam_count(e), 5);
	/* The labels tell them apart, the value still last. */
	radloc_exam_finding(e, 0, &a);
	radloc_exam_finding(e, 1, &b);
	ck_assert_str_eq(a.label, "sensory lateral_thigh left light_touch reduced");
	ck_assert_str_eq(b.label, "sensory lateral_thigh left pin_prick normal");
	ck_assert_str_eq(a.modality, "light_touch");
	radloc_exam_finding(e, 2, &a);
	ck_assert_str_eq(a.label, "sensory lateral_thigh left reduced");
	ck_assert_ptr_null(a.modality);
	radloc_exam_free(&e);
}
END_TEST

START_TEST(parser_names_the_modality_recorded_twice)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *e = NULL;
	message_sink sink = {{0}, 0};
	static const char ok[] =
		"sensory:\n"
		"  - {region: lateral_thigh, side: left, status: reduced, modality: light_touch}\n"
		"  - {region: lateral_thigh, side: left, status: reduced, modality: pin_prick}\n";
	static const char twice[] =
		"sensory:\n"
		"  - {region: lateral_thigh, side: left, status: reduced, modality: pin_prick}\n"
		"  - {region: lateral_thigh, side: left, status: reduced, modality: light_touch}\n"
		"  - {region: lateral_thigh, side: bilateral, status: normal, modality: pin_prick}\n";
	ck_assert_int_eq(radloc_exam_parse(r, ok, strlen(ok), "ok", 1, NULL, NULL, &e), RADLOC_OK);
	ck_assert_uint_eq(radloc_exam_finding_count(e), 2);
	radloc_exam_free(&e);
	ck_assert_int_ne(radloc_exam_parse(r, twice, strlen(twice), "twice", 1, collect_message,
	                                   &sink, &e), RADLOC_OK);
	ck_assert_ptr_null(e);
	ck_assert_str_eq(sink.text, "4:14: sensory lateral_thigh bilateral (pin_prick) is recorded "
	                 "twice (first at line 2): record each finding once\n");
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
	"{\"sensory\": [{\"region\": \"great_toe\", \"side\": \"bilateral\", \"status\": \"reduced\", \"modality\": \"vibration\"}, "
	"{\"region\": \"great_toe\", \"side\": \"left\", \"status\": \"normal\", \"modality\": \"light_touch\"}, "
	"{\"region\": \"great_toe\", \"side\": \"left\", \"status\": \"normal\"}]}",
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
	TCase *tc = add_tests(s, "exam", 0, TESTS(exam_checks_findings, exam_records_modalities_apart,
	                                              parser_names_the_modality_recorded_twice));
	tcase_add_loop_test(tc, json_fast_path_reads_alike, 0,
	                    (int)(sizeof twins / sizeof twins[0]));
	return s;
}

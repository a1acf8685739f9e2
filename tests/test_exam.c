/* exam.c: building an exam through the API, each finding checked against
 * the rule set as it is added (reading exam text: test_exam_parse.c). */
#include "tests.h"

/* Sensory findings added in turn, each with the status it must return. */
typedef struct sensory_row {
	const char *region;
	radloc_side side;
	radloc_sensation status;
	radloc_modality modality;
	radloc_status expect;
} sensory_row;

static void add_sensory_rows(radloc_exam *e, const sensory_row *rows, size_t count)
{
	for (size_t i = 0; i < count; i++)
		ck_assert_msg(radloc_exam_add_sensory(e, rows[i].region, rows[i].side, rows[i].status,
		                                      rows[i].modality) == rows[i].expect,
		              "row %zu (%s)", i, rows[i].region);
}

START_TEST(exam_checks_findings)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *e = radloc_exam_new(r);
	ck_assert_ptr_nonnull(e);
	static const sensory_row sensory[] = {
		{"dorsum_foot", RADLOC_LEFT, RADLOC_SENSATION_REDUCED, RADLOC_MODALITY_PIN_PRICK,
		 RADLOC_OK},
		/* The same region, side and modality again: refused, it would
		 * count twice (modalities: test exam_records_modalities_apart). */
		{"dorsum_foot", RADLOC_LEFT, RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_PIN_PRICK,
		 RADLOC_ERR_VALUE},
		{"dorsum_foot", RADLOC_BILATERAL, RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_PIN_PRICK,
		 RADLOC_ERR_VALUE},
		{"dorsal_foot", RADLOC_LEFT, RADLOC_SENSATION_NORMAL, 0, RADLOC_ERR_REFERENCE},
		/* Midline regions take no side; limb regions need one. */
		{"saddle", RADLOC_LEFT, RADLOC_SENSATION_ABSENT, 0, RADLOC_ERR_VALUE},
		{"saddle", RADLOC_MIDLINE, RADLOC_SENSATION_ABSENT, 0, RADLOC_OK},
	};
	add_sensory_rows(e, sensory, sizeof sensory / sizeof sensory[0]);
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
	/* Labels: kind, id, side unless midline, value last; pain without a
	 * value; a bilateral finding is one per side. */
	static const char *const labels[] = {
		"sensory saddle absent", "motor great_toe_extension left NT",
		"reflex ankle left 0", "reflex ankle right 0",
		"sign bladder_dysfunction positive", "pain lateral_leg left",
	};
	size_t n = radloc_exam_finding_count(e);
	ck_assert_uint_ge(n, 6);
	for (size_t i = 0; i < 6; i++) {
		radloc_finding f;
		radloc_exam_finding(e, n - 6 + i, &f);
		ck_assert_str_eq(f.label, labels[i]);
	}
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
	static const sensory_row rows[] = {
		{"lateral_thigh", RADLOC_LEFT, RADLOC_SENSATION_REDUCED, RADLOC_MODALITY_LIGHT_TOUCH,
		 RADLOC_OK},
		{"lateral_thigh", RADLOC_LEFT, RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_PIN_PRICK,
		 RADLOC_OK},
		/* A finding without a modality is its own, unstated modality. */
		{"lateral_thigh", RADLOC_LEFT, RADLOC_SENSATION_REDUCED, RADLOC_MODALITY_UNSPECIFIED,
		 RADLOC_OK},
		/* Each again, on that side or on both: refused. */
		{"lateral_thigh", RADLOC_LEFT, RADLOC_SENSATION_REDUCED, RADLOC_MODALITY_PIN_PRICK,
		 RADLOC_ERR_VALUE},
		{"lateral_thigh", RADLOC_BILATERAL, RADLOC_SENSATION_NORMAL,
		 RADLOC_MODALITY_LIGHT_TOUCH, RADLOC_ERR_VALUE},
		{"lateral_thigh", RADLOC_LEFT, RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_UNSPECIFIED,
		 RADLOC_ERR_VALUE},
		/* The other side, or another modality on both: new findings. */
		{"lateral_thigh", RADLOC_RIGHT, RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_PIN_PRICK,
		 RADLOC_OK},
		{"lateral_thigh", RADLOC_BILATERAL, RADLOC_SENSATION_NORMAL, RADLOC_MODALITY_VIBRATION,
		 RADLOC_OK},
	};
	add_sensory_rows(e, rows, sizeof rows / sizeof rows[0]);
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
Suite *suite_exam(void)
{
	return make_suite("exam", 0, TESTS(exam_checks_findings, exam_records_modalities_apart,
	                                   parser_names_the_modality_recorded_twice));
}

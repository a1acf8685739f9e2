/* exam_parse.c: an exam written to the contract (shared/spec/
 * exam-format.md section 1, docs/exam-format.md) read with the shipped
 * rules; every problem located. */
#include <stdio.h>
#include <string.h>

#include "tests.h"

/* The exam in text, parsed with the shipped rules; its diagnostics (if
 * any) as "LINE:COLUMN: message" lines into sink. */
static radloc_status parse(const char *text, message_sink *sink, radloc_exam **out)
{
	sink->text[0] = '\0';
	sink->used = 0;
	return radloc_exam_parse(shipped_rules(), text, strlen(text), "t.yaml", 1,
	                         collect_message, sink, out);
}

/* The exam is refused with status, no exam is made, and the message (with
 * its place) is exactly want; want NULL leaves the message unchecked. */
static void refused(const char *text, radloc_status status, const char *want)
{
	message_sink sink;
	radloc_exam *e = NULL;
	ck_assert_int_eq(parse(text, &sink, &e), status);
	ck_assert_ptr_null(e);
	if (want)
		ck_assert_str_eq(sink.text, want);
}

static radloc_exam *parse_ok(const char *text)
{
	message_sink sink;
	radloc_exam *e = NULL;
	radloc_status st = parse(text, &sink, &e);
	ck_assert_msg(st == RADLOC_OK, "%s: %s", radloc_strerror(st), sink.text);
	ck_assert_ptr_nonnull(e);
	return e;
}

static radloc_finding finding_at(const radloc_exam *e, size_t i)
{
	radloc_finding f;
	memset(&f, 0, sizeof f);
	ck_assert_int_eq(radloc_exam_finding(e, i, &f), RADLOC_OK);
	return f;
}

/* "bilateral = the same finding on both sides": one finding written, two
 * read, left and right, labelled as the contract's evidence is. */
START_TEST(bilateral_finding_becomes_two)
{
	radloc_exam *e = parse_ok("motor:\n"
	                          "  - {movement: great_toe_extension, side: bilateral, grade: 3}\n");
	ck_assert_uint_eq(radloc_exam_count(e), 1);
	ck_assert_uint_eq(radloc_exam_finding_count(e), 2);
	radloc_finding left = finding_at(e, 0), right = finding_at(e, 1);
	ck_assert_int_eq(left.side, RADLOC_LEFT);
	ck_assert_int_eq(right.side, RADLOC_RIGHT);
	ck_assert_str_eq(left.label, "motor great_toe_extension left 3");
	ck_assert_str_eq(right.label, "motor great_toe_extension right 3");
	ck_assert_int_eq(left.kind, RADLOC_MOVEMENT);
	ck_assert_str_eq(left.id, "great_toe_extension");
	ck_assert(left.abnormal && right.abnormal);
	/* Both halves point at the one place it was written. */
	ck_assert_uint_eq(left.line, 2);
	ck_assert_uint_eq(right.line, 2);
	ck_assert_uint_eq(left.column, 16);
	ck_assert_uint_eq(right.column, 16);
	radloc_exam_free(&e);
}
END_TEST

/* "The ISNCSCI numbers are accepted too: 0 = absent, 1 = impaired
 * (reduced), 2 = normal." */
START_TEST(isncsci_numbers_read_as_words)
{
	radloc_exam *e = parse_ok("sensory:\n"
	                          "  - {region: dorsum_foot, side: left, status: 0}\n"
	                          "  - {region: medial_leg, side: left, status: 1}\n"
	                          "  - {region: lateral_foot, side: left, status: 2}\n"
	                          "  - {region: sole, side: left, status: impaired}\n");
	static const char *const want[] = {"absent", "reduced", "normal", "reduced"};
	static const int abnormal[] = {1, 1, 0, 1};
	ck_assert_uint_eq(radloc_exam_finding_count(e), 4);
	for (size_t i = 0; i < 4; i++) {
		radloc_finding f = finding_at(e, i);
		ck_assert_str_eq(f.value, want[i]);
		ck_assert_int_eq(f.abnormal, abnormal[i]);
		ck_assert_int_eq(f.nt, 0);
	}
	ck_assert_str_eq(finding_at(e, 0).label, "sensory dorsum_foot left absent");
	radloc_exam_free(&e);
}
END_TEST

/* Reflex grades "2+" (the strings "1+", "2+" ...), the aliases knee and
 * achilles of patellar and ankle, and the bedside scale's 3 (brisk). */
START_TEST(reflex_plus_and_aliases)
{
	radloc_exam *e = parse_ok("reflex:\n"
	                          "  - {reflex: knee, side: left, grade: \"2+\"}\n"
	                          "  - {reflex: achilles, side: left, grade: 0}\n"
	                          "  - {reflex: biceps, side: right, grade: 3}\n"
	                          "  - {reflex: triceps, side: right, grade: 1+}\n");
	ck_assert_uint_eq(radloc_exam_finding_count(e), 4);
	ck_assert_int_eq(radloc_exam_ninds(e), 0);
	radloc_finding knee = finding_at(e, 0), achilles = finding_at(e, 1);
	radloc_finding biceps = finding_at(e, 2), triceps = finding_at(e, 3);
	ck_assert_int_eq(knee.kind, RADLOC_REFLEX);
	ck_assert_str_eq(knee.id, "patellar");
	ck_assert_str_eq(knee.value, "2+");
	ck_assert_int_eq(knee.abnormal, 0);
	ck_assert_int_eq(knee.brisk, 0);
	ck_assert_str_eq(achilles.id, "ankle");
	ck_assert_int_eq(achilles.abnormal, 1);
	ck_assert_int_eq(achilles.brisk, 0);
	/* Bedside 3 is brisk: abnormal, and above normal. */
	ck_assert_int_eq(biceps.abnormal, 1);
	ck_assert_int_eq(biceps.brisk, 1);
	ck_assert_str_eq(triceps.value, "1+");
	ck_assert_int_eq(triceps.abnormal, 1);
	ck_assert_int_eq(triceps.brisk, 0);
	radloc_exam_free(&e);
	/* A "+" belongs to reflexes: a motor grade "3+" is refused. */
	message_sink sink;
	radloc_exam *bad = NULL;
	ck_assert_int_eq(parse("motor:\n  - {movement: hip_flexion, side: left, grade: 3+}\n",
	                       &sink, &bad), RADLOC_ERR_VALUE);
	ck_assert_ptr_null(bad);
}
END_TEST

/* reflex_scale: ninds: 3 is the upper half of normal, 4 still brisk. */
START_TEST(ninds_scale_makes_3_normal)
{
	radloc_exam *e = parse_ok("reflex_scale: ninds\n"
	                          "reflex:\n"
	                          "  - {reflex: patellar, side: left, grade: 3}\n"
	                          "  - {reflex: patellar, side: right, grade: 4}\n"
	                          "  - {reflex: ankle, side: left, grade: 2}\n");
	ck_assert_int_eq(radloc_exam_ninds(e), 1);
	radloc_finding three = finding_at(e, 0), four = finding_at(e, 1), two = finding_at(e, 2);
	ck_assert_int_eq(three.abnormal, 0);
	ck_assert_int_eq(three.brisk, 0);
	ck_assert_str_eq(three.value, "3");
	ck_assert_int_eq(four.abnormal, 1);
	ck_assert_int_eq(four.brisk, 1);
	ck_assert_int_eq(two.abnormal, 0);
	radloc_exam_free(&e);
	/* The same 3 without the scale is brisk; "bedside" says so too. */
	e = parse_ok("reflex_scale: bedside\n"
	             "reflex:\n  - {reflex: patellar, side: left, grade: 3}\n");
	ck_assert_int_eq(radloc_exam_ninds(e), 0);
	ck_assert_int_eq(finding_at(e, 0).brisk, 1);
	radloc_exam_free(&e);
}
END_TEST

/* NT: "the finding is ignored, and the result says so": kept, marked,
 * never abnormal. In scoring it is left out of every likelihood term
 * (docs/scoring.md); it still shows where the clinician looked, so the
 * exam compared with it keeps that place looked at by a pain finding. */
START_TEST(nt_is_ignored)
{
	radloc_exam *e = parse_ok("sensory:\n"
	                          "  - {region: dorsum_foot, side: left, status: reduced}\n"
	                          "  - {region: sole, side: left, status: NT}\n"
	                          "motor:\n"
	                          "  - {movement: great_toe_extension, side: left, grade: NT}\n"
	                          "signs:\n"
	                          "  - {sign: straight_leg_raise, side: left, result: NT}\n");
	ck_assert_uint_eq(radloc_exam_finding_count(e), 4);
	ck_assert_int_eq(finding_at(e, 0).nt, 0);
	for (size_t i = 1; i < 4; i++) {
		radloc_finding f = finding_at(e, i);
		ck_assert_msg(f.nt == 1 && f.abnormal == 0, "%s", f.label);
		ck_assert_str_eq(f.value, "NT");
	}
	radloc_exam_free(&e);

	radloc_exam *with = parse_ok("sensory:\n"
	                             "  - {region: dorsum_foot, side: left, status: reduced}\n"
	                             "  - {region: sole, side: left, status: NT}\n"
	                             "pain:\n"
	                             "  - {region: sole, side: left}\n");
	radloc_exam *without = parse_ok("sensory:\n"
	                                "  - {region: dorsum_foot, side: left, status: reduced}\n"
	                                "pain:\n"
	                                "  - {region: sole, side: left}\n");
	radloc_result *a = score_exam(with, 0), *b = score_exam(without, 0);
	ck_assert_uint_eq(radloc_result_count(a), radloc_result_count(b));
	for (size_t i = 0; i < radloc_result_count(a); i++) {
		radloc_hypothesis ha, hb;
		ck_assert_int_eq(radloc_result_hypothesis(a, i, &ha), RADLOC_OK);
		ck_assert_int_eq(radloc_result_hypothesis(b, i, &hb), RADLOC_OK);
		ck_assert_str_eq(ha.label, hb.label);
		ck_assert_double_eq_tol(ha.probability, hb.probability, 1e-12);
	}
	/* ... and the result says so. */
	int said = 0;
	for (size_t i = 0; i < radloc_result_warning_count(a); i++)
		said |= strstr(radloc_result_warning(a, i), "not testable (NT)") != NULL;
	ck_assert(said);
	for (size_t i = 0; i < radloc_result_warning_count(b); i++)
		ck_assert_ptr_null(strstr(radloc_result_warning(b, i), "not testable (NT)"));
	radloc_result_free(&a);
	radloc_result_free(&b);
	radloc_exam_free(&with);
	radloc_exam_free(&without);
	/* Only NT findings: nothing to localise, an error. */
	refused("motor:\n  - {movement: hip_flexion, side: left, grade: NT}\n", RADLOC_ERR_EMPTY,
	        "1:1: every finding is NT (not testable): nothing to localise\n");
}
END_TEST

/* An unknown id: located at its value, with the nearest valid id. */
START_TEST(unknown_region_is_located_with_the_nearest_id)
{
	refused("id: bed-3\n"
	        "sensory:\n"
	        "  - {region: dorsum_foot, side: left, status: reduced}\n"
	        "  - region: medial_malleolis\n"
	        "    side: left\n"
	        "    status: normal\n", RADLOC_ERR_REFERENCE,
	        "4:13: unknown region 'medial_malleolis'; did you mean 'medial_malleolus'?\n");
	/* The alias is a valid name too: "achiles" is a slip for achilles. */
	refused("reflex: [{reflex: achiles, side: left, grade: 2}]\n", RADLOC_ERR_REFERENCE,
	        "1:19: unknown reflex 'achiles'; did you mean 'achilles'?\n");
}
END_TEST

/* The words clinicians write (docs/exam-format.md, "Additions"): each
 * alias read as its one id; a word that could mean two ids suggested,
 * not guessed; reflex words other than "absent" refused with the scale. */
START_TEST(clinicians_words)
{
	radloc_exam *e = parse_ok("sensory:\n"
	                          "  - {region: big_toe, side: R, status: reduced}\n"
	                          "motor:\n"
	                          "  - {movement: plantarflexion, side: L, grade: 4}\n"
	                          "reflex:\n"
	                          "  - {reflex: ankle, side: left, grade: absent}\n");
	radloc_finding toe = finding_at(e, 0), plantar = finding_at(e, 1), ankle = finding_at(e, 2);
	ck_assert_str_eq(toe.id, "great_toe");
	ck_assert_int_eq(toe.side, RADLOC_RIGHT);
	ck_assert_str_eq(plantar.id, "ankle_plantarflexion");
	ck_assert_int_eq(plantar.side, RADLOC_LEFT);
	ck_assert_str_eq(ankle.value, "0");
	ck_assert_int_eq(ankle.abnormal, 1);
	ck_assert_int_eq(ankle.brisk, 0);
	radloc_exam_free(&e);
	refused("sensory: [{region: calf, side: left, status: reduced}]\n", RADLOC_ERR_REFERENCE,
	        "1:20: unknown region 'calf'; did you mean 'posterior_calf'?\n");
	refused("reflex: [{reflex: biceps, side: left, grade: brisk}]\n", RADLOC_ERR_VALUE, NULL);
	/* Only the capitals: "r" is no side a chart writes. */
	refused("reflex: [{reflex: biceps, side: r, grade: 2}]\n", RADLOC_ERR_VALUE, NULL);
}
END_TEST

/* "every other finding needs a side": a limb region without one is
 * refused at the finding; a midline region takes none. */
START_TEST(limb_region_needs_a_side)
{
	refused("sensory:\n  - {region: dorsum_foot, status: reduced}\n", RADLOC_ERR_VALUE,
	        "2:5: region 'dorsum_foot' needs a side: left, right or bilateral\n");
	/* side: midline on a limb region is no side either. */
	refused("sensory:\n  - {region: dorsum_foot, side: midline, status: reduced}\n",
	        RADLOC_ERR_VALUE, NULL);
	radloc_exam *e = parse_ok("sensory:\n  - {region: saddle, status: absent}\n");
	ck_assert_int_eq(finding_at(e, 0).side, RADLOC_MIDLINE);
	ck_assert_str_eq(finding_at(e, 0).label, "sensory saddle absent");
	radloc_exam_free(&e);
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

static void assert_same_findings(const radloc_exam *a, const radloc_exam *b)
{
	ck_assert_uint_eq(radloc_exam_finding_count(a), radloc_exam_finding_count(b));
	ck_assert_str_eq(radloc_exam_id(a) ? radloc_exam_id(a) : "",
	                 radloc_exam_id(b) ? radloc_exam_id(b) : "");
	ck_assert_int_eq(radloc_exam_ninds(a), radloc_exam_ninds(b));
	for (size_t i = 0; i < radloc_exam_finding_count(a); i++) {
		radloc_finding x = finding_at(a, i), y = finding_at(b, i);
		ck_assert_str_eq(x.label, y.label);
		ck_assert_str_eq(x.value, y.value);
		ck_assert_int_eq(x.side, y.side);
		ck_assert_int_eq(x.abnormal, y.abnormal);
		ck_assert_int_eq(x.brisk, y.brisk);
		ck_assert_int_eq(x.nt, y.nt);
		ck_assert_int_eq(x.pain, y.pain);
		ck_assert_str_eq(x.modality ? x.modality : "", y.modality ? y.modality : "");
	}
}

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

/* The contract's own example exam (section 1), in block YAML as it is
 * printed there and in JSON: the same findings. */
START_TEST(contract_example_as_yaml_and_json)
{
	static const char yaml[] =
	    "id: bed-12-2026-03-04\n"
	    "sensory:\n"
	    "  - {region: dorsum_foot, side: left, status: reduced}\n"
	    "  - {region: medial_leg,  side: left, status: normal}\n"
	    "  - {region: lateral_foot, side: left, status: normal, modality: pin_prick}\n"
	    "motor:\n"
	    "  - {movement: great_toe_extension, side: left, grade: 3}\n"
	    "  - {movement: ankle_plantarflexion, side: left, grade: 5}\n"
	    "reflex:\n"
	    "  - {reflex: ankle, side: left, grade: 2}\n"
	    "  - {reflex: patellar, side: left, grade: 2}\n"
	    "signs:\n"
	    "  - {sign: straight_leg_raise, side: left, result: positive}\n"
	    "pain:\n"
	    "  - {region: lateral_leg, side: left}\n";
	static const char json[] =
	    "{\"id\": \"bed-12-2026-03-04\", \"sensory\": ["
	    "{\"region\": \"dorsum_foot\", \"side\": \"left\", \"status\": \"reduced\"}, "
	    "{\"region\": \"medial_leg\", \"side\": \"left\", \"status\": \"normal\"}, "
	    "{\"region\": \"lateral_foot\", \"side\": \"left\", \"status\": \"normal\", \"modality\": \"pin_prick\"}], "
	    "\"motor\": [{\"movement\": \"great_toe_extension\", \"side\": \"left\", \"grade\": 3}, "
	    "{\"movement\": \"ankle_plantarflexion\", \"side\": \"left\", \"grade\": 5}], "
	    "\"reflex\": [{\"reflex\": \"ankle\", \"side\": \"left\", \"grade\": 2}, "
	    "{\"reflex\": \"patellar\", \"side\": \"left\", \"grade\": 2}], "
	    "\"signs\": [{\"sign\": \"straight_leg_raise\", \"side\": \"left\", \"result\": \"positive\"}], "
	    "\"pain\": [{\"region\": \"lateral_leg\", \"side\": \"left\"}]}\n";
	radloc_exam *a = parse_ok(yaml), *b = parse_ok(json);
	ck_assert_uint_eq(radloc_exam_finding_count(a), 9);
	ck_assert_str_eq(radloc_exam_id(a), "bed-12-2026-03-04");
	assert_same_findings(a, b);
	/* The section 3 evidence names this finding so. */
	ck_assert_str_eq(finding_at(a, 3).label, "motor great_toe_extension left 3");
	ck_assert_str_eq(finding_at(a, 2).modality, "pin_prick");
	radloc_exam_free(&a);
	radloc_exam_free(&b);
}
END_TEST

Suite *suite_exam_parse(void)
{
	Suite *s = suite_create("exam_parse");
	TCase *tc = add_tests(s, "exam_parse", 0,
	                      TESTS(bilateral_finding_becomes_two, isncsci_numbers_read_as_words,
	                            reflex_plus_and_aliases, ninds_scale_makes_3_normal,
	                            nt_is_ignored, unknown_region_is_located_with_the_nearest_id,
	                            limb_region_needs_a_side, contract_example_as_yaml_and_json,
	                            clinicians_words));
	tcase_add_loop_test(tc, json_fast_path_reads_alike, 0,
	                    (int)(sizeof twins / sizeof twins[0]));
	return s;
}

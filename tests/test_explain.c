/* explain.c: what the engine says besides the ranking (evidence, next
 * test, flags, warnings), through the public API only. */
#include <stdlib.h>
#include <string.h>

#include "tests.h"

static radloc_result *score_case(const char *relative)
{
	radloc_case *c = load_case(relative);
	radloc_result *res = score_exam(radloc_case_exam(c), 0);
	radloc_case_free(&c);
	return res;
}

START_TEST(weak_great_toe_extension_supports_l5)
{
	radloc_result *res = score_case("fixtures/cases/l5-classic-left.yaml");
	radloc_evidence e;
	int found = 0;

	/* 18 findings written (5 sensory, 7 motor, 2 reflexes, 1 sign, 3
	 * pain), none NT: one entry each, in exam order (sensory first). */
	ck_assert_uint_eq(radloc_result_evidence_count(res), 18);
	ck_assert_int_eq(radloc_result_evidence(res, 0, &e), RADLOC_OK);
	ck_assert_str_eq(e.finding, "sensory dorsum_foot left reduced");
	for (size_t i = 0; i < radloc_result_evidence_count(res); i++) {
		ck_assert_int_eq(radloc_result_evidence(res, i, &e), RADLOC_OK);
		ck_assert_double_ge(e.log_lr, 0.0);
		ck_assert_str_ne(e.supports, e.against);
		if (strcmp(e.finding, "motor great_toe_extension left 3") == 0) {
			found = 1;
			/* Extensor hallucis longus is the L5 muscle. */
			ck_assert_msg(strstr(e.supports, "L5") != NULL,
			              "weak great toe extension supports '%s'", e.supports);
			ck_assert_double_gt(e.log_lr, 0.0);
		}
	}
	ck_assert(found);
	ck_assert_int_eq(radloc_result_evidence(res, 18, &e), RADLOC_ERR_ARGUMENT);
	radloc_result_free(&res);
}
END_TEST

START_TEST(next_test_is_not_yet_examined)
{
	radloc_case *c = load_case("fixtures/cases/l5-minimal-left.yaml");
	const radloc_exam *exam = radloc_case_exam(c);
	radloc_result *res = score_exam(exam, 0);
	radloc_next_test t;
	radloc_finding f;
	radloc_hypothesis h0, h1;

	ck_assert_int_eq(radloc_result_next_test(res, &t), RADLOC_OK);
	ck_assert_double_gt(t.information_gain, 0.0);
	ck_assert(t.kind >= RADLOC_REGION && t.kind <= RADLOC_SIGN);
	for (size_t i = 0; i < radloc_exam_finding_count(exam); i++) {
		radloc_exam_finding(exam, i, &f);
		ck_assert_msg(!(f.kind == t.kind && f.pain == 0 && strcmp(f.id, t.id) == 0 &&
		                f.side == t.side), "next test '%s' was already examined", t.finding);
	}
	/* It separates two of the leading hypotheses. */
	radloc_result_hypothesis(res, 0, &h0);
	radloc_result_hypothesis(res, 1, &h1);
	ck_assert_ptr_nonnull(t.separates[0]);
	ck_assert_ptr_nonnull(t.separates[1]);
	ck_assert(strcmp(t.separates[0], h0.label) == 0 || strcmp(t.separates[1], h0.label) == 0 ||
	          strcmp(t.separates[0], h1.label) == 0 || strcmp(t.separates[1], h1.label) == 0);
	radloc_result_free(&res);
	radloc_case_free(&c);
}
END_TEST

START_TEST(red_flags_and_pattern)
{
	/* Saddle anaesthesia with bilateral leg signs is a cauda equina
	 * syndrome: the red flag is raised whatever else leads. */
	radloc_result *res = score_case("fixtures/cases/cauda-equina-symmetric.yaml");
	ck_assert(radloc_result_flags(res) & RADLOC_FLAG_CAUDA_EQUINA);
	ck_assert_int_eq(radloc_result_pattern(res), RADLOC_CAUDA_EQUINA);
	radloc_result_free(&res);
	/* A stocking loss in both feet: polyneuropathy, stocking_glove. */
	res = score_case("fixtures/cases/polyneuropathy-stocking.yaml");
	ck_assert(radloc_result_flags(res) & RADLOC_FLAG_STOCKING_GLOVE);
	ck_assert_int_eq(radloc_result_pattern(res), RADLOC_POLYNEUROPATHY);
	radloc_result_free(&res);
	/* Upgoing plantar and brisk reflexes: an upper motor neuron sign. */
	res = score_case("fixtures/cases/myelopathy-cervical.yaml");
	ck_assert(radloc_result_flags(res) & RADLOC_FLAG_UPPER_MOTOR_NEURON);
	radloc_result_free(&res);
	/* A classic L5 raises no red flag. */
	res = score_case("fixtures/cases/l5-classic-left.yaml");
	ck_assert_uint_eq(radloc_result_flags(res) &
	                  (RADLOC_FLAG_CAUDA_EQUINA | RADLOC_FLAG_UPPER_MOTOR_NEURON |
	                   RADLOC_FLAG_STOCKING_GLOVE), 0);
	radloc_result_free(&res);
}
END_TEST

START_TEST(not_testable_findings_are_ignored_and_said_so)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *exam =
		exam_of(r, "M great_toe_extension L 3; M ankle_inversion L NT; R ankle L NT");
	radloc_result *res = score_exam(exam, 0);
	/* Only the testable finding is evidence. */
	ck_assert_uint_eq(radloc_result_evidence_count(res), 1);
	int said = 0;
	for (size_t i = 0; i < radloc_result_warning_count(res); i++)
		said |= strstr(radloc_result_warning(res, i), "2 findings not testable") != NULL;
	ck_assert_msg(said, "no warning about the 2 NT findings");
	radloc_result_free(&res);
	radloc_exam_free(&exam);
}
END_TEST

/* An exam written in the contract's YAML, scored with the shipped rules. */
static radloc_result *score_yaml(const char *yaml)
{
	radloc_exam *exam = NULL;
	ck_assert_int_eq(radloc_exam_parse(shipped_rules(), yaml, strlen(yaml), "test", 1,
	                                   NULL, NULL, &exam), RADLOC_OK);
	radloc_result *res = score_exam(exam, 100);
	radloc_exam_free(&exam);
	return res;
}

static double probability_of(const radloc_result *res, const char *label)
{
	radloc_hypothesis h;
	for (size_t i = 0; i < radloc_result_count(res); i++)
		if (radloc_result_hypothesis(res, i, &h) == RADLOC_OK && strcmp(h.label, label) == 0)
			return h.probability;
	ck_abort_msg("no hypothesis %s", label);
	return -1.0;
}

static int warns(const radloc_result *res, const char *words)
{
	for (size_t i = 0; i < radloc_result_warning_count(res); i++)
		if (strstr(radloc_result_warning(res, i), words))
			return 1;
	return 0;
}

/* A Guillain-Barre-like picture: all four limbs weak proximally and
 * distally, every reflex absent on both sides, sensation normal. No
 * lesion radloc models makes it: myelopathy makes reflexes brisk, a
 * length-dependent neuropathy takes sensation first and spares the
 * shoulders. `other` leads, and the flag says the findings fit nothing. */
START_TEST(areflexic_weakness_of_four_limbs_is_other)
{
	radloc_result *res = score_yaml(
		"motor:\n"
		"  - {movement: shoulder_abduction, side: bilateral, grade: 4}\n"
		"  - {movement: elbow_flexion, side: bilateral, grade: 4}\n"
		"  - {movement: wrist_extension, side: bilateral, grade: 4}\n"
		"  - {movement: finger_abduction, side: bilateral, grade: 4}\n"
		"  - {movement: hip_flexion, side: bilateral, grade: 3}\n"
		"  - {movement: knee_extension, side: bilateral, grade: 4}\n"
		"  - {movement: ankle_dorsiflexion, side: bilateral, grade: 3}\n"
		"  - {movement: ankle_plantarflexion, side: bilateral, grade: 4}\n"
		"reflex:\n"
		"  - {reflex: biceps, side: bilateral, grade: 0}\n"
		"  - {reflex: brachioradialis, side: bilateral, grade: 0}\n"
		"  - {reflex: triceps, side: bilateral, grade: 0}\n"
		"  - {reflex: patellar, side: bilateral, grade: 0}\n"
		"  - {reflex: medial_hamstring, side: bilateral, grade: 0}\n"
		"  - {reflex: ankle, side: bilateral, grade: 0}\n"
		"sensory:\n"
		"  - {region: thumb, side: bilateral, status: normal}\n"
		"  - {region: little_finger, side: bilateral, status: normal}\n"
		"  - {region: anterior_thigh, side: bilateral, status: normal}\n"
		"  - {region: dorsum_foot, side: bilateral, status: normal}\n"
		"  - {region: great_toe, side: bilateral, status: normal}\n"
		"  - {region: lateral_foot, side: bilateral, status: normal}\n");
	radloc_hypothesis lead;
	ck_assert_int_eq(radloc_result_hypothesis(res, 0, &lead), RADLOC_OK);
	ck_assert_str_eq(lead.label, "other");
	ck_assert_int_eq(lead.kind, RADLOC_HYPOTHESIS_PATTERN);
	ck_assert_int_eq(radloc_result_pattern(res), RADLOC_OTHER);
	ck_assert_double_lt(probability_of(res, "myelopathy"), 0.01);
	ck_assert(radloc_result_flags(res) & RADLOC_FLAG_INCONSISTENT);
	ck_assert(warns(res, "fit none of the lesions radloc models"));
	radloc_result_free(&res);
}
END_TEST

/* Two nerves on different limbs: a left radial palsy (wrist and finger
 * drop, triceps spared) and a right common peroneal palsy (foot drop,
 * eversion weak, inversion spared, dorsum of the foot numb). Whichever
 * lesion leads among those modelled, the other limb's dense weakness is
 * named as unexplained. */
START_TEST(a_second_nerve_is_named_not_dropped)
{
	radloc_result *res = score_yaml(
		"motor:\n"
		"  - {movement: wrist_extension, side: left, grade: 2}\n"
		"  - {movement: finger_extension, side: left, grade: 2}\n"
		"  - {movement: elbow_extension, side: left, grade: 5}\n"
		"  - {movement: elbow_flexion, side: left, grade: 5}\n"
		"  - {movement: finger_abduction, side: left, grade: 5}\n"
		"  - {movement: ankle_dorsiflexion, side: right, grade: 2}\n"
		"  - {movement: great_toe_extension, side: right, grade: 2}\n"
		"  - {movement: ankle_eversion, side: right, grade: 3}\n"
		"  - {movement: ankle_inversion, side: right, grade: 5}\n"
		"  - {movement: ankle_plantarflexion, side: right, grade: 5}\n"
		"sensory:\n"
		"  - {region: radial_dorsum_hand, side: left, status: reduced}\n"
		"  - {region: dorsum_foot, side: right, status: reduced}\n"
		"  - {region: first_web_space, side: right, status: reduced}\n"
		"reflex:\n"
		"  - {reflex: biceps, side: left, grade: 2}\n"
		"  - {reflex: triceps, side: left, grade: 2}\n"
		"  - {reflex: ankle, side: right, grade: 2}\n");
	radloc_hypothesis lead;
	ck_assert_int_eq(radloc_result_hypothesis(res, 0, &lead), RADLOC_OK);
	/* No single nerve is answered with certainty. */
	ck_assert_double_lt(probability_of(res, "common_peroneal right"), 0.5);
	ck_assert_double_lt(probability_of(res, "radial left"), 0.5);
	ck_assert_msg(warns(res, "left wrist extension MRC 2 is not explained by common_peroneal right") ||
	              warns(res, "right ankle dorsiflexion MRC 2 is not explained by radial left"),
	              "no residual warning; leader %s", lead.label);
	radloc_result_free(&res);
}
END_TEST

/* A classic L5: every deficit in its territory, so nothing is left to
 * the background, and `other` stays far behind. */
START_TEST(classic_l5_leaves_no_residual)
{
	radloc_result *res = score_case("fixtures/cases/l5-classic-left.yaml");
	ck_assert(!warns(res, "is not explained by"));
	ck_assert(!warns(res, "fit none of the lesions"));
	ck_assert_double_lt(probability_of(res, "other"), 0.01);
	radloc_result_free(&res);
}
END_TEST

Suite *suite_explain(void)
{
	return make_suite("explain", 60,
	                  TESTS(weak_great_toe_extension_supports_l5,
	                        next_test_is_not_yet_examined, red_flags_and_pattern,
	                        not_testable_findings_are_ignored_and_said_so,
                        areflexic_weakness_of_four_limbs_is_other,
                        a_second_nerve_is_named_not_dropped,
                        classic_l5_leaves_no_residual));
}

/* rules_traits.c: the traits section as loaded, and what the person-level
 * traits do to whole exams under the shipped rules (docs/scoring.md,
 * "Person-level traits"). */
#include <string.h>

#include "model.h"
#include "rules_impl.h"
#include "tests.h"

/* The probability of the hypothesis labelled label in exam text. */
static double prob_of(const char *text, const char *label)
{
	const radloc_rules *r = shipped_rules();
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;
	radloc_scorer *sc = radloc_scorer_new(r);
	double p = 0.0;
	ck_assert_int_eq(radloc_exam_parse(r, text, strlen(text), "t", 1, NULL, NULL, &exam),
	                 RADLOC_OK);
	radloc_scorer_set_draws(sc, 0);
	radloc_scorer_set_top(sc, 1000);
	ck_assert_int_eq(radloc_score(sc, exam, &res), RADLOC_OK);
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h;
		radloc_result_hypothesis(res, i, &h);
		if (strcmp(h.label, label) == 0)
			p = h.probability;
	}
	radloc_result_free(&res);
	radloc_exam_free(&exam);
	radloc_scorer_free(&sc);
	return p;
}

static const char brisk[] =
	"reflex:\n"
	"  - {reflex: biceps, side: bilateral, grade: 3}\n"
	"  - {reflex: triceps, side: bilateral, grade: 3}\n"
	"  - {reflex: brachioradialis, side: bilateral, grade: 3}\n"
	"  - {reflex: patellar, side: bilateral, grade: 3}\n"
	"  - {reflex: ankle, side: bilateral, grade: 3}\n"
	"  - {reflex: medial_hamstring, side: bilateral, grade: 3}\n"
	"signs:\n"
	"  - {sign: hoffmann, side: bilateral, result: negative}\n"
	"  - {sign: babinski, side: bilateral, result: negative}\n"
	"  - {sign: clonus, side: bilateral, result: negative}\n";

static const char s1_brisk[] =
	"sensory:\n"
	"  - {region: lateral_foot, side: left, status: reduced}\n"
	"  - {region: sole, side: left, status: reduced}\n"
	"motor:\n"
	"  - {movement: ankle_plantarflexion, side: left, grade: 4}\n"
	"reflex:\n"
	"  - {reflex: biceps, side: bilateral, grade: 3}\n"
	"  - {reflex: triceps, side: bilateral, grade: 3}\n"
	"  - {reflex: brachioradialis, side: bilateral, grade: 3}\n"
	"  - {reflex: patellar, side: bilateral, grade: 3}\n"
	"  - {reflex: medial_hamstring, side: bilateral, grade: 3}\n"
	"  - {reflex: ankle, side: left, grade: 1}\n"
	"  - {reflex: ankle, side: right, grade: 3}\n"
	"signs:\n"
	"  - {sign: straight_leg_raise, side: left, result: positive}\n";

START_TEST(shipped_traits_load)
{
	const radloc_rules *r = shipped_rules();
	ck_assert(r->traits.present);
	ck_assert(r->traits.brisk_prevalence > 0.0 && r->traits.brisk_prevalence < 1.0);
	ck_assert(r->traits.distal_prevalence > 0.0 && r->traits.distal_prevalence < 1.0);
	ck_assert_ptr_nonnull(r->traits.source);
}
END_TEST

/* Symmetric brisk reflexes with every pathological sign negative: a
 * brisk person explains them; weak evidence for myelopathy. */
START_TEST(symmetric_brisk_is_not_myelopathy)
{
	ck_assert_double_lt(prob_of(brisk, "myelopathy"), 0.10);
}
END_TEST

/* Asymmetry keeps its weight: a brisk person is brisk on both sides.
 * Issue #12 measured myelopathy 99.96 %, S1 0.04 % here; S1 must lead.
 * (Polyneuropathy follows it: one lost ankle jerk, the other kept.) */
START_TEST(s1_in_a_brisk_person_is_s1)
{
	double s1 = prob_of(s1_brisk, "S1 left");
	ck_assert_double_gt(s1, prob_of(s1_brisk, "myelopathy"));
	ck_assert_double_gt(s1, prob_of(s1_brisk, "polyneuropathy"));
	ck_assert_double_gt(s1, prob_of(s1_brisk, "L5+S1 left"));
	ck_assert_double_gt(s1, 0.4);
}
END_TEST

/* Two lost ankle jerks alone: age explains them often enough. */
START_TEST(ankle_jerks_alone_not_near_certain_polyneuropathy)
{
	ck_assert_double_lt(prob_of("reflex:\n  - {reflex: ankle, side: bilateral, grade: 0}\n",
	                            "polyneuropathy"), 0.90);
}
END_TEST

Suite *suite_rules_traits(void)
{
	return make_suite("rules_traits", 0,
	                  TESTS(shipped_traits_load, symmetric_brisk_is_not_myelopathy,
	                        s1_in_a_brisk_person_is_s1,
	                        ankle_jerks_alone_not_near_certain_polyneuropathy));
}

/* mnd.c: what motor neuron disease does to a finding (docs/scoring.md,
 * "Motor neuron disease"), and whole exams under the shipped rules. */
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "rules_impl.h"
#include "tests.h"

static double prob(const radloc_result *res, const char *label)
{
	radloc_hypothesis h;
	return find_hypothesis(res, label, &h) ? h.probability : 0.0;
}

/* The finding spec's first finding bound, and its q's under the disease. */
static void q_of(const radloc_rules *r, const char *spec, double *qL, double *qE, double *phi)
{
	radloc_exam *exam = exam_of(r, spec);
	rl_fwork fw;
	double w[256];
	rl_fwork_bind(r, &fw, &exam->findings[0], w);
	rl_mnd_q(r, fw.f, fw.el, qL, qE, phi);
	radloc_exam_free(&exam);
}

START_TEST(reaches_every_limb_alike)
{
	const radloc_rules *r = shipped_rules();
	const rl_patterns *P = &r->patterns;
	double qL, qE, phi, qL2, qE2, phi2;
	/* A hand muscle and a foot muscle: the same lower motor neuron loss,
	 * graded by the same share, whatever their roots. */
	q_of(r, "M index_finger_abduction R 3", &qL, &qE, &phi);
	q_of(r, "M great_toe_extension L 3", &qL2, &qE2, &phi2);
	ck_assert_double_eq(qL, P->mnd_sens[RL_MOTOR]);
	ck_assert_double_eq(qL2, qL);
	ck_assert_double_eq(phi, P->mnd_share);
	ck_assert_double_eq(qE, 0.0);
	/* A reflex: brisk even in a weak limb, seldom lost. */
	q_of(r, "R ankle L 3", &qL, &qE, &phi);
	ck_assert_double_eq(qE, P->mnd_brisk);
	ck_assert_double_lt(qL, qE);
	/* Sensation at its small rate, the saddle and the sphincters spared. */
	q_of(r, "S dorsum_foot L reduced", &qL, &qE, &phi);
	ck_assert_double_eq(qL, P->mnd_sens[RL_SENSORY]);
	ck_assert_double_lt(qL, 0.1);
	q_of(r, "S saddle - reduced", &qL, &qE, &phi);
	ck_assert_double_eq(qL + qE, 0.0);
}
END_TEST

/* A painless pure-motor foot drop with brisk reflexes, Babinski and
 * fasciculations: motor neuron disease before any root (evidence.md
 * section 13: such a foot drop must rank it above a root). */
START_TEST(foot_drop_with_umn_signs_above_a_root)
{
	radloc_result *res = score_yaml(
		"motor:\n"
		"  - {movement: great_toe_extension, side: left, grade: 3}\n"
		"  - {movement: ankle_dorsiflexion, side: left, grade: 3}\n"
		"reflex:\n"
		"  - {reflex: patellar, side: left, grade: 3}\n"
		"  - {reflex: ankle, side: left, grade: 3}\n"
		"signs:\n"
		"  - {sign: babinski, side: left, result: positive}\n"
		"  - {sign: fasciculations, side: left, result: positive}\n"
		"sensory:\n"
		"  - {region: dorsum_foot, side: left, status: normal}\n"
		"  - {region: lateral_leg, side: left, status: normal}\n", 0);
	double mnd = prob(res, "motor_neuron_disease");
	ck_assert_double_gt(mnd, prob(res, "L5 left"));
	ck_assert_double_gt(mnd, 0.05);
	radloc_result_free(&res);
}
END_TEST

/* The same foot drop with the skin of L5 numb: a sensory finding lowers
 * motor neuron disease without a veto. */
START_TEST(sensory_loss_lowers_it)
{
#define FOOT_DROP(status) \
	"motor:\n" \
	"  - {movement: ankle_dorsiflexion, side: left, grade: 3}\n" \
	"reflex:\n" \
	"  - {reflex: ankle, side: left, grade: 3}\n" \
	"signs:\n" \
	"  - {sign: fasciculations, side: left, result: positive}\n" \
	"sensory:\n" \
	"  - {region: dorsum_foot, side: left, status: " status "}\n"
	const char *a = FOOT_DROP("normal"), *b = FOOT_DROP("reduced");
	radloc_result *ra = score_yaml(a, 0), *rb = score_yaml(b, 0);
	ck_assert_double_gt(prob(ra, "motor_neuron_disease"), prob(rb, "motor_neuron_disease"));
	ck_assert_double_gt(prob(rb, "motor_neuron_disease"), 0.0);
	radloc_result_free(&ra);
	radloc_result_free(&rb);
}
END_TEST

/* Named when it is a close rival to a root or the cord. */
START_TEST(warning_names_it)
{
	radloc_result *res = score_case("fixtures/cases/mnd-split-hand-right.yaml");
	int named = 0;
	for (size_t i = 0; i < radloc_result_warning_count(res); i++)
		named |= strstr(radloc_result_warning(res, i), "motor neuron disease must be "
		                                               "considered") != NULL;
	ck_assert(named);
	radloc_result_free(&res);
}
END_TEST

Suite *suite_mnd(void)
{
	Suite *s = suite_create("mnd");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, reaches_every_limb_alike);
	tcase_add_test(tc, foot_drop_with_umn_signs_above_a_root);
	tcase_add_test(tc, sensory_loss_lowers_it);
	tcase_add_test(tc, warning_names_it);
	suite_add_tcase(s, tc);
	return s;
}

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
	/* An arm muscle and a foot muscle: the same lower motor neuron loss,
	 * graded by the same share, whatever their roots. */
	q_of(r, "M wrist_extension R 3", &qL, &qE, &phi);
	q_of(r, "M great_toe_extension L 3", &qL2, &qE2, &phi2);
	ck_assert_double_eq(qL, P->mnd_sens[RL_MOTOR]);
	ck_assert_double_eq(qL2, qL);
	ck_assert_double_eq(phi, P->mnd_share);
	ck_assert_double_eq(qE, 0.0);
	/* A split-hand movement: its own sensitivity, its share scaled by
	 * it (the first dorsal interosseous taken before the hypothenar). */
	q_of(r, "M index_finger_abduction R 3", &qL, &qE, &phi);
	q_of(r, "M finger_abduction R 3", &qL2, &qE2, &phi2);
	ck_assert_double_gt(qL, qL2);
	ck_assert_double_gt(phi, phi2);
	ck_assert_double_lt(phi2, P->mnd_share);
	ck_assert_double_eq_tol(phi2 / P->mnd_share, qL2 / P->mnd_sens[RL_MOTOR], 1e-12);
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

/* The split hand (rules/patterns.yaml `movements`; evidence.md section
 * 13): thumb and index finger abduction weak, little finger abduction
 * strong, brisk reflexes, the skin normal, favours motor neuron disease
 * over a C8 root and an ulnar lesion more than the reverse (little
 * finger weak, thumb and index strong) does. Without the movements the
 * two pictures' odds differ only by the roots' and nerve's own weights;
 * with them the gap against the root must at least double. */
#define HAND(apb, fdi, adm) \
	"motor:\n" \
	"  - {movement: thumb_abduction, side: right, grade: " apb "}\n" \
	"  - {movement: index_finger_abduction, side: right, grade: " fdi "}\n" \
	"  - {movement: finger_abduction, side: right, grade: " adm "}\n" \
	"reflex:\n" \
	"  - {reflex: biceps, side: right, grade: 3}\n" \
	"  - {reflex: triceps, side: right, grade: 3}\n" \
	"sensory:\n" \
	"  - {region: little_finger, side: right, status: normal}\n" \
	"  - {region: thumb, side: right, status: normal}\n"

/* Odds of motor neuron disease against C8 and against the ulnar nerve
 * for the split and the reverse picture under the rules as loaded. */
static void split_odds(double *c8_split, double *c8_rev, double *ul_split, double *ul_rev)
{
	radloc_result *a = score_yaml(HAND("3", "3", "5"), 0);
	radloc_result *b = score_yaml(HAND("5", "5", "3"), 0);
	*c8_split = prob(a, "motor_neuron_disease") / prob(a, "C8 right");
	*c8_rev = prob(b, "motor_neuron_disease") / prob(b, "C8 right");
	*ul_split = prob(a, "motor_neuron_disease") / prob(a, "ulnar right");
	*ul_rev = prob(b, "motor_neuron_disease") / prob(b, "ulnar right");
	radloc_result_free(&a);
	radloc_result_free(&b);
}

START_TEST(split_hand_favours_it)
{
	double c8s, c8r, uls, ulr, c8s0, c8r0, uls0, ulr0;
	split_odds(&c8s, &c8r, &uls, &ulr);
	ck_assert_double_gt(c8s, 2.0 * c8r);
	ck_assert_double_gt(uls, 2.0 * ulr);
	/* The same rules without the movements: the gap is the movements'
	 * doing (scorers are built per score, so they see the change). */
	rl_patterns *P = (rl_patterns *)&shipped_rules()->patterns;
	size_t n = P->mnd_movement_count;
	P->mnd_movement_count = 0;
	split_odds(&c8s0, &c8r0, &uls0, &ulr0);
	P->mnd_movement_count = n;
	ck_assert_double_gt(c8s / c8r, 2.0 * (c8s0 / c8r0));
	ck_assert_double_gt(uls / ulr, uls0 / ulr0);
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
	tcase_add_test(tc, split_hand_favours_it);
	suite_add_tcase(s, tc);
	return s;
}

/* The version 2 vocabulary (exam-format.md section 4) as the shipped rules
 * carry it: every id loads, parses and scores, and the new anatomy decides
 * what it should. The engine files it runs through have their own suites;
 * this one holds the clinical checks of the new rule data. */
#include <stdio.h>
#include <string.h>

#include "rules_impl.h"
#include "selection.h"
#include "tests.h"

static const rl_hypothesis *hyp(const radloc_rules *r, const char *label)
{
	for (size_t h = 0; h < r->hyp_count; h++)
		if (strcmp(r->hyps[h].label, label) == 0)
			return &r->hyps[h];
	return NULL;
}

static double prob(const radloc_result *res, const char *label)
{
	radloc_hypothesis h;
	ck_assert_msg(find_hypothesis(res, label, &h), "no hypothesis %s", label);
	return h.probability;
}

static const rl_element *element(const radloc_rules *r, radloc_kind kind, const char *id)
{
	long i = rl_rules_index(r, kind, id);
	ck_assert_msg(i >= 0, "no %s", id);
	return &r->elements[kind - RADLOC_REGION][i];
}

/* C4 and T2-T12 are roots at their levels, each a single-root hypothesis
 * on each side; the new nerves are hypotheses too. */
START_TEST(new_roots_and_nerves_are_hypotheses)
{
	const radloc_rules *r = shipped_rules();
	static const struct { const char *id; int level; } levels[] = {
		{"C4", 4}, {"T2", 10}, {"T6", 14}, {"T10", 18}, {"T12", 20},
	};
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
		long k = rl_rules_index(r, RADLOC_ROOT, levels[i].id);
		ck_assert_msg(k >= 0, "no root %s", levels[i].id);
		ck_assert_int_eq(r->roots[k].level, levels[i].level);
	}
	static const char *const labels[] = {
		"C4 left", "T2 right", "T10 left", "T12 right",
		"superior_gluteal left", "inferior_gluteal right", "pudendal left",
		"pudendal bilateral",
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		ck_assert_msg(hyp(r, labels[i]) != NULL, "no hypothesis %s", labels[i]);
	/* Thoracic radiculopathy is rare: a thoracic root is less likely a
	 * priori than any version 1 cervical or lumbosacral root of note. */
	ck_assert_double_lt(hyp(r, "T10 left")->prior, hyp(r, "C5 left")->prior);
}
END_TEST

/* The trunk is its own limb word and its own place per side; the C3/C4
 * points sit on the arm, the sphincter on the midline. */
START_TEST(trunk_regions_are_places_of_their_own)
{
	const radloc_rules *r = shipped_rules();
	const rl_element *umbilicus = element(r, RADLOC_REGION, "umbilicus");
	ck_assert_int_eq(umbilicus->limb, RL_TRUNK);
	ck_assert_int_eq(element(r, RADLOC_REGION, "top_of_shoulder")->limb, RL_ARM);
	ck_assert_int_eq(element(r, RADLOC_MOVEMENT, "anal_contraction")->limb, RL_MIDLINE);
	ck_assert_int_eq(element(r, RADLOC_REFLEX, "anal_wink")->limb, RL_MIDLINE);
	long u = rl_rules_index(r, RADLOC_REGION, "umbilicus");
	ck_assert_uint_eq(rl_place_of(r, RADLOC_REGION, (int)u, RADLOC_RIGHT),
	                  RL_PLACE_TRUNK(RADLOC_RIGHT));
	/* A thoracic root's territory is its side of the trunk; an L1 or T1
	 * root's stays on its limb (a neighbour's share of a trunk point is
	 * under the territory share). */
	ck_assert_uint_eq(hyp(r, "T10 left")->places, RL_PLACE_TRUNK(RADLOC_LEFT));
	ck_assert_uint_eq(hyp(r, "L1 left")->places & RL_PLACE_TRUNK(RADLOC_LEFT), 0);
	ck_assert_uint_eq(hyp(r, "T1 left")->places & RL_PLACE_TRUNK(RADLOC_LEFT), 0);
	/* The other side of the trunk is "the other side", not "elsewhere". */
	ck_assert_double_eq(rl_selection_chance(r, RL_PLACE_TRUNK(RADLOC_LEFT),
	                                        RL_PLACE_TRUNK(RADLOC_RIGHT)),
	                    r->selection.other_side);
	ck_assert_double_eq(rl_selection_chance(r, RL_PLACE_TRUNK(RADLOC_LEFT),
	                                        RL_PLACE(RL_LEG, RADLOC_LEFT, 0)),
	                    r->selection.elsewhere);
}
END_TEST

/* An exam written with every new id of the contract loads and scores,
 * every finding counted. */
START_TEST(every_new_id_parses_and_scores)
{
	radloc_exam *e = NULL;
	ck_assert_int_eq(radloc_exam_parse_file(shipped_rules(),
	                                        src_path("fixtures/exams/vocabulary-v2.yaml"),
	                                        NULL, NULL, &e),
	                 RADLOC_OK);
	ck_assert_uint_eq(radloc_exam_finding_count(e), 30);
	radloc_result *res = score_exam(e, 0);
	ck_assert_uint_gt(radloc_result_count(res), 0);
	radloc_result_free(&res);
	radloc_exam_free(&e);
}
END_TEST

/* A one-sided band of loss at T9-T11 with band pain, the bands above and
 * below normal: T10 on that side, ahead of its neighbours. */
START_TEST(a_t10_band_is_t10)
{
	radloc_result *res = score_yaml(
		"id: t10\n"
		"sensory:\n"
		"  - {region: upper_abdomen, side: left, status: normal}\n"
		"  - {region: above_umbilicus, side: left, status: reduced}\n"
		"  - {region: umbilicus, side: left, status: reduced}\n"
		"  - {region: lower_abdomen, side: left, status: reduced}\n"
		"  - {region: inguinal, side: left, status: normal}\n"
		"pain:\n"
		"  - {region: umbilicus, side: left}\n",
		0);
	radloc_hypothesis h;
	radloc_result_hypothesis(res, 0, &h);
	ck_assert_str_eq(h.label, "T10 left");
	ck_assert_int_eq(h.side, RADLOC_LEFT);
	ck_assert_double_gt(h.probability, 2.0 * prob(res, "T9 left"));
	ck_assert_double_gt(h.probability, 2.0 * prob(res, "T11 left"));
	ck_assert_double_gt(h.probability, 10.0 * prob(res, "T10 right"));
	radloc_result_free(&res);
}
END_TEST

/* No voluntary anal contraction with saddle loss: the red flag, whatever
 * leads (the flag reads the midline findings themselves). */
START_TEST(absent_anal_squeeze_raises_the_cauda_flag)
{
	radloc_result *res = score_yaml("id: ces\n"
	                                "sensory:\n"
	                                "  - {region: saddle, status: reduced}\n"
	                                "motor:\n"
	                                "  - {movement: anal_contraction, side: midline, grade: 0}\n",
	                                0);
	ck_assert(radloc_result_flags(res) & RADLOC_FLAG_CAUDA_EQUINA);
	radloc_result_free(&res);
	/* The squeeze alone is enough. */
	res = score_yaml("id: vac\nmotor:\n  - {movement: anal_contraction, grade: 1}\n", 0);
	ck_assert(radloc_result_flags(res) & RADLOC_FLAG_CAUDA_EQUINA);
	radloc_result_free(&res);
}
END_TEST

/* The adductor jerk is obturator: kept, it speaks for a femoral lesion
 * over an L3 or L4 root, which would take it with the knee jerk. */
START_TEST(a_kept_adductor_jerk_favours_the_femoral_nerve)
{
	static const char *const base =
		"id: femoral\n"
		"motor:\n"
		"  - {movement: knee_extension, side: left, grade: 3}\n"
		"sensory:\n"
		"  - {region: anterior_thigh, side: left, status: reduced}\n"
		"reflex:\n"
		"  - {reflex: patellar, side: left, grade: 0}\n";
	char with[512];
	snprintf(with, sizeof with, "%s  - {reflex: adductor, side: left, grade: 2}\n", base);
	radloc_result *without = score_yaml(base, 0), *kept = score_yaml(with, 0);
	double odds_without = prob(without, "femoral left") / prob(without, "L3 left");
	double odds_kept = prob(kept, "femoral left") / prob(kept, "L3 left");
	ck_assert_double_gt(odds_kept, 1.2 * odds_without);
	radloc_result_free(&without);
	radloc_result_free(&kept);
}
END_TEST

/* Weak hip abduction with the peroneal muscles strong: the superior
 * gluteal nerve is in play, the common peroneal and sciatic are not
 * (neither supplies gluteus medius). */
START_TEST(weak_hip_abduction_is_gluteal_not_peroneal)
{
	radloc_result *res = score_yaml(
		"id: gluteal\n"
		"motor:\n"
		"  - {movement: hip_abduction, side: left, grade: 3}\n"
		"  - {movement: ankle_dorsiflexion, side: left, grade: 5}\n"
		"  - {movement: great_toe_extension, side: left, grade: 5}\n"
		"  - {movement: hip_extension, side: left, grade: 5}\n",
		0);
	double gluteal = prob(res, "superior_gluteal left");
	ck_assert_double_gt(gluteal, 20.0 * prob(res, "common_peroneal left"));
	ck_assert_double_gt(gluteal, 20.0 * prob(res, "sciatic left"));
	ck_assert_double_gt(gluteal, 20.0 * prob(res, "inferior_gluteal left"));
	radloc_result_free(&res);
}
END_TEST

/* Horner's syndrome on the side of a lower brachial root lesion speaks for
 * T1, whose root carries the sympathetic outflow, over C8. */
START_TEST(horner_favours_t1_over_c8)
{
	static const char *const base = "id: t1\n"
	                                "motor:\n"
	                                "  - {movement: finger_abduction, side: left, grade: 4}\n"
	                                "  - {movement: thumb_abduction, side: left, grade: 4}\n"
	                                "signs:\n";
	char with[512], without[512];
	snprintf(with, sizeof with, "%s  - {sign: horner, side: left, result: positive}\n", base);
	snprintf(without, sizeof without, "%s  - {sign: horner, side: left, result: negative}\n",
	         base);
	radloc_result *pos = score_yaml(with, 0), *neg = score_yaml(without, 0);
	ck_assert_double_gt(prob(pos, "T1 left") / prob(pos, "C8 left"),
	                    2.0 * prob(neg, "T1 left") / prob(neg, "C8 left"));
	radloc_result_free(&pos);
	radloc_result_free(&neg);
}
END_TEST

Suite *suite_vocabulary_v2(void)
{
	return make_suite("vocabulary_v2", 60,
	                  TESTS(new_roots_and_nerves_are_hypotheses,
	                        trunk_regions_are_places_of_their_own,
	                        every_new_id_parses_and_scores, a_t10_band_is_t10,
	                        absent_anal_squeeze_raises_the_cauda_flag,
	                        a_kept_adductor_jerk_favours_the_femoral_nerve,
	                        weak_hip_abduction_is_gluteal_not_peroneal,
	                        horner_favours_t1_over_c8));
}

/* intervals.c: credible intervals from the bank of draws, through the
 * public API. */
#include <stdlib.h>
#include <string.h>

#include "tests.h"

static radloc_result *score(radloc_scorer *sc, unsigned long draws, double mass)
{
	const radloc_rules *r = tiny_rules();
	radloc_exam *e = exam_of(r, "S r1 L reduced; M m1 L 4; R x1 L 1; G g L neg");
	radloc_result *res = NULL;
	ck_assert_int_eq(radloc_scorer_set_draws(sc, draws), RADLOC_OK);
	ck_assert_int_eq(radloc_scorer_set_interval(sc, mass), RADLOC_OK);
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	radloc_exam_free(&e);
	return res;
}

static radloc_hypothesis nth(const radloc_result *res, size_t i)
{
	radloc_hypothesis h;
	ck_assert_int_eq(radloc_result_hypothesis(res, i, &h), RADLOC_OK);
	return h;
}

/* Without draws there is no interval; with them each one is a real
 * interval of probabilities around the leader's uncertainty. */
START_TEST(intervals_are_intervals)
{
	radloc_scorer *sc = radloc_scorer_new(tiny_rules());
	radloc_result *none = score(sc, 0, 0.9), *some = score(sc, 500, 0.9);
	ck_assert_uint_eq(radloc_result_count(none), radloc_result_count(some));
	for (size_t i = 0; i < radloc_result_count(some); i++) {
		radloc_hypothesis a = nth(none, i), b = nth(some, i);
		ck_assert_double_eq(a.lower, a.probability);
		ck_assert_double_eq(a.upper, a.probability);
		ck_assert_double_eq(b.probability, a.probability);
		ck_assert(0.0 <= b.lower && b.lower <= b.upper && b.upper <= 1.0);
	}
	radloc_hypothesis lead = nth(some, 0);
	ck_assert(lead.upper - lead.lower > 0.01);
	radloc_result_free(&none);
	radloc_result_free(&some);
	radloc_scorer_free(&sc);
}
END_TEST

/* The same draws at two masses: the wider interval holds the narrower. */
START_TEST(more_mass_wider_interval)
{
	radloc_scorer *sc = radloc_scorer_new(tiny_rules());
	radloc_result *narrow = score(sc, 500, 0.5), *wide = score(sc, 500, 0.95);
	for (size_t i = 0; i < radloc_result_count(wide); i++) {
		radloc_hypothesis n = nth(narrow, i), w = nth(wide, i);
		ck_assert(w.lower <= n.lower);
		ck_assert(n.upper <= w.upper);
	}
	radloc_result_free(&narrow);
	radloc_result_free(&wide);
	radloc_scorer_free(&sc);
}
END_TEST

/* A result depends on the seed, not on what the scorer did before. */
START_TEST(reproducible_whatever_came_before)
{
	radloc_scorer *fresh = radloc_scorer_new(tiny_rules());
	radloc_scorer *used = radloc_scorer_new(tiny_rules());
	radloc_result *first = score(used, 100, 0.9);
	radloc_result *a = score(fresh, 300, 0.9), *b = score(used, 300, 0.9);
	for (size_t i = 0; i < radloc_result_count(a); i++) {
		radloc_hypothesis x = nth(a, i), y = nth(b, i);
		ck_assert_double_eq(x.lower, y.lower);
		ck_assert_double_eq(x.upper, y.upper);
	}
	radloc_result_free(&first);
	radloc_result_free(&a);
	radloc_result_free(&b);
	radloc_scorer_free(&fresh);
	radloc_scorer_free(&used);
}
END_TEST

/* The draws see a modality as the point estimate does: with every
 * concentration so large that each plausible person is the average one,
 * the interval of each hypothesis closes on its probability, for pin
 * prick (a sharper map) and vibration (a scaled sensitivity) alike. A
 * draw that forgot either would sit away from the point. */
START_TEST(draws_follow_the_modality)
{
	char *text = tiny_text_with_modalities();
	char *b = replace_all(text, "concentration: 10", "concentration: 1e6");
	radloc_rules *r = load_tiny_text(replace_all(b, "concentration: 20", "concentration: 1e6"));
	free(text);
	free(b);
	radloc_exam *e = radloc_exam_new(r);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "r2", RADLOC_LEFT, RADLOC_SENSATION_REDUCED,
	                 RADLOC_MODALITY_PIN_PRICK), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "r2", RADLOC_LEFT, RADLOC_SENSATION_NORMAL,
	                 RADLOC_MODALITY_LIGHT_TOUCH), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "r1", RADLOC_LEFT, RADLOC_SENSATION_REDUCED,
	                 RADLOC_MODALITY_VIBRATION), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_motor(e, "m1", RADLOC_LEFT, 4), RADLOC_OK);
	radloc_scorer *sc = radloc_scorer_new(r);
	radloc_result *res = NULL;
	ck_assert_int_eq(radloc_scorer_set_draws(sc, 200), RADLOC_OK);
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h = nth(res, i);
		ck_assert_double_eq_tol(h.lower, h.probability, 1e-3);
		ck_assert_double_eq_tol(h.upper, h.probability, 1e-3);
	}
	radloc_result_free(&res);
	radloc_scorer_free(&sc);
	radloc_exam_free(&e);
	radloc_rules_free(&r);
}
END_TEST

/* A lesion of three roots on both sides is drawn with all three roots on
 * both sides: the draws' kernel (draw_kernels.c) takes the same noisy-OR
 * as the point estimate, so the interval of L3+L4+L5 bilateral holds its
 * point probability; a kernel that dropped a root or a side would leave
 * the knee, thigh or the other leg unexplained in every draw. */
START_TEST(draws_take_every_root_on_both_sides)
{
	radloc_exam *e = exam_of(shipped_rules(),
		"S anterior_thigh B reduced; S medial_leg B reduced; S dorsum_foot B reduced; "
		"S sole B normal; M knee_extension B 4; M hip_adduction B 4; "
		"M great_toe_extension B 4; R patellar B 1; R ankle B 2");
	radloc_result *res = score_exam(e, 1000);
	radloc_hypothesis lead = nth(res, 0);
	ck_assert_str_eq(lead.label, "L3+L4+L5 bilateral");
	ck_assert(lead.lower <= lead.probability && lead.probability <= lead.upper);
	ck_assert_double_gt(lead.lower, 0.5);
	radloc_result_free(&res);
	radloc_exam_free(&e);
}
END_TEST

/* The draws score a plexus element as the point estimate does: its
 * roots' drawn weights scaled by the route through it. With every
 * concentration so large that each plausible person is the average one,
 * each interval closes on its probability; a plexus exam leads with it. */
START_TEST(draws_follow_the_plexus)
{
	char *text = tiny_rules_text_with("  normal: {prior: 0.1, source: \"test\"}\n",
		"  normal: {prior: 0.05, source: \"test\"}\n"
		"  plexopathy: {prior: 0.05, source: \"test\"}\n"
		"plexus:\n"
		"  p: {roots: [A, B], spares: [n], prior: 1.0, source: \"test\"}\n");
	char *b = replace_all(text, "concentration: 10", "concentration: 1e6");
	radloc_rules *r = load_tiny_text(replace_all(b, "concentration: 20", "concentration: 1e6"));
	free(text);
	free(b);
	radloc_exam *e = radloc_exam_new(r);
	/* r2 and m1 (A and B, no nerve) lost; r1 (all by nerve n) kept. */
	ck_assert_int_eq(radloc_exam_add_sensory(e, "r2", RADLOC_LEFT, RADLOC_SENSATION_ABSENT,
	                 RADLOC_MODALITY_UNSPECIFIED), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "r1", RADLOC_LEFT, RADLOC_SENSATION_NORMAL,
	                 RADLOC_MODALITY_UNSPECIFIED), RADLOC_OK);
	/* Grade 4: tiny's background never gives a 3 (and has no examiner
	 * error), which no draw could weigh against it. */
	ck_assert_int_eq(radloc_exam_add_motor(e, "m1", RADLOC_LEFT, 4), RADLOC_OK);
	radloc_scorer *sc = radloc_scorer_new(r);
	radloc_result *res = NULL;
	ck_assert_int_eq(radloc_scorer_set_draws(sc, 200), RADLOC_OK);
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	int seen = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h = nth(res, i);
		seen |= h.kind == RADLOC_HYPOTHESIS_PLEXUS && h.probability > 0.01;
		ck_assert_double_eq_tol(h.lower, h.probability, 1e-3);
		ck_assert_double_eq_tol(h.upper, h.probability, 1e-3);
	}
	ck_assert(seen);
	radloc_result_free(&res);
	radloc_scorer_free(&sc);
	radloc_exam_free(&e);
	radloc_rules_free(&r);
}
END_TEST

/* The draws see a nerve's sites as the point estimate does: with every
 * concentration so large that each plausible person is the average one,
 * the intervals close on the probabilities, for an element a site spares
 * in part and a sign with a sensitivity at one site only. A draw that read
 * the nerve's whole territory or its sign column would sit away. */
START_TEST(draws_follow_the_sites)
{
	char *a = tiny_rules_text_with(
		"n: {prior: 1.0, source: \"test\"}",
		"n: {prior: 1.0, sites: {up: {share: 1, source: s}, down: {share: 3, "
		"spares: {r1: 0.75}, source: s}}, source: \"test\"}");
	char *b = replace_all(a, "specificity: 0.9,", "sites: {n.down: 0.8}, specificity: 0.9,");
	char *c = replace_all(b, "concentration: 10", "concentration: 1e6");
	radloc_rules *r = load_tiny_text(replace_all(c, "concentration: 20", "concentration: 1e6"));
	free(a);
	free(b);
	free(c);
	radloc_exam *e = exam_of(r, "S r1 L reduced; G g L pos; M m1 L 5");
	radloc_scorer *sc = radloc_scorer_new(r);
	radloc_result *res = NULL;
	ck_assert_int_eq(radloc_scorer_set_draws(sc, 200), RADLOC_OK);
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	int nerve_seen = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h = nth(res, i);
		ck_assert_double_eq_tol(h.lower, h.probability, 1e-3);
		ck_assert_double_eq_tol(h.upper, h.probability, 1e-3);
		if (h.nerve && h.side == RADLOC_LEFT) {
			nerve_seen = 1;
			ck_assert_ptr_nonnull(h.site);
		}
	}
	ck_assert(nerve_seen);
	radloc_result_free(&res);
	radloc_scorer_free(&sc);
	radloc_exam_free(&e);
	radloc_rules_free(&r);
}
END_TEST

/* The draws score a cauda equina at each of its extents as the point
 * estimate does: each extent's roots, and a sign row an extent sets
 * itself (fixed, not drawn). With every concentration so large that each
 * plausible person is the average one, each interval closes on its
 * probability; a draw that took the extents' mean would sit away. */
START_TEST(draws_follow_the_cauda_extents)
{
	char *a = tiny_rules_text_with(
		"  cauda_equina: {prior: 0.05, roots: {A: 1.0}, source: \"test\"}\n",
		"  cauda_equina:\n    prior: 0.05\n    source: \"test\"\n    extents:\n"
		"      a: {weight: 1, roots: {A: 1.0}, source: \"test\"}\n"
		"      b: {weight: 3, roots: {B: 0.8}, signs: {g: 0.7}, source: \"test\"}\n");
	char *b = replace_all(a, "concentration: 10", "concentration: 1e6");
	radloc_rules *r = load_tiny_text(replace_all(b, "concentration: 20", "concentration: 1e6"));
	free(a);
	free(b);
	radloc_exam *e = exam_of(r, "S mid - reduced; S r1 L normal; G g L pos; M m1 R 4");
	radloc_scorer *sc = radloc_scorer_new(r);
	radloc_result *res = NULL;
	ck_assert_int_eq(radloc_scorer_set_draws(sc, 200), RADLOC_OK);
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	int seen = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h = nth(res, i);
		ck_assert_double_eq_tol(h.lower, h.probability, 1e-3);
		ck_assert_double_eq_tol(h.upper, h.probability, 1e-3);
		if (h.pattern == RADLOC_CAUDA_EQUINA && h.probability > 0.01) {
			seen = 1;
			ck_assert_str_eq(h.extent, "b");
		}
	}
	ck_assert(seen);
	radloc_result_free(&res);
	radloc_scorer_free(&sc);
	radloc_exam_free(&e);
	radloc_rules_free(&r);
}
END_TEST

Suite *suite_intervals(void)
{
	return make_suite("intervals", 0,
	                  TESTS(intervals_are_intervals, more_mass_wider_interval,
	                        reproducible_whatever_came_before, draws_follow_the_modality,
	                        draws_take_every_root_on_both_sides,
	                        draws_follow_the_plexus, draws_follow_the_sites,
	                        draws_follow_the_cauda_extents));
}

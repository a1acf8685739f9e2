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

Suite *suite_intervals(void)
{
	return make_suite("intervals", 0,
	                  TESTS(intervals_are_intervals, more_mass_wider_interval,
	                        reproducible_whatever_came_before, draws_follow_the_modality,
	                        draws_follow_the_sites));
}

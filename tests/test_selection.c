/* selection.c: where the clinician looked, by hand. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "selection.h"
#include "tests.h"

#define UP(side) RL_PLACE(RL_LEG, side, 0)
#define LOW(side) RL_PLACE(RL_LEG, side, 1)

static const rl_hypothesis *hyp(const radloc_rules *r, const char *label)
{
	for (size_t h = 0; h < r->hyp_count; h++)
		if (strcmp(r->hyps[h].label, label) == 0)
			return &r->hyps[h];
	ck_abort_msg("no hypothesis %s", label);
	return NULL;
}

/* Territories: where the symptoms are felt, distally; myelopathy the
 * legs without the arms (Hoffmann is an arm sign); polyneuropathy both
 * feet. */
START_TEST(territories)
{
	const radloc_rules *r = shipped_rules();
	ck_assert_uint_eq(hyp(r, "L2 left")->places, UP(RADLOC_LEFT));
	ck_assert_uint_eq(hyp(r, "L5 left")->places, LOW(RADLOC_LEFT));
	ck_assert_uint_eq(hyp(r, "C6 right")->places, RL_PLACE(RL_ARM, RADLOC_RIGHT, 1));
	ck_assert_uint_eq(hyp(r, "polyneuropathy")->places, LOW(RADLOC_LEFT) | LOW(RADLOC_RIGHT));
	ck_assert_uint_eq(hyp(r, "myelopathy")->places, LOW(RADLOC_LEFT) | LOW(RADLOC_RIGHT));
	ck_assert(hyp(r, "cauda_equina")->places & RL_PLACE_MIDLINE);
	ck_assert_uint_eq(hyp(r, "normal")->places, 0);
}
END_TEST

/* A hypothesis whose territory was never examined loses to one whose
 * territory was, by exactly the documented factor: a thigh-only exam,
 * L2 (thigh) against L5 (leg and foot): L2 has in_territory for the
 * thigh examined and 1 - same_limb for the foot not; L5 same_limb and
 * 1 - in_territory; every other place the same for both:
 *   S(L2) / S(L5) = i (1 - s) / ((1 - i) s)     (9 with the shipped rules) */
START_TEST(unexamined_territory_costs_the_documented_factor)
{
	const radloc_rules *r = shipped_rules();
	const rl_selection *S = &r->selection;
	double i = S->in_territory, s = S->same_limb;
	double ratio = exp(rl_selection_log(r, hyp(r, "L2 left"), UP(RADLOC_LEFT)) -
	                   rl_selection_log(r, hyp(r, "L5 left"), UP(RADLOC_LEFT)));
	ck_assert_double_eq_tol(ratio, i * (1.0 - s) / ((1.0 - i) * s), 1e-12);
	ck_assert_double_eq_tol(ratio, 9.0, 1e-12);
	/* And the same for the whole term by hand: L2 left after a thigh-only
	 * exam, every place's chance multiplied, over P(something examined):
	 * the other leg's two segments, the arms' four, the midline and the
	 * two sides of the trunk. */
	double o = S->other_side, e = S->elsewhere;
	double seen = i * (1 - s) * (1 - o) * (1 - o) * pow(1 - e, 7);
	double none = (1 - i) * (1 - s) * (1 - o) * (1 - o) * pow(1 - e, 7);
	ck_assert_double_eq_tol(rl_selection_log(r, hyp(r, "L2 left"), UP(RADLOC_LEFT)),
	                        log(seen) - log(1 - none), 1e-12);
}
END_TEST

/* Over every possible exam (every non-empty set of places) the term is a
 * probability distribution, for every hypothesis: normal and myelopathy
 * (mixtures) included. */
START_TEST(a_distribution_over_exams)
{
	const radloc_rules *r = shipped_rules();
	for (size_t h = 0; h < r->hyp_count; h++) {
		double sum = 0.0;
		for (unsigned places = 1; places < (1u << RL_PLACE_COUNT); places++)
			if ((places & ~r->selection.places) == 0)
				sum += exp(rl_selection_log(r, &r->hyps[h], places));
		ck_assert_msg(fabs(sum - 1.0) < 1e-9, "%s sums to %.12f", r->hyps[h].label, sum);
	}
}
END_TEST

/* `normal`: referred like everyone else, so the prior-weighted mixture of
 * the lesions' exams; myelopathy: legs, or (cervical) legs and arms. */
START_TEST(mixtures)
{
	const radloc_rules *r = shipped_rules();
	unsigned legs = UP(RADLOC_LEFT) | LOW(RADLOC_LEFT) | UP(RADLOC_RIGHT) | LOW(RADLOC_RIGHT);
	unsigned arms = 0x0Fu;
	double mass = 0.0, mix = 0.0, none = 0.0;
	for (size_t h = 0; h < r->hyp_count; h++)
		if (r->hyps[h].places)
			mass += r->hyps[h].prior;
	/* P(places, something examined) of each lesion, times P(something). */
	for (size_t h = 0; h < r->hyp_count; h++) {
		const rl_hypothesis *x = &r->hyps[h];
		if (!x->places)
			continue;
		/* P(empty | x) from its chance of every place unexamined. */
		double nothing = 0.0;
		unsigned t[5] = {x->places, x->places, 0u, 0u, 0u};
		double w[5] = {1.0, 0.0, 0.0, 0.0, 0.0};
		if (x->pattern == RADLOC_MYELOPATHY) {
			t[0] = x->places & ~arms;
			t[1] = x->places | arms;
			w[0] = 1.0 - r->selection.cervical;
			w[1] = r->selection.cervical;
		}
		/* Motor neuron disease: all four limbs, or one limb-side (both
		 * segments), the four alike. */
		if (x->pattern == RADLOC_MOTOR_NEURON_DISEASE) {
			double one = r->patterns.mnd_one_limb;
			w[0] = 1.0 - one;
			for (int side = 0; side < 4; side++) {
				t[side + 1] = x->places & (3u << (2 * side));
				w[side + 1] = one / 4.0;
			}
		}
		double seen = 0.0;
		for (int v = 0; v < 5; v++) {
			double a = w[v], b = w[v];
			for (unsigned p = 1; p <= RL_PLACE_ALL; p <<= 1) {
				double c = rl_selection_chance(r, t[v], p);
				a *= legs & p ? c : 1.0 - c;
				b *= 1.0 - c;
			}
			seen += a;
			nothing += b;
		}
		ck_assert_double_eq_tol(exp(rl_selection_log(r, x, legs)), seen / (1.0 - nothing),
		                        1e-12);
		mix += x->prior / mass * seen;
		none += x->prior / mass * nothing;
	}
	ck_assert_double_eq_tol(exp(rl_selection_log(r, hyp(r, "normal"), legs)),
	                        mix / (1.0 - none), 1e-12);
	/* A normal leg exam keeps C7 far behind normal on this term alone. */
	ck_assert(rl_selection_log(r, hyp(r, "C7 left"), legs) <
	          rl_selection_log(r, hyp(r, "normal"), legs) - log(10.0));
}
END_TEST

/* Places: the segments split at the middle of each limb's distal_rank
 * range; a limb sign marks no place, a midline sign the midline. */
START_TEST(places_of_findings)
{
	const radloc_rules *r = shipped_rules();
	long thigh = rl_rules_index(r, RADLOC_REGION, "anterior_thigh");
	long foot = rl_rules_index(r, RADLOC_REGION, "dorsum_foot");
	long slr = rl_rules_index(r, RADLOC_SIGN, "straight_leg_raise");
	long bladder = rl_rules_index(r, RADLOC_SIGN, "bladder_dysfunction");
	ck_assert_uint_eq(rl_place_of(r, RADLOC_REGION, (int)thigh, RADLOC_RIGHT), UP(RADLOC_RIGHT));
	ck_assert_uint_eq(rl_place_of(r, RADLOC_REGION, (int)foot, RADLOC_LEFT), LOW(RADLOC_LEFT));
	ck_assert_uint_eq(rl_place_of(r, RADLOC_SIGN, (int)slr, RADLOC_LEFT), 0);
	ck_assert_uint_eq(rl_place_of(r, RADLOC_SIGN, (int)bladder, RADLOC_MIDLINE),
	                  RL_PLACE_MIDLINE);
	ck_assert_double_eq_tol(r->selection.split[RL_LEG], (0.05 + 1.0) / 2.0, 1e-12);
	ck_assert_uint_eq(r->selection.places, (1u << RL_PLACE_COUNT) - 1u);
	/* The tiny rules have no thigh: only places with an element count. */
	ck_assert_uint_eq(tiny_rules()->selection.places & UP(RADLOC_LEFT), 0);
}
END_TEST

/* The memo gives every hypothesis, and every pair's union of places,
 * the plain term bit for bit, for many sets of places examined; and the
 * shipped rules have far fewer keys than hypotheses, so it is used. */
START_TEST(memo_matches_the_plain_terms)
{
	const radloc_rules *r = shipped_rules();
	size_t n = r->hyp_count, most_keys = 0;
	unsigned long *key = malloc((n * n + 1) * sizeof *key);
	double *value = malloc((n * n + 1) * sizeof *value);
	ck_assert(key && value);
	for (unsigned examined = 1; examined <= RL_PLACE_ALL; examined += 37) {
		rl_selection_memo memo = {key, value, 0, n * n};
		for (size_t h = 0; h < n; h++) {
			double want = rl_selection_log(r, &r->hyps[h], examined);
			double got = rl_selection_log_memo(r, &r->hyps[h], examined, &memo);
			ck_assert_msg(memcmp(&want, &got, sizeof want) == 0,
			              "examined %u, %s: %.17g against %.17g", examined,
			              r->hyps[h].label, got, want);
		}
		if (memo.n > most_keys)
			most_keys = memo.n;
		/* Pairs: the first part's pattern over both parts' places. */
		for (size_t a = 0; a < n; a += 7)
			for (size_t b = a + 1; b < n; b += 11) {
				rl_hypothesis both = r->hyps[a];
				both.places |= r->hyps[b].places;
				double want = rl_selection_log(r, &both, examined);
				double got = rl_selection_log_memo(r, &both, examined, &memo);
				ck_assert(memcmp(&want, &got, sizeof want) == 0);
			}
	}
	ck_assert_uint_gt(most_keys, 1);
	ck_assert_uint_lt(most_keys * 3, n);
	/* A full memo still answers, by the plain walk. */
	rl_selection_memo none = {key, value, 0, 0};
	double want = rl_selection_log(r, &r->hyps[0], 5u);
	double got = rl_selection_log_memo(r, &r->hyps[0], 5u, &none);
	ck_assert(memcmp(&want, &got, sizeof want) == 0);
	ck_assert_uint_eq(none.n, 0);
	free(key);
	free(value);
}
END_TEST

Suite *suite_selection(void)
{
	return make_suite("selection", 0,
	                  TESTS(territories,
	                        unexamined_territory_costs_the_documented_factor,
	                        a_distribution_over_exams, mixtures, places_of_findings,
	                        memo_matches_the_plain_terms));
}

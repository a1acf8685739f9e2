/* Two lesions at once (pairs.c, rl_pair_likelihood_traits in model.c):
 * the noisy-OR of two parts on one finding, the pair prior, and the
 * answers on exams that need two lesions and on one that does not. */
#include <math.h>
#include <string.h>

#include "model.h"
#include "radloc_limits.h"
#include "scorer_impl.h"
#include "tests.h"

/* The first component of a labelled hypothesis (severity or extent 0). */
static size_t component_of(const radloc_scorer *sc, const char *label)
{
	const radloc_rules *r = sc->rules;
	for (size_t c = 0; c < sc->comps.count; c++)
		if (strcmp(r->hyps[sc->comps.hyp[c]].label, label) == 0)
			return c;
	ck_abort_msg("no hypothesis %s", label);
	return 0;
}

/* P(each outcome) of a probed finding under one component, or a pair. */
static double like(const radloc_scorer *sc, rl_fwork *fw, size_t a, long b, int o)
{
	rl_params p;
	double out[RL_TRAIT_PEOPLE];
	rl_mean_params(sc->rules, &p);
	if (b < 0)
		return rl_likelihood(sc->rules, &p, fw, &sc->comps, a, o);
	rl_pair_likelihood_traits(sc->rules, &p, fw, &sc->comps, a, (size_t)b, o, 0u, out);
	return out[0];
}

static double probe(const radloc_scorer *sc, radloc_kind table, const char *id,
                    radloc_side side, const char *a, const char *b, int outcome)
{
	const radloc_rules *r = sc->rules;
	double w[512];
	rl_finding f;
	rl_fwork fw;
	long e = radloc_rules_find(r, table, id);
	ck_assert_int_ge(e, 0);
	ck_assert_uint_le(r->root_count + rl_sign_width(r), 512);
	rl_probe_finding(r, table, (int)e, side, 0, &f, &fw, w);
	return like(sc, &fw, component_of(sc, a), b ? (long)component_of(sc, b) : -1, outcome);
}

/* A part that cannot reach a finding (a nerve of the other side) leaves
 * the other part's likelihood as it is, to the last bit. */
START_TEST(part_out_of_reach_changes_nothing)
{
	radloc_scorer *sc = radloc_scorer_new(shipped_rules());
	for (int o = 0; o < 3; o++)
		ck_assert_double_eq(probe(sc, RADLOC_REGION, "little_finger", RADLOC_LEFT,
		                          "ulnar left", "common_peroneal right", o),
		                    probe(sc, RADLOC_REGION, "little_finger", RADLOC_LEFT,
		                          "ulnar left", NULL, o));
	radloc_scorer_free(&sc);
}
END_TEST

/* Noisy-OR: a finding both parts reach stays normal less often than
 * under either part alone (the thumb: C6 and the median nerve), and the
 * pair does not depend on the order of its parts. */
START_TEST(both_parts_make_normal_rarer)
{
	radloc_scorer *sc = radloc_scorer_new(shipped_rules());
	double both = probe(sc, RADLOC_REGION, "thumb", RADLOC_LEFT, "C6 left", "median left",
	                    RL_NORMAL);
	double swapped = probe(sc, RADLOC_REGION, "thumb", RADLOC_LEFT, "median left",
	                       "C6 left", RL_NORMAL);
	ck_assert_double_eq_tol(both, swapped, 1e-15);
	ck_assert_double_lt(both, probe(sc, RADLOC_REGION, "thumb", RADLOC_LEFT, "C6 left",
	                                NULL, RL_NORMAL));
	ck_assert_double_lt(both, probe(sc, RADLOC_REGION, "thumb", RADLOC_LEFT, "median left",
	                                NULL, RL_NORMAL));
	radloc_scorer_free(&sc);
}
END_TEST

static double pair_mass(const radloc_result *res, radloc_hypothesis *best)
{
	radloc_hypothesis h;
	double m = 0.0;
	int found = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_result_hypothesis(res, i, &h);
		if (h.kind != RADLOC_HYPOTHESIS_TWO_LESIONS)
			continue;
		m += h.probability;
		if (!found && best) {
			*best = h;
			found = 1;
		}
	}
	return m;
}

/* Mononeuritis multiplex: ulnar-pattern weakness and numbness of the left
 * hand, a right foot drop with inversion spared. No single lesion reaches
 * both; the pair leads, with its parts, flag and pattern. */
START_TEST(mononeuritis_multiplex_is_two_lesions)
{
	radloc_result *res = score_case("fixtures/cases/two-lesions-ulnar-left-common-peroneal-right.yaml");
	radloc_hypothesis lead, other;
	radloc_result_hypothesis(res, 0, &lead);
	ck_assert_str_eq(lead.label, "ulnar left + common_peroneal right");
	ck_assert_int_eq(lead.kind, RADLOC_HYPOTHESIS_TWO_LESIONS);
	ck_assert_int_eq(lead.pattern, RADLOC_TWO_LESIONS);
	ck_assert_uint_eq(lead.part_count, 2);
	ck_assert_str_eq(lead.parts[0]->nerve, "ulnar");
	ck_assert_int_eq(lead.parts[0]->side, RADLOC_LEFT);
	ck_assert_str_eq(lead.parts[1]->nerve, "common_peroneal");
	ck_assert_int_eq(lead.parts[1]->side, RADLOC_RIGHT);
	ck_assert_int_eq(radloc_result_pattern(res), RADLOC_TWO_LESIONS);
	ck_assert(radloc_result_flags(res) & RADLOC_FLAG_TWO_PROCESSES);
	ck_assert(find_hypothesis(res, "other", &other));
	ck_assert_double_gt(lead.probability, 10.0 * other.probability);
	/* Singles and pairs together are one distribution. */
	double total = 0.0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h;
		radloc_result_hypothesis(res, i, &h);
		total += h.probability;
	}
	ck_assert_double_eq_tol(total, 1.0, 1e-9);
	radloc_result_free(&res);
}
END_TEST

/* A clean L5: the pairs' prior cost keeps it one lesion. */
START_TEST(clean_l5_stays_one_lesion)
{
	radloc_result *res = score_case("fixtures/cases/l5-classic-left.yaml");
	radloc_hypothesis lead;
	radloc_result_hypothesis(res, 0, &lead);
	ck_assert_str_eq(lead.label, "L5 left");
	ck_assert(!(radloc_result_flags(res) & RADLOC_FLAG_TWO_PROCESSES));
	ck_assert_double_lt(pair_mass(res, NULL), 0.05);
	radloc_result_free(&res);
}
END_TEST

/* The pair prior: m P(A) P(B) / sum over every valid pair, so that when
 * all the parts are candidates (tiny rules: nine of them, under the
 * limit) the pairs' priors add up to m. A rule set without two_lesions
 * (tiny.yaml as it is) ranks its singles alone. */
START_TEST(pair_priors_add_up_to_m)
{
	radloc_rules *r = tiny_rules_with("  normal: {prior: 0.1, source: \"test\"}",
	                                  "  normal: {prior: 0.1, source: \"test\"}\n"
	                                  "  two_lesions: {prior: 0.05, source: \"test\"}");
	radloc_scorer *sc = radloc_scorer_new(r);
	radloc_exam *e = exam_of(r, "S r1 L reduced; S r1 R reduced");
	radloc_result *res = NULL;
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	double priors = 0.0, first_factor = 0.0;
	size_t pairs = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h;
		radloc_result_hypothesis(res, i, &h);
		if (h.kind == RADLOC_HYPOTHESIS_TWO_LESIONS) {
			priors += h.prior;
			pairs++;
			/* The same factor m / sum over every pair. */
			double factor = h.prior / (h.parts[0]->prior * h.parts[1]->prior);
			if (pairs > 1)
				ck_assert_double_eq_tol(factor, first_factor, 1e-9 * factor);
			first_factor = factor;
		}
	}
	ck_assert_uint_gt(pairs, 0);
	ck_assert_double_eq_tol(priors, 0.05, 1e-9);
	radloc_result_free(&res);
	radloc_exam_free(&e);
	radloc_scorer_free(&sc);
	radloc_rules_free(&r);

	sc = radloc_scorer_new(tiny_rules());
	e = exam_of(tiny_rules(), "S r1 L reduced; S r1 R reduced");
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	ck_assert_uint_eq(radloc_result_count(res), tiny_rules()->hyp_count);
	radloc_result_free(&res);
	radloc_exam_free(&e);
	radloc_scorer_free(&sc);
}
END_TEST

/* Cost stays bounded: no more pairs than the candidates make. */
START_TEST(pairs_only_among_the_leaders)
{
	radloc_result *res = score_case("fixtures/cases/two-lesions-c6-left-median-left.yaml");
	size_t singles = shipped_rules()->hyp_count;
	ck_assert_uint_le(radloc_result_count(res),
	                  singles + RADLOC_PAIR_CANDIDATES * (RADLOC_PAIR_CANDIDATES - 1) / 2);
	ck_assert_uint_gt(radloc_result_count(res), singles);
	radloc_result_free(&res);
}
END_TEST

Suite *suite_pairs(void)
{
	return make_suite("pairs", 0, TESTS(part_out_of_reach_changes_nothing,
	                                    both_parts_make_normal_rarer,
	                                    mononeuritis_multiplex_is_two_lesions,
	                                    clean_l5_stays_one_lesion, pair_priors_add_up_to_m,
	                                    pairs_only_among_the_leaders));
}

/* hypotheses.c: the hypotheses a rule set gives, read through a result
 * that reports all of them. */
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "tests.h"

static radloc_result *all_hypotheses(void)
{
	radloc_case *c = load_case("fixtures/cases/l5-classic-left.yaml");
	radloc_result *res = score_exam(radloc_case_exam(c), 0);
	radloc_case_free(&c);
	return res;
}

static int has_label(const radloc_result *res, const char *label)
{
	radloc_hypothesis h;
	return find_hypothesis(res, label, &h);
}

START_TEST(single_roots_adjacent_pairs_nerves_and_patterns)
{
	radloc_result *res = all_hypotheses();
	/* Every root on each side; two adjacent roots (a far-lateral or
	 * two-level disc); nerves on one side or both (carpal tunnel is
	 * often bilateral); the patterns no single structure explains. */
	static const char *const present[] = {"L5 left", "L5 right", "C5 left", "T1 right",
	                                      "L4+L5 left", "L5+S1 right", "C8+T1 left",
	                                      "median bilateral", "median left", "ulnar right",
	                                      "common_peroneal left", "polyneuropathy",
	                                      "cauda_equina", "myelopathy", "normal"};
	for (size_t i = 0; i < sizeof present / sizeof *present; i++)
		ck_assert_msg(has_label(res, present[i]), "no hypothesis '%s'", present[i]);
	/* A root is one-sided, and two roots are never on opposite sides. */
	static const char *const absent[] = {"L5 bilateral", "L4+S1 left", "L5+L4 left",
	                                     "C5+C7 right", "T1+L1 left", "L5"};
	for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
		ck_assert_msg(!has_label(res, absent[i]), "unexpected hypothesis '%s'", absent[i]);
	radloc_result_free(&res);
}
END_TEST

START_TEST(root_pairs_are_adjacent_and_cranial_first)
{
	const radloc_rules *r = shipped_rules();
	radloc_result *res = all_hypotheses();
	radloc_hypothesis h;
	radloc_entry_info a, b;
	size_t pairs = 0;

	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_result_hypothesis(res, i, &h);
		if (h.kind != RADLOC_HYPOTHESIS_ROOT || h.root_count != 2)
			continue;
		pairs++;
		ck_assert_int_eq(radloc_rules_info(r, RADLOC_ROOT, h.roots[0], &a), RADLOC_OK);
		ck_assert_int_eq(radloc_rules_info(r, RADLOC_ROOT, h.roots[1], &b), RADLOC_OK);
		ck_assert_msg(b.level == a.level + 1, "'%s' pairs roots that are not adjacent",
		              h.label);
		ck_assert_int_eq(h.pattern, RADLOC_MULTIRADICULOPATHY);
	}
	/* C5..T1 and L1..S4: 4 + 8 adjacent pairs on each side; T1 and L1
	 * are not neighbours (the thoracic roots are not modelled). */
	ck_assert_uint_eq(radloc_rules_count(r, RADLOC_ROOT), 14);
	ck_assert_uint_eq(pairs, 2 * (4 + 8));
	radloc_result_free(&res);
}
END_TEST

START_TEST(kind_matches_what_is_blamed)
{
	radloc_result *res = all_hypotheses();
	radloc_hypothesis h;
	double prior = 0.0, probability = 0.0;

	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_result_hypothesis(res, i, &h);
		prior += h.prior;
		probability += h.probability;
		switch (h.kind) {
		case RADLOC_HYPOTHESIS_ROOT:
			ck_assert_uint_ge(h.root_count, 1);
			ck_assert_ptr_null(h.nerve);
			ck_assert(h.side == RADLOC_LEFT || h.side == RADLOC_RIGHT);
			break;
		case RADLOC_HYPOTHESIS_NERVE:
			ck_assert_uint_eq(h.root_count, 0);
			ck_assert_ptr_nonnull(h.nerve);
			ck_assert_int_eq(h.pattern, RADLOC_MONONEUROPATHY);
			/* The label is the nerve and its side. */
			ck_assert_int_eq(strncmp(h.label, h.nerve, strlen(h.nerve)), 0);
			break;
		case RADLOC_HYPOTHESIS_PATTERN:
			ck_assert_uint_eq(h.root_count, 0);
			ck_assert_ptr_null(h.nerve);
			ck_assert_str_eq(h.label, radloc_pattern_name(h.pattern));
			break;
		case RADLOC_HYPOTHESIS_PLEXUS:
			/* The label is the plexus element and its side. */
			ck_assert_uint_eq(h.root_count, 0);
			ck_assert_ptr_null(h.nerve);
			ck_assert_ptr_nonnull(h.plexus);
			ck_assert_int_eq(h.pattern, RADLOC_PLEXOPATHY);
			ck_assert(h.side == RADLOC_LEFT || h.side == RADLOC_RIGHT);
			ck_assert_int_eq(strncmp(h.label, h.plexus, strlen(h.plexus)), 0);
			break;
		}
	}
	/* Priors and posteriors are both distributions over the hypotheses. */
	ck_assert_double_eq_tol(prior, 1.0, 1e-9);
	ck_assert_double_eq_tol(probability, 1.0, 1e-9);
	radloc_result_free(&res);
}
END_TEST

/* `other` is generated from the rules like every pattern: one
 * hypothesis, kind pattern, its prior from rules/patterns.yaml; a rule
 * set without it (the tiny one) ranks the modelled lesions alone. */
START_TEST(other_comes_from_the_rules)
{
	radloc_result *res = all_hypotheses();
	radloc_hypothesis h;
	size_t found = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_result_hypothesis(res, i, &h);
		if (h.pattern != RADLOC_OTHER)
			continue;
		found++;
		ck_assert_str_eq(h.label, "other");
		ck_assert_int_eq(h.kind, RADLOC_HYPOTHESIS_PATTERN);
		/* 0.0295: 0.03 scaled by 0.98 when plexopathy took 0.02. */
		ck_assert_double_eq_tol(h.prior, 0.0295, 1e-12);
		ck_assert_ptr_null(h.nerve);
		ck_assert_uint_eq(h.root_count, 0);
	}
	ck_assert_uint_eq(found, 1);
	ck_assert_str_eq(radloc_pattern_name(RADLOC_OTHER), "other");
	radloc_result_free(&res);
	const radloc_rules *tiny = tiny_rules();
	for (size_t i = 0; i < tiny->hyp_count; i++)
		ck_assert_int_ne(tiny->hyps[i].pattern, RADLOC_OTHER);
}
END_TEST

Suite *suite_hypotheses(void)
{
	return make_suite("hypotheses", 60,
	                  TESTS(single_roots_adjacent_pairs_nerves_and_patterns,
	                        root_pairs_are_adjacent_and_cranial_first,
	                        kind_matches_what_is_blamed,
	                        other_comes_from_the_rules));
}

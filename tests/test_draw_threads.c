/* threads.c and draw_threads.c: an exam's draws shared among a scorer's
 * threads, and its bank drawn by one of them during the point estimate,
 * give every figure bit for bit as one thread does. */
#include <stdio.h>

#include "tests.h"

/* a's figures against one thread's (b), bit for bit. */
static void assert_same(const radloc_result *a, const radloc_result *b, unsigned exam,
                        unsigned threads)
{
	char what[64];
	snprintf(what, sizeof what, "exam %u, one thread against %u", exam, threads);
	test_assert_same_figures(a, b, what);
}

static radloc_scorer *scorer_with(unsigned threads, unsigned long draws)
{
	radloc_scorer *sc = radloc_scorer_new(shipped_rules());
	ck_assert_ptr_nonnull(sc);
	ck_assert_int_eq(radloc_scorer_set_draws(sc, draws), RADLOC_OK);
	ck_assert_int_eq(radloc_scorer_set_threads(sc, threads), RADLOC_OK);
	return sc;
}

/* 2, 3 and 7 threads against one, on generated exams that bring every
 * pattern into the draws (and, from TEST_EXAMS_LONG on, more findings
 * than a block of ratios): the same intervals, and the intervals are
 * real ones (not every lower bound equal to its upper). */
START_TEST(shared_draws_give_one_threads_answer)
{
	static const unsigned counts[] = {2, 3, 7};
	radloc_scorer *one = scorer_with(1, 1000);
	radloc_scorer *many[3];
	for (int k = 0; k < 3; k++)
		many[k] = scorer_with(counts[k], 1000);
	int wide = 0;
	for (unsigned i = 30; i < TEST_EXAMS_LONG + 2; i++) {
		radloc_exam *e = test_generated_exam(i);
		radloc_result *a = NULL;
		ck_assert_int_eq(radloc_score(one, e, &a), RADLOC_OK);
		for (int k = 0; k < 3; k++) {
			radloc_result *b = NULL;
			ck_assert_int_eq(radloc_score(many[k], e, &b), RADLOC_OK);
			assert_same(a, b, i, counts[k]);
			radloc_result_free(&b);
		}
		radloc_hypothesis top;
		radloc_result_hypothesis(a, 0, &top);
		wide += top.upper > top.lower;
		radloc_result_free(&a);
		radloc_exam_free(&e);
	}
	ck_assert_int_gt(wide, 10);
	radloc_scorer_free(&one);
	for (int k = 0; k < 3; k++)
		radloc_scorer_free(&many[k]);
}
END_TEST

/* A scorer's threads changed between exams, a seed changed (the bank
 * drawn again), and draws too few to share (each thread takes at least
 * 100): still one thread's answer. */
START_TEST(changed_settings_keep_the_answer)
{
	radloc_scorer *one = scorer_with(1, 150);
	radloc_scorer *sc = scorer_with(4, 150);
	static const unsigned threads[] = {4, 2, 1, 3, 64};
	for (unsigned i = 0; i < 10; i++) {
		radloc_exam *e = test_generated_exam(i);
		radloc_result *a = NULL, *b = NULL;
		uint64_t seed = 1 + i % 3;
		ck_assert_int_eq(radloc_scorer_set_seed(one, seed), RADLOC_OK);
		ck_assert_int_eq(radloc_scorer_set_seed(sc, seed), RADLOC_OK);
		ck_assert_int_eq(radloc_scorer_set_threads(sc, threads[i % 5]), RADLOC_OK);
		ck_assert_int_eq(radloc_scorer_set_draws(one, i < 5 ? 150 : 400), RADLOC_OK);
		ck_assert_int_eq(radloc_scorer_set_draws(sc, i < 5 ? 150 : 400), RADLOC_OK);
		ck_assert_int_eq(radloc_score(one, e, &a), RADLOC_OK);
		ck_assert_int_eq(radloc_score(sc, e, &b), RADLOC_OK);
		assert_same(a, b, i, threads[i % 5]);
		radloc_result_free(&a);
		radloc_result_free(&b);
		radloc_exam_free(&e);
	}
	radloc_scorer_free(&one);
	radloc_scorer_free(&sc);
}
END_TEST

START_TEST(threads_out_of_range_are_refused)
{
	radloc_scorer *sc = scorer_with(2, 1000);
	ck_assert_int_eq(radloc_scorer_set_threads(NULL, 2), RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_scorer_set_threads(sc, 0), RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_scorer_set_threads(sc, 65), RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_scorer_set_threads(sc, 64), RADLOC_OK);
	ck_assert_int_eq(radloc_scorer_set_threads(sc, 1), RADLOC_OK);
	radloc_scorer_free(&sc);
}
END_TEST

Suite *suite_draw_threads(void)
{
	return make_suite("draw_threads", 120,
	                  TESTS(shared_draws_give_one_threads_answer,
	                        changed_settings_keep_the_answer,
	                        threads_out_of_range_are_refused));
}

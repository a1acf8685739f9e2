/* draw_classes.c: the draws' exact kernels (a myelopathy's cord classes,
 * a root lesion's share classes, a plexus element's and a cauda equina's
 * kernels) against the generic likelihood they replace. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intervals_impl.h"
#include "tests.h"

/* The exact kernels (a myelopathy's cord classes, a plexus element's and
 * a cauda equina's own kernels, a traits' mixture shared by live
 * components with the same trait kernels) give every interval bit for bit as the
 * generic rl_likelihood does, on generated exams; and those exams do
 * bring each of the three patterns into the draws. */
START_TEST(exact_kernels_match_the_likelihood)
{
	enum { EXAMS = 48 };
	radloc_scorer *fast = radloc_scorer_new(shipped_rules());
	radloc_scorer *slow = radloc_scorer_new(shipped_rules());
	int seen[RADLOC_PATTERN_COUNT] = {0};
	ck_assert_ptr_nonnull(fast);
	ck_assert_ptr_nonnull(slow);
	ck_assert_int_eq(radloc_scorer_set_draws(fast, 300), RADLOC_OK);
	ck_assert_int_eq(radloc_scorer_set_draws(slow, 300), RADLOC_OK);
	atomic_store(&rl_draw_shared_mixtures, 0);
	atomic_store(&rl_draw_shared_ratios, 0);
	for (unsigned i = 0; i < EXAMS; i++) {
		radloc_exam *e = test_generated_exam(i);
		radloc_result *a = NULL, *b = NULL;
		rl_draw_exact_kernels = 1;
		ck_assert_int_eq(radloc_score(fast, e, &a), RADLOC_OK);
		rl_draw_exact_kernels = 0;
		ck_assert_int_eq(radloc_score(slow, e, &b), RADLOC_OK);
		rl_draw_exact_kernels = 1;
		char what[64];
		snprintf(what, sizeof what, "exam %u, the exact kernels against rl_likelihood's", i);
		test_assert_same_figures(a, b, what);
		for (size_t h = 0; h < radloc_result_count(a); h++) {
			radloc_hypothesis x;
			radloc_result_hypothesis(a, h, &x);
			if (x.probability >= 0.01 && x.upper > x.lower)
				seen[x.pattern] = 1;
		}
		radloc_result_free(&a);
		radloc_result_free(&b);
		radloc_exam_free(&e);
	}
	ck_assert(seen[RADLOC_MYELOPATHY]);
	ck_assert(seen[RADLOC_PLEXOPATHY]);
	ck_assert(seen[RADLOC_CAUDA_EQUINA]);
	/* Some live components took another's traits' mixture (the
	 * myelopathy's levels reading the reflexes through one cord class),
	 * so the comparison above covers that too. */
	ck_assert_uint_gt(atomic_load(&rl_draw_shared_mixtures), 0);
	/* And some took another's whole product of ratios. */
	ck_assert_uint_gt(atomic_load(&rl_draw_shared_ratios), 0);
	radloc_scorer_free(&fast);
	radloc_scorer_free(&slow);
}
END_TEST

Suite *suite_draw_classes(void)
{
	return make_suite("draw_classes", 120, TESTS(exact_kernels_match_the_likelihood));
}

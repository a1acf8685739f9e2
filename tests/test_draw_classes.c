/* draw_classes.c: the draws' exact kernels (a myelopathy's cord classes,
 * a root lesion's share classes, a plexus element's and a cauda equina's
 * kernels) against the generic likelihood they replace. */
#include <stdlib.h>
#include <string.h>

#include "intervals_impl.h"
#include "tests.h"

/* A small reproducible generator (an LCG): the exams below are the same
 * in every run. */
static unsigned next_random(unsigned long long *state, unsigned n)
{
	*state = *state * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((*state >> 33) % n);
}

/* One finding of a kind at a random element of the shipped rules, on a
 * random side (midline where the element takes only that), abnormal more
 * often than not; an element already in the exam is skipped (the add
 * fails). */
static void add_random(radloc_exam *e, radloc_kind kind, unsigned long long *st)
{
	const radloc_rules *r = shipped_rules();
	const char *id = radloc_rules_id(r, kind, next_random(st, (unsigned)radloc_rules_count(r, kind)));
	radloc_side side = next_random(st, 2) ? RADLOC_LEFT : RADLOC_RIGHT;
	for (int attempt = 0; attempt < 2; attempt++, side = RADLOC_MIDLINE) {
		radloc_status s = RADLOC_ERR_VALUE;
		switch (kind) {
		case RADLOC_REGION:
			s = radloc_exam_add_sensory(e, id, side, (radloc_sensation)next_random(st, 3),
			                            RADLOC_MODALITY_UNSPECIFIED);
			break;
		case RADLOC_MOVEMENT:
			s = radloc_exam_add_motor(e, id, side, (int)next_random(st, 6));
			break;
		case RADLOC_REFLEX:
			s = radloc_exam_add_reflex(e, id, side, (int)next_random(st, 5));
			break;
		default:
			s = radloc_exam_add_sign(e, id, side, next_random(st, 2) ? RADLOC_SIGN_POSITIVE
			                                                         : RADLOC_SIGN_NEGATIVE);
			break;
		}
		if (s != RADLOC_ERR_VALUE)
			return;
	}
}

enum { EXAMS_LONG = 46 };

/* Exam i of the generated set: every other one with brisk leg reflexes
 * and a Babinski sign (upper motor neuron: the myelopathy's levels stay
 * live), the rest 6 to 20 findings anywhere. */
static radloc_exam *generated_exam(unsigned i)
{
	unsigned long long st = 0x5eed0000ull + i;
	radloc_exam *e = radloc_exam_new(shipped_rules());
	static const radloc_kind kinds[] = {RADLOC_REGION, RADLOC_MOVEMENT, RADLOC_REFLEX,
	                                    RADLOC_SIGN};
	if (i % 2 == 0) {
		radloc_exam_add_reflex(e, "patellar", RADLOC_BILATERAL, 3 + (int)next_random(&st, 2));
		radloc_exam_add_reflex(e, "ankle", RADLOC_BILATERAL, 3);
		radloc_exam_add_sign(e, "babinski", next_random(&st, 2) ? RADLOC_BILATERAL
		                                                        : RADLOC_LEFT,
		                     RADLOC_SIGN_POSITIVE);
	}
	unsigned n = 6 + next_random(&st, 15);
	for (unsigned k = 0; k < n; k++)
		add_random(e, kinds[next_random(&st, 4)], &st);
	/* The last two also past RATIO_BLOCK findings, the added ones
	 * normal sensation (the myelopathy stays live): products moved
	 * aside on the way. */
	for (unsigned k = 0; i >= EXAMS_LONG && k < 40; k++)
		radloc_exam_add_sensory(e, radloc_rules_id(shipped_rules(), RADLOC_REGION, k),
		                        k % 2 ? RADLOC_LEFT : RADLOC_RIGHT, RADLOC_SENSATION_NORMAL,
		                        RADLOC_MODALITY_UNSPECIFIED);
	return e;
}

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
		radloc_exam *e = generated_exam(i);
		radloc_result *a = NULL, *b = NULL;
		rl_draw_exact_kernels = 1;
		ck_assert_int_eq(radloc_score(fast, e, &a), RADLOC_OK);
		rl_draw_exact_kernels = 0;
		ck_assert_int_eq(radloc_score(slow, e, &b), RADLOC_OK);
		rl_draw_exact_kernels = 1;
		ck_assert_uint_eq(radloc_result_count(a), radloc_result_count(b));
		/* Every bound as a double, not as printed: a last bit moved is
		 * caught here before it ever moves a printed digit. */
		for (size_t h = 0; h < radloc_result_count(a); h++) {
			radloc_hypothesis x, y;
			radloc_result_hypothesis(a, h, &x);
			radloc_result_hypothesis(b, h, &y);
			ck_assert_str_eq(x.label, y.label);
			ck_assert_msg(x.lower == y.lower && x.upper == y.upper &&
			              x.probability == y.probability,
			              "exam %u, %s: [%.17g, %.17g] against rl_likelihood's [%.17g, %.17g]",
			              i, x.label, x.lower, x.upper, y.lower, y.upper);
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

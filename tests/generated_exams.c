/* Generated exams for the tests that compare two ways of scoring (the
 * draws' exact kernels against the likelihood, threads against one):
 * reproducible, and broad enough to bring every pattern into the draws;
 * and the comparison of their results. */
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

radloc_exam *test_generated_exam(unsigned i)
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
	for (unsigned k = 0; i >= TEST_EXAMS_LONG && k < 40; k++)
		radloc_exam_add_sensory(e, radloc_rules_id(shipped_rules(), RADLOC_REGION, k),
		                        k % 2 ? RADLOC_LEFT : RADLOC_RIGHT, RADLOC_SENSATION_NORMAL,
		                        RADLOC_MODALITY_UNSPECIFIED);
	return e;
}

void test_assert_same_figures(const radloc_result *a, const radloc_result *b,
                              const char *what)
{
	ck_assert_uint_eq(radloc_result_count(a), radloc_result_count(b));
	for (size_t h = 0; h < radloc_result_count(a); h++) {
		radloc_hypothesis x, y;
		radloc_result_hypothesis(a, h, &x);
		radloc_result_hypothesis(b, h, &y);
		ck_assert_str_eq(x.label, y.label);
		ck_assert_msg(x.probability == y.probability && x.lower == y.lower &&
		              x.upper == y.upper,
		              "%s, %s: %.17g [%.17g, %.17g] against %.17g [%.17g, %.17g]", what,
		              x.label, x.probability, x.lower, x.upper, y.probability, y.lower,
		              y.upper);
	}
}

/* next_test.c: the next best test, through the public API. */
#include <string.h>

#include "tests.h"

START_TEST(next_test_is_not_yet_examined)
{
	radloc_case *c = load_case("fixtures/cases/l5-minimal-left.yaml");
	const radloc_exam *exam = radloc_case_exam(c);
	radloc_result *res = score_exam(exam, 0);
	radloc_next_test t;
	radloc_finding f;
	radloc_hypothesis h0, h1;

	ck_assert_int_eq(radloc_result_next_test(res, &t), RADLOC_OK);
	ck_assert_double_gt(t.information_gain, 0.0);
	ck_assert(t.kind >= RADLOC_REGION && t.kind <= RADLOC_SIGN);
	for (size_t i = 0; i < radloc_exam_finding_count(exam); i++) {
		radloc_exam_finding(exam, i, &f);
		ck_assert_msg(!(f.kind == t.kind && f.pain == 0 && strcmp(f.id, t.id) == 0 &&
		                f.side == t.side), "next test '%s' was already examined", t.finding);
	}
	/* It separates two of the leading hypotheses. */
	radloc_result_hypothesis(res, 0, &h0);
	radloc_result_hypothesis(res, 1, &h1);
	ck_assert_ptr_nonnull(t.separates[0]);
	ck_assert_ptr_nonnull(t.separates[1]);
	ck_assert(strcmp(t.separates[0], h0.label) == 0 || strcmp(t.separates[1], h0.label) == 0 ||
	          strcmp(t.separates[0], h1.label) == 0 || strcmp(t.separates[1], h1.label) == 0);
	radloc_result_free(&res);
	radloc_case_free(&c);
}
END_TEST

/* A leg exam: the next test is on the leg that was examined, never one
 * already done, and it is worth something (gain in bits > 0). The same
 * exam scored twice names the same test. */
START_TEST(next_test_is_reproducible)
{
	radloc_case *c = load_case("fixtures/cases/l5-minimal-left.yaml");
	radloc_result *a = score_exam(radloc_case_exam(c), 0);
	radloc_result *b = score_exam(radloc_case_exam(c), 0);
	radloc_next_test ta, tb;
	ck_assert_int_eq(radloc_result_next_test(a, &ta), RADLOC_OK);
	ck_assert_int_eq(radloc_result_next_test(b, &tb), RADLOC_OK);
	ck_assert_str_eq(ta.finding, tb.finding);
	ck_assert_double_eq(ta.information_gain, tb.information_gain);
	ck_assert_int_eq(ta.side, RADLOC_LEFT);
	radloc_result_free(&a);
	radloc_result_free(&b);
	radloc_case_free(&c);
}
END_TEST

Suite *suite_next_test(void)
{
	return make_suite("next_test", 60,
	                  TESTS(next_test_is_not_yet_examined, next_test_is_reproducible));
}

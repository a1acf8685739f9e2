/* case.c: teaching cases, their expectations and verdicts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* A case around the classic L5 exam with another expectation. */
static radloc_case *l5_exam_expecting(const char *expect)
{
	static const char exam[] =
	    "id: l5-but\n"
	    "source: test\n"
	    "exam:\n"
	    "  sensory:\n"
	    "    - {region: dorsum_foot, side: left, status: reduced}\n"
	    "    - {region: lateral_leg, side: left, status: reduced}\n"
	    "  motor:\n"
	    "    - {movement: great_toe_extension, side: left, grade: 3}\n"
	    "    - {movement: hip_abduction, side: left, grade: 4}\n"
	    "    - {movement: ankle_plantarflexion, side: left, grade: 5}\n"
	    "  reflex:\n"
	    "    - {reflex: ankle, side: left, grade: 2}\n";
	char text[2048];
	radloc_case *c = NULL;
	snprintf(text, sizeof text, "%sexpect:\n%s", exam, expect);
	radloc_status s = radloc_case_parse(shipped_rules(), text, strlen(text), "case", NULL,
	                                    NULL, &c);
	ck_assert_msg(s == RADLOC_OK, "%s", radloc_strerror(s));
	return c;
}

static size_t rank_of(const radloc_result *res, const char *label)
{
	radloc_hypothesis h;
	for (size_t i = 0; i < radloc_result_count(res); i++)
		if (radloc_result_hypothesis(res, i, &h) == RADLOC_OK && strcmp(h.label, label) == 0)
			return i + 1;
	return 0;
}

START_TEST(met_expectation_passes)
{
	radloc_case *c = load_case("fixtures/cases/l5-classic-left.yaml");
	radloc_expectation e;
	radloc_verdict v;
	ck_assert_str_eq(radloc_case_id(c), "l5-classic-left");
	ck_assert_ptr_nonnull(strstr(radloc_case_source(c), "L5"));
	ck_assert_int_eq(radloc_case_expectation(c, &e), RADLOC_OK);
	ck_assert_str_eq(e.label, "L5 left");
	ck_assert_int_eq(e.pattern, RADLOC_RADICULOPATHY);
	ck_assert_uint_eq(e.within, 1);
	/* The case's id becomes its exam's. */
	ck_assert_str_eq(radloc_exam_id(radloc_case_exam(c)), "l5-classic-left");
	radloc_result *res = score_exam(radloc_case_exam(c), 0);
	ck_assert_int_eq(radloc_case_check(c, res, &v), RADLOC_OK);
	ck_assert(v.pass);
	ck_assert_uint_eq(v.rank, 1);
	ck_assert(v.pattern_matches);
	ck_assert_uint_eq(v.missing_flags, 0);
	radloc_result_free(&res);
	radloc_case_free(&c);
}
END_TEST

START_TEST(wrong_label_fails_with_its_rank)
{
	radloc_verdict v;
	radloc_case *c = l5_exam_expecting("  pattern: radiculopathy\n  roots: [S1]\n  side: left\n");
	radloc_result *res = score_exam(radloc_case_exam(c), 0);
	size_t rank = rank_of(res, "S1 left");
	ck_assert_uint_gt(rank, 1);
	ck_assert_int_eq(radloc_case_check(c, res, &v), RADLOC_OK);
	ck_assert(!v.pass);
	ck_assert_uint_eq(v.rank, rank);
	radloc_hypothesis h;
	radloc_result_hypothesis(res, rank - 1, &h);
	ck_assert_double_eq(v.probability, h.probability);
	radloc_result_free(&res);
	radloc_case_free(&c);
	/* The same answer passes when the teacher allows its rank. */
	char expect[128];
	snprintf(expect, sizeof expect,
	         "  pattern: radiculopathy\n  roots: [S1]\n  side: left\n  within: %zu\n", rank);
	c = l5_exam_expecting(expect);
	res = score_exam(radloc_case_exam(c), 0);
	ck_assert_int_eq(radloc_case_check(c, res, &v), RADLOC_OK);
	ck_assert(v.pass);
	radloc_result_free(&res);
	radloc_case_free(&c);
}
END_TEST

START_TEST(two_roots_are_labelled_cranial_first_and_flags_must_be_raised)
{
	radloc_expectation e;
	radloc_verdict v;
	radloc_case *c = l5_exam_expecting("  pattern: multiradiculopathy\n  roots: [L5, L4]\n"
	                                   "  side: left\n  within: 100\n"
	                                   "  flags: [cauda_equina_red_flag]\n");
	radloc_case_expectation(c, &e);
	ck_assert_str_eq(e.label, "L4+L5 left");
	ck_assert_uint_eq(e.flags, RADLOC_FLAG_CAUDA_EQUINA);
	radloc_result *res = score_exam(radloc_case_exam(c), 0);
	ck_assert_int_eq(radloc_case_check(c, res, &v), RADLOC_OK);
	/* Ranked well enough, but a one-sided L5 raises no cauda equina flag. */
	ck_assert_uint_ge(v.rank, 1);
	ck_assert_uint_eq(v.missing_flags, RADLOC_FLAG_CAUDA_EQUINA);
	ck_assert(!v.pass);
	radloc_result_free(&res);
	radloc_case_free(&c);
}
END_TEST

static void keep_last_diag(const radloc_diag *d, void *user)
{
	radloc_diag *last = user;
	*last = *d;
	last->file = NULL;
	last->message = NULL;
}

START_TEST(unknown_root_is_refused_where_it_is_written)
{
	radloc_case *c = NULL;
	radloc_diag last = {0};
	ck_assert_int_eq(radloc_case_parse_file(shipped_rules(),
	                                        src_path("fixtures/bad/cases/unknown-root.yaml"),
	                                        keep_last_diag, &last, &c), RADLOC_ERR_REFERENCE);
	ck_assert_ptr_null(c);
	/* "  roots: [L6]" is line 8; L6 starts in column 11. */
	ck_assert_uint_eq(last.line, 8);
	ck_assert_uint_eq(last.column, 11);
	ck_assert_int_eq(radloc_case_check(NULL, NULL, NULL), RADLOC_ERR_ARGUMENT);
	radloc_case_free(&c);
}
END_TEST

/* Roots on both sides and three roots (contract section 4): labelled as
 * the engine labels them, cranial first; one root alone on one side is a
 * radiculopathy, not a multiradiculopathy, and is refused. */
START_TEST(roots_on_both_sides_and_three_levels_are_expected)
{
	radloc_expectation e;
	radloc_case *c = l5_exam_expecting("  pattern: multiradiculopathy\n  roots: [L5]\n"
	                                   "  side: bilateral\n  within: 100\n");
	radloc_case_expectation(c, &e);
	ck_assert_str_eq(e.label, "L5 bilateral");
	radloc_result *res = score_exam(radloc_case_exam(c), 0);
	ck_assert_uint_gt(rank_of(res, e.label), 0);
	radloc_result_free(&res);
	radloc_case_free(&c);
	c = l5_exam_expecting("  pattern: multiradiculopathy\n  roots: [S1, L4, L5]\n"
	                      "  side: left\n  within: 100\n");
	radloc_case_expectation(c, &e);
	ck_assert_str_eq(e.label, "L4+L5+S1 left");
	radloc_case_free(&c);
	static const char bad[] = "id: x\nsource: test\nexam:\n  reflex:\n"
	    "    - {reflex: ankle, side: left, grade: 1}\n"
	    "expect:\n  pattern: multiradiculopathy\n  roots: [L5]\n  side: left\n";
	ck_assert_int_eq(radloc_case_parse(shipped_rules(), bad, strlen(bad), "case", NULL,
	                                   NULL, &c), RADLOC_ERR_SCHEMA);
	ck_assert_ptr_null(c);
}
END_TEST

Suite *suite_case(void)
{
	return make_suite("case", 60,
	                  TESTS(met_expectation_passes, wrong_label_fails_with_its_rank,
	                        two_roots_are_labelled_cranial_first_and_flags_must_be_raised,
	                        unknown_root_is_refused_where_it_is_written,
	                        roots_on_both_sides_and_three_levels_are_expected));
}

/* Entries of each kind, read through their field tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "tests.h"

START_TEST(entries_read_into_their_tables)
{
	radloc_rules *r = tiny_rules_with("A: {level: 1,", "A: {name: \"Root A\", level: 1,");
	ck_assert_str_eq(r->roots[0].e.name, "Root A");
	ck_assert_str_eq(r->roots[1].e.name, "B"); /* no name: the id */
	ck_assert_int_eq(r->roots[1].level, 2);
	ck_assert_double_eq_tol(r->roots[0].prior, 0.5, 1e-12); /* normalised */
	const rl_element *r1 = &r->elements[RADLOC_REGION - RADLOC_REGION][0];
	ck_assert_int_eq(r1->limb, RL_LEG);
	ck_assert_double_eq(r1->concentration, 10.0);
	ck_assert_uint_eq(r1->nerve_count, 1);
	ck_assert_double_eq(r->signs[0].pattern_sens[RADLOC_MYELOPATHY], 0.4);
	ck_assert_double_eq(r->signs[0].specificity, 0.9);
	radloc_rules_free(&r);
}
END_TEST

START_TEST(entry_problems_named)
{
	static const tiny_problem rows[] = {
		{"A: {level: 1,", "A: {level: 1.5,",
		 "5:14: level of root 'A' must be a whole number 1..1000, not '1.5'\n"},
		{"r2: {limb: leg, distal_rank: 0.5, roots: {A: 0.5, B: 0.5}",
		 "r2: {limb: leg, distal_rank: 0.5, roots: {A: 0.5, B: 0.4}",
		 "11:44: the root weights of region 'r2' sum to 0.9, not 1 (tolerance 0.001)\n"},
		{"myelopathy: 0.4}", "myelopaty: 0.4}",
		 "19:40: unknown root, nerve or pattern 'myelopaty' in sign 'g'; "
		 "did you mean 'myelopathy'?\n"},
		{"n: {prior: 1.0,", "n: {prior: 1.0, branches: [m],",
		 "8:30: unknown nerve 'm' in the branches of nerve 'n'; did you mean 'n'?\n"},
	};
	CHECK_TINY_PROBLEMS(rows);
}
END_TEST

Suite *suite_rules_entries(void)
{
	return make_suite("rules_entries", 0,
	                  TESTS(entries_read_into_their_tables, entry_problems_named));
}

/* The model's parameters: findings, patterns, examination, severity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "tests.h"

START_TEST(parameters_read)
{
	const radloc_rules *r = tiny_rules();
	ck_assert_double_eq(r->findings[RL_SENSORY].sensitivity, 0.8);
	ck_assert_int_eq(r->findings[RL_MOTOR].levels, 5);
	ck_assert_double_eq(r->findings[RL_REFLEX].brisk_lesion[1], 0.5);
	/* One-level kinds need no table: all their loss is "present". */
	ck_assert_double_eq(r->findings[RL_PAIN].lesion_full[0], 1.0);
	ck_assert_double_eq(r->findings[RL_PAIN].lesion_partial[0], 1.0);
	ck_assert_double_eq(r->patterns.prior[RADLOC_RADICULOPATHY], 0.5);
	ck_assert_double_eq(r->patterns.poly_sens[RL_REFLEX], 0.5);
	ck_assert_double_eq(r->patterns.poly_gradient, 0.1);
	ck_assert_uint_eq(r->patterns.extent_count, 1);
	ck_assert_str_eq(r->patterns.extents[0].name, "only");
	ck_assert_double_eq(r->patterns.cauda_roots[0], 1.0);
	ck_assert_double_eq(r->patterns.myelo_sens[RL_REFLEX], 0.7);
	ck_assert_str_eq(r->patterns.source[RADLOC_NORMAL], "test");
	ck_assert_double_eq(r->selection.in_territory, 0.8);
	ck_assert_double_eq(r->selection.same_limb, 0.6);
	ck_assert_double_eq(r->selection.other_side, 0.5);
	ck_assert_double_eq(r->selection.elsewhere, 0.2);
	ck_assert_double_eq(r->selection.cervical, 0.5);
	ck_assert_str_eq(r->examination_source, "test");
	/* No severity section: one scale of 1. */
	ck_assert_uint_eq(r->patterns.severity_count, 1);
}
END_TEST

START_TEST(parameter_problems_named)
{
	/* `other` needs every kind's broad rate and a brisk share in [0, 1]. */
	ck_assert_ptr_nonnull(strstr(tiny_rules_problem(
		"  normal: {prior: 0.1, source: \"test\"}",
		"  normal: {prior: 0.05, source: \"test\"}\n"
		"  other: {prior: 0.05, abnormal: {sensory: 0.5, motor: 0.5, reflex: 0.5, pain: 0.5},"
		" brisk: 0.5, source: \"test\"}"), "sign"));
	ck_assert_ptr_nonnull(strstr(tiny_rules_problem(
		"  normal: {prior: 0.1, source: \"test\"}",
		"  normal: {prior: 0.05, source: \"test\"}\n"
		"  other: {prior: 0.05, abnormal: {sensory: 0.5, motor: 0.5, reflex: 0.5, pain: 0.5,"
		" sign: 0.5}, brisk: 1.5, source: \"test\"}"), "other brisk"));
	static const tiny_problem rows[] = {
		{"  pain:\n", "  pian:\n", "49:3: unknown finding kind 'pian'; did you mean 'pain'?\n"},
		{"lesion: {\"1\": 0.5, \"0\": 0.5}", "lesion: {\"1\": 0.5, \"0\": 0.4}",
		 "42:15: severity of findings 'reflex' (lesion) sums to 0.9, not 1 "
		 "(tolerance 0.001)\n"},
		{"  normal: {", "  nromal: {", "69:3: unknown pattern 'nromal'; did you mean 'normal'?\n"},
		{"  in_territory: 0.8\n", "", "70:1: examination has no 'in_territory'\n"},
		/* A chance of 0 or 1 would make some exam impossible under every
		 * hypothesis. */
		{"elsewhere: 0.2", "elsewhere: 0",
		 "74:14: elsewhere must be between 0 and 1 (exclusive), not 0\n"},
		{"in_territory: 0.8", "in_territory: 1.5", "71:17: in_territory is 1.5, outside [0, 1]\n"},
		{"extents: {only: 0.5}", "extents: {only: 2}",
		 "65:21: threshold of extent 'only' is 2, outside [0, 1]\n"},
	};
	CHECK_TINY_PROBLEMS(rows);
}
END_TEST

Suite *suite_rules_parameters(void)
{
	return make_suite("rules_parameters", 0,
	                  TESTS(parameters_read, parameter_problems_named));
}

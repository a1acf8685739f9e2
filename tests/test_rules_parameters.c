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
	ck_assert_double_eq(r->unexamined_limb, 0.5);
	ck_assert_str_eq(r->examination_source, "test");
	/* No severity section: one scale of 1. */
	ck_assert_uint_eq(r->patterns.severity_count, 1);
}
END_TEST

START_TEST(parameter_problems_named)
{
	ck_assert_str_eq(tiny_rules_problem("  pain:\n", "  pian:\n"),
	                 "49:3: unknown finding kind 'pian'; did you mean 'pain'?\n");
	ck_assert_str_eq(tiny_rules_problem("lesion: {\"1\": 0.5, \"0\": 0.5}", "lesion: {\"1\": 0.5, \"0\": 0.4}"),
	                 "42:15: severity of findings 'reflex' (lesion) sums to 0.9, not 1 "
	                 "(tolerance 0.001)\n");
	ck_assert_str_eq(tiny_rules_problem("  normal: {", "  nromal: {"),
	                 "69:3: unknown pattern 'nromal'; did you mean 'normal'?\n");
	ck_assert_str_eq(tiny_rules_problem("  unexamined_limb: 0.5\n", ""),
	                 "70:1: examination has no 'unexamined_limb'\n");
	ck_assert_str_eq(tiny_rules_problem("extents: {only: 0.5}", "extents: {only: 2}"),
	                 "65:21: threshold of extent 'only' is 2, outside [0, 1]\n");
}
END_TEST

Suite *suite_rules_parameters(void)
{
	Suite *s = suite_create("rules_parameters");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, parameters_read);
	tcase_add_test(tc, parameter_problems_named);
	suite_add_tcase(s, tc);
	return s;
}

/* rules_mnd.c: the entry `patterns: motor_neuron_disease` as loaded, and
 * its problems named. */
#include <string.h>

#include "rules_impl.h"
#include "tests.h"

#define MND_ENTRY(sens, extra) \
	"  normal: {prior: 0.05, source: \"test\"}\n" \
	"  motor_neuron_disease: {prior: 0.05, sensitivity: " sens ", " extra \
	" source: \"test\"}"
#define NORMAL "  normal: {prior: 0.1, source: \"test\"}"
#define MOVE "m1"
#define SENS "{sensory: 0.05, motor: 0.3, reflex: 0.1, pain: 0.0}"

START_TEST(mnd_read)
{
	radloc_rules *r = tiny_rules_with(NORMAL, MND_ENTRY(SENS,
	                                  "brisk: 0.5, share: 0.8, one_limb: 0.4,"));
	ck_assert(r->patterns.present[RADLOC_MOTOR_NEURON_DISEASE]);
	ck_assert_double_eq(r->patterns.prior[RADLOC_MOTOR_NEURON_DISEASE], 0.05);
	ck_assert_double_eq(r->patterns.mnd_sens[RL_MOTOR], 0.3);
	ck_assert_double_eq(r->patterns.mnd_sens[RL_SENSORY], 0.05);
	ck_assert_double_eq(r->patterns.mnd_brisk, 0.5);
	ck_assert_double_eq(r->patterns.mnd_share, 0.8);
	ck_assert_double_eq(r->patterns.mnd_one_limb, 0.4);
	ck_assert_str_eq(r->patterns.source[RADLOC_MOTOR_NEURON_DISEASE], "test");
	radloc_rules_free(&r);
}
END_TEST

START_TEST(mnd_movements_read)
{
	/* Optional: absent above (mnd_read's rules have none). */
	radloc_rules *r = tiny_rules_with(NORMAL, MND_ENTRY(SENS,
	                                  "brisk: 0.5, share: 0.8, one_limb: 0.4,"));
	ck_assert_uint_eq(r->patterns.mnd_movement_count, 0);
	radloc_rules_free(&r);
	r = tiny_rules_with(NORMAL, MND_ENTRY(SENS, "brisk: 0.5, share: 0.8, one_limb: 0.4,"
	                                      " movements: {" MOVE ": 0.45},"));
	ck_assert_uint_eq(r->patterns.mnd_movement_count, 1);
	ck_assert_int_eq(r->patterns.mnd_movements[0].index,
	                 (int)rl_rules_index(r, RADLOC_MOVEMENT, MOVE));
	ck_assert_double_eq(r->patterns.mnd_movements[0].weight, 0.45);
	radloc_rules_free(&r);
	/* An unknown movement and a value above 1 are named. */
	ck_assert_ptr_nonnull(strstr(tiny_rules_problem(NORMAL, MND_ENTRY(SENS,
		"brisk: 0.5, share: 0.8, one_limb: 0.4, movements: {no_such_move: 0.4},")),
		"no_such_move"));
	ck_assert_ptr_nonnull(strstr(tiny_rules_problem(NORMAL, MND_ENTRY(SENS,
		"brisk: 0.5, share: 0.8, one_limb: 0.4, movements: {" MOVE ": 1.4},")),
		"weight of " MOVE));
}
END_TEST

START_TEST(mnd_optional)
{
	/* A rule set written before it has no such hypothesis. */
	const radloc_rules *r = tiny_rules();
	ck_assert(!r->patterns.present[RADLOC_MOTOR_NEURON_DISEASE]);
	for (size_t h = 0; h < r->hyp_count; h++)
		ck_assert_int_ne(r->hyps[h].pattern, RADLOC_MOTOR_NEURON_DISEASE);
}
END_TEST

START_TEST(mnd_problems_named)
{
	/* Every kind's sensitivity is required: a kind left out would read 0
	 * without the rules saying so. */
	ck_assert_ptr_nonnull(strstr(tiny_rules_problem(NORMAL, MND_ENTRY(
		"{sensory: 0.05, motor: 0.3, reflex: 0.1}",
		"brisk: 0.5, share: 0.8, one_limb: 0.4,")), "no 'pain'"));
	ck_assert_ptr_nonnull(strstr(tiny_rules_problem(NORMAL, MND_ENTRY(SENS,
		"brisk: 1.5, share: 0.8, one_limb: 0.4,")), "brisk"));
	ck_assert_ptr_nonnull(strstr(tiny_rules_problem(NORMAL, MND_ENTRY(SENS,
		"brisk: 0.5, one_limb: 0.4,")), "no 'share'"));
	ck_assert_ptr_nonnull(strstr(tiny_rules_problem(NORMAL, MND_ENTRY(SENS,
		"brisk: 0.5, share: 0.8,")), "no 'one_limb'"));
}
END_TEST

Suite *suite_rules_mnd(void)
{
	Suite *s = suite_create("rules_mnd");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, mnd_read);
	tcase_add_test(tc, mnd_movements_read);
	tcase_add_test(tc, mnd_optional);
	tcase_add_test(tc, mnd_problems_named);
	suite_add_tcase(s, tc);
	return s;
}

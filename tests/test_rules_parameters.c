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
	ck_assert_double_eq(r->findings[RL_PAIN].lesion[0], 1.0);
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
	ck_assert_str_eq(tiny_rules_problem("  pain:\n", "  pian:\n"),
	                 "49:3: unknown finding kind 'pian'; did you mean 'pain'?\n");
	ck_assert_str_eq(tiny_rules_problem("lesion: {\"1\": 0.5, \"0\": 0.5}", "lesion: {\"1\": 0.5, \"0\": 0.4}"),
	                 "42:15: severity of findings 'reflex' (lesion) sums to 0.9, not 1 "
	                 "(tolerance 0.001)\n");
	ck_assert_str_eq(tiny_rules_problem("  normal: {", "  nromal: {"),
	                 "69:3: unknown pattern 'nromal'; did you mean 'normal'?\n");
	ck_assert_str_eq(tiny_rules_problem("  in_territory: 0.8\n", ""),
	                 "70:1: examination has no 'in_territory'\n");
	/* A chance of 0 or 1 would make some exam impossible under every
	 * hypothesis. */
	ck_assert_str_eq(tiny_rules_problem("elsewhere: 0.2", "elsewhere: 0"),
	                 "74:14: elsewhere must be between 0 and 1 (exclusive), not 0\n");
	ck_assert_str_eq(tiny_rules_problem("in_territory: 0.8", "in_territory: 1.5"),
	                 "71:17: in_territory is 1.5, outside [0, 1]\n");
	ck_assert_str_eq(tiny_rules_problem("extents: {only: 0.5}", "extents: {only: 2}"),
	                 "65:21: threshold of extent 'only' is 2, outside [0, 1]\n");
}
END_TEST

/* findings: sensory: modalities: one row per modality, each field read
 * through its table and named in messages with its modality. */
START_TEST(modalities_read_and_checked)
{
	const radloc_rules *r = shipped_rules();
	const rl_modality *pin = &r->modalities[RADLOC_MODALITY_PIN_PRICK];
	ck_assert_int_eq(pin->present, 1);
	ck_assert_double_gt(pin->overlap_sharpness, 1.0);
	ck_assert_ptr_nonnull(pin->source);
	ck_assert_int_eq(r->modalities[RADLOC_MODALITY_UNSPECIFIED].present, 0);
	/* tiny.yaml has none: every modality scored as the kind. */
	ck_assert_int_eq(tiny_rules()->modalities[RADLOC_MODALITY_VIBRATION].present, 0);
	static const char *const from =
		"      background: {reduced: 1.0, absent: 0.0, increased: 0.0}\n";
	ck_assert_str_eq(tiny_rules_problem(from,
		"      background: {reduced: 1.0, absent: 0.0, increased: 0.0}\n"
		"    modalities:\n"
		"      pin_prik: {sensitivity_scale: 1, overlap_sharpness: 1.5,\n"
		"        polyneuropathy_sensitivity: 0.7, myelopathy_sensitivity: 0.1, source: \"t\"}\n"),
		"29:7: unknown modality 'pin_prik'; did you mean 'pin_prick'?\n");
	ck_assert_str_eq(tiny_rules_problem(from,
		"      background: {reduced: 1.0, absent: 0.0, increased: 0.0}\n"
		"    modalities:\n"
		"      vibration: {sensitivity_scale: 1, overlap_sharpness: 0,\n"
		"        polyneuropathy_sensitivity: 1.7, source: \"t\"}\n"),
		"29:7: modality 'vibration' has no 'myelopathy_sensitivity'\n"
		"29:60: overlap_sharpness of modality 'vibration' is 0, outside [0.1, 4]\n"
		"30:37: polyneuropathy_sensitivity of modality 'vibration' is 1.7, outside [0, 1]\n");
}
END_TEST

Suite *suite_rules_parameters(void)
{
	return make_suite("rules_parameters", 0,
	                  TESTS(parameters_read, parameter_problems_named, modalities_read_and_checked));
}

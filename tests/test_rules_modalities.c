/* rules_modalities.c: the sensory kind's modality rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "tests.h"

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

Suite *suite_rules_modalities(void)
{
	return make_suite("rules_modalities", 0, TESTS(modalities_read_and_checked));
}

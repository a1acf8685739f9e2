/* modality.c: what a sensory modality changes, on the tiny rules with a
 * pin-prick row (sharpness 2, scale 1, polyneuropathy 0.6, myelopathy 0.2)
 * and a vibration row (scale 0.5, polyneuropathy 0.9, myelopathy 0.3). */
#include "model.h"
#include "tests.h"

static rl_finding sensory(radloc_modality modality)
{
	rl_finding f = {0};
	f.fkind = RL_SENSORY;
	f.table = RADLOC_REGION;
	f.modality = (int)modality;
	return f;
}

/* A row for the modality, or the kind's own terms (no row, no modality,
 * not a sensory finding). */
START_TEST(rows_and_fallbacks)
{
	radloc_rules *r = load_tiny_text(tiny_text_with_modalities());
	rl_finding pin = sensory(RADLOC_MODALITY_PIN_PRICK);
	rl_finding vib = sensory(RADLOC_MODALITY_VIBRATION);
	rl_finding touch = sensory(RADLOC_MODALITY_LIGHT_TOUCH);
	rl_finding unstated = sensory(RADLOC_MODALITY_UNSPECIFIED);
	rl_finding motor = vib;
	motor.fkind = RL_MOTOR;
	ck_assert_ptr_nonnull(rl_modality_of(r, &pin));
	ck_assert_ptr_null(rl_modality_of(r, &touch));
	ck_assert_ptr_null(rl_modality_of(r, &unstated));
	ck_assert_ptr_null(rl_modality_of(r, &motor));
	ck_assert_double_eq(rl_modality_scale(r, &vib), 0.5);
	ck_assert_double_eq(rl_modality_scale(r, &touch), 1.0);
	ck_assert_double_eq(rl_pattern_sensitivity(r, &vib, RADLOC_POLYNEUROPATHY), 0.9);
	ck_assert_double_eq(rl_pattern_sensitivity(r, &pin, RADLOC_MYELOPATHY), 0.2);
	ck_assert_double_eq(rl_pattern_sensitivity(r, &touch, RADLOC_POLYNEUROPATHY),
	                    r->patterns.poly_sens[RL_SENSORY]);
	radloc_rules_free(&r);
}
END_TEST

/* Sharpening keeps the map's total: r2 is A 0.75, B 0.25; squared and
 * renormalised 0.9 and 0.1. Touch (no row) leaves it as written. */
START_TEST(sharpening_keeps_the_total)
{
	radloc_rules *r = load_tiny_text(tiny_text_with_modalities());
	double w[8];
	rl_finding f;
	rl_fwork fw;
	long r2 = radloc_rules_find(r, RADLOC_REGION, "r2");
	ck_assert_int_ge(r2, 0);
	rl_probe_finding(r, RADLOC_REGION, (int)r2, RADLOC_LEFT, 0, &f, &fw, w);
	f.modality = RADLOC_MODALITY_PIN_PRICK;
	rl_mean_weights(r, &fw);
	ck_assert_double_eq_tol(w[0], 0.9, 1e-12);
	ck_assert_double_eq_tol(w[1], 0.1, 1e-12);
	f.modality = RADLOC_MODALITY_LIGHT_TOUCH;
	rl_mean_weights(r, &fw);
	ck_assert_double_eq_tol(w[0], 0.75, 1e-12);
	ck_assert_double_eq_tol(w[1], 0.25, 1e-12);
	radloc_rules_free(&r);
}
END_TEST

Suite *suite_modality(void)
{
	return make_suite("modality", 0, TESTS(rows_and_fallbacks, sharpening_keeps_the_total));
}

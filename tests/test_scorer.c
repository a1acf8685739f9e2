/* scorer.c: settings, the components of the hypotheses, the touch table. */
#include <math.h>

#include "radloc_limits.h"
#include "scorer_impl.h"
#include "tests.h"

START_TEST(settings_are_checked)
{
	radloc_scorer *sc = radloc_scorer_new(tiny_rules());
	ck_assert_ptr_null(radloc_scorer_new(NULL));
	ck_assert_ptr_nonnull(sc);
	ck_assert_int_eq(radloc_scorer_set_draws(sc, RADLOC_MAX_DRAWS + 1), RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_scorer_set_draws(sc, 10), RADLOC_OK);
	ck_assert_uint_eq(sc->draws, 10);
	ck_assert_int_eq(radloc_scorer_set_interval(sc, 0.0), RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_scorer_set_interval(sc, 1.0), RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_scorer_set_interval(sc, 0.5), RADLOC_OK);
	ck_assert_double_eq(sc->mass, 0.5);
	ck_assert_int_eq(radloc_scorer_set_seed(NULL, 1), RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_scorer_set_top(NULL, 1), RADLOC_ERR_ARGUMENT);
	radloc_scorer_free(&sc);
	ck_assert_ptr_null(sc);
	radloc_scorer_free(&sc); /* twice is harmless */
}
END_TEST

/* Each hypothesis's components share its prior: severities and a
 * polyneuropathy's extents are equally likely a priori, a cauda equina's
 * extents go by their weights; only those two have extents. */
START_TEST(components_split_each_prior)
{
	const radloc_rules *r = shipped_rules();
	radloc_scorer *sc = radloc_scorer_new(r);
	const rl_components *c = &sc->comps;
	ck_assert_uint_gt(c->count, r->hyp_count);
	for (size_t h = 0; h < r->hyp_count; h++) {
		double prior = 0.0;
		size_t parts = 0;
		for (size_t i = 0; i < c->count; i++)
			if (c->hyp[i] == (int)h) {
				prior += exp(c->log_prior[i]);
				parts++;
				ck_assert_int_eq(c->extent[i] >= 0,
				                 r->hyps[h].pattern == RADLOC_POLYNEUROPATHY ||
				                 r->hyps[h].pattern == RADLOC_CAUDA_EQUINA);
			}
		ck_assert_uint_ge(parts, 1);
		if (r->hyps[h].pattern == RADLOC_CAUDA_EQUINA)
			ck_assert_uint_eq(parts, r->patterns.cauda_extent_count *
			                         r->patterns.severity_count);
		ck_assert_double_eq_tol(prior, r->hyps[h].prior, 1e-12 * (1.0 + r->hyps[h].prior));
	}
	radloc_scorer_free(&sc);
}
END_TEST

/* The touch list of a finding is exactly the components rl_touches
 * accepts, made once. */
START_TEST(touch_lists_are_the_components_that_touch)
{
	const radloc_rules *r = shipped_rules();
	radloc_scorer *sc = radloc_scorer_new(r);
	double w[512];
	ck_assert_uint_le(r->root_count + rl_sign_width(r), 512);
	for (int table = RADLOC_REGION; table <= RADLOC_SIGN; table++)
		for (int pain = 0; pain < 2; pain++) {
			rl_finding f;
			rl_fwork fw;
			if (pain && table != RADLOC_REGION)
				continue;
			rl_probe_finding(r, (radloc_kind)table, 0, RADLOC_LEFT, pain, &f, &fw, w);
			const int *list, *again;
			size_t len, len2, at = 0;
			ck_assert_int_eq(rl_scorer_touches(sc, &f, &list, &len), RADLOC_OK);
			for (size_t c = 0; c < sc->comps.count; c++) {
				int touches = rl_touches(r, &fw, &sc->comps, c);
				ck_assert_int_eq(at < len && list[at] == (int)c, touches);
				at += (size_t)touches;
			}
			ck_assert_uint_eq(at, len);
			ck_assert_int_eq(rl_scorer_touches(sc, &f, &again, &len2), RADLOC_OK);
			ck_assert_ptr_eq(again, list);
			ck_assert_uint_eq(len2, len);
		}
	radloc_scorer_free(&sc);
}
END_TEST

Suite *suite_scorer(void)
{
	return make_suite("scorer", 0,
	                  TESTS(settings_are_checked, components_split_each_prior,
	                        touch_lists_are_the_components_that_touch));
}

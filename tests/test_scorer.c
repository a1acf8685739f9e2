/* scorer.c: settings, the components of the hypotheses, the touch table. */
#include <math.h>
#include <string.h>

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

/* The tables a scorer keeps across exams hold exactly what the model
 * computes on the spot (the answers stay byte-identical), are made once,
 * and each hypothesis's components lie in its range. */
START_TEST(kept_tables_are_the_model)
{
	const radloc_rules *r = shipped_rules();
	radloc_scorer *sc = radloc_scorer_new(r);
	double w[512];
	rl_params p;
	rl_mean_params(r, &p);
	for (size_t h = 0; h < r->hyp_count; h++)
		for (size_t c = sc->comps.first[h]; c < sc->comps.first[h + 1]; c++)
			ck_assert_int_eq(sc->comps.hyp[c], (int)h);
	ck_assert_uint_eq(sc->comps.first[r->hyp_count], sc->comps.count);
	size_t with_traits = 0;
	for (int table = RADLOC_REGION; table <= RADLOC_SIGN; table++) {
		rl_finding f;
		rl_fwork fw;
		rl_probe_finding(r, (radloc_kind)table, 0, RADLOC_LEFT, 0, &f, &fw, w);
		const int *list;
		size_t len;
		ck_assert_int_eq(rl_scorer_touches(sc, &f, &list, &len), RADLOC_OK);
		ck_assert_uint_gt(len, 0);
		unsigned mask = rl_trait_mask(r, &f, fw.el);
		with_traits += mask != 0;
		for (int o = 0; o < rl_outcome_count(f.fkind); o++) {
			const double *ll, *people, *again, *people2;
			ck_assert_int_eq(rl_scorer_logliks(sc, &fw, o, &ll, &people), RADLOC_OK);
			ck_assert_int_eq(people != NULL, mask != 0);
			for (size_t i = 0; i < len; i++) {
				double out[RL_TRAIT_PEOPLE];
				size_t c = (size_t)list[i];
				ck_assert(ll[i] == log(rl_likelihood(r, &p, &fw, &sc->comps, c, o)));
				if (mask == 0)
					continue;
				rl_likelihood_traits(r, &p, &fw, &sc->comps, c, o, mask, out);
				for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
					ck_assert(people[i * RL_TRAIT_PEOPLE + (size_t)t] == log(out[t]));
			}
			ck_assert_int_eq(rl_scorer_logliks(sc, &fw, o, &again, &people2), RADLOC_OK);
			ck_assert_ptr_eq(again, ll);
		}
		for (size_t c = 0; c < sc->comps.count; c++) {
			double direct[RL_MAX_OUTCOMES];
			const double *kept;
			rl_outcome_probs(r, &p, &fw, &sc->comps, c, direct);
			ck_assert_int_eq(rl_scorer_probe_probs(sc, &fw, c, &kept), RADLOC_OK);
			for (int o = 0; o < rl_outcome_count(f.fkind); o++)
				ck_assert(kept[o] == direct[o]);
		}
	}
	ck_assert_uint_gt(with_traits, 0); /* the reflexes: brisk people */
	radloc_scorer_free(&sc);
}
END_TEST

/* A scoring call's buffer is kept between exams: a smaller or equal
 * request gets the same memory back (nothing allocated), a larger one new
 * memory, and `zero` zeroes the bytes asked for; slots do not share. */
START_TEST(scratch_is_kept_between_calls)
{
	radloc_scorer *sc = radloc_scorer_new(tiny_rules());
	unsigned char *a = rl_scorer_scratch(sc, RL_SCRATCH_BG, 100, 0);
	ck_assert_ptr_nonnull(a);
	memset(a, 0xAB, 100);
	unsigned char *b = rl_scorer_scratch(sc, RL_SCRATCH_BG, 60, 0);
	ck_assert_ptr_eq(a, b);
	ck_assert_uint_eq(b[59], 0xAB); /* kept as it was */
	b = rl_scorer_scratch(sc, RL_SCRATCH_BG, 80, 1);
	ck_assert_ptr_eq(a, b);
	for (size_t i = 0; i < 80; i++)
		ck_assert_uint_eq(b[i], 0);
	unsigned char *other = rl_scorer_scratch(sc, RL_SCRATCH_SUM, 100, 0);
	ck_assert_ptr_ne(other, a);
	unsigned char *big = rl_scorer_scratch(sc, RL_SCRATCH_BG, 100000, 1);
	ck_assert_ptr_nonnull(big);
	ck_assert_uint_eq(big[99999], 0);
	ck_assert_uint_ge(sc->scratch[RL_SCRATCH_BG].size, 100000);
	/* The end of a call gives back what is over 1 MiB, keeps the rest. */
	ck_assert_ptr_nonnull(rl_scorer_scratch(sc, RL_SCRATCH_LOGLIK, 2u << 20, 0));
	rl_scorer_scratch_trim(sc);
	ck_assert_ptr_null(sc->scratch[RL_SCRATCH_LOGLIK].p);
	ck_assert_uint_eq(sc->scratch[RL_SCRATCH_LOGLIK].size, 0);
	ck_assert_ptr_eq(sc->scratch[RL_SCRATCH_BG].p, big);
	radloc_scorer_free(&sc);
}
END_TEST

/* The probe pool keeps each distinct vector once: two components whose
 * outcome probabilities are the same bytes get the same kept vector, a
 * vector handed out is never moved by later ones, and every kept vector
 * is what the model computes (the pool holds far fewer vectors than
 * probes times components). */
START_TEST(probe_pool_keeps_each_vector_once)
{
	const radloc_rules *r = shipped_rules();
	radloc_scorer *sc = radloc_scorer_new(r);
	double w[512], first_copy[RL_MAX_OUTCOMES];
	const double *first = NULL;
	size_t probes = 0, shared = 0;
	rl_params p;
	rl_mean_params(r, &p);
	for (int table = RADLOC_REGION; table <= RADLOC_SIGN; table++) {
		size_t count = table == RADLOC_SIGN ? r->sign_count
		                                    : r->element_count[table - RADLOC_REGION];
		/* The first and last of each kind, on every side (all of them
		 * take too long under the sanitizers). */
		for (size_t e = 0; e < count; e += count > 1 ? count - 1 : 1)
			for (int side = RADLOC_MIDLINE; side <= RADLOC_RIGHT; side++) {
				rl_finding f;
				rl_fwork fw;
				rl_probe_finding(r, (radloc_kind)table, (int)e, (radloc_side)side, 0, &f,
				                 &fw, w);
				const double *prev = NULL;
				double prev_direct[RL_MAX_OUTCOMES] = {0};
				probes++;
				for (size_t c = 0; c < sc->comps.count; c++) {
					double direct[RL_MAX_OUTCOMES] = {0};
					const double *kept;
					rl_outcome_probs(r, &p, &fw, &sc->comps, c, direct);
					ck_assert_int_eq(rl_scorer_probe_probs(sc, &fw, c, &kept), RADLOC_OK);
					ck_assert_mem_eq(kept, direct, sizeof direct);
					if (first == NULL) {
						first = kept;
						memcpy(first_copy, kept, sizeof first_copy);
					}
					if (prev && memcmp(prev_direct, direct, sizeof direct) == 0) {
						ck_assert_ptr_eq(kept, prev);
						shared++;
					}
					prev = kept;
					memcpy(prev_direct, direct, sizeof direct);
				}
			}
	}
	ck_assert_uint_gt(shared, 0);
	ck_assert_uint_lt(sc->probe_pool.count * 10, probes * sc->comps.count);
	ck_assert_mem_eq(first, first_copy, sizeof first_copy);
	radloc_scorer_free(&sc);
}
END_TEST

/* The selection rows are kept per class of hypotheses alike in what the
 * selection term reads: every hypothesis's term, read through its
 * components' class, is rl_selection_log's own, bit for bit, for sets of
 * places across the range; and the classes are fewer than the
 * hypotheses. */
START_TEST(selection_classes_give_each_hypothesis_its_term)
{
	const radloc_rules *r = shipped_rules();
	radloc_scorer *sc = radloc_scorer_new(r);
	ck_assert_uint_lt(sc->selection_classes * 4, r->hyp_count);
	for (unsigned places = 1; places <= RL_PLACE_ALL; places += 97) {
		const double *row, *again;
		ck_assert_int_eq(rl_scorer_selection(sc, places, &row), RADLOC_OK);
		for (size_t h = 0; h < r->hyp_count; h++) {
			double direct = rl_selection_log(r, &r->hyps[h], places);
			for (size_t c = sc->comps.first[h]; c < sc->comps.first[h + 1]; c++)
				ck_assert_mem_eq(&row[sc->selection_class[c]], &direct, sizeof direct);
		}
		ck_assert_int_eq(rl_scorer_selection(sc, places, &again), RADLOC_OK);
		ck_assert_ptr_eq(again, row);
	}
	radloc_scorer_free(&sc);
}
END_TEST

Suite *suite_scorer(void)
{
	return make_suite("scorer", 0,
	                  TESTS(settings_are_checked, components_split_each_prior,
	                        touch_lists_are_the_components_that_touch,
	                        kept_tables_are_the_model, scratch_is_kept_between_calls,
	                        probe_pool_keeps_each_vector_once,
	                        selection_classes_give_each_hypothesis_its_term));
}

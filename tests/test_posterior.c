/* posterior.c: the point estimate of a small exam under the tiny rules. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scorer_impl.h"
#include "tests.h"

typedef struct fixture {
	radloc_scorer *sc;
	radloc_exam *exam;
	rl_scoring s;
} fixture;

static radloc_status open_fixture(fixture *x, int nt_only)
{
	const radloc_rules *r = tiny_rules();
	x->sc = radloc_scorer_new(r);
	x->exam = radloc_exam_new(r);
	if (nt_only) {
		ck_assert_int_eq(radloc_exam_add_motor(x->exam, "m1", RADLOC_LEFT, RADLOC_NT),
		                 RADLOC_OK);
	} else {
		ck_assert_int_eq(radloc_exam_add_sensory(x->exam, "r1", RADLOC_LEFT,
		                 RADLOC_SENSATION_REDUCED, 0), RADLOC_OK);
		ck_assert_int_eq(radloc_exam_add_motor(x->exam, "m1", RADLOC_LEFT, 5), RADLOC_OK);
		ck_assert_int_eq(radloc_exam_add_sign(x->exam, "g", RADLOC_LEFT,
		                 RADLOC_SIGN_POSITIVE), RADLOC_OK);
		ck_assert_int_eq(radloc_exam_add_reflex(x->exam, "x1", RADLOC_RIGHT, RADLOC_NT),
		                 RADLOC_OK);
	}
	memset(&x->s, 0, sizeof x->s);
	x->s.r = r;
	x->s.exam = x->exam;
	x->s.comps = &x->sc->comps;
	return rl_posterior(&x->s, x->sc);
}

static void close_fixture(fixture *x)
{
	rl_scoring_free(&x->s);
	radloc_exam_free(&x->exam);
	radloc_scorer_free(&x->sc);
}

/* Components, hypotheses and patterns: three views of one distribution. */
START_TEST(posterior_sums_to_one)
{
	fixture x;
	ck_assert_int_eq(open_fixture(&x, 0), RADLOC_OK);
	const rl_scoring *s = &x.s;
	double comps = 0.0, hyps = 0.0, patterns = 0.0;
	for (size_t c = 0; c < s->comps->count; c++)
		comps += s->comp_post[c];
	for (size_t h = 0; h < s->r->hyp_count; h++) {
		ck_assert(s->hyp_post[h] >= 0.0);
		hyps += s->hyp_post[h];
	}
	for (int p = 0; p < RADLOC_PATTERN_COUNT; p++)
		patterns += s->pattern_post[p];
	ck_assert_double_eq_tol(comps, 1.0, 1e-12);
	ck_assert_double_eq_tol(hyps, 1.0, 1e-12);
	ck_assert_double_eq_tol(patterns, 1.0, 1e-12);
	/* Reduced sensation at r1 left, root A on the left: a left lesion
	 * beats the same on the right. */
	size_t left = s->r->hyp_count, right = s->r->hyp_count;
	for (size_t h = 0; h < s->r->hyp_count; h++)
		if (strcmp(s->r->hyps[h].label, "A left") == 0)
			left = h;
		else if (strcmp(s->r->hyps[h].label, "A right") == 0)
			right = h;
	ck_assert_uint_lt(left, s->r->hyp_count);
	ck_assert_uint_lt(right, s->r->hyp_count);
	ck_assert(s->hyp_post[left] > 10.0 * s->hyp_post[right]);
	close_fixture(&x);
}
END_TEST

/* NT findings are left out and counted once; a component that cannot
 * move a finding gets its background likelihood. */
START_TEST(findings_and_backgrounds)
{
	fixture x;
	ck_assert_int_eq(open_fixture(&x, 0), RADLOC_OK);
	const rl_scoring *s = &x.s;
	ck_assert_uint_eq(s->nf, 3);
	ck_assert_uint_eq(s->nt_count, 1);
	for (size_t f = 0; f < s->nf; f++) {
		double background = log(rl_background(s->r, &s->fw[f], s->outcome[f]));
		size_t at = 0;
		for (size_t c = 0; c < s->comps->count; c++) {
			if (at < s->touch_count[f] && s->touch[f][at] == (int)c) {
				at++;
				continue;
			}
			ck_assert_double_eq(s->loglik[c * s->nf + f], background);
		}
		ck_assert_uint_gt(s->touch_count[f], 0);
	}
	close_fixture(&x);
}
END_TEST

START_TEST(nothing_usable_is_empty)
{
	fixture x;
	ck_assert_int_eq(open_fixture(&x, 1), RADLOC_ERR_EMPTY);
	close_fixture(&x);
}
END_TEST

/* The point estimate of a random exam, as radloc_score starts it. */
static void point_estimate(const radloc_rules *r, radloc_scorer *sc, radloc_exam *exam,
                           rl_scoring *s)
{
	memset(s, 0, sizeof *s);
	s->r = r;
	s->exam = exam;
	s->comps = &sc->comps;
	ck_assert_int_eq(rl_posterior(s, sc), RADLOC_OK);
}

/* The row sums of the log likelihoods are added in the findings' order
 * from 0.0 (as gsl_blas_dgemv against ones did before, bit for bit), and
 * the components that no finding moves share one sum: on many random
 * exams each component's log posterior is its prior, its selection term
 * and its row added plainly, to the last bit. */
START_TEST(row_sums_are_plain_sums)
{
	const radloc_rules *r = shipped_rules();
	radloc_scorer *sc = radloc_scorer_new(r);
	for (unsigned long seed = 1; seed <= 40; seed++) {
		radloc_exam *exam = random_exam(r, seed);
		rl_scoring s;
		point_estimate(r, sc, exam, &s);
		for (size_t c = 0; c < s.comps->count; c++) {
			double sum = 0.0;
			for (size_t f = 0; f < s.nf; f++)
				sum += s.loglik[c * s.nf + f];
			double want = s.comps->log_prior[c] + s.log_factor[c] + sum;
			ck_assert_msg(memcmp(&want, &s.comp_logpost[c], sizeof want) == 0,
			              "exam %lu component %zu: %.17g against %.17g", seed, c,
			              s.comp_logpost[c], want);
		}
		rl_scoring_free(&s);
		radloc_exam_free(&exam);
	}
	radloc_scorer_free(&sc);
}
END_TEST

/* Each component's posterior is exp(log posterior - log Z), as the
 * plain loop computes it, bit for bit, though a component whose log
 * posterior is its predecessor's takes the predecessor's value; and the
 * hypotheses' sums add them in the components' order. The random exams
 * have such runs (checked), so the shortcut is exercised. */
START_TEST(component_posteriors_are_plain_exps)
{
	const radloc_rules *r = shipped_rules();
	radloc_scorer *sc = radloc_scorer_new(r);
	size_t repeats = 0;
	double *hyp = calloc(r->hyp_count, sizeof *hyp);
	ck_assert_ptr_nonnull(hyp);
	for (unsigned long seed = 1; seed <= 40; seed++) {
		radloc_exam *exam = random_exam(r, seed);
		rl_scoring s;
		point_estimate(r, sc, exam, &s);
		memset(hyp, 0, r->hyp_count * sizeof *hyp);
		for (size_t c = 0; c < s.comps->count; c++) {
			double d = s.comp_logpost[c] - s.log_z;
			double want = d < -700.0 ? 0.0 : exp(d);
			ck_assert_msg(memcmp(&want, &s.comp_post[c], sizeof want) == 0,
			              "exam %lu component %zu: %.17g against %.17g", seed, c,
			              s.comp_post[c], want);
			repeats += c > 0 && s.comp_logpost[c] == s.comp_logpost[c - 1];
			hyp[s.comps->hyp[c]] += want;
		}
		ck_assert(memcmp(hyp, s.hyp_post, r->hyp_count * sizeof *hyp) == 0);
		rl_scoring_free(&s);
		radloc_exam_free(&exam);
	}
	ck_assert_uint_gt(repeats, 1000);
	free(hyp);
	radloc_scorer_free(&sc);
}
END_TEST

Suite *suite_posterior(void)
{
	return make_suite("posterior", 0,
	                  TESTS(posterior_sums_to_one, findings_and_backgrounds,
	                        nothing_usable_is_empty, row_sums_are_plain_sums,
	                        component_posteriors_are_plain_exps));
}

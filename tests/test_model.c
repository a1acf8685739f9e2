/* The likelihood model on the hand-sized rule set, each expected number
 * worked out by hand from fixtures/rules/tiny/tiny.yaml and the equations
 * of docs/scoring.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "tests.h"

/* The component of a hypothesis label in the tiny set (polyneuropathy has
 * one extent, so components and hypotheses line up but for the order). */
static size_t comp_of(const radloc_rules *r, const rl_components *c,
                      const char *label)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(r->hyps[c->hyp[i]].label, label) == 0)
			return i;
	ck_abort_msg("no hypothesis %s", label);
	return 0;
}

typedef struct fixture {
	rl_components comps;
	int hyp[16], extent[16];
	double scale[16], log_prior[16];
	rl_finding f;
	rl_fwork fw;
	double w[32];
	rl_params p;
} fixture;

static void setup(const radloc_rules *r, fixture *x, radloc_kind table,
                  const char *id, int fkind, radloc_side side)
{
	memset(x, 0, sizeof *x);
	size_t n = 0;
	for (size_t h = 0; h < r->hyp_count; h++) {
		x->hyp[n] = (int)h;
		x->extent[n] = r->hyps[h].pattern == RADLOC_POLYNEUROPATHY ? 0 : -1;
		x->scale[n] = 1.0;
		n++;
	}
	x->comps = (rl_components){n, x->hyp, x->extent, x->scale, x->log_prior};
	x->f.fkind = fkind;
	x->f.table = table;
	x->f.element = (int)radloc_rules_find(r, table, id);
	x->f.side = side;
	x->fw.f = &x->f;
	if (table == RADLOC_SIGN) {
		x->fw.sg = &r->signs[x->f.element];
		x->fw.ssens = x->w;
	} else {
		x->fw.el = &r->elements[table - RADLOC_REGION][x->f.element];
		x->fw.w = x->w;
	}
	rl_mean_weights(r, &x->fw);
	rl_mean_params(r, &x->p);
}

static double L(const radloc_rules *r, fixture *x, const char *label, int outcome)
{
	return rl_likelihood(r, &x->p, &x->fw, &x->comps, comp_of(r, &x->comps, label),
	                     outcome);
}

START_TEST(sensory_noisy_or_and_severity)
{
	const radloc_rules *r = tiny_rules();
	fixture x;
	setup(r, &x, RADLOC_REGION, "r1", 0 /* sensory */, RADLOC_LEFT);
	/* reduced (outcome 1): q*lesion + (1-q)*b*bg, s = 0.8, b = 0.1 */
	ck_assert_double_eq_tol(L(r, &x, "A left", 1), 0.8 * 0.5 + 0.2 * 0.1 * 1.0, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "B left", 1), 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "A right", 1), 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "n left", 1), 0.42, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "cauda_equina", 1), 0.42, 1e-12);
	/* polyneuropathy: q = 0.6 * logistic((0.5 - 0.5) / 0.1) = 0.3 */
	ck_assert_double_eq_tol(L(r, &x, "polyneuropathy", 1), 0.3 * 0.5 + 0.7 * 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "myelopathy", 1), 0.2 * 0.5 + 0.8 * 0.1, 1e-12);
	/* absent: background never grades it absent here, the lesion half the time */
	ck_assert_double_eq_tol(L(r, &x, "A left", 2), 0.8 * 0.5, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "normal", 2), 1e-300, 1e-310);
	/* normal (outcome 0): (1 - Q) with Q = q + (1 - q) b */
	ck_assert_double_eq_tol(L(r, &x, "A left", 0), 1.0 - (0.8 + 0.2 * 0.1), 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "normal", 0), 0.9, 1e-12);
}
END_TEST

START_TEST(two_roots_combine_by_noisy_or)
{
	const radloc_rules *r = tiny_rules();
	fixture x;
	setup(r, &x, RADLOC_REGION, "r2", 0, RADLOC_LEFT);
	/* r2 = {A: .5, B: .5}: q(A+B) = 1 - (1 - .4)(1 - .4) = 0.64 */
	double q = 1.0 - 0.6 * 0.6;
	ck_assert_double_eq_tol(L(r, &x, "A+B left", 1), q * 0.5 + (1 - q) * 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "A left", 1), 0.4 * 0.5 + 0.6 * 0.1, 1e-12);
}
END_TEST

START_TEST(midline_reached_by_half)
{
	const radloc_rules *r = tiny_rules();
	fixture x;
	setup(r, &x, RADLOC_REGION, "mid", 0, RADLOC_MIDLINE);
	/* One-sided B reaches the midline with midline_unilateral = 0.5. */
	double q = 0.8 * 1.0 * 0.5;
	ck_assert_double_eq_tol(L(r, &x, "B left", 1), q * 0.5 + (1 - q) * 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "B right", 1), q * 0.5 + (1 - q) * 0.1, 1e-12);
	/* Polyneuropathy does not reach the midline. */
	ck_assert_double_eq_tol(L(r, &x, "polyneuropathy", 1), 0.1, 1e-12);
}
END_TEST

START_TEST(brisk_reflex_speaks_for_myelopathy)
{
	const radloc_rules *r = tiny_rules();
	fixture x;
	setup(r, &x, RADLOC_REFLEX, "x1", 2 /* reflex */, RADLOC_LEFT);
	/* brisk "3" (outcome 3): (1 - QL) [qE*0.5 + (1 - qE) bE*1.0] */
	ck_assert_double_eq_tol(L(r, &x, "myelopathy", 3), 0.9 * (0.7 * 0.5 + 0.3 * 0.1), 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "normal", 3), 0.9 * 0.1, 1e-12);
	/* A root lowers the chance of a brisk reflex (it makes loss likelier). */
	double qA = 0.6 * 0.5, QL = qA + (1 - qA) * 0.1;
	ck_assert_double_eq_tol(L(r, &x, "A left", 3), (1 - QL) * 0.1, 1e-12);
	/* and makes a reduced one likelier */
	ck_assert_double_eq_tol(L(r, &x, "A left", 1), qA * 0.5 + (1 - qA) * 0.1, 1e-12);
	/* Probabilities over all five outcomes sum to 1 under every hypothesis. */
	for (size_t c = 0; c < x.comps.count; c++) {
		double sum = 0.0;
		for (int o = 0; o < 5; o++)
			sum += rl_likelihood(r, &x.p, &x.fw, &x.comps, c, o);
		ck_assert_double_eq_tol(sum, 1.0, 1e-12);
	}
}
END_TEST

START_TEST(sign_sensitivity_and_specificity)
{
	const radloc_rules *r = tiny_rules();
	fixture x;
	setup(r, &x, RADLOC_SIGN, "g", 4 /* sign */, RADLOC_LEFT);
	/* positive: 1 - spec * (1 - sens) */
	ck_assert_double_eq_tol(L(r, &x, "A left", 1), 1 - 0.9 * 0.5, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "A right", 1), 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "myelopathy", 1), 1 - 0.9 * 0.6, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "normal", 0), 0.9, 1e-12);
}
END_TEST

START_TEST(logsumexp_is_stable)
{
	double x[3] = {-1000.0, -1000.0, -2000.0}, out;
	ck_assert_int_eq(rl_logsumexp(x, 3, &out), 0);
	ck_assert_double_eq_tol(out, -1000.0 + 0.6931471805599453, 1e-9);
	double y[2] = {-INFINITY, -INFINITY};
	ck_assert_int_ne(rl_logsumexp(y, 2, &out), 0);
}
END_TEST

/* tiny.yaml with one change, loaded (freed by the caller). */
static radloc_rules *tiny_with(const char *from, const char *to)
{
	char *text = tiny_rules_text_with(from, to);
	message_sink sink;
	radloc_rules *r = NULL;
	ck_assert_int_eq(load_rules_text(text, &sink, &r), RADLOC_OK);
	free(text);
	return r;
}

START_TEST(examiner_error_reverses_the_call)
{
	/* motor: eps 0.1, of which 0.2 gross (0.02 over 6 outcomes), 0.08
	 * reversed. m1 = {B: 1.0}; b = 0.05, graded 4. */
	radloc_rules *r = tiny_with("background: 0.05",
	                            "background: 0.05\n    examiner_error: 0.1\n"
	                            "    gross_error: 0.2");
	fixture x;
	setup(r, &x, RADLOC_MOVEMENT, "m1", 1 /* motor */, RADLOC_LEFT);
	double g = 0.02 / 6.0;
	/* normal: right 0.9 * 0.95, reversed from the abnormal 0.05 */
	ck_assert_double_eq_tol(L(r, &x, "normal", 0), 0.9 * 0.95 + 0.08 * 0.05 + g, 1e-12);
	/* MRC 4, the mildest grade: a normal finding recorded as weak */
	ck_assert_double_eq_tol(L(r, &x, "normal", 1), 0.9 * 0.05 + 0.08 * 0.95 + g, 1e-12);
	/* MRC 0: only a gross error makes it with no lesion, never zero */
	ck_assert_double_eq_tol(L(r, &x, "normal", 5), g, 1e-12);
	/* B left: q = 0.6; true normal 0.4 * 0.95 */
	double pn = 0.4 * 0.95;
	ck_assert_double_eq_tol(L(r, &x, "B left", 0), 0.9 * pn + 0.08 * (1 - pn) + g, 1e-12);
	for (size_t c = 0; c < x.comps.count; c++) {
		double sum = 0.0;
		for (int o = 0; o < 6; o++)
			sum += rl_likelihood(r, &x.p, &x.fw, &x.comps, c, o);
		ck_assert_double_eq_tol(sum, 1.0, 1e-12);
	}
	radloc_rules_free(&r);
}
END_TEST

START_TEST(grade_follows_the_share_taken)
{
	/* sensory absent: full 0.8, partial 0.1, mixed by phi (exponent 1) */
	radloc_rules *r = tiny_with("lesion: {reduced: 0.5, absent: 0.5, increased: 0.0}",
	                            "lesion_full: {reduced: 0.2, absent: 0.8, increased: 0.0}\n"
	                            "      lesion_partial: {reduced: 0.9, absent: 0.1, increased: 0.0}");
	fixture x;
	setup(r, &x, RADLOC_REGION, "r2", 0, RADLOC_LEFT);
	/* r2 = {A: .5, B: .5}: A takes half (phi 0.5, q 0.4), A+B 0.75 (q 0.64) */
	ck_assert_double_eq_tol(L(r, &x, "A left", 2), 0.4 * (0.5 * 0.8 + 0.5 * 0.1), 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "A+B left", 2), 0.64 * (0.75 * 0.8 + 0.25 * 0.1),
	                        1e-12);
	/* r1 = {A: 1}, wholly the nerve n's: both take it all */
	setup(r, &x, RADLOC_REGION, "r1", 0, RADLOC_LEFT);
	ck_assert_double_eq_tol(L(r, &x, "n left", 2), 0.8 * 0.8, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "A left", 2), 0.8 * 0.8, 1e-12);
	/* the kernel the draws use agrees: A + q (S + phi^k T) */
	setup(r, &x, RADLOC_REGION, "r2", 0, RADLOC_LEFT);
	double slope[2];
	ck_assert_int_eq(rl_outcome_slopes(r, &x.fw, 1, slope), 0);
	double a = rl_background(r, &x.fw, 1);
	double q = 0.4, phi = 0.5;
	ck_assert_double_eq_tol(a * (1.0 + q * (slope[0] + phi * slope[1])),
	                        L(r, &x, "A left", 1), 1e-12);
	radloc_rules_free(&r);
}
END_TEST

START_TEST(element_background_is_its_own)
{
	radloc_rules *r = tiny_with("mid: {limb: midline, distal_rank: 0.0, roots: {B: 1.0},",
	                            "mid: {limb: midline, distal_rank: 0.0, roots: {B: 1.0}, "
	                            "background: 0.01, background_severity: "
	                            "{reduced: 0.5, absent: 0.5, increased: 0.0},");
	fixture x;
	setup(r, &x, RADLOC_REGION, "mid", 0, RADLOC_MIDLINE);
	ck_assert_double_eq_tol(L(r, &x, "normal", 2), 0.005, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "normal", 0), 0.99, 1e-12);
	/* the other regions keep their kind's (0.1, never absent) */
	setup(r, &x, RADLOC_REGION, "r1", 0, RADLOC_LEFT);
	ck_assert_double_eq_tol(L(r, &x, "normal", 1), 0.1, 1e-12);
	radloc_rules_free(&r);
}
END_TEST

/* The rank of label in the scored exam at relative (shipped rules). */
static size_t rank_of(const char *relative, const char *label, char *leader, size_t n)
{
	radloc_exam *e = NULL;
	ck_assert_int_eq(radloc_exam_parse_file(shipped_rules(), src_path(relative), NULL,
	                                        NULL, &e), RADLOC_OK);
	radloc_result *res = score_exam(e, 0);
	radloc_hypothesis h;
	size_t rank = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		ck_assert_int_eq(radloc_result_hypothesis(res, i, &h), RADLOC_OK);
		if (i == 0)
			snprintf(leader, n, "%s", h.label);
		if (strcmp(h.label, label) == 0 && rank == 0)
			rank = i + 1;
	}
	radloc_result_free(&res);
	radloc_exam_free(&e);
	return rank;
}

START_TEST(dense_deficits_do_not_lose_to_normal)
{
	static const char *const exams[] = {
		"fixtures/exams/dense/hip-adduction-mrc3-left.yaml",
		"fixtures/exams/dense/hip-flexion-mrc3-left.yaml",
		"fixtures/exams/dense/sacral-cauda-equina.yaml",
	};
	char leader[64];
	for (size_t i = 0; i < 3; i++) {
		rank_of(exams[i], "normal", leader, sizeof leader);
		ck_assert_msg(strcmp(leader, "normal") != 0, "%s: normal leads", exams[i]);
	}
	ck_assert_uint_eq(rank_of(exams[2], "cauda_equina", leader, sizeof leader), 1);
}
END_TEST

START_TEST(radial_palsy_beats_c7)
{
	char leader[64];
	const char *exam = "fixtures/exams/dense/radial-palsy-right.yaml";
	size_t radial = rank_of(exam, "radial right", leader, sizeof leader);
	size_t c7 = rank_of(exam, "C7 right", leader, sizeof leader);
	ck_assert_uint_eq(radial, 1);
	ck_assert_uint_gt(c7, radial);
}
END_TEST

Suite *suite_model(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("by hand");
	tcase_add_test(tc, sensory_noisy_or_and_severity);
	tcase_add_test(tc, two_roots_combine_by_noisy_or);
	tcase_add_test(tc, midline_reached_by_half);
	tcase_add_test(tc, brisk_reflex_speaks_for_myelopathy);
	tcase_add_test(tc, sign_sensitivity_and_specificity);
	tcase_add_test(tc, logsumexp_is_stable);
	tcase_add_test(tc, examiner_error_reverses_the_call);
	tcase_add_test(tc, grade_follows_the_share_taken);
	tcase_add_test(tc, element_background_is_its_own);
	suite_add_tcase(s, tc);
	TCase *shipped = tcase_create("shipped rules (issue #12)");
	tcase_add_test(shipped, dense_deficits_do_not_lose_to_normal);
	tcase_add_test(shipped, radial_palsy_beats_c7);
	suite_add_tcase(s, shipped);
	return s;
}

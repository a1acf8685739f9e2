/* The likelihood model on the hand-sized rule set, each expected number
 * worked out by hand from fixtures/rules/tiny/tiny.yaml and the equations
 * of docs/scoring.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "tests.h"

/* Enough components for every hypothesis of the shipped rules. */
#define RADLOC_MAX_HYPOTHESES_TEST 512

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

/* A finding of kind fkind at an element and side, in a modality, bound to
 * fw with its root weights in w (root_count doubles) at their means. */
static void mean_finding(const radloc_rules *r, rl_finding *f, rl_fwork *fw, double *w,
                         int fkind, radloc_kind table, int element, radloc_side side,
                         int modality)
{
	memset(f, 0, sizeof *f);
	f->fkind = fkind;
	f->table = table;
	f->element = element;
	f->side = side;
	f->modality = modality;
	rl_fwork_bind(r, fw, f, w);
	rl_mean_weights(r, fw);
}

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
	x->comps = (rl_components){n, x->hyp, x->extent, x->scale, x->log_prior, NULL, NULL, NULL};
	mean_finding(r, &x->f, &x->fw, x->w, fkind, table, (int)radloc_rules_find(r, table, id),
	             side, RADLOC_MODALITY_UNSPECIFIED);
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

/* The tiny set with `other` (normal's prior 0.1 split 0.05 / 0.05). */
static radloc_rules *tiny_with_other(void)
{
	return tiny_rules_with(
		"  normal: {prior: 0.1, source: \"test\"}",
		"  normal: {prior: 0.05, source: \"test\"}\n"
		"  other:\n"
		"    prior: 0.05\n"
		"    abnormal: {sensory: 0.5, motor: 0.4, reflex: 0.6, pain: 0.0, sign: 0.2}\n"
		"    brisk: 0.5\n"
		"    source: \"test\"");
}

START_TEST(other_is_broad_and_owes_nothing_to_anatomy)
{
	radloc_rules *r = tiny_with_other();
	fixture x;
	/* sensory r1, b = 0.1 graded all "reduced": qL = a = 0.5, the lesion
	 * part spread evenly over the three levels. */
	setup(r, &x, RADLOC_REGION, "r1", 0, RADLOC_LEFT);
	ck_assert_double_eq_tol(L(r, &x, "other", 1), 0.5 / 3 + 0.5 * 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "other", 2), 0.5 / 3, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "other", 0), 1.0 - (0.5 + 0.5 * 0.1), 1e-12);
	/* The same on the other side and at the midline: no anatomy. */
	setup(r, &x, RADLOC_REGION, "r1", 0, RADLOC_RIGHT);
	ck_assert_double_eq_tol(L(r, &x, "other", 2), 0.5 / 3, 1e-12);
	/* A reflex: qL = qE = 0.6 * 0.5, the brisk grades evenly; all five
	 * outcomes sum to 1. */
	setup(r, &x, RADLOC_REFLEX, "x1", 2, RADLOC_LEFT);
	double q = 0.3, QL = q + (1 - q) * 0.1;
	ck_assert_double_eq_tol(L(r, &x, "other", 4),
	                        (1 - QL) * (q * 0.5 + (1 - q) * 0.1 * 0.0), 1e-12);
	double sum = 0.0;
	for (int o = 0; o < 5; o++)
		sum += L(r, &x, "other", o);
	ck_assert_double_eq_tol(sum, 1.0, 1e-12);
	/* A sign: its background, and the broad rate on top. */
	setup(r, &x, RADLOC_SIGN, "g", 4, RADLOC_LEFT);
	ck_assert_double_eq_tol(L(r, &x, "other", 1), 1 - 0.9 * (1 - 0.2), 1e-12);
	/* It moves every finding (the scorer must not skip it). */
	size_t c = comp_of(r, &x.comps, "other");
	ck_assert(rl_touches(r, &x.fw, &x.comps, c));
	radloc_rules_free(&r);
}
END_TEST

/* tiny.yaml with r2 supplied 3:1 and two modalities (tests.h). */
static radloc_rules *tiny_with_modalities(void)
{
	return load_tiny_text(tiny_text_with_modalities());
}

/* Pin prick follows the main root more sharply: with gamma 2, r2's 3:1
 * map becomes 0.9:0.1 (0.75^2 = 0.5625, 0.25^2 = 0.0625, sum 0.625). */
START_TEST(pin_prick_map_is_sharper)
{
	radloc_rules *r = tiny_with_modalities();
	fixture x;
	setup(r, &x, RADLOC_REGION, "r2", 0 /* sensory */, RADLOC_LEFT);
	/* Unstated: q = 0.8 * 0.75 under A, 0.8 * 0.25 under B. */
	double a = L(r, &x, "A left", 1), b = L(r, &x, "B left", 1);
	ck_assert_double_eq_tol(a, 0.6 * 0.5 + 0.4 * 0.1, 1e-12);
	ck_assert_double_eq_tol(b, 0.2 * 0.5 + 0.8 * 0.1, 1e-12);
	x.f.modality = RADLOC_MODALITY_PIN_PRICK;
	rl_mean_weights(r, &x.fw);
	ck_assert_double_eq_tol(x.w[0], 0.9, 1e-12);
	ck_assert_double_eq_tol(x.w[1], 0.1, 1e-12);
	double pa = L(r, &x, "A left", 1), pb = L(r, &x, "B left", 1);
	ck_assert_double_eq_tol(pa, 0.72 * 0.5 + 0.28 * 0.1, 1e-12);
	ck_assert_double_eq_tol(pb, 0.08 * 0.5 + 0.92 * 0.1, 1e-12);
	/* The main root against its neighbour: a larger ratio for pin. */
	ck_assert_double_gt(pa / pb, a / b);
	/* Light touch has no row here: scored as the kind, as unstated. */
	x.f.modality = RADLOC_MODALITY_LIGHT_TOUCH;
	rl_mean_weights(r, &x.fw);
	ck_assert_double_eq_tol(L(r, &x, "A left", 1), a, 1e-15);
	radloc_rules_free(&r);
}
END_TEST

/* Vibration: a focal lesion at half the sensitivity (0.8 * 0.5), and its
 * own polyneuropathy (0.9 at the logistic's midpoint: 0.45) and
 * myelopathy (0.3) sensitivities. */
START_TEST(vibration_sensitivities_are_its_own)
{
	radloc_rules *r = tiny_with_modalities();
	fixture x;
	setup(r, &x, RADLOC_REGION, "r1", 0 /* sensory */, RADLOC_LEFT);
	x.f.modality = RADLOC_MODALITY_VIBRATION;
	rl_mean_weights(r, &x.fw);
	ck_assert_double_eq_tol(L(r, &x, "A left", 1), 0.4 * 0.5 + 0.6 * 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "n left", 1), 0.4 * 0.5 + 0.6 * 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "polyneuropathy", 1), 0.45 * 0.5 + 0.55 * 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "myelopathy", 1), 0.3 * 0.5 + 0.7 * 0.1, 1e-12);
	ck_assert_double_eq_tol(L(r, &x, "normal", 1), 0.1, 1e-12);
	radloc_rules_free(&r);
}
END_TEST

/* With the shipped rules: the likelihood ratio of a reduced dorsum of the
 * foot for L5 (its main root) against L4 (a neighbour) is larger for pin
 * prick than for light touch. */
START_TEST(shipped_pin_prick_sharper_than_touch)
{
	const radloc_rules *r = shipped_rules();
	double ratio[2];
	const int modality[2] = {RADLOC_MODALITY_LIGHT_TOUCH, RADLOC_MODALITY_PIN_PRICK};
	for (int i = 0; i < 2; i++) {
		rl_components comps;
		int hyp[RADLOC_MAX_HYPOTHESES_TEST], extent[RADLOC_MAX_HYPOTHESES_TEST];
		double scale[RADLOC_MAX_HYPOTHESES_TEST], log_prior[RADLOC_MAX_HYPOTHESES_TEST];
		size_t n = 0;
		for (size_t h = 0; h < r->hyp_count && n < RADLOC_MAX_HYPOTHESES_TEST; h++, n++) {
			hyp[n] = (int)h;
			extent[n] = r->hyps[h].pattern == RADLOC_POLYNEUROPATHY ? 0 : -1;
			scale[n] = 1.0;
			log_prior[n] = 0.0;
		}
		comps = (rl_components){n, hyp, extent, scale, log_prior, NULL, NULL, NULL};
		rl_finding f;
		rl_fwork fw;
		double w[64];
		mean_finding(r, &f, &fw, w, RL_SENSORY, RADLOC_REGION,
		             (int)radloc_rules_find(r, RADLOC_REGION, "dorsum_foot"), RADLOC_LEFT,
		             modality[i]);
		rl_params p;
		rl_mean_params(r, &p);
		ratio[i] = rl_likelihood(r, &p, &fw, &comps, comp_of(r, &comps, "L5 left"), 1) /
		           rl_likelihood(r, &p, &fw, &comps, comp_of(r, &comps, "L4 left"), 1);
	}
	ck_assert_double_gt(ratio[0], 1.0);
	ck_assert_double_gt(ratio[1], ratio[0]);
}
END_TEST

/* Toe vibration reduced on both sides speaks for polyneuropathy more than
 * toe light touch reduced on both sides: vibration is the commoner sign
 * of it (Abraham et al. 2017) and seldom lost from one root. */
static double polyneuropathy_after(const radloc_rules *r, radloc_modality modality)
{
	radloc_exam *e = radloc_exam_new(r);
	ck_assert_int_eq(radloc_exam_add_sensory(e, "great_toe", RADLOC_BILATERAL,
	                 RADLOC_SENSATION_REDUCED, modality), RADLOC_OK);
	radloc_scorer *sc = radloc_scorer_new(r);
	radloc_result *res = NULL;
	ck_assert_ptr_nonnull(sc);
	ck_assert_int_eq(radloc_scorer_set_draws(sc, 0), RADLOC_OK);
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	double p = -1.0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h;
		radloc_result_hypothesis(res, i, &h);
		if (strcmp(h.label, "polyneuropathy") == 0)
			p = h.probability;
	}
	radloc_result_free(&res);
	radloc_scorer_free(&sc);
	radloc_exam_free(&e);
	ck_assert_double_ge(p, 0.0);
	return p;
}

/* The shipped rules without age-related distal loss (distal_prevalence
 * 0): every person is one without it, so the modality's own
 * polyneuropathy sensitivity decides. */
static radloc_rules *rules_without_age_trait(void)
{
	radloc_rules *r = NULL;
	ck_assert_int_eq(radloc_rules_load(src_path("rules"), NULL, NULL, &r), RADLOC_OK);
	ck_assert(r->traits.present);
	r->traits.distal_prevalence = 0.0;
	return r;
}

START_TEST(toe_vibration_favours_polyneuropathy_over_toe_touch)
{
	radloc_rules *r = rules_without_age_trait();
	double touch = polyneuropathy_after(r, RADLOC_MODALITY_LIGHT_TOUCH);
	double vibration = polyneuropathy_after(r, RADLOC_MODALITY_VIBRATION);
	ck_assert_double_gt(vibration, touch);
	radloc_rules_free(&r);
}
END_TEST

/* Vibration sense at the toes fades with age (evidence.md section 5:
 * its specificity for polyneuropathy is the lower one), so with the age
 * trait the same bilateral toe vibration loss is partly explained by an
 * older person's feet and is weaker evidence for polyneuropathy; toe
 * light touch, which the trait does not affect, is unchanged. */
START_TEST(age_trait_weakens_toe_vibration_loss)
{
	radloc_rules *r = rules_without_age_trait();
	double without = polyneuropathy_after(r, RADLOC_MODALITY_VIBRATION);
	double touch_without = polyneuropathy_after(r, RADLOC_MODALITY_LIGHT_TOUCH);
	double with = polyneuropathy_after(shipped_rules(), RADLOC_MODALITY_VIBRATION);
	double touch_with = polyneuropathy_after(shipped_rules(), RADLOC_MODALITY_LIGHT_TOUCH);
	ck_assert_double_lt(with, without);
	ck_assert_double_eq_tol(touch_with, touch_without, 1e-9);
	radloc_rules_free(&r);
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

START_TEST(examiner_error_reverses_the_call)
{
	/* motor: eps 0.1, of which 0.2 gross (0.02 over 6 outcomes), 0.08
	 * reversed. m1 = {B: 1.0}; b = 0.05, graded 4. */
	radloc_rules *r = tiny_rules_with("background: 0.05",
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
	radloc_rules *r = tiny_rules_with("lesion: {reduced: 0.5, absent: 0.5, increased: 0.0}",
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
	radloc_rules *r = tiny_rules_with("mid: {limb: midline, distal_rank: 0.0, roots: {B: 1.0},",
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

/* How deep radicular weakness goes: of the weak muscles a root lesion
 * leaves, as recorded (lesion, background and examiner error), at every
 * severity of the shipped mixture, over the movements whose main root
 * carries at least half of them. The clinic: of 116 patients with a
 * motor deficit from a lumbar disc, the weakest muscle was MRC 4 in 67 %,
 * 3 in 21 %, 2 or 1 in 12 % (Postacchini et al., J Bone Joint Surg Br
 * 2002;84:1040); docs/scoring.md puts the main root's MRC 2 or below near
 * 15 % of its weak muscles. The shipped rules give 12.1 % and 22.3 %; a
 * grade that deepens with the severity (g = min(1, sigma phi)^3, tried
 * for issue #13, docs/validation.md) gives 17.2 %. Measured per weak
 * muscle: the clinic's figure, per patient's weakest muscle, is the
 * deeper of the two measures. */
static double radicular_share_at_most(const radloc_rules *r, int lowest_outcome,
                                      int highest_outcome)
{
	double part = 0.0, weak = 0.0;
	size_t count = r->element_count[RADLOC_MOVEMENT - RADLOC_REGION];
	for (size_t m = 0; m < count; m++) {
		rl_finding f;
		rl_fwork fw;
		double w[64];
		mean_finding(r, &f, &fw, w, RL_MOTOR, RADLOC_MOVEMENT, (int)m, RADLOC_LEFT,
		             RADLOC_MODALITY_UNSPECIFIED);
		int main_root = -1;
		for (size_t j = 0; j < fw.el->root_count; j++) {
			int root = fw.el->roots[j].index;
			if (w[root] >= 0.5)
				main_root = root;
		}
		if (main_root < 0)
			continue;
		for (size_t h = 0; h < r->hyp_count; h++) {
			const rl_hypothesis *hyp = &r->hyps[h];
			if (hyp->pattern != RADLOC_RADICULOPATHY || hyp->root_count != 1 ||
			    hyp->roots[0] != main_root || hyp->side != RADLOC_LEFT)
				continue;
			for (size_t sev = 0; sev < r->patterns.severity_count; sev++) {
				int hi = (int)h, ext = -1;
				double scale = r->patterns.severity[sev], lp = 0.0;
				rl_components one = {1, &hi, &ext, &scale, &lp, NULL, NULL, NULL};
				rl_params p;
				rl_mean_params(r, &p);
				for (int o = 1; o <= r->findings[RL_MOTOR].levels; o++) {
					double x = rl_likelihood(r, &p, &fw, &one, 0, o);
					weak += x;
					if (o >= lowest_outcome && o <= highest_outcome)
						part += x;
				}
			}
		}
	}
	ck_assert_double_gt(weak, 0.0);
	return part / weak;
}

START_TEST(radicular_weakness_seldom_reaches_mrc_2)
{
	const radloc_rules *r = shipped_rules();
	/* outcomes 1-5 are MRC 4, 3, 2, 1, 0 */
	double deep = radicular_share_at_most(r, 3, 5), three = radicular_share_at_most(r, 2, 2);
	ck_assert_double_ge(deep, 0.08);
	ck_assert_double_le(deep, 0.16);
	ck_assert_double_ge(three, 0.15);
	ck_assert_double_le(three, 0.27);
}
END_TEST

Suite *suite_model(void)
{
	Suite *s = suite_create("model");
	add_tests(s, "by hand", 0,
	          TESTS(sensory_noisy_or_and_severity,
	                two_roots_combine_by_noisy_or, midline_reached_by_half,
	                brisk_reflex_speaks_for_myelopathy,
	                sign_sensitivity_and_specificity, logsumexp_is_stable,
	                other_is_broad_and_owes_nothing_to_anatomy,
	                pin_prick_map_is_sharper, vibration_sensitivities_are_its_own,
	                examiner_error_reverses_the_call, grade_follows_the_share_taken,
	                element_background_is_its_own));
	add_tests(s, "shipped rules", 0,
	          TESTS(shipped_pin_prick_sharper_than_touch,
	                toe_vibration_favours_polyneuropathy_over_toe_touch,
	                age_trait_weakens_toe_vibration_loss,
	                dense_deficits_do_not_lose_to_normal, radial_palsy_beats_c7,
	                radicular_weakness_seldom_reaches_mrc_2));
	return s;
}

/* Cauda equina extents (rules_cauda.c): read from the rules, weighted,
 * scored as components, reported; and the shipped extents against the
 * rivals that a sacral cauda equina or a conus must beat. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "tests.h"

/* tiny.yaml with two extents: `a` takes root A, `b` three times as
 * common takes B at 0.8 and sets its own sensitivity for sign g. */
#define TINY_EXTENTS                                                                  \
	"  cauda_equina:\n"                                                           \
	"    prior: 0.05\n"                                                           \
	"    source: \"test\"\n"                                                      \
	"    extents:\n"                                                              \
	"      a: {weight: 1, roots: {A: 1.0}, source: \"test\"}\n"                   \
	"      b: {weight: 3, roots: {B: 0.8}, signs: {g: 0.7}, source: \"test\"}\n"

static radloc_rules *tiny_extents(void)
{
	return tiny_rules_with("  cauda_equina: {prior: 0.05, roots: {A: 1.0}, source: \"test\"}\n",
	                       TINY_EXTENTS);
}

static radloc_hypothesis cauda_of(const radloc_result *res)
{
	radloc_hypothesis h;
	ck_assert(find_hypothesis(res, "cauda_equina", &h));
	return h;
}

static radloc_result *score_tiny(const radloc_rules *r, const char *spec)
{
	radloc_exam *e = exam_of(r, spec);
	radloc_scorer *sc = radloc_scorer_new(r);
	radloc_result *res = NULL;
	ck_assert_int_eq(radloc_scorer_set_draws(sc, 0), RADLOC_OK);
	ck_assert_int_eq(radloc_scorer_set_top(sc, 0), RADLOC_OK);
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	radloc_scorer_free(&sc);
	radloc_exam_free(&e);
	return res;
}

/* The weights become shares; the hypothesis touches each root by the
 * extents' weighted mean; an extent's own sign row is its, the other's
 * is the pattern's (-1). */
START_TEST(extents_are_read_and_weighted)
{
	radloc_rules *r = tiny_extents();
	const rl_patterns *P = &r->patterns;
	ck_assert_uint_eq(P->cauda_extent_count, 2);
	ck_assert_str_eq(P->cauda_extents[0].name, "a");
	ck_assert_double_eq_tol(P->cauda_extents[0].weight, 0.25, 1e-12);
	ck_assert_double_eq_tol(P->cauda_extents[1].weight, 0.75, 1e-12);
	ck_assert_double_eq_tol(P->cauda_roots[0], 0.25, 1e-12);
	ck_assert_double_eq_tol(P->cauda_roots[1], 0.75 * 0.8, 1e-12);
	ck_assert_double_eq_tol(rl_cauda_root(r, 1, 1), 0.8, 1e-12);
	ck_assert_double_eq_tol(rl_cauda_root(r, -1, 1), 0.6, 1e-12);
	ck_assert_double_eq_tol(rl_cauda_sign_sensitivity(r, 1, 0), 0.7, 1e-12);
	ck_assert_double_eq(rl_cauda_sign_sensitivity(r, 0, 0), -1.0);
	ck_assert_double_eq(rl_cauda_sign_sensitivity(r, -1, 0), -1.0);
	radloc_rules_free(&r);
}
END_TEST

/* Rules with `roots:` alone keep one implicit, unnamed extent: the
 * version-1 cauda equina, reported without an extent. */
START_TEST(roots_alone_are_one_unnamed_extent)
{
	const radloc_rules *r = tiny_rules();
	ck_assert_uint_eq(r->patterns.cauda_extent_count, 1);
	ck_assert_ptr_null(r->patterns.cauda_extents[0].name);
	ck_assert_double_eq(r->patterns.cauda_extents[0].weight, 1.0);
	radloc_result *res = score_tiny(r, "S mid - reduced");
	ck_assert_ptr_null(cauda_of(res).extent);
	radloc_result_free(&res);
}
END_TEST

START_TEST(bad_extents_are_reported)
{
	static const tiny_problem rows[] = {
		{"roots: {A: 1.0}, source: \"test\"}\n  myelopathy",
		 "roots: {A: 1.0}, extents: {a: {weight: 1, roots: {A: 1}, source: s}}, "
		 "source: \"test\"}\n  myelopathy",
		 "67:48: cauda_equina takes `roots:` or `extents:`, not both (each extent "
		 "lists its own roots)\n"},
		{"cauda_equina: {prior: 0.05, roots: {A: 1.0},",
		 "cauda_equina: {prior: 0.05, extents: {a: {weight: 1, roots: {C: 1}, source: s}},",
		 "67:64: unknown root 'C' in cauda_equina extent 'a'; did you mean 'B'?\n"},
		{"cauda_equina: {prior: 0.05, roots: {A: 1.0},",
		 "cauda_equina: {prior: 0.05, extents: {a: {roots: {A: 1}, source: s}},",
		 "67:41: cauda_equina extent 'a' has no 'weight'\n"},
	};
	CHECK_TINY_PROBLEMS(rows);
}
END_TEST

/* Each extent is a component with its own roots: skin of root B alone
 * names extent b, skin of root A alone names a. A positive sign g, which
 * b sets at 0.7 (the pattern has no row for it), now raises the cauda
 * equina against `normal` and names b. */
START_TEST(the_extent_that_explains_the_exam_is_reported)
{
	radloc_rules *r = tiny_extents();
	radloc_hypothesis normal;
	radloc_result *res = score_tiny(r, "S mid - absent");
	ck_assert_str_eq(cauda_of(res).extent, "b");
	radloc_result_free(&res);
	res = score_tiny(r, "S r1 L absent; S r1 R absent; S mid - normal");
	ck_assert_str_eq(cauda_of(res).extent, "a");
	radloc_result_free(&res);
	res = score_tiny(r, "G g L neg");
	ck_assert(find_hypothesis(res, "normal", &normal));
	double before = cauda_of(res).probability / normal.probability;
	radloc_result_free(&res);
	res = score_tiny(r, "G g L pos");
	ck_assert(find_hypothesis(res, "normal", &normal));
	ck_assert_double_gt(cauda_of(res).probability / normal.probability, before);
	ck_assert_str_eq(cauda_of(res).extent, "b");
	radloc_result_free(&res);
	radloc_rules_free(&r);
}
END_TEST

static const char *leader(const radloc_result *res)
{
	radloc_hypothesis h;
	ck_assert_int_eq(radloc_result_hypothesis(res, 0, &h), RADLOC_OK);
	return h.label;
}

/* The shipped rules: saddle and perianal loss with the sphincters and
 * normal legs is a sacral cauda equina, ahead of `normal` and of both
 * pudendal nerves (which do not touch the bladder); on the saddle alone
 * (no sphincter sign) the cauda equina still ranks above the pudendal
 * nerves, and the red flag is raised whatever leads. */
START_TEST(sacral_cauda_equina_beats_normal_and_the_pudendal_nerves)
{
	radloc_exam *e = exam_of(shipped_rules(),
		"S saddle - reduced; S perianal - reduced; M ankle_plantarflexion B 5; "
		"M ankle_dorsiflexion B 5; R ankle B 2; R patellar B 2; "
		"G bladder_dysfunction - pos");
	radloc_result *res = score_exam(e, 0);
	radloc_hypothesis h;
	ck_assert_str_eq(leader(res), "cauda_equina");
	ck_assert_str_eq(cauda_of(res).extent, "sacral");
	ck_assert(radloc_result_flags(res) & RADLOC_FLAG_CAUDA_EQUINA);
	radloc_result_free(&res);
	radloc_exam_free(&e);

	e = exam_of(shipped_rules(),
		"S saddle - absent; S perianal - absent; M anal_contraction - 0; R anal_wink - 0");
	res = score_exam(e, 0);
	ck_assert(find_hypothesis(res, "pudendal bilateral", &h));
	ck_assert_double_gt(cauda_of(res).probability, h.probability);
	ck_assert(radloc_result_flags(res) & RADLOC_FLAG_CAUDA_EQUINA);
	radloc_result_free(&res);
	radloc_exam_free(&e);
}
END_TEST

/* A conus: the same sacral and S1 roots as `low`, but a Babinski and
 * early sphincter failure are its own (its rows in the rules). */
START_TEST(a_babinski_with_lost_ankle_jerks_is_a_conus)
{
	const char *common = "S saddle - absent; S perianal - absent; R ankle B 0; "
	                     "R patellar B 2; G bladder_dysfunction - pos";
	char spec[256];
	radloc_exam *e = exam_of(shipped_rules(), common);
	radloc_result *res = score_exam(e, 0);
	ck_assert_str_ne(cauda_of(res).extent, "conus");
	radloc_result_free(&res);
	radloc_exam_free(&e);
	snprintf(spec, sizeof spec, "%s; G babinski B pos; G bowel_dysfunction - pos", common);
	e = exam_of(shipped_rules(), spec);
	res = score_exam(e, 0);
	ck_assert_str_eq(leader(res), "cauda_equina");
	ck_assert_str_eq(cauda_of(res).extent, "conus");
	radloc_result_free(&res);
	radloc_exam_free(&e);
}
END_TEST

Suite *suite_rules_cauda(void)
{
	return make_suite("rules_cauda", 0,
	                  TESTS(extents_are_read_and_weighted, roots_alone_are_one_unnamed_extent,
	                        bad_extents_are_reported,
	                        the_extent_that_explains_the_exam_is_reported,
	                        sacral_cauda_equina_beats_normal_and_the_pudendal_nerves,
	                        a_babinski_with_lost_ankle_jerks_is_a_conus));
}

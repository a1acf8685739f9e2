/* draw_kernels.c: how findings move the live components in each draw of
 * the credible intervals, through the public API. */
#include <stdlib.h>
#include <string.h>

#include "tests.h"

/* Every reflex 3+ on both sides, no pathological sign: a person with
 * brisk reflexes (docs/scoring.md, "Person-level traits"). */
static const char brisk_person[] =
	"reflex:\n"
	"  - {reflex: biceps, side: bilateral, grade: 3}\n"
	"  - {reflex: brachioradialis, side: bilateral, grade: 3}\n"
	"  - {reflex: triceps, side: bilateral, grade: 3}\n"
	"  - {reflex: patellar, side: bilateral, grade: 3}\n"
	"  - {reflex: medial_hamstring, side: bilateral, grade: 3}\n"
	"  - {reflex: ankle, side: bilateral, grade: 3}\n"
	"signs:\n"
	"  - {sign: babinski, side: bilateral, result: negative}\n"
	"  - {sign: hoffmann, side: bilateral, result: negative}\n"
	"  - {sign: clonus, side: bilateral, result: negative}\n";

/* The traits' mixture is taken in every draw, not only at the mean: no
 * plausible person makes myelopathy likely from symmetric brisk reflexes
 * alone (hyperreflexia alone LR+ 1.3-2.6, evidence.md section 11). */
START_TEST(traits_hold_in_every_draw)
{
	radloc_result *res = score_yaml(brisk_person, 1000);
	radloc_hypothesis h;
	ck_assert(find_hypothesis(res, "myelopathy", &h));
	ck_assert_double_lt(h.upper, 0.10);
	ck_assert_double_le(h.lower, h.probability);
	ck_assert_double_ge(h.upper, h.probability);
	radloc_result_free(&res);
}
END_TEST

/* The leader's interval holds its point probability, and the same exam
 * and seed give the same bounds (the bank is drawn once per seed). */
START_TEST(draws_bracket_the_point_and_repeat)
{
	radloc_case *c = load_case("fixtures/cases/l5-classic-left.yaml");
	radloc_result *a = score_exam(radloc_case_exam(c), 1000);
	radloc_result *b = score_exam(radloc_case_exam(c), 1000);
	char *ja = NULL, *jb = NULL;
	radloc_hypothesis lead;
	ck_assert_int_eq(radloc_result_json(a, 0, &ja), RADLOC_OK);
	ck_assert_int_eq(radloc_result_json(b, 0, &jb), RADLOC_OK);
	ck_assert_str_eq(ja, jb);
	radloc_result_hypothesis(a, 0, &lead);
	ck_assert(lead.lower <= lead.probability && lead.probability <= lead.upper);
	ck_assert_double_lt(lead.lower, lead.upper);
	free(ja);
	free(jb);
	radloc_result_free(&a);
	radloc_result_free(&b);
	radloc_case_free(&c);
}
END_TEST

Suite *suite_draw_kernels(void)
{
	return make_suite("draw_kernels", 60,
	                  TESTS(traits_hold_in_every_draw, draws_bracket_the_point_and_repeat));
}

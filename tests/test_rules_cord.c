/* rules_cord.c: the `cord:` section as loaded from the shipped rules, the
 * segment names, and the problems a bad section gives. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "tests.h"

START_TEST(segments_are_named_as_roots_count_levels)
{
	ck_assert_int_eq(rl_segment_number("C3"), 3);
	ck_assert_int_eq(rl_segment_number("C8"), 8);
	ck_assert_int_eq(rl_segment_number("T1"), 9);
	ck_assert_int_eq(rl_segment_number("T10"), 18);
	ck_assert_int_eq(rl_segment_number("T12"), 20);
	/* The lumbar segments follow T12 as the roots count them; C9, T13,
	 * L6 and the sacral segments (the conus, the cauda equina's) name no
	 * cord level. */
	ck_assert_int_eq(rl_segment_number("L1"), 21);
	ck_assert_int_eq(rl_segment_number("L5"), 25);
	ck_assert_int_eq(rl_segment_number("C9"), 0);
	ck_assert_int_eq(rl_segment_number("T13"), 0);
	ck_assert_int_eq(rl_segment_number("L6"), 0);
	ck_assert_int_eq(rl_segment_number("S1"), 0);
	ck_assert_int_eq(rl_segment_number("T1x"), 0);
	ck_assert_str_eq(rl_segment_name(18), "T10");
	ck_assert_str_eq(rl_segment_name(22), "L2");
	ck_assert_ptr_null(rl_segment_name(26));
	ck_assert_str_eq(rl_cord_form_name(RL_CORD_HEMICORD), "hemicord");
}
END_TEST

/* C3..L3, normalised; C5-C6 and C6-C7 (segments C6, C7) and C4-C5 (C5)
 * lead; Hoffmann above C8, the inverted supinator at C5-C6. */
START_TEST(shipped_cord_levels_and_forms)
{
	const radloc_rules *r = shipped_rules();
	const rl_cord *c = &r->cord;
	double sum = 0.0, forms = 0.0, c6 = 0.0, t6 = 0.0;
	ck_assert(c->present);
	ck_assert_uint_eq(c->level_count, 21);
	ck_assert_int_eq(c->level[0], 3);
	ck_assert_int_eq(c->level[c->level_count - 1], 23);
	for (size_t i = 0; i < c->level_count; i++) {
		sum += c->level_weight[i];
		if (c->level[i] == 6)
			c6 = c->level_weight[i];
		if (c->level[i] == 14)
			t6 = c->level_weight[i];
	}
	for (int f = 0; f < RL_CORD_FORMS; f++)
		forms += c->form_weight[f];
	ck_assert_double_eq_tol(sum, 1.0, 1e-9);
	ck_assert_double_eq_tol(forms, 1.0, 1e-9);
	ck_assert_double_gt(c6, 10 * t6);
	ck_assert_double_gt(c->form_weight[RL_CORD_TRANSVERSE], c->form_weight[RL_CORD_CENTRAL]);
	long hoffmann = rl_rules_index(r, RADLOC_SIGN, "hoffmann");
	long inverted = rl_rules_index(r, RADLOC_SIGN, "inverted_supinator");
	long babinski = rl_rules_index(r, RADLOC_SIGN, "babinski");
	ck_assert_int_eq(c->sign_from[hoffmann], 3);
	ck_assert_int_eq(c->sign_to[hoffmann], 7);
	ck_assert_int_eq(c->sign_from[inverted], 5);
	ck_assert_int_eq(c->sign_to[inverted], 6);
	ck_assert_int_eq(c->sign_from[babinski], 0);
}
END_TEST

#define TINY_CORD(levels, forms, signs)                                               \
	"cord:\n  levels: " levels "\n  forms: " forms "\n"                            \
	"  central_leg: 0.4\n  central_span: 2\n  cape_sensitivity: 0.7\n"             \
	"  hemicord_sensitivity: 0.7\n  crossed_offset: 1\n" signs                     \
	"  source: \"test\"\n"

/* The diagnostics of tiny.yaml with section (ending "examination:\n")
 * put in before its examination section ("" if it loads). */
static const char *problem_with(const char *section)
{
	static message_sink sink;
	char *text = tiny_rules_text_with("examination:\n", section);
	load_rules_text(text, &sink, NULL);
	free(text);
	return sink.text;
}

START_TEST(bad_cord_sections_are_reported)
{
	const char *m;
	m = problem_with(TINY_CORD("{C1: 0.5, X9: 0.5}", "{transverse: 1}", "") "examination:\n");
	ck_assert_ptr_nonnull(strstr(m, "cord level 'X9' is not a segment"));
	m = problem_with(TINY_CORD("{C1: 1}", "{lateral: 1}", "") "examination:\n");
	ck_assert_ptr_nonnull(strstr(m, "lateral"));
	m = problem_with(TINY_CORD("{C1: 1}", "{transverse: 1}", "  signs: {g: C2-C1}\n")
	                 "examination:\n");
	ck_assert_ptr_nonnull(strstr(m, "FROM-TO"));
	m = problem_with(TINY_CORD("{C1: 1}", "{transverse: 1}", "  signs: {nosuch: C1-C2}\n")
	                 "examination:\n");
	ck_assert_ptr_nonnull(strstr(m, "nosuch"));
	m = problem_with(TINY_CORD("{C1: 0}", "{transverse: 1}", "") "examination:\n");
	ck_assert_ptr_nonnull(strstr(m, "must not all be 0"));
	m = problem_with("cord:\n  levels: {C1: 1}\n  source: \"test\"\nexamination:\n");
	ck_assert_ptr_nonnull(strstr(m, "forms"));
	/* A good one loads. */
	m = problem_with(TINY_CORD("{C1: 0.25, C2: 0.75}", "{transverse: 1, hemicord: 1}",
	                           "  signs: {g: C1-C1}\n") "examination:\n");
	ck_assert_str_eq(m, "");
}
END_TEST

Suite *suite_rules_cord(void)
{
	return make_suite("rules_cord", 0,
	                  TESTS(segments_are_named_as_roots_count_levels,
	                        shipped_cord_levels_and_forms, bad_cord_sections_are_reported));
}

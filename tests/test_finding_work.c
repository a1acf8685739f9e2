/* finding_work.c: a finding bound to its rule entry, its mean weights and
 * its row in the bank, on the shipped rules. */
#include <stdlib.h>

#include "model.h"
#include "tests.h"

/* A region's mean weights are its rule's root shares, every other root 0
 * (an unstated modality sharpens nothing). */
START_TEST(region_weights_are_its_root_shares)
{
	const radloc_rules *r = shipped_rules();
	long e = radloc_rules_find(r, RADLOC_REGION, "dorsum_foot");
	ck_assert_int_ge(e, 0);
	double *w = calloc(r->root_count, sizeof *w);
	rl_finding f;
	rl_fwork fw;
	rl_probe_finding(r, RADLOC_REGION, (int)e, RADLOC_LEFT, 0, &f, &fw, w);
	ck_assert_ptr_nonnull(fw.el);
	ck_assert_ptr_null(fw.sg);
	double total = 0.0;
	for (size_t i = 0; i < r->root_count; i++)
		total += w[i];
	ck_assert_double_eq_tol(total, 1.0, 1e-9);
	long l5 = radloc_rules_find(r, RADLOC_ROOT, "L5");
	long c5 = radloc_rules_find(r, RADLOC_ROOT, "C5");
	ck_assert_double_gt(w[l5], 0.5);   /* the L5 key point */
	ck_assert_double_eq(w[c5], 0.0);
	free(w);
}
END_TEST

/* A sign's row holds its root, nerve and pattern sensitivities in their
 * columns: Babinski says myelopathy, not a root. */
START_TEST(sign_columns)
{
	const radloc_rules *r = shipped_rules();
	long g = radloc_rules_find(r, RADLOC_SIGN, "babinski");
	ck_assert_int_ge(g, 0);
	double *s = calloc(rl_sign_width(r), sizeof *s);
	rl_finding f;
	rl_fwork fw;
	rl_probe_finding(r, RADLOC_SIGN, (int)g, RADLOC_LEFT, 0, &f, &fw, s);
	ck_assert_ptr_nonnull(fw.sg);
	ck_assert_double_gt(s[rl_sign_pattern_column(r, RADLOC_MYELOPATHY)], 0.3);
	ck_assert_double_eq(s[radloc_rules_find(r, RADLOC_ROOT, "L5")], 0.0);
	free(s);
}
END_TEST

/* Every element and sign has its own row, and the rows fill the bank. */
START_TEST(rows_are_one_to_one)
{
	const radloc_rules *r = shipped_rules();
	size_t rows = rl_element_rows(r);
	unsigned char *seen = calloc(rows, 1);
	for (int t = RADLOC_REGION; t <= RADLOC_SIGN; t++) {
		size_t n = radloc_rules_count(r, (radloc_kind)t);
		for (size_t e = 0; e < n; e++) {
			size_t row = rl_element_row(r, (radloc_kind)t, (int)e);
			ck_assert_uint_lt(row, rows);
			ck_assert_uint_eq(seen[row], 0);
			seen[row] = 1;
		}
	}
	for (size_t i = 0; i < rows; i++)
		ck_assert_uint_eq(seen[i], 1);
	free(seen);
}
END_TEST

/* The mean parameters are the finding kinds' sensitivities. */
START_TEST(mean_params_are_the_kinds)
{
	const radloc_rules *r = shipped_rules();
	rl_params p;
	rl_mean_params(r, &p);
	for (int k = 0; k < RL_FKIND_COUNT; k++)
		ck_assert_double_eq(p.sens[k], r->findings[k].sensitivity);
}
END_TEST

Suite *suite_finding_work(void)
{
	return make_suite("finding_work", 0,
	                  TESTS(region_weights_are_its_root_shares, sign_columns,
	                        rows_are_one_to_one, mean_params_are_the_kinds));
}

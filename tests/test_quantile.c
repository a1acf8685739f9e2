/* quantile.c: selection and quantiles against a full sort. */
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <string.h>

#include "quantile.h"
#include "tests.h"

#define N 101

static void sample(double *v, size_t n, unsigned long seed, int ties)
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, seed);
	for (size_t i = 0; i < n; i++)
		v[i] = ties ? (double)gsl_rng_uniform_int(rng, 5) : gsl_rng_uniform(rng) - 0.5;
	gsl_rng_free(rng);
}

/* Every k of a random sample, with and without ties: the k-th smallest,
 * and the sample split around it. */
START_TEST(select_nth_is_the_sorted_kth)
{
	double v[N], sorted[N], work[N];
	sample(v, N, 7u + (unsigned long)_i, _i);
	memcpy(sorted, v, sizeof v);
	gsl_sort(sorted, 1, N);
	for (size_t k = 0; k < N; k++) {
		memcpy(work, v, sizeof v);
		double x = rl_select_nth(work, N, k);
		ck_assert_double_eq(x, sorted[k]);
		for (size_t i = 0; i < k; i++)
			ck_assert(work[i] <= x);
		for (size_t i = k + 1; i < N; i++)
			ck_assert(work[i] >= x);
	}
}
END_TEST

START_TEST(quantile_matches_gsl_on_sorted_data)
{
	static const double qs[] = {0.0, 0.05, 0.25, 0.5, 0.9, 0.95, 0.999, 1.0};
	for (size_t n = 1; n <= N; n += 10) {
		double v[N], sorted[N], work[N];
		sample(v, n, 100u + n, 0);
		memcpy(sorted, v, n * sizeof *v);
		gsl_sort(sorted, 1, n);
		for (size_t i = 0; i < sizeof qs / sizeof *qs; i++) {
			memcpy(work, v, n * sizeof *v);
			double want = gsl_stats_quantile_from_sorted_data(sorted, 1, n, qs[i]);
			ck_assert_double_eq_tol(rl_quantile(work, n, qs[i]), want, 1e-15);
		}
	}
}
END_TEST

Suite *suite_quantile(void)
{
	Suite *s = suite_create("quantile");
	TCase *tc = add_tests(s, "quantile", 0, TESTS(quantile_matches_gsl_on_sorted_data));
	tcase_add_loop_test(tc, select_nth_is_the_sorted_kth, 0, 2);
	return s;
}

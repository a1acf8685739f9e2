/* Internal: quantiles of a sample by selection (quantile.c). */
#ifndef RADLOC_QUANTILE_H
#define RADLOC_QUANTILE_H

#include <stddef.h>

/* The k-th smallest of v[0..n) (k < n); v is reordered so that every
 * value before index k is <= it and every value after is >= it. */
double rl_select_nth(double *v, size_t n, size_t k);

/* The quantile q (0..1) of v[0..n), n > 0, with the interpolation of
 * gsl_stats_quantile_from_sorted_data; v is reordered. */
double rl_quantile(double *v, size_t n, double q);

#endif

/* Quantiles of a sample by selection, without sorting it. */
#include <math.h>

#include "quantile.h"

/* Hoare partitioning around a middle pivot, narrowed to the side that
 * holds k. */
double rl_select_nth(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;
	while (lo < hi) {
		double pivot = v[lo + (hi - lo) / 2];
		size_t i = lo, j = hi;
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				double t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			break;
	}
	return v[k];
}

/* Between the order statistics k and k + 1 by the fraction left over. */
double rl_quantile(double *v, size_t n, double q)
{
	double at = q * (double)(n - 1);
	size_t k = (size_t)floor(at);
	double frac = at - (double)k;
	double a = rl_select_nth(v, n, k);
	if (frac == 0.0 || k + 1 >= n)
		return a;
	/* The next order statistic is the smallest of the upper part. */
	double b = v[k + 1];
	for (size_t i = k + 2; i < n; i++)
		if (v[i] < b)
			b = v[i];
	return a + frac * (b - a);
}


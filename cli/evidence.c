/* The evidence strongest first (evidence.h). */
#include "evidence.h"

#include <stdlib.h>

typedef struct ranked_evidence {
	size_t at;       /* the exam's order, for ties */
	radloc_evidence e;
} ranked_evidence;

static int by_strength(const void *a, const void *b)
{
	const ranked_evidence *x = a, *y = b;
	if (x->e.log_lr != y->e.log_lr)
		return x->e.log_lr < y->e.log_lr ? 1 : -1;
	return (x->at > y->at) - (x->at < y->at);
}

radloc_evidence *evidence_by_strength(const radloc_result *res, size_t *n)
{
	size_t ne = radloc_result_evidence_count(res);
	*n = 0;
	if (ne == 0)
		return NULL;
	ranked_evidence *r = calloc(ne, sizeof *r);
	radloc_evidence *out = calloc(ne, sizeof *out);
	if (r == NULL || out == NULL) {
		free(r);
		free(out);
		return NULL;
	}
	for (size_t i = 0; i < ne; i++) {
		radloc_result_evidence(res, i, &r[i].e);
		r[i].at = i;
	}
	qsort(r, ne, sizeof *r, by_strength);
	for (size_t i = 0; i < ne; i++)
		out[i] = r[i].e;
	free(r);
	*n = ne;
	return out;
}

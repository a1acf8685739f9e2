/* libFuzzer: parse, score with intervals and write JSON, end to end. The
 * probabilities must be a distribution whatever the input. */
#include <math.h>

#include "shipped_rules.h"

static radloc_rules *rules;
static radloc_scorer *scorer;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	rules = load_shipped_rules();
	if ((scorer = radloc_scorer_new(rules)) == NULL)
		abort();
	radloc_scorer_set_draws(scorer, 20);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;
	char *json = NULL;
	if (radloc_exam_parse(rules, (const char *)data, size, "fuzz", 1, NULL, NULL,
	                      &exam) != RADLOC_OK)
		return 0;
	radloc_status s = radloc_score(scorer, exam, &res);
	if (s == RADLOC_OK) {
		double sum = 0.0;
		radloc_hypothesis h;
		for (size_t i = 0; i < radloc_result_count(res); i++) {
			radloc_result_hypothesis(res, i, &h);
			if (!(h.probability >= 0.0 && h.probability <= 1.0) ||
			    !(h.lower <= h.upper))
				abort();
			sum += h.probability;
		}
		if (fabs(sum - 1.0) > 1e-6)
			abort();
		if (radloc_result_json(res, 0, &json) != RADLOC_OK)
			abort();
	} else if (s != RADLOC_ERR_EMPTY) {
		abort();
	}
	free(json);
	radloc_result_free(&res);
	radloc_exam_free(&exam);
	return 0;
}

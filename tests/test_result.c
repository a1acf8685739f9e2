/* result.c: reading a result, and what a result owns. */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "result_impl.h"
#include "tests.h"

/* Touch every byte of a string the result handed out: under ASan a
 * string that still pointed into freed rules fails here. */
static size_t touch(const char *s)
{
	return s ? strlen(s) : 0;
}

/* The documented order: a result owns every string it hands out, so it
 * may outlive its exam, its scorer and its rules. */
START_TEST(result_outlives_its_rules)
{
	radloc_rules *rules = NULL;
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;
	radloc_hypothesis h;
	radloc_evidence e;
	radloc_next_test t;

	ck_assert_int_eq(radloc_rules_load(src_path("rules"), NULL, NULL, &rules), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_parse_file(rules, src_path("fixtures/exams/demo.yaml"),
	                                        NULL, NULL, &exam), RADLOC_OK);
	radloc_scorer *sc = radloc_scorer_new(rules);
	radloc_scorer_set_draws(sc, 50);
	ck_assert_int_eq(radloc_score(sc, exam, &res), RADLOC_OK);
	radloc_scorer_free(&sc);
	radloc_exam_free(&exam);
	radloc_rules_free(&rules);

	size_t bytes = touch(radloc_result_id(res));
	int extents = 0, roots = 0, nerves = 0, sites = 0, parts = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		ck_assert_int_eq(radloc_result_hypothesis(res, i, &h), RADLOC_OK);
		bytes += touch(h.label) + touch(h.nerve) + touch(h.extent) + touch(h.site) +
		         touch(h.plexus);
		for (size_t k = 0; k < h.root_count; k++)
			bytes += touch(h.roots[k]);
		/* A pair's parts are hypotheses with strings of their own. */
		for (size_t k = 0; k < h.part_count; k++) {
			const radloc_hypothesis *p = h.parts[k];
			bytes += touch(p->label) + touch(p->nerve) + touch(p->extent) +
			         touch(p->site) + touch(p->plexus);
			for (size_t j = 0; j < p->root_count; j++)
				bytes += touch(p->roots[j]);
			parts++;
		}
		sites += h.site != NULL;
		extents += h.extent != NULL;
		roots += h.root_count > 0;
		nerves += h.nerve != NULL;
	}
	/* Every kind of string was read, not just the labels. */
	ck_assert_int_gt(extents, 0);
	ck_assert_int_gt(roots, 0);
	ck_assert_int_gt(nerves, 0);
	ck_assert_int_gt(sites, 0);   /* common_peroneal left, at the fibular head */
	ck_assert_int_gt(parts, 0);   /* L5 left + common_peroneal left */
	ck_assert_int_eq(radloc_result_hypothesis(res, 0, &h), RADLOC_OK);
	ck_assert_str_eq(h.label, "L5 left");
	ck_assert_str_eq(h.roots[0], "L5");
	ck_assert_uint_gt(radloc_result_evidence_count(res), 0);
	for (size_t i = 0; i < radloc_result_evidence_count(res); i++) {
		ck_assert_int_eq(radloc_result_evidence(res, i, &e), RADLOC_OK);
		bytes += touch(e.finding) + touch(e.supports) + touch(e.against);
	}
	ck_assert_int_eq(radloc_result_next_test(res, &t), RADLOC_OK);
	bytes += touch(t.finding) + touch(t.id) + touch(t.separates[0]) + touch(t.separates[1]);
	for (size_t i = 0; i < radloc_result_warning_count(res); i++)
		bytes += touch(radloc_result_warning(res, i));
	char *json = NULL;
	ck_assert_int_eq(radloc_result_json(res, 0, &json), RADLOC_OK);
	ck_assert_ptr_nonnull(strstr(json, "\"label\":\"L5 left\""));
	free(json);
	ck_assert_uint_gt(bytes, 0);
	radloc_result_free(&res);
}
END_TEST

/* Every hypothesis, reported or not (teaching-case verdicts read them
 * all), keeps its strings once the rules are freed: they point into the
 * rules' arena, which the result holds. Copies taken before the free are
 * compared after it and after the freed memory has been reused. */
START_TEST(every_hypothesis_keeps_its_strings_after_the_rules_go)
{
	radloc_rules *rules = NULL;
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;

	/* glibc fills what is freed with this byte (the test runs in its own
	 * process), so a string left pointing into the freed rules reads
	 * other bytes here even without ASan. */
	mallopt(M_PERTURB, 0x5a);
	ck_assert_int_eq(radloc_rules_load(src_path("rules"), NULL, NULL, &rules), RADLOC_OK);
	ck_assert_int_eq(radloc_exam_parse_file(rules, src_path("fixtures/exams/demo.yaml"),
	                                        NULL, NULL, &exam), RADLOC_OK);
	radloc_scorer *sc = radloc_scorer_new(rules);
	radloc_scorer_set_draws(sc, 0);
	radloc_scorer_set_top(sc, 1);
	ck_assert_int_eq(radloc_score(sc, exam, &res), RADLOC_OK);
	ck_assert_uint_gt(res->hyp_count, 100);
	size_t n = res->hyp_count;
	char **copy = calloc(n * 5 + 1, sizeof *copy);
	ck_assert_ptr_nonnull(copy);
	for (size_t i = 0; i < n; i++) {
		const radloc_hypothesis *h = &res->ranked[i].h;
		const char *s[5] = {h->label, h->site, h->extent, h->roots[0], h->nerve};
		for (int k = 0; k < 5; k++)
			copy[i * 5 + (size_t)k] = s[k] ? strdup(s[k]) : NULL;
	}
	char *version = res->rules_version ? strdup(res->rules_version) : NULL;
	radloc_scorer_free(&sc);
	radloc_exam_free(&exam);
	radloc_rules_free(&rules);
	size_t strings = 0;
	for (size_t i = 0; i < n; i++) {
		const radloc_hypothesis *h = &res->ranked[i].h;
		const char *s[5] = {h->label, h->site, h->extent, h->roots[0], h->nerve};
		for (int k = 0; k < 5; k++) {
			char *c = copy[i * 5 + (size_t)k];
			if (c == NULL) {
				ck_assert_ptr_null(s[k]);
				continue;
			}
			ck_assert_ptr_nonnull(s[k]);
			ck_assert_str_eq(s[k], c);
			strings++;
			free(c);
		}
	}
	ck_assert_uint_gt(strings, n);
	if (version) {
		ck_assert_str_eq(res->rules_version, version);
		free(version);
	}
	free(copy);
	radloc_result_free(&res);
	mallopt(M_PERTURB, 0);
}
END_TEST

START_TEST(accessors_refuse_bad_arguments)
{
	radloc_hypothesis h;
	radloc_evidence e;
	radloc_next_test t;
	radloc_result *none = NULL;

	ck_assert_ptr_null(radloc_result_id(NULL));
	ck_assert_uint_eq(radloc_result_count(NULL), 0);
	ck_assert_int_eq(radloc_result_hypothesis(NULL, 0, &h), RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_result_evidence(NULL, 0, &e), RADLOC_ERR_ARGUMENT);
	ck_assert_int_eq(radloc_result_next_test(NULL, &t), RADLOC_ERR_ARGUMENT);
	ck_assert_ptr_null(radloc_result_warning(NULL, 0));
	radloc_result_free(NULL);
	radloc_result_free(&none);
	ck_assert_ptr_null(none);
}
END_TEST

START_TEST(reported_hypotheses_and_other_add_up)
{
	radloc_exam *exam = NULL;
	radloc_result *res = NULL;
	radloc_hypothesis h;
	const radloc_rules *r = shipped_rules();

	ck_assert_int_eq(radloc_exam_parse_file(r, src_path("fixtures/exams/demo.yaml"),
	                                        NULL, NULL, &exam), RADLOC_OK);
	radloc_scorer *sc = radloc_scorer_new(r);
	radloc_scorer_set_draws(sc, 0);
	radloc_scorer_set_top(sc, 3);
	ck_assert_int_eq(radloc_score(sc, exam, &res), RADLOC_OK);
	ck_assert_uint_eq(radloc_result_count(res), 3);
	double sum = radloc_result_other(res), last = 1.0;
	for (size_t i = 0; i < 3; i++) {
		radloc_result_hypothesis(res, i, &h);
		ck_assert_double_le(h.probability, last);
		last = h.probability;
		sum += h.probability;
	}
	ck_assert_double_eq_tol(sum, 1.0, 1e-9);
	ck_assert_int_eq(radloc_result_hypothesis(res, 3, &h), RADLOC_ERR_ARGUMENT);
	ck_assert_uint_eq(radloc_result_draws(res), 0);
	ck_assert_double_eq_tol(radloc_result_interval_mass(res), 0.90, 1e-12);
	ck_assert_str_eq(radloc_result_id(res), "bed-12-2026-03-04");
	radloc_result_free(&res);
	radloc_scorer_free(&sc);
	radloc_exam_free(&exam);
}
END_TEST

Suite *suite_result(void)
{
	return make_suite("result", 60,
	                  TESTS(result_outlives_its_rules,
	                        every_hypothesis_keeps_its_strings_after_the_rules_go,
	                        accessors_refuse_bad_arguments,
	                        reported_hypotheses_and_other_add_up));
}

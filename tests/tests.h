/* The unit tests: one suite per engine file, one runner (main.c). */
#ifndef RADLOC_TESTS_H
#define RADLOC_TESTS_H

#include <check.h>

#include "radloc.h"

Suite *suite_textutil(void);
Suite *suite_yamltree(void);
Suite *suite_rules(void);
Suite *suite_model(void);
Suite *suite_score(void);
Suite *suite_exam(void);
Suite *suite_nomem(void);
Suite *suite_vocabulary(void);
Suite *suite_rules_files(void);
Suite *suite_rules_schema(void);
Suite *suite_rules_entries(void);
Suite *suite_rules_parameters(void);
Suite *suite_rules_nerves(void);
Suite *suite_rules_modalities(void);
Suite *suite_territory(void);
Suite *suite_examined(void);
Suite *suite_scorer(void);
Suite *suite_posterior(void);
Suite *suite_rules_traits(void);
Suite *suite_selection(void);
Suite *suite_draws(void);
Suite *suite_quantile(void);
Suite *suite_intervals(void);
Suite *suite_result(void);
Suite *suite_hypotheses(void);
Suite *suite_explain(void);
Suite *suite_next_test(void);
Suite *suite_json(void);
Suite *suite_case(void);
Suite *suite_diag(void);
Suite *suite_yaml_errors(void);
Suite *suite_json_tree(void);
Suite *suite_slurp(void);
Suite *suite_node_reports(void);
Suite *suite_arena(void);
Suite *suite_exam_parse(void);
Suite *suite_names(void);
Suite *suite_rules_load(void);

/* A path inside the source tree ($RADLOC_SRCDIR, default "."). */
const char *src_path(const char *relative);

/* The shipped rules and the hand-sized ones, loaded once per process. */
const radloc_rules *shipped_rules(void);
const radloc_rules *tiny_rules(void);

/* Diagnostics collected as text, "LINE:COLUMN: message\n" each. */
typedef struct message_sink {
	char text[4096];
	size_t used;
} message_sink;
void collect_message(const radloc_diag *d, void *user);

/* Load a rule set from text, its diagnostics into sink (emptied first).
 * The rule set, if it loaded, to *out (may be NULL: then it is freed). */
radloc_status load_rules_text(const char *yaml, message_sink *sink,
                              radloc_rules **out);

/* The diagnostics tiny.yaml gives with one change ("" if it loads). */
const char *tiny_rules_problem(const char *from, const char *to);

/* fixtures/rules/tiny/tiny.yaml with its first `from` replaced by `to`
 * (one change, to make one problem). malloc'ed. */
char *tiny_rules_text_with(const char *from, const char *to);
/* A teaching case of fixtures/cases (or any path in the tree) read with the
 * shipped rules, and an exam scored with them: all hypotheses reported,
 * seed 1, the given draws. Both fail the test on any error. */
radloc_case *load_case(const char *relative);
radloc_result *score_exam(const radloc_exam *exam, unsigned long draws);

/* An exam from a compact line: "S region side status; M movement side
 * grade; R reflex side grade; G sign side pos|neg|NT; P region side".
 * side: L, R, B (bilateral) or - (midline). Fails the test on any error. */
radloc_exam *exam_of(const radloc_rules *r, const char *spec);

/* Registration: a test case called `name` added to suite s with the listed
 * tests, each run once, and a timeout in seconds (0: Check's default); the
 * case is returned for loop tests. make_suite: a suite of one such case.
 * TESTS(a, b, ...) is the list and its length. */
TCase *add_tests(Suite *s, const char *name, double timeout, const TTest *const *tests,
                 size_t count);
Suite *make_suite(const char *name, double timeout, const TTest *const *tests, size_t count);
#define TESTS(...)                                                                    \
	(const TTest *const[]){__VA_ARGS__},                                          \
	    sizeof (const TTest *const[]){__VA_ARGS__} / sizeof (const TTest *)

#endif

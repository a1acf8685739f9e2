/* The unit tests: one suite per engine file, one runner (main.c). */
#ifndef RADLOC_TESTS_H
#define RADLOC_TESTS_H

#include <check.h>

#include "radloc.h"

/* Exam i of a reproducible generated set (generated_exams.c): every
 * other one with brisk leg reflexes and a Babinski sign (upper motor
 * neuron: the myelopathy's levels stay live), the rest 6 to 20 findings
 * anywhere; from TEST_EXAMS_LONG on, 40 normal skin findings more (past
 * the draws' RATIO_BLOCK). Free it with radloc_exam_free. */
enum { TEST_EXAMS_LONG = 46 };
radloc_exam *test_generated_exam(unsigned i);
/* Every hypothesis of a and b, in order, with the same label and the same
 * probability and bounds as doubles, not as printed: a last bit moved is
 * caught before it ever moves a printed digit. what names the case in a
 * failure. */
void test_assert_same_figures(const radloc_result *a, const radloc_result *b,
                              const char *what);

Suite *suite_textutil(void);
Suite *suite_yamltree(void);
Suite *suite_rules(void);
Suite *suite_model(void);
Suite *suite_modality(void);
Suite *suite_finding_work(void);
Suite *suite_score(void);
Suite *suite_exam(void);
Suite *suite_nomem(void);
Suite *suite_vocabulary(void);
Suite *suite_rules_files(void);
Suite *suite_rules_schema(void);
Suite *suite_rules_entries(void);
Suite *suite_rules_parameters(void);
Suite *suite_rules_nerves(void);
Suite *suite_rules_plexus(void);
Suite *suite_rules_cauda(void);
Suite *suite_rules_sites(void);
Suite *suite_rules_modalities(void);
Suite *suite_territory(void);
Suite *suite_examined(void);
Suite *suite_touches(void);
Suite *suite_scorer(void);
Suite *suite_posterior(void);
Suite *suite_rules_traits(void);
Suite *suite_rules_provenance(void);
Suite *suite_rules_coding(void);
Suite *suite_rules_cord(void);
Suite *suite_cord(void);
Suite *suite_selection(void);
Suite *suite_mnd(void);
Suite *suite_rules_mnd(void);
Suite *suite_draws(void);
Suite *suite_quantile(void);
Suite *suite_intervals(void);
Suite *suite_draw_kernels(void);
Suite *suite_draw_classes(void);
Suite *suite_draw_threads(void);
Suite *suite_threads(void);
Suite *suite_result(void);
Suite *suite_hypotheses(void);
Suite *suite_explain(void);
Suite *suite_vocabulary_v2(void);
Suite *suite_next_test(void);
Suite *suite_json(void);
Suite *suite_case(void);
Suite *suite_diag(void);
Suite *suite_yaml_errors(void);
Suite *suite_json_tree(void);
Suite *suite_json_write(void);
Suite *suite_slurp(void);
Suite *suite_node_reports(void);
Suite *suite_arena(void);
Suite *suite_exam_parse(void);
Suite *suite_names(void);
Suite *suite_rules_load(void);
Suite *suite_pairs(void);

/* A path inside the source tree ($RADLOC_SRCDIR, default "."). */
const char *src_path(const char *relative);

/* An exam of random findings on the rules (seeded, the same every run):
 * each element examined with chance 1/3, on a random side, abnormal
 * about half the time. Not clinical: for checks that two ways of
 * computing one number agree on many different exams. */
radloc_exam *random_exam(const radloc_rules *rules, unsigned long seed);

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
/* Rows of tiny_rules_problem: each change and the diagnostics it gives. */
typedef struct tiny_problem {
	const char *from, *to, *message;
} tiny_problem;
void check_tiny_problems(const tiny_problem *rows, size_t count);
#define CHECK_TINY_PROBLEMS(rows) check_tiny_problems(rows, sizeof rows / sizeof rows[0])

/* A rule set from text that must load (the text is freed), and tiny.yaml
 * with one change loaded so. Freed by the caller. */
radloc_rules *load_tiny_text(char *text);
radloc_rules *tiny_rules_with(const char *from, const char *to);

/* Every occurrence of from in text replaced by to (malloc'ed). */
char *replace_all(const char *text, const char *from, const char *to);

/* tiny.yaml with r2 supplied 3:1 by A and B, and two modalities: pin
 * prick, sharper (gamma 2), and vibration, half as sensitive to a focal
 * lesion with its own polyneuropathy and myelopathy sensitivities.
 * malloc'ed. */
char *tiny_text_with_modalities(void);

/* A teaching case of fixtures/cases (or any path in the tree) read with the
 * shipped rules, and an exam scored with them: all hypotheses reported,
 * seed 1, the given draws. Both fail the test on any error. */
radloc_case *load_case(const char *relative);
/* A shipped teaching case scored without draws (fails the test if it cannot be). */
radloc_result *score_case(const char *relative);
radloc_result *score_exam(const radloc_exam *exam, unsigned long draws);

/* An exam in the contract's YAML, parsed and scored with the shipped
 * rules (as score_exam); fails the test on any error. */
radloc_result *score_yaml(const char *yaml, unsigned long draws);

/* The hypothesis labelled so to *out: 1, or 0 if there is none. */
int find_hypothesis(const radloc_result *res, const char *label, radloc_hypothesis *out);

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

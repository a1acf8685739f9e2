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
Suite *suite_result(void);
Suite *suite_hypotheses(void);
Suite *suite_explain(void);
Suite *suite_json(void);
Suite *suite_case(void);
Suite *suite_diag(void);

/* A path inside the source tree ($RADLOC_SRCDIR, default "."). */
const char *src_path(const char *relative);

/* The shipped rules and the hand-sized ones, loaded once per process. */
const radloc_rules *shipped_rules(void);
const radloc_rules *tiny_rules(void);

/* A teaching case of fixtures/cases (or any path in the tree) read with the
 * shipped rules, and an exam scored with them: all hypotheses reported,
 * seed 1, the given draws. Both fail the test on any error. */
radloc_case *load_case(const char *relative);
radloc_result *score_exam(const radloc_exam *exam, unsigned long draws);

#endif

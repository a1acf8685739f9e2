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

/* A path inside the source tree ($RADLOC_SRCDIR, default "."). */
const char *src_path(const char *relative);

/* The shipped rules and the hand-sized ones, loaded once per process. */
const radloc_rules *shipped_rules(void);
const radloc_rules *tiny_rules(void);

#endif

/* The answer to one exam as text for a clinician: flags, pattern, the
 * leader, the ranking with intervals, what speaks for and against the
 * leader, the next best test and the warnings, in clinical words
 * (clinical.h). `radloc score` prints it, and `radloc check --verbose`
 * for each case. */
#ifndef RADLOC_CLI_ANSWER_TEXT_H
#define RADLOC_CLI_ANSWER_TEXT_H

#include "radloc.h"

/* expect: a teaching case's expected answer, shown beside radloc's (and
 * where it ranks), or NULL for a plain exam. color: ANSI colours. */
void answer_text(const radloc_rules *rules, const radloc_exam *exam,
                 const radloc_result *res, int color, const radloc_case *expect);

#endif

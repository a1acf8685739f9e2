/* The evidence of a result, strongest first, as the text answer and the
 * CDS Hooks card list it. */
#ifndef RADLOC_CLI_EVIDENCE_H
#define RADLOC_CLI_EVIDENCE_H

#include "radloc.h"

/* The result's evidence in *n entries (free() the array), the largest
 * likelihood ratio first; equal ones (the engine gives them to 1e-9 in
 * the log) keep the exam's order, so that two findings the model weighs
 * alike are listed the same way on every build. NULL when there is none
 * (*n = 0) or no memory. */
radloc_evidence *evidence_by_strength(const radloc_result *res, size_t *n);

#endif

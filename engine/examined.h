/* Internal: the record of what one exam looked at — which elements the
 * clinician examined, and on which side. Scoring reads it (territory
 * nobody examined is evidence), and so does the next-test search (what
 * is left to examine). It describes the exam, not the scoring. */
#ifndef RADLOC_EXAMINED_H
#define RADLOC_EXAMINED_H

#include "exam_impl.h"
#include "rules_impl.h"

typedef struct rl_examined {
	const radloc_rules *rules;
	/* Per element row (rl_element_row) and side: 1 if looked at. The
	 * midline slot also stands for "the element, on any side". */
	unsigned char *seen;
	/* The places examined (selection.h), as RL_PLACE bits. */
	unsigned places;
} rl_examined;

/* The record of an exam. Any finding counts as looking, including NT
 * and pain. RADLOC_ERR_NOMEM, or RADLOC_OK. */
radloc_status rl_examined_build(const radloc_exam *exam, rl_examined *out);
void rl_examined_free(rl_examined *x);

/* Whether the exam looked at an element on a side (RADLOC_MIDLINE: the
 * element itself, on any side). */
int rl_looked_at(const rl_examined *x, radloc_kind table, int element,
                 radloc_side side);

/* A finding that departs from normal: tested, not normal, and not pain
 * (a symptom, recorded only when present). */
static inline int rl_finding_abnormal(const rl_finding *f)
{
	return !f->nt && f->outcome != RL_NORMAL && f->fkind != RL_PAIN;
}

#endif

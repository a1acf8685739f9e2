/* Internal: an exam as the scorer sees it. A bilateral finding is stored
 * as two findings (left and right) that share a `group`. */
#ifndef RADLOC_EXAM_IMPL_H
#define RADLOC_EXAM_IMPL_H

#include "rules_impl.h"

/* Outcomes: 0 normal; 1..levels a loss level (index + 1, in the order of
 * the kind's severity table); reflexes add RL_BRISK + 0 ("3") and
 * RL_BRISK + 1 ("4"); signs 1 positive; pain 1 present. */
#define RL_NORMAL 0
#define RL_BRISK 3
#define RL_MAX_OUTCOMES 6

typedef struct rl_finding {
	int fkind;           /* enum rl_fkind */
	radloc_kind table;   /* RADLOC_REGION, _MOVEMENT, _REFLEX or _SIGN */
	int element;         /* index in that table */
	radloc_side side;    /* RADLOC_LEFT, RADLOC_RIGHT or RADLOC_MIDLINE */
	int outcome;
	int nt;              /* not testable: ignored, and said so */
	int modality;
	int group;           /* index of the finding as written */
	unsigned long line, column; /* where it was written; 0 if built by API */
	char value[16];      /* as written: "reduced", "3", "2+", "NT" */
	char label[112];     /* "motor great_toe_extension left 3" */
} rl_finding;

struct radloc_exam {
	const radloc_rules *rules;
	char *id;
	rl_finding *findings;
	size_t count, cap;
	size_t groups;
	int ninds;           /* reflex grades written on the NINDS scale */
};

/* Add a finding with its source position (the parser's entry point);
 * outcome as above. Checks side, duplicates and the limit. */
radloc_status rl_exam_add(radloc_exam *exam, int fkind, radloc_kind table,
                          int element, radloc_side side, int outcome, int nt,
                          int modality, const char *grade_text,
                          unsigned long line, unsigned long column,
                          const char **why);

/* An exam from a parsed YAML mapping (the exam parser's core; a teaching
 * case's `exam:`). Problems go to d. */
struct yt_node;
struct rl_diagctx;
radloc_status rl_exam_from_tree(const radloc_rules *rules,
                                const struct yt_node *root,
                                struct rl_diagctx *d, radloc_exam **out);

/* Number of outcomes of a finding kind, and the name of one outcome. */
int rl_outcome_count(int fkind);
const char *rl_outcome_name(int fkind, int outcome);

#endif

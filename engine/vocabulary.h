/* Internal: the fixed words of the rule and exam formats (docs/rules.md,
 * docs/exam-format.md), each written once. Parsers match them, writers
 * print them and messages name them from these tables. */
#ifndef RADLOC_VOCABULARY_H
#define RADLOC_VOCABULARY_H

#include "rules_impl.h"

/* The finding kinds, indexed by enum rl_fkind: the keys of a rule file's
 * `findings:` and the first word of a finding's label. */
extern const char *const rl_fkind_names[RL_FKIND_COUNT];

/* The finding kind of an element or sign table (pain is a region finding
 * the exam lists apart). */
static inline int rl_fkind_of(radloc_kind table, int pain)
{
	return pain ? RL_PAIN : table == RADLOC_REGION ? RL_SENSORY
	     : table == RADLOC_MOVEMENT ? RL_MOTOR
	     : table == RADLOC_REFLEX ? RL_REFLEX : RL_SIGNKIND;
}

/* The sections of an exam, in the order the contract lists them (and
 * radloc_exam_json writes them). Signs are listed under "signs". */
enum rl_exam_section {
	RL_EXAM_SENSORY, RL_EXAM_MOTOR, RL_EXAM_REFLEX, RL_EXAM_SIGNS,
	RL_EXAM_PAIN, RL_EXAM_SECTION_COUNT
};
extern const char *const rl_exam_section_names[RL_EXAM_SECTION_COUNT];

/* The sensory modalities, indexed by radloc_modality: the words of an
 * exam's `modality:` and of the rules' `modalities:`. Index 0, the
 * unstated modality, has no word (NULL). */
extern const char *const rl_modality_names[RL_MODALITY_COUNT];

/* The limbs an element belongs to, indexed by enum rl_limb. */
#define RL_LIMB_COUNT 4
extern const char *const rl_limb_names[RL_LIMB_COUNT];

/* The top-level sections of a rule file. The first RADLOC_KIND_COUNT are
 * the entry kinds' sections, indexed by radloc_kind. */
#define RL_RULE_SECTION_COUNT 16
extern const char *const rl_rule_section_names[RL_RULE_SECTION_COUNT];

#endif

/* Internal: where the clinician looks — the selection model shared by the
 * scorer (posterior.c) and the benchmark's generator (tests/bench/gen.c),
 * so that both mean the same thing (docs/scoring.md, "Where the clinician
 * looked").
 *
 * The body is eleven places: the upper and the lower segment of each
 * limb-side (thigh and knee against leg and foot, upper arm and elbow
 * against forearm and hand), the midline, and each side of the trunk (one
 * segment: a thoracic band has no proximal and distal part). A place is examined when the
 * exam has any finding there (NT and pain included; a sign of a limb marks
 * no segment, a midline sign the midline). Given the territory T of the
 * patient's lesion (the places of its key elements), the clinician
 * examines each place independently with the chance
 *   in_territory  if it is in T,
 *   same_limb     if it is the other segment of a limb-side in T,
 *   other_side    if it is on the other side of a limb (or the trunk) in T,
 *   elsewhere     otherwise;
 * which findings are taken within the examined places (and which signs on
 * their limb-sides) does not depend on the lesion, and cancels. */
#ifndef RADLOC_SELECTION_H
#define RADLOC_SELECTION_H

#include "rules_impl.h"

/* A place as a bit: two per limb-side (RL_LIMBSIDE order), upper segment
 * first, then the midline, then the trunk left and right. */
#define RL_PLACE(limb, side, lower) \
	(1u << (2u * (2u * (unsigned)(limb) + (unsigned)(side) - 1u) + (unsigned)(lower)))
#define RL_PLACE_MIDLINE (1u << 8)
#define RL_PLACE_TRUNK(side) (1u << (8u + (unsigned)(side)))
#define RL_PLACE_COUNT 11
#define RL_PLACE_ALL ((1u << RL_PLACE_COUNT) - 1u)

/* The split of each limb into its two segments, from the rule set's
 * elements (the middle of the limb's distal_rank range), and the places
 * the rules have an element in (only those enter the term). Called once
 * before the hypotheses' territories are built. */
void rl_selection_prepare(radloc_rules *r);

/* The place a finding on element (table) and side examines; 0 for a
 * sign of a limb. */
unsigned rl_place_of(const radloc_rules *r, radloc_kind table, int element,
                     radloc_side side);

/* Of each limb-side in places, its lower segment when it has it; the
 * midline kept. */
unsigned rl_places_distal(unsigned places);

/* The chance that a place (one bit) is examined, given a territory. */
double rl_selection_chance(const radloc_rules *r, unsigned territory, unsigned place);

/* The territory of one patient with hypothesis h, drawn with u uniform in
 * [0, 1): its own; for myelopathy the legs (any level), or with
 * cervical_myelopathy the arms too; for `normal`, or any hypothesis with
 * no territory, the territory of a lesion drawn from the priors (referred
 * with the same spread of complaints as everyone else). */
unsigned rl_selection_territory(const radloc_rules *r, const rl_hypothesis *h, double u);

/* log P(exactly the places `examined` were examined | h, something was),
 * over the territories rl_selection_territory draws from, weights w_T:
 *   log Σ_T w_T Π_places (examined ? c : 1 − c) − log(1 − Σ_T w_T Π (1 − c))
 * over the places the rules have an element in.
 * A constant per hypothesis: no drawn weight enters it. */
double rl_selection_log(const radloc_rules *r, const rl_hypothesis *h,
                        unsigned examined);

/* What rl_selection_log reads of a hypothesis: its places and which of
 * the ways of listing territories applies (myelopathy, motor neuron
 * disease, no places as `other` or as another pattern, else plain).
 * Hypotheses with equal keys have equal terms, to the bit. */
unsigned long rl_selection_key(const rl_hypothesis *h);

/* rl_selection_log, remembering the terms of the keys met so far in the
 * caller's arrays (room for `cap`; n starts at 0): a key met before
 * costs a search, not a walk over the territories. The set of places
 * examined must be the same for every call with one memo. */
typedef struct rl_selection_memo {
	unsigned long *key;
	double *value;
	size_t n, cap;
} rl_selection_memo;
double rl_selection_log_memo(const radloc_rules *r, const rl_hypothesis *h,
                             unsigned examined, rl_selection_memo *memo);

#endif

/* Internal: the myelopathy's levels and forms (cord.c; docs/scoring.md,
 * "Myelopathy: level and form"). A myelopathy component is one level of
 * the rules' `cord: levels` and one of four parts: transverse, a hemicord
 * of the left or the right half, central. */
#ifndef RADLOC_CORD_H
#define RADLOC_CORD_H

#include "exam_impl.h"
#include "rules_impl.h"

#define RL_CORD_PARTS 5
/* RL_PART_COMPLETE is the transverse form taken whole (ISNCSCI AIS A):
 * reported as `transverse`, with every tract below the level lost. */
enum { RL_PART_TRANSVERSE, RL_PART_HEMI_LEFT, RL_PART_HEMI_RIGHT, RL_PART_CENTRAL,
       RL_PART_COMPLETE };

/* The components of the myelopathy hypothesis: levels x parts, or 1
 * (the level-less myelopathy) when the rules have no `cord:`. */
size_t rl_cord_component_count(const radloc_rules *r);

/* log of the share of the myelopathy prior component i takes: its
 * level's weight times its form's (a hemicord's halved between sides). */
double rl_cord_log_share(const radloc_rules *r, size_t i);

/* Component i's level (a segment number) and form (RL_CORD_*). */
int rl_cord_level(const radloc_rules *r, int i);
int rl_cord_form(int i);

/* What component i (-1: none, the level-less myelopathy) makes of an
 * element finding: loss qL, brisk qE, and phi, the share it takes.
 * root_sens the roots' sensitivity of the finding's kind (with its
 * modality); w the element's root weights. */
void rl_cord_element_q(const radloc_rules *r, const rl_finding *f, const rl_element *el,
                       const double *w, double root_sens, int i, double *qL, double *qE,
                       double *phi);

/* rl_cord_element_q in two steps, so that the draws can compute the
 * shares a level takes once per draw and share them between the
 * components that read the same ones (draw_kernels.c). The shares of the
 * element's supply component i reads: its roots at the level (`at`, the
 * cape's segments for the central form), below it, below the hemicord's
 * crossing (`crossed`, hemicord sensory findings only) and from the level
 * down (`taken`, the complete form's motor and sensory findings only). */
typedef struct rl_cord_shares {
	double at, below, crossed, taken;
} rl_cord_shares;

/* The same as bit masks of el->roots (bit j: el->roots[j] counts), which
 * depend on the rules and the component only, not on the draw. */
typedef struct rl_cord_masks {
	unsigned long long at, below, crossed, taken;
} rl_cord_masks;

void rl_cord_masks_of(const radloc_rules *r, const rl_finding *f, const rl_element *el,
                      int i, rl_cord_masks *m);

/* The share of the element the roots in mask carry under weights w,
 * added in the order of el->roots and capped at 1. */
double rl_cord_share(const rl_element *el, const double *w, unsigned long long mask);

/* qL, qE, phi of component i (>= 0) from its shares; below_sens is
 * rl_pattern_sensitivity(r, f, RADLOC_MYELOPATHY). Bit for bit what
 * rl_cord_element_q gives for the weights the shares were read from. */
void rl_cord_q(const radloc_rules *r, const rl_finding *f, const rl_element *el,
               double root_sens, double below_sens, int i, const rl_cord_shares *sh,
               double *qL, double *qE, double *phi);

/* How much of a sign's myelopathy sensitivity component i reaches on
 * finding_side: 0 where the sign names other levels (Hoffmann below C8)
 * or the other side of a hemicord, else 1. */
double rl_cord_sign_reach(const radloc_rules *r, const rl_sign *sg, int i,
                          radloc_side finding_side);

/* The flags read from the modalities (docs/scoring.md): a sensory level,
 * and dissociated sensory loss; RADLOC_FLAG_* bits. */
unsigned rl_cord_flags(const radloc_rules *r, const radloc_exam *exam);

#endif

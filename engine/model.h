/* Internal: the likelihood model shared by scoring, explanation and the
 * next-test search. docs/scoring.md gives the equations. */
#ifndef RADLOC_MODEL_H
#define RADLOC_MODEL_H

#include "exam_impl.h"
#include "rules_impl.h"

/* One set of model parameters: the mean of their distributions, or one
 * draw from them (a plausible person). */
typedef struct rl_params {
	double sens[RL_FKIND_COUNT];   /* sensitivity of each finding kind */
} rl_params;

/* A finding being scored, with the parameters that belong to it. */
typedef struct rl_fwork {
	const rl_finding *f;
	const rl_element *el;   /* NULL for signs */
	const rl_sign *sg;      /* NULL for elements */
	double *w;              /* element: root weights, dense over roots */
	double *ssens;          /* sign: sensitivity over roots|nerves|patterns */
} rl_fwork;

/* Components: the hypotheses, with polyneuropathy split into its extents
 * and each focal lesion (root, roots, nerve) into its severities; a
 * hypothesis's likelihood is the mixture over its components. */
typedef struct rl_components {
	size_t count;
	int *hyp;       /* component → hypothesis */
	int *extent;    /* component → polyneuropathy or cauda equina extent, or -1 */
	double *scale;  /* component → severity scale of a focal lesion (else 1) */
	double *log_prior; /* log prior, extents sharing their hypothesis's */
	int *site;      /* component → nerve site (rl_site numbering), or -1:
	                 * the nerve's whole territory; NULL: -1 for all */
	int *cord;      /* component → myelopathy level and form (cord.h), or
	                 * -1: not a myelopathy, or one without levels; NULL:
	                 * -1 for all */
	size_t *first;  /* hypothesis → its first component, hyp_count + 1
	                 * entries (a hypothesis's components are adjacent);
	                 * the scorer's only, NULL elsewhere */
} rl_components;

/* The myelopathy level-and-form part of a component, or -1. */
static inline int rl_comp_cord(const rl_components *c, size_t comp)
{
	return c->cord ? c->cord[comp] : -1;
}

/* The site of a component, or -1. */
static inline int rl_comp_site(const rl_components *c, size_t comp)
{
	return c->site ? c->site[comp] : -1;
}

/* The share of an element a nerve lesion takes at site (-1: the whole
 * nerve, its most proximal extent). */
static inline double rl_site_share_of(const rl_element *el, int nerve, int site)
{
	return site >= 0 ? el->site_loss[site] : el->nerve_loss[nerve];
}

/* Nothing is certain: a lesion's sensitivity, once scaled by its
 * severity, stays below this, so that a single normal finding where the
 * lesion should show never rules it out (its likelihood stays above 0). */
#define RL_MAX_SENSITIVITY 0.99

static inline double rl_capped_sensitivity(double s)
{
	return s > RL_MAX_SENSITIVITY ? RL_MAX_SENSITIVITY : s;
}

/* A focal lesion's (root, roots, nerve, cauda equina) sensitivity for a
 * finding: the kind's, times its modality's scale (1 for all but sensory
 * findings with a modality), times the lesion's severity, capped. The
 * point estimate and the draws both call this, in this order. */
static inline double rl_focal_sensitivity(double kind_sens, double modality_scale,
                                          double severity)
{
	return rl_capped_sensitivity(kind_sens * modality_scale * severity);
}

/* ---- sensory modalities (model.c; docs/scoring.md, "Modalities") ----
 * The row of a sensory finding's modality, or NULL when the finding is
 * of another kind, its modality unstated, or the rules give it no row:
 * then it is scored as the sensory kind. One lookup per finding, so that
 * a per-modality term (examiner error) can read the same row. */
const rl_modality *rl_modality_of(const radloc_rules *r, const rl_finding *f);

/* Its sensitivity scale under a focal lesion (1 without a row). */
double rl_modality_scale(const radloc_rules *r, const rl_finding *f);

/* The sensitivity of polyneuropathy or myelopathy for the finding: its
 * modality's where it has one, else the pattern's for the kind. */
double rl_pattern_sensitivity(const radloc_rules *r, const rl_finding *f,
                              radloc_pattern pattern);

/* ---- mnd.c: motor neuron disease ---- */

/* Its loss (qL) and brisk (qE) chances for a finding on element el, and
 * the share phi that grades them; all 0 off the limbs and for signs. */
void rl_mnd_q(const radloc_rules *r, const rl_finding *f, const rl_element *el,
              double *qL, double *qE, double *phi);
/* Whether it moves the finding away from its background. */
int rl_mnd_touches(const radloc_rules *r, const rl_finding *f, const rl_element *el);

/* Sharpen fw->w (the element's root weights, the means or one draw) for
 * the finding's modality: w(x)^gamma over the element's roots,
 * renormalised to the same total; nothing when gamma is 1 or there is no
 * row. Pin prick maps overlap less than touch maps. */
void rl_modality_sharpen(const radloc_rules *r, rl_fwork *fw);

/* A sign's sensitivities come in one row of columns: each root's, then
 * each nerve's, then each pattern's, then each nerve site's, then each
 * plexus element's (rl_fwork.ssens, the bank's rows). */
static inline size_t rl_sign_width(const radloc_rules *r)
{
	return r->root_count + r->nerve_count + RADLOC_PATTERN_COUNT + r->site_count +
	       r->plexus_count;
}

static inline size_t rl_sign_plexus_column(const radloc_rules *r, int plexus)
{
	return r->root_count + r->nerve_count + RADLOC_PATTERN_COUNT + r->site_count +
	       (size_t)plexus;
}

static inline size_t rl_sign_site_column(const radloc_rules *r, int site)
{
	return r->root_count + r->nerve_count + RADLOC_PATTERN_COUNT + (size_t)site;
}

static inline size_t rl_sign_nerve_column(const radloc_rules *r, int nerve)
{
	return r->root_count + (size_t)nerve;
}

static inline size_t rl_sign_pattern_column(const radloc_rules *r, radloc_pattern p)
{
	return r->root_count + r->nerve_count + (size_t)p;
}

/* How much of a finding on finding_side a one-sided (or bilateral) lesion
 * reaches: 1 on its side, 0 on the other, midline_unilateral at the
 * midline. */
double rl_side_reach(const radloc_rules *r, radloc_side hyp_side,
                     radloc_side finding_side);

/* The kernels of the likelihood (docs/scoring.md), written once for the
 * point estimate (model.c) and the draws (intervals.c), which must agree
 * to the last bit.
 *
 * A root lesion makes an element abnormal by noisy-OR over its roots:
 *     q = 1 - prod_x (1 - sens * w(x) * reach)
 * sens the kind's sensitivity at the lesion's severity (capped), w(x) the
 * share of the element root x supplies, reach the side reach. */
static inline double rl_roots_loss(double sens, const double *w, const int *roots,
                                   int root_count, double reach)
{
	double keep = 1.0;
	for (int i = 0; i < root_count; i++)
		keep *= 1.0 - sens * w[roots[i]] * reach;
	return 1.0 - keep;
}

/* A nerve lesion: q = sens * (the share of the element the nerve carries)
 * * reach. */
static inline double rl_nerve_loss(double sens, double nerve_share, double reach)
{
	return sens * nerve_share * reach;
}

/* The share of the element's supply a lesion takes, phi, which grades
 * what it makes abnormal: lesion(v) = phi full(v) + (1 - phi) partial(v).
 * Roots: phi = 1 - prod_x (1 - w(x) * reach), the noisy-OR of their
 * shares without the sensitivity. */
static inline double rl_roots_share(const double *w, const int *roots, int root_count,
                                    double reach)
{
	return rl_roots_loss(1.0, w, roots, root_count, reach);
}

/* A plexus element: its roots' shares each scaled by the element's route
 * share n (the fibres that run through it), phi = 1 - prod (1 - n w reach);
 * its q is rl_roots_loss with the sensitivity times n. */
static inline double rl_roots_share_routed(const double *w, const int *roots,
                                           int root_count, double route, double reach)
{
	return rl_roots_loss(route, w, roots, root_count, reach);
}

/* A nerve: phi = the share it carries * reach. */
static inline double rl_nerve_share(double nerve_share, double reach)
{
	return nerve_share * reach;
}

/* The weight of the full profile, g = phi^exponent: a lesion that takes
 * part of a muscle's motor units leaves the rest, so only a share near 1
 * leaves it at MRC 0-2 (docs/scoring.md). */
static inline double rl_full_weight(double phi, int exponent)
{
	double g = 1.0;
	for (int i = 0; i < exponent; i++)
		g *= phi;
	return g;
}

/* A sign as recorded, from p = P(its true state is the one observed):
 * right with 1 - eps, reversed with eps (1 - gross), either outcome at
 * random with eps gross (docs/scoring.md, Examiner error). */
static inline double rl_sign_observed(double p, double eps, double gross)
{
	return (1.0 - eps) * p + eps * (1.0 - gross) * (1.0 - p) + eps * gross * 0.5;
}

/* The sensitivity columns through which a hypothesis moves a sign: its
 * roots, its nerve (at the component's site, when it has one), or its
 * pattern. Roots and nerves are scaled by the lesion's severity (and
 * capped) and reach their side or both; a pattern is taken
 * as written and reaches both. */
typedef struct rl_sign_link {
	int column[RADLOC_MAX_ROOTS]; /* a lesion's roots (or its nerve, or its pattern) */
	int count;
	int scaled;
	double reach;
	double fixed; /* a sensitivity the lesion sets itself, not drawn (a cauda
	               * equina extent's own row), or 0 */
} rl_sign_link;

/* How the component comp is linked to the sign finding fw. */
void rl_sign_link_of(const radloc_rules *r, const rl_components *comps, size_t comp,
                     const rl_fwork *fw, rl_sign_link *out);

/* P(a sign stays negative) under a lesion of severity scale linked to it
 * by link: specificity * prod (1 - sens * reach), the sensitivities from
 * ssens (one row of rl_sign_width columns). */
static inline double rl_sign_negative(double specificity, const double *ssens,
                                      const rl_sign_link *link, double scale)
{
	double keep = specificity;
	for (int i = 0; i < link->count; i++) {
		double sens = ssens[link->column[i]];
		if (link->scaled)
			sens = rl_capped_sensitivity(sens * scale);
		keep *= 1.0 - sens * link->reach;
	}
	return keep * (1.0 - link->fixed * link->reach);
}

/* An element finding's recorded outcome probability, under a lesion
 * without an upper motor neuron part, is bilinear in its loss
 * probability q and the weight g = rl_full_weight(phi) of the full
 * profile: P = A + q (S + g T), A the background. Sets slope = {S / A,
 * T / A}, so that the likelihood ratio against the background is
 * 1 + q (slope[0] + g slope[1]); returns -1
 * when the background cannot produce the outcome (A = 0), else 0. */
int rl_outcome_slopes(const radloc_rules *r, const rl_fwork *fw, int outcome,
                      double slope[2]);

/* P(the finding as observed | component), under params. Never below
 * RL_MIN_PROB, so its log is finite. */
#define RL_MIN_PROB 1e-300
double rl_likelihood(const radloc_rules *r, const rl_params *p,
                     const rl_fwork *fw, const rl_components *comps,
                     size_t comp, int outcome);

/* P(each outcome | component) in out[0..rl_outcome_count(kind)-1]: one
 * lesion computation for all outcomes (the next-test search needs them
 * all). */
void rl_outcome_probs(const radloc_rules *r, const rl_params *p,
                      const rl_fwork *fw, const rl_components *comps,
                      size_t comp, double *out);

/* The same with no lesion touching the finding (the background). */
double rl_background(const radloc_rules *r, const rl_fwork *fw, int outcome);

/* Whether a component can change the finding's likelihood at all (the
 * structure, not the values): the scorer skips the others (touches.c). */
int rl_touches(const radloc_rules *r, const rl_fwork *fw,
               const rl_components *comps, size_t comp);

/* ---- person-level traits (model.c; docs/scoring.md) ----
 * Four people: bit RL_TRAIT_BRISK a brisk person, bit RL_TRAIT_DISTAL
 * age-related distal loss. A trait changes only the backgrounds of the
 * findings it affects; the likelihood of an exam is
 *     P(exam | c) = prod_{f unaffected} P(f | c)
 *                   * sum_t pi_t prod_{f affected} P(f | c, t). */
#define RL_TRAIT_BRISK 1u
#define RL_TRAIT_DISTAL 2u
#define RL_TRAIT_PEOPLE 4

/* rl_outcome_slopes for each person t of the traits in mask, unscaled:
 * abc[t] = {A_t, S_t, T_t}, so that under a lesion without an upper motor
 * neuron part P(outcome | lesion, t) = A_t + q (S_t + g T_t), A_t person
 * t's background (before the RL_MIN_PROB floor). */
void rl_outcome_slopes_traits(const radloc_rules *r, const rl_fwork *fw, int outcome,
                              unsigned mask, double abc[RL_TRAIT_PEOPLE][3]);

/* The traits that affect finding f on element el (0: none, or no traits
 * in the rules): brisk for every reflex, distal for leg reflexes and leg
 * regions (vibration or unstated modality) from the rules' distal_rank. */
unsigned rl_trait_mask(const radloc_rules *r, const rl_finding *f, const rl_element *el);

/* log pi_t of person t (0..RL_TRAIT_PEOPLE-1). */
double rl_trait_log_prior(const radloc_rules *r, int person);

/* P(the finding as observed | component, person t) for each person t;
 * comps NULL for the background. Persons differing only in traits
 * outside mask get the same value. Equals rl_likelihood at t = 0. */
void rl_likelihood_traits(const radloc_rules *r, const rl_params *p,
                          const rl_fwork *fw, const rl_components *comps,
                          size_t comp, int outcome, unsigned mask,
                          double out[RL_TRAIT_PEOPLE]);

/* rl_likelihood and rl_likelihood_traits of an element finding under a
 * component (not `other`) whose loss qL, brisk qE and share phi the
 * caller has worked out: the same numbers, bit for bit. The draws'
 * myelopathy kernels (draw_kernels.c) compute those once per level. */
double rl_element_likelihood(const radloc_rules *r, const rl_fwork *fw, double qL,
                             double qE, double phi, int outcome);
void rl_element_likelihood_traits(const radloc_rules *r, const rl_fwork *fw, double qL,
                                  double qE, double phi, int outcome, unsigned mask,
                                  double out[RL_TRAIT_PEOPLE]);

/* The same under two lesions at once, components a and b (neither
 * `other`): noisy-OR of their losses and of their shares, a sign
 * negative only if both leave it so (docs/scoring.md, "Two lesions at
 * once"). With mask 0, out[0] is the plain likelihood. */
void rl_pair_likelihood_traits(const radloc_rules *r, const rl_params *p,
                               const rl_fwork *fw, const rl_components *comps,
                               size_t a, size_t b, int outcome, unsigned mask,
                               double out[RL_TRAIT_PEOPLE]);

/* What one part of a pair makes of a finding, whatever the other part
 * is: for an element its loss, brisk and share (zero for `other`), for a
 * sign the probability it stays negative with the sign's specificity
 * (the first part's factor) and without it (the second's). The pairs
 * work it out once per exam for each component a finding's touch list
 * holds, rather than once per pair of components. */
typedef struct rl_part_state {
	double qL, qE, phi;
	double neg_spec, neg_one;
} rl_part_state;

void rl_part_state_of(const radloc_rules *r, const rl_params *p, const rl_fwork *fw,
                      const rl_components *comps, size_t comp, rl_part_state *out);

/* rl_pair_likelihood_traits from the parts' states (a the first part):
 * the same numbers, bit for bit. */
void rl_pair_likelihood_states(const radloc_rules *r, const rl_fwork *fw,
                               const rl_part_state *a, const rl_part_state *b,
                               int outcome, unsigned mask, double out[RL_TRAIT_PEOPLE]);

/* Point fw at the finding f, its element or sign, and the caller's
 * buffer for its root weights (root_count doubles) or, for a sign, its
 * sensitivities (rl_sign_width doubles). */
void rl_fwork_bind(const radloc_rules *r, rl_fwork *fw, const rl_finding *f,
                   double *weights);

/* A finding that was not observed, as the scorer would see it: the kind
 * its table tests (or pain), at the rule means. */
void rl_probe_finding(const radloc_rules *r, radloc_kind table, int element,
                      radloc_side side, int pain, rl_finding *f, rl_fwork *fw,
                      double *weights);

/* Fill fw->w (dense root weights) with the rule means, and fw->ssens
 * with the sign's sensitivities; buffers must be allocated by the caller
 * (root_count, and root_count + nerve_count + RADLOC_PATTERN_COUNT). */
void rl_mean_weights(const radloc_rules *r, rl_fwork *fw);
void rl_mean_params(const radloc_rules *r, rl_params *p);

/* Per-element tables (what was examined, which components touch a
 * finding, the bank of draws) have one row per element: the regions,
 * movements and reflexes, then the signs. */
size_t rl_element_rows(const radloc_rules *r);
size_t rl_element_row(const radloc_rules *r, radloc_kind table, int element);

/* log(sum(exp(x))) shifted by the maximum; GSL's exp is called only on
 * arguments it cannot underflow on. Returns GSL status. */
int rl_logsumexp(const double *x, size_t n, double *out);

#endif

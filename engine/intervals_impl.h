/* Internal: the working state of the credible intervals, shared by
 * intervals.c (the steps) and draw_kernels.c (how each finding moves each
 * live component in one draw). docs/scoring.md, "Credible intervals". */
#ifndef RADLOC_INTERVALS_IMPL_H
#define RADLOC_INTERVALS_IMPL_H

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "cord.h"
#include "draws.h"
#include "scorer_impl.h"

/* frexp and ldexp, bit for bit, without a call into libm for normal
 * numbers (the draws call them per live component per draw): a normal
 * double's exponent field is moved as it stands; zero, subnormals,
 * infinities, NaN and results outside the normal range go to libm. */
static inline double rl_frexp(double x, int *e)
{
	uint64_t b;
	memcpy(&b, &x, sizeof b);
	int ex = (int)(b >> 52 & 0x7ff);
	if (ex == 0 || ex == 0x7ff)
		return frexp(x, e);
	*e = ex - 1022;
	b = (b & ~(0x7ffull << 52)) | (1022ull << 52);
	memcpy(&x, &b, sizeof x);
	return x;
}

static inline double rl_ldexp(double x, int n)
{
	uint64_t b;
	memcpy(&b, &x, sizeof b);
	long ex = (long)(b >> 52 & 0x7ff);
	if (ex == 0 || ex == 0x7ff || ex + n <= 0 || ex + n >= 0x7ff)
		return ldexp(x, n);
	b = (b & ~(0x7ffull << 52)) | ((uint64_t)(ex + n) << 52);
	memcpy(&x, &b, sizeof x);
	return x;
}

/* Findings per block of multiplied likelihood ratios before their binary
 * exponent is moved aside: ratios stay within [1e-300, 1e300] of each
 * other only for so long. */
#define RATIO_BLOCK 32

/* How one finding moves one live component in a draw, prepared once per
 * exam. For an element finding and a lesion without an upper motor
 * neuron part, every recorded outcome's probability is bilinear in the
 * lesion's loss probability q and the share phi of the element it takes
 * (rl_outcome_slopes), so the likelihood ratio against the background is
 * 1 + q (slope[0] + phi^k slope[1]): q and phi from the roots or the nerve
 * kernels, a constant for polyneuropathy and `other`. A sign's ratio comes
 * from the sign kernel. A plexus element's and a cauda equina's element
 * findings compute what element_q (model.c) does, then the outcome's
 * probability (KERNEL_PLEXUS, KERNEL_CAUDA). Anything else goes through
 * rl_likelihood. */
enum { KERNEL_GENERIC, KERNEL_ROOTS, KERNEL_NERVE, KERNEL_CONSTANT, KERNEL_SIGN,
       KERNEL_CORD, KERNEL_PLEXUS, KERNEL_CAUDA, KERNEL_KINDS };

/* A myelopathy level's element findings: what rl_likelihood computes
 * (rl_cord_element_q, then the outcome's probability), worked out once
 * per draw for each class of components that would compute it from the
 * same numbers: the same severity, the same part (form and side) and the
 * same roots of the element at, below and under the level. Levels above
 * an element's roots all read it as "below", so a finding's many
 * myelopathy components fall into a few classes (KERNEL_CORD). */
typedef struct cord_class {
	int severity;          /* index in the rules' severities */
	int cord;              /* a component's level-and-form index (its part counts) */
	rl_cord_masks masks;
	double below_sens;     /* the finding's myelopathy sensitivity */
	int zero;              /* q and phi 0 in every draw: value set once */
	double value;          /* this draw: likelihood / background */
	double out[RL_TRAIT_PEOPLE]; /* this draw, an affected finding: per person */
} cord_class;

typedef struct draw_kernel {
	int live;              /* the live component it moves */
	int kind;              /* KERNEL_... */
	int severity;          /* the component's severity: index in the rules' */
	int roots[RADLOC_MAX_ROOTS]; /* roots: the lesion's roots */
	int root_count;
	double reach;          /* roots, nerve: side reach */
	double nerve_share;    /* nerve: the share of the element it carries */
	double nerve_slope;    /* nerve: slope[0] + phi slope[1], phi fixed */
	double constant_ratio; /* polyneuropathy: the ratio, the same every draw */
	double scale;          /* sign: the component's severity scale */
	rl_sign_link sign;     /* sign: the sensitivities it acts through */
	size_t cls;            /* cord: its class; roots: its share class */
	const rl_plexus *plexus; /* plexus: the plexus element */
	double route;          /* plexus: the element's route share through it */
	int extent;            /* cauda: the cauda equina extent */
	size_t run_end;        /* the end of its finding's run of kernels of its kind */
} draw_kernel;

/* The share a root lesion takes of a finding's element and the weight of
 * its full profile, g = phi^k, read from the draw's root weights: the
 * same for every severity of the same roots on the same side, so
 * computed once per draw for all of them (KERNEL_ROOTS). */
typedef struct share_class {
	size_t finding;
	int roots[RADLOC_MAX_ROOTS];
	int root_count;
	double reach;
	int exponent;          /* the finding kind's share exponent */
	double g;
} share_class;

/* How one affected finding moves one live component's mixture over
 * people: for person t without an upper motor neuron part, P = A_t +
 * q (S_t + g T_t) (rl_outcome_slopes_traits), q and phi from the roots
 * or the nerve kernel; a constant per person where no drawn parameter
 * reaches the likelihood; else rl_likelihood_traits (KERNEL_GENERIC). */
typedef struct trait_kernel {
	size_t affected;       /* its index among the affected findings */
	int kind;              /* KERNEL_ROOTS, _NERVE, _CONSTANT or _GENERIC */
	int roots[RADLOC_MAX_ROOTS]; /* roots: the lesion's roots */
	int root_count;
	double reach;          /* roots, nerve: side reach */
	double nerve_share;    /* nerve: the share of the element it carries */
	double scale;          /* roots, nerve: the component's severity scale */
	double value[RL_TRAIT_PEOPLE]; /* constant: P_t / background_t; nerve: S_t + g T_t */
	size_t cls;            /* cord: its class; roots: its share class */
	const rl_plexus *plexus; /* plexus: the plexus element */
	double route;          /* plexus: the element's route share through it */
	int extent;            /* cauda: the cauda equina extent */
} trait_kernel;

/* Everything one call works with. Sizes known from the exam are allocated
 * together (work_alloc); the samples, sized by the columns, once those
 * are chosen (assign_columns). work_free ends it all. */
typedef struct interval_work {
	size_t draws;
	/* Live components: recomputed in every draw. */
	unsigned char *wanted;      /* per hypothesis: has live components */
	size_t *live;               /* live index → component */
	int *live_of;               /* component → live index, or -1 */
	size_t live_count;
	/* The dead ones keep their point log posterior. */
	double dead_log_mass;       /* all of them */
	double *dead_log_mass_of;   /* per hypothesis */
	/* The findings, with their own weight buffers: the draws write only
	 * here, never into the point estimate's. */
	rl_fwork *fw;
	double *weights;            /* nf × root_count */
	double *sign_sens;          /* nf × rl_sign_width */
	const double **drawn;       /* per element finding: its row of the bank */
	const rl_sign_row **sign_drawn; /* per sign finding: its row of the bank */
	double *inv_background;     /* per finding: 1 / P(outcome | background) */
	double *slope;              /* per element finding: rl_outcome_slopes, 2 each */
	unsigned char *linear;      /* per element finding: the slopes exist */
	size_t *kernel_start;       /* per finding: its first kernel */
	draw_kernel *kernels;       /* per finding, per live component it moves */
	/* The draws, relative to e^log_anchor (the largest term that does not
	 * change between draws, so that nothing overflows). */
	double log_anchor;
	double *constant_log_weight; /* per live: prior + factor + Σ log background */
	double *constant_weight;    /* per live: e^(that - log_anchor) */
	double dead_mantissa;       /* the dead mass as mantissa × 2^exponent */
	int dead_exponent;
	double *dead_weight;        /* per reported hypothesis: its dead mass */
	double *sens_at_severity;   /* per kind, per severity: capped sensitivity */
	double *modality_scale;     /* per finding: its modality's focal scale */
	double *sens_of_modality;   /* per severity: one finding's, scale != 1 */
	double *ratio;              /* per live: product of likelihood ratios */
	int *exponent;              /* per live: binary exponent moved aside */
	double *log_normaliser;     /* per draw: log Z */
	unsigned *trait_mask;       /* per finding: the traits that affect it */
	double *trait_log;          /* per person: its running log weight */
	double log_trait_background; /* the affected findings without a lesion */
	/* Only the affected findings a component touches move its mixture;
	 * the others keep their no-lesion value for each person, which no
	 * drawn parameter moves: computed once. */
	size_t *affected;           /* the findings a trait affects */
	size_t affected_count;
	double *affected_background; /* per affected finding, per person: 1 / P */
	double base_trait_weight[RL_TRAIT_PEOPLE]; /* pi_t prod P, over the largest */
	double base_trait_shift;    /* the log of that largest */
	unsigned char *trait_touch; /* per live, per affected: touched */
	double *trait_abc;          /* per affected, per person: A_t, S_t, T_t */
	size_t *trait_kernel_start; /* per live: its first trait kernel */
	trait_kernel *trait_kernels; /* per live, per affected finding it touches */
	unsigned char *trait_fixed; /* per live: its mixture the same every draw */
	double *trait_factor;       /* per live, fixed: the mixture's factor */
	int *trait_shift;           /* per live, fixed: and its binary shift;
	                             * the others: this draw's */
	size_t *ratio_same;         /* per live: the first live component with
	                             * the same kernels (itself if none) */
	size_t *trait_same;         /* per live: the first live component with
	                             * the same trait kernels (itself if none) */
	size_t *cord_class_start;   /* per finding: its first cord class */
	cord_class *cord_classes;   /* per finding, per class of its cord kernels */
	share_class *share_classes; /* the roots kernels' shares, per finding */
	size_t share_class_count;
	/* Reported hypotheses with a live component get a column of samples. */
	size_t *column;             /* per reported hypothesis, or NO_COLUMN */
	size_t *column_of_live;     /* per live, or NO_COLUMN */
	size_t column_count;
	double *samples;            /* column × draws */
} interval_work;

#define NO_COLUMN ((size_t)-1)

/* draw_classes.c */
/* Tests only: 0 sends the element findings of a myelopathy, a plexus
 * element and a cauda equina through rl_likelihood in every draw, and
 * gives each roots kernel a share class of its own, and computes every
 * traits' mixture with kernels in every draw: the reference KERNEL_CORD,
 * KERNEL_PLEXUS, KERNEL_CAUDA, the share classes and the fixed mixtures
 * must match bit for bit (tests/test_draw_classes.c). Set before scoring,
 * never while a scorer runs. */
extern int rl_draw_exact_kernels;
/* KERNEL_PLEXUS or KERNEL_CAUDA where component c reads element finding
 * fw that way, else KERNEL_GENERIC. */
int rl_state_kind(const rl_scoring *s, const rl_fwork *fw, size_t c);
/* Their loss and share (element_q's), sens the finding's focal
 * sensitivity at the component's severity. */
void rl_state_q(const radloc_rules *r, const rl_fwork *fw, int kind,
                const rl_plexus *plexus, double route, int extent, double reach,
                double sens, double *qL, double *phi);
/* The share class of finding f for a lesion of these roots and reach. */
size_t rl_share_class_of(interval_work *w, const rl_scoring *s, size_t f,
                         const int *roots, int root_count, double reach);
/* Whether component c reads element finding fw through a cord class;
 * every finding's cord classes; the class of component c for finding f;
 * one class in this draw (root_sens at its severity). */
int rl_reads_cord_class(const rl_scoring *s, const rl_fwork *fw, size_t c);
void rl_make_cord_classes(interval_work *w, const rl_scoring *s);
size_t rl_find_cord_class(interval_work *w, const rl_scoring *s, size_t f, size_t c);
void rl_cord_class_draw(const radloc_rules *r, const rl_fwork *fw, cord_class *k,
                        double root_sens, int outcome, unsigned mask,
                        double inv_background);
/* Tests only: live components whose traits' mixture was taken, in every
 * draw, from an earlier live component with the same trait kernels
 * (with rl_draw_exact_kernels 0, none: the reference computes each). */
extern atomic_ulong rl_draw_shared_mixtures;
/* Tests only: live components that took an earlier one's product of
 * likelihood ratios (the same kernels, finding by finding). */
extern atomic_ulong rl_draw_shared_ratios;
/* Whether live components i and j have the same trait kernels (none
 * generic): the same mixture in every draw. */
int rl_same_trait_kernels(const interval_work *w, size_t i, size_t j);
/* Live components with an earlier one's kernels, finding by finding,
 * take its product of ratios (ratio_same); their kernels leave the
 * findings' lists. */
void rl_share_ratios(interval_work *w, const rl_scoring *s);

/* draw_kernels.c */
/* log sum_t pi_t prod_{f affected} P(f | c, t) for live component `live`
 * (< 0: the background) under params p and the weights in w->fw. */
double rl_trait_log_mixture(interval_work *w, const rl_scoring *s, const rl_params *p,
                            long live);
/* Per finding, a kernel for each live component it moves. */
void rl_make_kernels(interval_work *w, const rl_scoring *s);
/* Draw d: every live component's product of likelihood ratios. */
void rl_score_draw(interval_work *w, const rl_scoring *s, const rl_bank *bank, size_t d);

/* draw_threads.c */
/* Draws from to to - 1 scored on w (intervals.c: each draw's ratios,
 * then its normaliser and samples). */
typedef void rl_draw_range_fn(interval_work *w, const rl_scoring *s, const rl_bank *bank,
                              const radloc_result *res, size_t from, size_t to);
/* All of w's draws through fn, shared between this thread and the
 * pool's (NULL: this thread alone), each on its own copy of what a draw
 * writes: the same samples whatever the count. */
void rl_draws_share(interval_work *w, const rl_scoring *s, const rl_bank *bank,
                    const radloc_result *res, rl_threads *pool, rl_draw_range_fn *fn);

#endif

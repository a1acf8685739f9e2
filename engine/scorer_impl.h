/* Internal: what a scorer keeps between exams, the state of one scoring
 * call, and the steps that share it. */
#ifndef RADLOC_SCORER_IMPL_H
#define RADLOC_SCORER_IMPL_H

#include "draws.h"
#include "examined.h"
#include "model.h"
#include "result_impl.h"
#include "selection.h"
#include "threads.h"

/* The scoring call's buffers a scorer keeps (rl_scorer_scratch): one
 * slot per buffer, so that the buffers of one call never overlap. */
enum rl_scratch_slot {
	RL_SCRATCH_FW, RL_SCRATCH_OUTCOME, RL_SCRATCH_WEIGHTS, RL_SCRATCH_SSENS,
	RL_SCRATCH_LOGLIK, RL_SCRATCH_COMP_LOGPOST, RL_SCRATCH_COMP_POST, RL_SCRATCH_HYP_POST,
	RL_SCRATCH_LOG_FACTOR, RL_SCRATCH_TOUCH, RL_SCRATCH_TOUCH_COUNT,
	RL_SCRATCH_BG, RL_SCRATCH_SUM, RL_SCRATCH_MOVED,
	RL_SCRATCH_MIX_W, RL_SCRATCH_MIX_TOTAL, RL_SCRATCH_MIX_TOUCHED, RL_SCRATCH_MIX_OWN,
	RL_SCRATCH_MIX_OWN_LIST,
	RL_SCRATCH_PAIR_LOCAL, RL_SCRATCH_PAIR_COMP_OF, RL_SCRATCH_PAIR_TOUCHED,
	RL_SCRATCH_PAIR_PEOPLE, RL_SCRATCH_PAIR_LP,
	RL_SCRATCH_PAIR_LOG_BG_PEOPLE, RL_SCRATCH_PAIR_MASK, RL_SCRATCH_PAIR_STATE,
	RL_SCRATCH_PAIR_KNOWN, RL_SCRATCH_PAIR_TLIST, RL_SCRATCH_PAIR_TSTART,
	RL_SCRATCH_PAIR_MASKED, RL_SCRATCH_PAIR_PLAIN, RL_SCRATCH_PAIR_MOVES_TRAIT,
	RL_SCRATCH_PAIR_ALONE_KNOWN, RL_SCRATCH_PAIR_ALONE, RL_SCRATCH_PAIRS,
	RL_SCRATCH_PAIR_LP_ALL, RL_SCRATCH_NEXT_LIVE, RL_SCRATCH_NEXT_SLOT, RL_SCRATCH_NEXT_WEIGHTS,
	RL_SCRATCH_NEXT_PROBS,
	RL_SCRATCH_SLOTS
};

struct radloc_scorer {
	const radloc_rules *rules;
	uint64_t seed;
	unsigned long draws;
	double mass;
	size_t top;
	unsigned threads;       /* the draws of one exam shared among them */
	rl_threads *pool;       /* threads - 1 of them, waiting for work */
	gsl_rng **pool_rng;     /* a generator for each, for the bank's rows */
	rl_components comps;
	/* Which components can move a finding's likelihood depends only on
	 * the rules: listed once per (element, side, pain or not), each
	 * element's lists made when an exam first uses it. */
	int **touch_list;
	size_t *touch_len;
	unsigned char *touch_done;
	/* The log likelihood of a finding under each component of its touch
	 * list, at the mean parameters: it depends only on the finding's
	 * element, side, kind, modality and outcome, never on the rest of
	 * the exam, so each list of them is made when an exam first has that
	 * finding and kept (rl_scorer_logliks). */
	double **loglik_table;
	/* The next test's probes (a key's element and side, no modality):
	 * each component's outcome probabilities at the mean parameters,
	 * made when a search first needs them and kept
	 * (rl_scorer_probe_probs); rows × 3 sides. Most components leave a
	 * probe at the same few vectors (its background, a severity's
	 * loss), so each distinct vector is kept once, in the pool, and a
	 * probe keeps per component only the vector's number: 1.5 MB when
	 * every probe is filled, where a vector per component took 16.5 MB
	 * (docs/performance-log.md, issue #18). */
	struct rl_probe_table {
		uint32_t *at;        /* per component: 0 not made, else 1 + pool index */
	} *probe_table;
	struct rl_probe_pool {
		double (**blocks)[RL_MAX_OUTCOMES]; /* RL_PROBE_BLOCK vectors each, never moved */
		size_t count, block_count;
		uint32_t *hash;      /* open addressing: 0 empty, else 1 + pool index */
		size_t hash_cap;     /* a power of 2, over twice count */
	} probe_pool;
	rl_bank bank;
	/* Where the clinician looked (selection.c) depends only on the
	 * hypothesis and the set of places examined, and on the hypothesis
	 * only through its places and whether its pattern has territories
	 * of its own (myelopathy, motor neuron disease, `other`, none):
	 * hypotheses alike in both share a class (29 of 292 in the shipped
	 * rules), and each set's row of log terms, one per class, is made
	 * when an exam first has it (rl_scorer_selection). */
	double *selection[RL_PLACE_ALL + 1];
	size_t selection_classes;
	const rl_hypothesis **selection_rep; /* per class: its first hypothesis */
	int *selection_class;                /* per component: its hypothesis's class */
	/* Two lesions at once (pairs.c): whether the rules give them a
	 * prior, and the log of what turns the product of two single priors
	 * into the pair's, log(m / (1 - m)) - log(sum over every pair of the
	 * product of its parts' priors). */
	int pairs_on;
	double pair_log_norm;
	/* The buffers of one scoring call (rl_scorer_scratch), kept between
	 * exams: a scorer scores one exam at a time (one per thread), so
	 * once it has seen its largest exam it allocates nothing per exam. */
	struct rl_scratch {
		void *p;
		size_t size;
	} scratch[RL_SCRATCH_SLOTS];
};

/* A pair of single lesions scored on one exam (pairs.c). */
typedef struct rl_pair {
	int a, b;          /* its hypotheses, a < b (the label's order) */
	double post;       /* its posterior */
	double log_post;   /* its log posterior before normalising (the singles'
	                    * comp_logpost scale), which the draws keep */
	size_t ca, cb;     /* its most probable components (severities, extents) */
	unsigned places;   /* the union of its parts' territories */
} rl_pair;

/* The state of one scoring call (scratch, freed at its end). */
typedef struct rl_scoring {
	const radloc_rules *r;
	const radloc_exam *exam;
	rl_components *comps;
	rl_fwork *fw;           /* usable (not NT) findings */
	int *outcome;           /* their outcomes */
	size_t nf;
	double *weights;        /* nf × root_count (elements) */
	double *ssens;          /* nf × (roots + nerves + patterns) (signs) */
	double *loglik;         /* nf × comps, component-major: [c * nf + f] */
	double *comp_logpost;   /* per component: log prior + log factor + loglik */
	double log_z;           /* log-sum-exp of comp_logpost (posterior.c), which the
	                         * pairs renormalise with rather than compute it again */
	double *comp_post;      /* per component: posterior */
	double *hyp_post;       /* per hypothesis: posterior */
	double pattern_post[RADLOC_PATTERN_COUNT]; /* per pattern: the sum of its hypotheses' */
	double *log_factor;     /* per component: where the clinician looked */
	rl_examined examined;   /* what the exam looked at */
	const int **touch;      /* per finding: the components that can move its */
	size_t *touch_count;    /* likelihood (the rest keep the background) */
	radloc_scorer *scorer;  /* the scorer it runs on (its kept tables) */
	size_t nt_count;        /* NT findings ignored */
	rl_pair *pairs;         /* two lesions at once, among the leading singles */
	size_t pair_count;
	double pair_mass;       /* their posterior, together */
	double pair_prior_factor; /* a pair's prior over its parts' product */
} rl_scoring;

/* scorer.c: a buffer of at least `bytes` for one scoring call, the
 * scorer's own (freed with it), zero-filled when `zero`; NULL when out of
 * memory. Valid until the same slot is asked for again. */
void *rl_scorer_scratch(radloc_scorer *sc, enum rl_scratch_slot slot, size_t bytes, int zero);
/* At the end of a call (rl_scoring_free): the buffers above 1 MiB are
 * given back, so that only ordinary exams' buffers stay. */
void rl_scorer_scratch_trim(radloc_scorer *sc);

/* scorer.c: the components that can move a finding's likelihood (the rest
 * keep its background), listed once per scorer. */
radloc_status rl_scorer_touches(radloc_scorer *sc, const rl_finding *f,
                                const int **list, size_t *len);
/* The log likelihoods of the finding (its weights at their means) under
 * each component of its touch list, in the list's order; and where a
 * person-level trait affects the finding (rl_trait_mask), each person's
 * (people[i * RL_TRAIT_PEOPLE + t], rl_likelihood_traits), else NULL. */
/* rl_outcome_probs of a probe finding (rl_probe_finding, not pain) under
 * component comp, kept per scorer. */
radloc_status rl_scorer_probe_probs(radloc_scorer *sc, const rl_fwork *probe, size_t comp,
                                    const double **probs);
/* rl_scorer_probe_probs for each of n components at once: rows[i] the
 * outcome probabilities of comps[i] (the table is looked up once). */
radloc_status rl_scorer_probe_list(radloc_scorer *sc, const rl_fwork *probe,
                                   const size_t *comps, size_t n, const double **rows);
/* The selection term's row for the set of places examined: one log
 * term per class (sc->selection_class), kept per scorer. */
radloc_status rl_scorer_selection(radloc_scorer *sc, unsigned places, const double **row);
radloc_status rl_scorer_logliks(radloc_scorer *sc, const rl_fwork *fw, int outcome,
                                const double **logliks, const double **people);

/* The steps of one scoring call, run by radloc_score (score.c): the
 * posterior fills the rl_scoring, the other two read it.
 *
 * posterior.c: the usable findings, their log likelihoods under every
 * component, and the point-estimate posterior; rl_scoring_free ends the
 * call's state (also when a step failed). */
radloc_status rl_posterior(rl_scoring *s, radloc_scorer *sc);
void rl_scoring_free(rl_scoring *s);

/* pairs.c: two lesions at once. rl_pairs_prepare once per scorer (the
 * pair prior's normaliser); rl_pairs_score after the posterior: the
 * pairs among the RADLOC_PAIR_CANDIDATES leading singles, scored and
 * renormalised with the singles. rl_pair_part: whether a hypothesis can
 * be one of the two. */
int rl_pair_part(const rl_hypothesis *h);
void rl_pairs_prepare(radloc_scorer *sc);
radloc_status rl_pairs_score(rl_scoring *s, radloc_scorer *sc);
/* P(the finding as observed | the pair at its most probable components),
 * for the person without traits: what the explanation reads. */
double rl_pair_likelihood(const rl_scoring *s, const rl_pair *pair, const rl_fwork *fw,
                          int outcome);
/* The same in two steps, for several outcomes of one finding: the
 * parts' states once (rl_pair_states), then each outcome's likelihood
 * from them (rl_pair_likelihood_of), bit for bit rl_pair_likelihood's. */
void rl_pair_states(const rl_scoring *s, const rl_pair *pair, const rl_fwork *fw,
                    rl_part_state st[2]);
double rl_pair_likelihood_of(const rl_scoring *s, const rl_fwork *fw,
                             const rl_part_state st[2], int outcome);

/* explain.c: evidence, flags, warnings and the next test, from the point
 * estimate. */
/* posterior.c: the component that stands for a hypothesis: itself, or
 * for a mixture (severities, extents) its most probable one. */
size_t rl_best_component(const rl_scoring *s, int hyp);

radloc_status rl_explain(rl_scoring *s, radloc_result *res);

/* next_test.c: the unexamined finding with the largest expected
 * information gain, and the pair of leading hypotheses it separates. */
radloc_status rl_next_test(rl_scoring *s, radloc_result *res);

/* intervals.c: each reported hypothesis's credible interval, from the
 * scorer's bank of draws. */
radloc_status rl_intervals(const rl_scoring *s, radloc_scorer *sc,
                           radloc_result *res);

#endif

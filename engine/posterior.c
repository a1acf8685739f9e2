/* The point estimate of one exam: the log likelihood of every usable
 * finding under every component, the term for where the clinician
 * looked, and the posterior over components, hypotheses and patterns.
 *
 *   log P(H | exam) = log P(H) + log S(H) + sum_f log P(f | H) - log Z
 *
 * P(H) the prior from the rules, S(H) the chance of examining where the
 * clinician looked (selection.c), Z by a max-shifted log-sum-exp; every
 * weight at its mean.
 * docs/scoring.md. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scorer_impl.h"
#include "selection.h"

void rl_scoring_free(rl_scoring *s)
{
	/* The buffers are the scorer's (rl_scorer_scratch); an exceptional
	 * exam's large ones are given back. */
	if (s->scorer)
		rl_scorer_scratch_trim(s->scorer);
	rl_examined_free(&s->examined);
}

/* Where the clinician looked is evidence (docs/scoring.md, "Where the
 * clinician looked"): the chance of examining exactly these places under
 * each hypothesis, from the one selection model the benchmark's generator
 * draws exams from (selection.c). A constant per hypothesis, so every
 * component of it, and every plausible person of the intervals, gets the
 * same term. */
static radloc_status selection_term(rl_scoring *s, radloc_scorer *sc)
{
	const double *per_class;
	if (rl_scorer_selection(sc, s->examined.places, &per_class) != RADLOC_OK)
		return RADLOC_ERR_NOMEM;
	for (size_t c = 0; c < s->comps->count; c++)
		s->log_factor[c] = per_class[sc->selection_class[c]];
	return RADLOC_OK;
}

/* The usable (not NT) findings with their weight buffers, and the
 * call's buffers; NT findings are counted for the warning. */
static radloc_status prepare_findings(rl_scoring *s)
{
	const radloc_rules *r = s->r;
	const radloc_exam *exam = s->exam;
	size_t nc = s->comps->count;
	size_t sign_width = rl_sign_width(r);

	/* NT counted per finding as written, not per side. */
	size_t nt_groups = 0;
	for (size_t i = 0; i < exam->count; i++)
		if (exam->findings[i].nt &&
		    (i == 0 || exam->findings[i - 1].group != exam->findings[i].group))
			nt_groups++;
	s->nt_count = nt_groups;

	s->nf = 0;
	for (size_t i = 0; i < exam->count; i++)
		s->nf += !exam->findings[i].nt;
	if (s->nf == 0)
		return RADLOC_ERR_EMPTY;
	/* Every buffer below is written whole before it is read (the
	 * weights by rl_mean_weights), so none is zeroed. */
	radloc_scorer *sc = s->scorer;
	s->fw = rl_scorer_scratch(sc, RL_SCRATCH_FW, s->nf * sizeof *s->fw, 0);
	s->outcome = rl_scorer_scratch(sc, RL_SCRATCH_OUTCOME, s->nf * sizeof *s->outcome, 0);
	s->weights = rl_scorer_scratch(sc, RL_SCRATCH_WEIGHTS,
	                               s->nf * r->root_count * sizeof *s->weights, 0);
	s->ssens = rl_scorer_scratch(sc, RL_SCRATCH_SSENS, s->nf * sign_width * sizeof *s->ssens, 0);
	/* written whole below */
	s->loglik = rl_scorer_scratch(sc, RL_SCRATCH_LOGLIK, s->nf * nc * sizeof *s->loglik, 0);
	s->comp_logpost = rl_scorer_scratch(sc, RL_SCRATCH_COMP_LOGPOST,
	                                    nc * sizeof *s->comp_logpost, 0);
	s->comp_post = rl_scorer_scratch(sc, RL_SCRATCH_COMP_POST, nc * sizeof *s->comp_post, 0);
	s->hyp_post = rl_scorer_scratch(sc, RL_SCRATCH_HYP_POST,
	                                r->hyp_count * sizeof *s->hyp_post, 0);
	s->log_factor = rl_scorer_scratch(sc, RL_SCRATCH_LOG_FACTOR, nc * sizeof *s->log_factor, 0);
	if (!s->fw || !s->outcome || !s->weights || !s->ssens || !s->loglik ||
	    !s->comp_logpost || !s->comp_post || !s->hyp_post || !s->log_factor)
		return RADLOC_ERR_NOMEM;
	size_t k = 0;
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *f = &exam->findings[i];
		if (f->nt)
			continue;
		rl_fwork_bind(r, &s->fw[k], f, f->table == RADLOC_SIGN
		              ? s->ssens + k * sign_width : s->weights + k * r->root_count);
		s->outcome[k] = f->outcome;
		k++;
	}
	return RADLOC_OK;
}

/* Posterior over components and hypotheses from per-component log
 * likelihoods. Returns a GSL status. */
static int posterior_from(rl_scoring *s, const double *loglik_sum)
{
	size_t nc = s->comps->count;
	double z;
	int status;

	for (size_t c = 0; c < nc; c++)
		s->comp_logpost[c] = s->comps->log_prior[c] + s->log_factor[c] +
		                     loglik_sum[c];
	if ((status = rl_logsumexp(s->comp_logpost, nc, &z)) != GSL_SUCCESS)
		return status;
	s->log_z = z;
	memset(s->hyp_post, 0, s->r->hyp_count * sizeof *s->hyp_post);
	/* A component whose log posterior is its predecessor's (about two in
	 * five: the sites or extents of one hypothesis that no finding tells
	 * apart, at equal priors) takes its predecessor's value: the same
	 * operand, so the same bits, without calling exp again. */
	double prev_logpost = NAN, prev_post = 0.0;
	for (size_t c = 0; c < nc; c++) {
		if (s->comp_logpost[c] != prev_logpost) {
			double d = s->comp_logpost[c] - z;
			prev_logpost = s->comp_logpost[c];
			prev_post = d < -700.0 ? 0.0 : exp(d);
		}
		s->comp_post[c] = prev_post;
		s->hyp_post[s->comps->hyp[c]] += s->comp_post[c];
	}
	memset(s->pattern_post, 0, sizeof s->pattern_post);
	for (size_t h = 0; h < s->r->hyp_count; h++)
		s->pattern_post[s->r->hyps[h].pattern] += s->hyp_post[h];
	return GSL_SUCCESS;
}

/* Each finding's list of the components that can move it, from the
 * scorer's table. */
static radloc_status find_touches(rl_scoring *s, radloc_scorer *sc)
{
	s->touch = rl_scorer_scratch(sc, RL_SCRATCH_TOUCH, (s->nf + 1) * sizeof *s->touch, 0);
	s->touch_count = rl_scorer_scratch(sc, RL_SCRATCH_TOUCH_COUNT,
	                                   (s->nf + 1) * sizeof *s->touch_count, 0);
	if (!s->touch || !s->touch_count)
		return RADLOC_ERR_NOMEM;
	for (size_t f = 0; f < s->nf; f++) {
		radloc_status status = rl_scorer_touches(sc, s->fw[f].f, &s->touch[f],
		                                         &s->touch_count[f]);
		if (status != RADLOC_OK)
			return status;
	}
	return RADLOC_OK;
}

/* The class of trait_mixture below (every component no trait finding
 * has touched yet) on its own, before the rows are filled: each trait
 * finding's entry for the class, log P(f | the trait findings before
 * it) under the background, written into the row of backgrounds every
 * row is copied from. The same operations as trait_mixture's own class,
 * so the same bits; a component that moves a trait finding has its
 * entries there rewritten by trait_mixture. */
static radloc_status trait_class(rl_scoring *s, double *bg_row)
{
	const radloc_rules *r = s->r;
	double class_w[RL_TRAIT_PEOPLE], class_total = 0.0;
	if (!r->traits.present)
		return RADLOC_OK;
	for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
		class_w[t] = rl_trait_log_prior(r, t);
	for (size_t f = 0; f < s->nf; f++) {
		const rl_fwork *fw = &s->fw[f];
		unsigned mask = rl_trait_mask(r, fw->f, fw->el);
		double bg[RL_TRAIT_PEOPLE], class_mix;
		rl_params p;
		if (mask == 0)
			continue;
		rl_mean_params(r, &p);
		rl_likelihood_traits(r, &p, fw, NULL, 0, s->outcome[f], mask, bg);
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			class_w[t] += log(bg[t]);
		if (rl_logsumexp(class_w, RL_TRAIT_PEOPLE, &class_mix) != GSL_SUCCESS)
			return RADLOC_ERR_NUMERIC;
		bg_row[f] = class_mix - class_total;
		class_total = class_mix;
	}
	return RADLOC_OK;
}

/* Person-level traits (docs/scoring.md, "Person-level traits"): the
 * findings a trait affects are scored as a mixture over the four people,
 *     sum_t pi_t prod_{f affected} P(f | c, t),
 * written into the matrix by the chain rule so that the row sums stay the
 * log likelihood: finding f's entry is log P(f | c, the affected findings
 * before it), the mixture's weights those findings' posterior over
 * people. The unaffected findings keep their entries. */
static radloc_status trait_mixture(rl_scoring *s, radloc_scorer *sc)
{
	const radloc_rules *r = s->r;
	size_t nc = s->comps->count, nf = s->nf;
	double *w = NULL, *total = NULL;
	size_t *touched = NULL; /* per component: 1 + its place in the touch list, or 0 */
	unsigned char *own = NULL;

	if (!r->traits.present)
		return RADLOC_OK;
	w = rl_scorer_scratch(sc, RL_SCRATCH_MIX_W, nc * RL_TRAIT_PEOPLE * sizeof *w, 0);
	total = rl_scorer_scratch(sc, RL_SCRATCH_MIX_TOTAL, nc * sizeof *total, 0);
	touched = rl_scorer_scratch(sc, RL_SCRATCH_MIX_TOUCHED, (nc + 1) * sizeof *touched, 1);
	own = rl_scorer_scratch(sc, RL_SCRATCH_MIX_OWN, nc + 1, 1);
	size_t *own_list = rl_scorer_scratch(sc, RL_SCRATCH_MIX_OWN_LIST,
	                                     (nc + 1) * sizeof *own_list, 0), n_own = 0;
	if (!w || !total || !touched || !own || !own_list)
		return RADLOC_ERR_NOMEM;
	/* Every component that no trait finding has touched yet carries the
	 * same mixture (the background's, finding after finding), so that one
	 * shared state (the class) is computed once per finding; a component
	 * takes its own copy when a finding first touches it. The arithmetic
	 * is the same operation for operation, so the result is too. */
	double class_w[RL_TRAIT_PEOPLE], class_total = 0.0;
	for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
		class_w[t] = rl_trait_log_prior(r, t);
	radloc_status status = RADLOC_OK;
	for (size_t f = 0; f < nf && status == RADLOC_OK; f++) {
		const rl_fwork *fw = &s->fw[f];
		unsigned mask = rl_trait_mask(r, fw->f, fw->el);
		double bg[RL_TRAIT_PEOPLE], class_mix;
		const double *logliks, *people;
		rl_params p;
		if (mask == 0)
			continue;
		rl_mean_params(r, &p);
		rl_likelihood_traits(r, &p, fw, NULL, 0, s->outcome[f], mask, bg);
		if ((status = rl_scorer_logliks(sc, fw, s->outcome[f], &logliks, &people)) !=
		    RADLOC_OK)
			break;
		/* The background's logs once per finding, not once per
		 * component that leaves the finding alone (most of them). */
		double log_bg[RL_TRAIT_PEOPLE];
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			log_bg[t] = log(bg[t]);
		for (size_t i = 0; i < s->touch_count[f]; i++) {
			size_t c = (size_t)s->touch[f][i];
			touched[c] = i + 1;
			if (!own[c]) {
				own[c] = 1;
				own_list[n_own++] = c;
				memcpy(w + c * RL_TRAIT_PEOPLE, class_w, sizeof class_w);
				total[c] = class_total;
			}
		}
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			class_w[t] += log_bg[t];
		if (rl_logsumexp(class_w, RL_TRAIT_PEOPLE, &class_mix) != GSL_SUCCESS) {
			status = RADLOC_ERR_NUMERIC;
			break;
		}
		class_total = class_mix;
		/* The components without their own copy have class_loglik at
		 * f already: the row of backgrounds every row was copied from
		 * holds it (trait_class), and none of them moves f. */
		for (size_t k = 0; k < n_own; k++) {
			size_t c = own_list[k];
			double *wc = w + c * RL_TRAIT_PEOPLE, mix;
			if (touched[c]) {
				const double *mine = people + (touched[c] - 1) * RL_TRAIT_PEOPLE;
				for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
					wc[t] += mine[t];
			} else {
				for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
					wc[t] += log_bg[t];
			}
			if (rl_logsumexp(wc, RL_TRAIT_PEOPLE, &mix) != GSL_SUCCESS) {
				status = RADLOC_ERR_NUMERIC;
				break;
			}
			s->loglik[c * nf + f] = mix - total[c];
			total[c] = mix;
		}
		for (size_t i = 0; i < s->touch_count[f]; i++)
			touched[s->touch[f][i]] = 0;
	}
	return status;
}

/* The point estimate: every parameter at its mean. The dense matrix of
 * log likelihoods (components × findings) is kept for the explanation.
 *
 * Each row starts as the findings' backgrounds (one row copied), then
 * the components each finding's touch list names take their own
 * entries. The row sums are added in the findings' order from 0.0, as
 * gsl_blas_dgemv against a vector of ones did (its y = 0 + 1 * (sum of
 * 1 * entry), each step exact but the additions), so the bits are the
 * same; and every component that no finding touches has the same row,
 * so its sum is added once and copied. */
static radloc_status point_estimate(rl_scoring *s, radloc_scorer *sc)
{
	const radloc_rules *r = s->r;
	size_t nc = s->comps->count, nf = s->nf;
	rl_params p;
	double *bg = rl_scorer_scratch(sc, RL_SCRATCH_BG, nf * sizeof *bg, 0);
	double *sum = rl_scorer_scratch(sc, RL_SCRATCH_SUM, nc * sizeof *sum, 0);
	unsigned char *moved = rl_scorer_scratch(sc, RL_SCRATCH_MOVED, nc + 1, 1);
	radloc_status status = RADLOC_OK;

	if (bg == NULL || sum == NULL || moved == NULL) {
		status = RADLOC_ERR_NOMEM;
		goto done;
	}
	rl_mean_params(r, &p);
	for (size_t f = 0; f < nf; f++)
		rl_mean_weights(r, &s->fw[f]);
	if ((status = find_touches(s, sc)) != RADLOC_OK)
		goto done;
	for (size_t f = 0; f < nf; f++)
		bg[f] = log(rl_background(r, &s->fw[f], s->outcome[f]));
	if ((status = trait_class(s, bg)) != RADLOC_OK)
		goto done;
	for (size_t c = 0; c < nc; c++)
		memcpy(s->loglik + c * nf, bg, nf * sizeof *bg);
	for (size_t f = 0; f < nf; f++) {
		const double *touched, *people;
		if ((status = rl_scorer_logliks(sc, &s->fw[f], s->outcome[f], &touched,
		                                &people)) != RADLOC_OK)
			goto done;
		for (size_t i = 0; i < s->touch_count[f]; i++) {
			size_t c = (size_t)s->touch[f][i];
			s->loglik[c * nf + f] = touched[i];
			moved[c] = 1;
		}
	}
	/* trait_mixture gives the untouched components one shared value
	 * per trait finding (its class), so their rows stay alike. */
	if ((status = trait_mixture(s, sc)) != RADLOC_OK)
		goto done;
	int have_still = 0;
	double still = 0.0;
	for (size_t c = 0; c < nc; c++) {
		if (!moved[c] && have_still) {
			sum[c] = still;
			continue;
		}
		const double *row = s->loglik + c * nf;
		double total = 0.0;
		for (size_t f = 0; f < nf; f++)
			total += row[f];
		sum[c] = total;
		if (!moved[c]) {
			still = total;
			have_still = 1;
		}
	}
	if (posterior_from(s, sum) != GSL_SUCCESS)
		status = RADLOC_ERR_NUMERIC;
done:
	return status;
}

radloc_status rl_posterior(rl_scoring *s, radloc_scorer *sc)
{
	radloc_status status;
	s->scorer = sc;
	if ((status = prepare_findings(s)) != RADLOC_OK ||
	    (status = rl_examined_build(s->exam, &s->examined)) != RADLOC_OK ||
	    (status = selection_term(s, sc)) != RADLOC_OK)
		return status;
	return point_estimate(s, sc);
}

size_t rl_best_component(const rl_scoring *s, int hyp)
{
	size_t best = 0;
	double p = -1.0;
	for (size_t c = s->comps->first[hyp]; c < s->comps->first[hyp + 1]; c++)
		if (s->comp_post[c] > p) {
			p = s->comp_post[c];
			best = c;
		}
	return best;
}

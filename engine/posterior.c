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
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scorer_impl.h"
#include "selection.h"

void rl_scoring_free(rl_scoring *s)
{
	free(s->fw);
	free(s->outcome);
	free(s->weights);
	free(s->ssens);
	free(s->loglik);
	free(s->comp_logpost);
	free(s->comp_post);
	free(s->hyp_post);
	free(s->log_factor);
	free(s->touch);
	free(s->touch_count);
	free(s->pairs);
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
	s->fw = calloc(s->nf, sizeof *s->fw);
	s->outcome = calloc(s->nf, sizeof *s->outcome);
	s->weights = calloc(s->nf * r->root_count, sizeof *s->weights);
	s->ssens = calloc(s->nf * sign_width, sizeof *s->ssens);
	s->loglik = malloc(s->nf * nc * sizeof *s->loglik); /* written whole below */
	s->comp_logpost = calloc(nc, sizeof *s->comp_logpost);
	s->comp_post = calloc(nc, sizeof *s->comp_post);
	s->hyp_post = calloc(r->hyp_count, sizeof *s->hyp_post);
	s->log_factor = calloc(nc, sizeof *s->log_factor);
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
	memset(s->hyp_post, 0, s->r->hyp_count * sizeof *s->hyp_post);
	for (size_t c = 0; c < nc; c++) {
		double d = s->comp_logpost[c] - z;
		s->comp_post[c] = d < -700.0 ? 0.0 : exp(d);
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
	s->touch = calloc(s->nf + 1, sizeof *s->touch);
	s->touch_count = calloc(s->nf + 1, sizeof *s->touch_count);
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
	w = malloc(nc * RL_TRAIT_PEOPLE * sizeof *w);
	total = malloc(nc * sizeof *total);
	touched = calloc(nc + 1, sizeof *touched);
	own = calloc(nc + 1, 1);
	if (!w || !total || !touched || !own) {
		free(w);
		free(total);
		free(touched);
		free(own);
		return RADLOC_ERR_NOMEM;
	}
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
		double class_loglik = class_mix - class_total;
		class_total = class_mix;
		for (size_t c = 0; c < nc; c++) {
			double *wc = w + c * RL_TRAIT_PEOPLE, mix;
			if (!own[c]) {
				s->loglik[c * nf + f] = class_loglik;
				continue;
			}
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
	free(w);
	free(total);
	free(touched);
	free(own);
	return status;
}

/* The point estimate: every parameter at its mean. The dense matrix of
 * log likelihoods (components × findings) is kept for the explanation;
 * its row sums come from BLAS. */
static radloc_status point_estimate(rl_scoring *s, radloc_scorer *sc)
{
	const radloc_rules *r = s->r;
	size_t nc = s->comps->count, nf = s->nf;
	rl_params p;
	double *ones = malloc(nf * sizeof *ones);
	double *sum = malloc(nc * sizeof *sum);
	radloc_status status = RADLOC_OK;

	if (ones == NULL || sum == NULL) {
		free(ones);
		free(sum);
		return RADLOC_ERR_NOMEM;
	}
	rl_mean_params(r, &p);
	for (size_t f = 0; f < nf; f++) {
		rl_mean_weights(r, &s->fw[f]);
		ones[f] = 1.0;
	}
	if ((status = find_touches(s, sc)) != RADLOC_OK) {
		free(ones);
		free(sum);
		return status;
	}
	for (size_t f = 0; f < nf; f++) {
		double log_background = log(rl_background(r, &s->fw[f], s->outcome[f]));
		const double *touched, *people;
		for (size_t c = 0; c < nc; c++)
			s->loglik[c * nf + f] = log_background;
		if ((status = rl_scorer_logliks(sc, &s->fw[f], s->outcome[f], &touched,
		                                &people)) != RADLOC_OK) {
			free(ones);
			free(sum);
			return status;
		}
		for (size_t i = 0; i < s->touch_count[f]; i++)
			s->loglik[(size_t)s->touch[f][i] * nf + f] = touched[i];
	}
	if ((status = trait_mixture(s, sc)) != RADLOC_OK) {
		free(ones);
		free(sum);
		return status;
	}
	gsl_matrix_view loglik = gsl_matrix_view_array(s->loglik, nc, nf);
	gsl_vector_view one = gsl_vector_view_array(ones, nf);
	gsl_vector_view out = gsl_vector_view_array(sum, nc);
	if (gsl_blas_dgemv(CblasNoTrans, 1.0, &loglik.matrix, &one.vector, 0.0,
	                   &out.vector) != GSL_SUCCESS ||
	    posterior_from(s, sum) != GSL_SUCCESS)
		status = RADLOC_ERR_NUMERIC;
	free(ones);
	free(sum);
	return status;
}

radloc_status rl_posterior(rl_scoring *s, radloc_scorer *sc)
{
	radloc_status status;
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

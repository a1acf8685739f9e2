/* Two lesions at once (docs/scoring.md, "Two lesions at once"): pairs of
 * independent single lesions ("ulnar left + common_peroneal right",
 * "L5 left + polyneuropathy"), sought among the leading singles of the
 * point estimate, scored on the same exam and renormalised with them.
 *
 *   P(A + B) = m / (1 - m) * P(A) P(B) / sum_{pairs} P(A') P(B')
 *
 * (singles' priors as the rules give them, m the two_lesions prior); a
 * pair is a mixture over its parts' components (severities, extents),
 * each finding abnormal if either part makes it so (model.c,
 * rl_pair_likelihood_traits); where the clinician looked is scored
 * against the union of the parts' territories. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "radloc_limits.h"
#include "scorer_impl.h"
#include "selection.h"

/* The per-exam buffers are the scorer's (rl_scorer_scratch): nothing
 * is allocated per exam once the scorer has seen its largest. */
#define SCRATCH(slot, bytes, zero) rl_scorer_scratch(sc, slot, bytes, zero)

/* A part is one root or two adjacent roots on one side, a nerve, or the
 * polyneuropathy. A root lesion on both sides or over three levels is
 * already a central process (a central disc, a stenosis); two of them at
 * once would be a polyradiculopathy, which radloc does not model (it is
 * `other`, the Guillain-Barre-like picture of issue #12), and a second
 * lesion on top of one is two rare events the candidates would crowd. */
int rl_pair_part(const rl_hypothesis *h)
{
	if (h->pattern == RADLOC_RADICULOPATHY || h->pattern == RADLOC_MULTIRADICULOPATHY)
		return h->side != RADLOC_BILATERAL && h->root_count <= 2;
	return h->pattern == RADLOC_MONONEUROPATHY || h->pattern == RADLOC_POLYNEUROPATHY;
}

/* Whether A and B can be two independent lesions rather than one the
 * rules already name: not the same nerve (both sides is the bilateral
 * nerve), not the same or adjacent roots on a side (the
 * multiradiculopathy), not the same root on both sides (one central
 * process). */
static int valid_pair(const radloc_rules *r, const rl_hypothesis *a, const rl_hypothesis *b)
{
	if (!rl_pair_part(a) || !rl_pair_part(b) ||
	    (a->pattern == RADLOC_POLYNEUROPATHY && b->pattern == RADLOC_POLYNEUROPATHY))
		return 0;
	if (a->nerve >= 0 && a->nerve == b->nerve)
		return 0;
	for (int i = 0; i < a->root_count; i++)
		for (int j = 0; j < b->root_count; j++) {
			long d = r->roots[a->roots[i]].level - r->roots[b->roots[j]].level;
			if (d == 0 || (a->side == b->side && (d == 1 || d == -1)))
				return 0;
		}
	return 1;
}

void rl_pairs_prepare(radloc_scorer *sc)
{
	const radloc_rules *r = sc->rules;
	double m = r->patterns.prior[RADLOC_TWO_LESIONS], sum = 0.0;
	sc->pairs_on = 0;
	if (!r->patterns.present[RADLOC_TWO_LESIONS] || !(m > 0.0) || !(m < 1.0))
		return;
	/* Once per scorer, every pair: only the normaliser, never a score. */
	for (size_t a = 0; a < r->hyp_count; a++)
		for (size_t b = a + 1; b < r->hyp_count; b++)
			if (valid_pair(r, &r->hyps[a], &r->hyps[b]))
				sum += r->hyps[a].prior * r->hyps[b].prior;
	if (!(sum > 0.0))
		return;
	sc->pairs_on = 1;
	sc->pair_log_norm = log(m) - log1p(-m) - log(sum);
}

/* The leading singles that can be parts, most probable first. */
static size_t candidates(const rl_scoring *s, int *out)
{
	const radloc_rules *r = s->r;
	size_t n = 0;
	for (size_t h = 0; h < r->hyp_count; h++) {
		if (!rl_pair_part(&r->hyps[h]))
			continue;
		size_t at = n;
		while (at > 0 && s->hyp_post[out[at - 1]] < s->hyp_post[h])
			at--;
		if (at >= RADLOC_PAIR_CANDIDATES)
			continue;
		if (n < RADLOC_PAIR_CANDIDATES)
			n++;
		memmove(out + at + 1, out + at, (n - 1 - at) * sizeof *out);
		out[at] = (int)h;
	}
	/* Those tied with the last are taken too, all of them or none:
	 * otherwise the rules' order (left before right) would break the
	 * tie, and an exam and its mirror image would get different pairs.
	 * When more than twice the limit tie (roots whose findings are all
	 * untested keep equal posteriors), none of the tied is taken. */
	if (n < RADLOC_PAIR_CANDIDATES)
		return n;
	/* A tie is equality up to rounding: a hypothesis and its mirror
	 * image may differ in the last bits. */
	double last = s->hyp_post[out[n - 1]], eps = 1e-9 * last;
	size_t above = 0, tied = 0;
	for (size_t i = 0; i < n; i++)
		above += s->hyp_post[out[i]] > last + eps;
	for (size_t h = 0; h < r->hyp_count; h++)
		tied += rl_pair_part(&r->hyps[h]) && fabs(s->hyp_post[h] - last) <= eps;
	if (above + tied > 2 * RADLOC_PAIR_CANDIDATES)
		return above;
	n = above;
	for (size_t h = 0; h < r->hyp_count; h++)
		if (rl_pair_part(&r->hyps[h]) && fabs(s->hyp_post[h] - last) <= eps)
			out[n++] = (int)h;
	return n;
}

typedef struct pair_scratch {
	rl_params p;
	/* Only the candidates' components are ever parts: local[c] is c's
	 * place among them (-1 for the rest, nl of them), so the tables
	 * below are nf × nl rather than nf × every component. */
	int *local;
	size_t nl;
	size_t *comp_of;        /* the inverse: the component at each local place */
	/* nf × nl: 1 + c's place in f's touch list, 0 if c cannot move f */
	size_t *touched;
	/* Per finding a trait affects: each person's log likelihood under
	 * each component of its touch list (rl_scorer_logliks), else NULL. */
	const double **people;
	double *lp;             /* per pair component: its log posterior, unnormalised */
	/* Per trait finding, each person's log likelihood when neither part
	 * moves it (nf × people): once per exam instead of once per pair of
	 * components. (Elsewhere a part that does not move a finding reads
	 * the background from the other part's row.) */
	double *log_bg_people;
	/* Each finding's traits and the people's log priors: asked once
	 * per exam, not once per pair of components. */
	unsigned *mask;
	double log_prior[RL_TRAIT_PEOPLE];
	/* nf × nl: what each component makes of each finding it moves,
	 * worked out when a pair first needs it (known): a component's part
	 * does not depend on the other part, so once per exam rather than
	 * once per pair of components. */
	rl_part_state *state;
	unsigned char *known;
	/* The findings each candidate component moves, in order: local
	 * component l's are tlist[tstart[l] .. tstart[l + 1]). */
	size_t *tlist, *tstart;
	/* The findings a trait affects, in order. */
	size_t *masked, nmasked;
	/* Per candidate component: the sum of its row of log likelihoods
	 * over the findings no trait affects (pair_loglik starts from it). */
	double *plain;
	/* Per candidate component: whether it moves any trait finding, and
	 * its mixture alone (trait_mix_alone), once known. */
	unsigned char *moves_trait, *alone_known;
	double *alone;
	/* The selection terms of the pairs' territories met so far in this
	 * exam: pairs of the same pattern over the same places share one. */
	rl_selection_memo sel;
} pair_scratch;

/* What component c (local place l) makes of finding f. */
static void part_state_make(const rl_scoring *s, const pair_scratch *w, size_t f, size_t c,
                            size_t at)
{
	rl_part_state_of(s->r, &w->p, &s->fw[f], s->comps, c, &w->state[at]);
	w->known[at] = 1;
}

static inline const rl_part_state *part_state(const rl_scoring *s, const pair_scratch *w,
                                              size_t f, size_t c, size_t l)
{
	size_t at = f * w->nl + l;
	if (!w->known[at])
		part_state_make(s, w, f, c, at);
	return &w->state[at];
}

/* Each finding's traits, and a trait finding's background logs per
 * person, as pair_loglik would compute them. */
static void background_logs(const rl_scoring *s, pair_scratch *w)
{
	const radloc_rules *r = s->r;
	for (size_t f = 0; f < s->nf; f++) {
		const rl_fwork *fw = &s->fw[f];
		unsigned mask = r->traits.present ? rl_trait_mask(r, fw->f, fw->el) : 0u;
		double like[RL_TRAIT_PEOPLE];
		w->mask[f] = mask;
		if (mask == 0)
			continue;
		rl_likelihood_traits(r, &w->p, fw, NULL, 0, s->outcome[f], mask, like);
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			w->log_bg_people[f * RL_TRAIT_PEOPLE + (size_t)t] = log(like[t]);
	}
}

/* What pair_loglik walks: each candidate component's findings, the
 * trait findings, and each candidate's sum over the plain findings. */
static void special_lists(const rl_scoring *s, pair_scratch *w)
{
	size_t nf = s->nf, nl = w->nl, n = 0;
	w->nmasked = 0;
	for (size_t f = 0; f < nf; f++)
		if (w->mask[f] != 0)
			w->masked[w->nmasked++] = f;
	for (size_t l = 0; l < nl; l++) {
		const double *row = s->loglik + w->comp_of[l] * nf;
		double plain = 0.0;
		w->tstart[l] = n;
		for (size_t f = 0; f < nf; f++) {
			if (w->touched[f * nl + l]) {
				w->tlist[n++] = f;
				w->moves_trait[l] |= w->mask[f] != 0;
			}
			if (w->mask[f] == 0)
				plain += row[f];
		}
		w->plain[l] = plain;
	}
	w->tstart[nl] = n;
}

/* What the pair (ca, cb) makes of a finding the second part moves and
 * no trait affects, less ca's entry there (pair_loglik starts from ca's
 * row): cb's entry where ca does not move it (ca's is then the
 * background, which point_estimate wrote there), else the pair's
 * likelihood. */
static double plain_change(const rl_scoring *s, pair_scratch *w, size_t f, size_t ca,
                           size_t cb, size_t la, size_t lb)
{
	size_t nf = s->nf;
	double like[RL_TRAIT_PEOPLE];
	if (!w->touched[f * w->nl + la])
		return s->loglik[cb * nf + f] - s->loglik[ca * nf + f];
	rl_pair_likelihood_states(s->r, &s->fw[f], part_state(s, w, f, ca, la),
	                          part_state(s, w, f, cb, lb), s->outcome[f], 0u, like);
	return log(like[0]) - s->loglik[ca * nf + f];
}

/* Each person's log likelihood of trait finding f when one part moves
 * it, at place t (1 + its place in f's touch list), as the point
 * estimate has it; when none does (t = 0), the background's. */
static const double *one_part_people(const pair_scratch *w, size_t f, size_t t)
{
	return t ? w->people[f] + (t - 1) * RL_TRAIT_PEOPLE
	         : w->log_bg_people + f * RL_TRAIT_PEOPLE;
}

/* What the pair adds to each person's sum at a trait finding: the
 * background's where neither part moves it, the moving part's as the
 * point estimate has it, else the pair's likelihood. */
static void trait_add(const rl_scoring *s, pair_scratch *w, size_t f, size_t ca, size_t cb,
                      size_t la, size_t lb, double *mix)
{
	size_t ta = w->touched[f * w->nl + la], tb = w->touched[f * w->nl + lb];
	double like[RL_TRAIT_PEOPLE];
	const double *add;
	if (ta && tb) {
		rl_pair_likelihood_states(s->r, &s->fw[f], part_state(s, w, f, ca, la),
		                          part_state(s, w, f, cb, lb), s->outcome[f], w->mask[f],
		                          like);
		for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
			mix[t] += log(like[t]);
		return;
	}
	add = one_part_people(w, f, ta ? ta : tb);
	for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
		mix[t] += add[t];
}

/* The traits' mixture of a pair one of whose parts (local l) moves
 * trait findings and the other none, or neither moves any: at each trait
 * finding, in order, l's people's entries where l moves it and the
 * background's elsewhere, exactly what pair_loglik's walk adds, so it
 * depends on l alone and is worked out once per exam (-INFINITY for a
 * mixture rl_logsumexp refuses, which rules the pair out). */
static double trait_mix_alone(const pair_scratch *w, size_t l)
{
	if (w->alone_known[l])
		return w->alone[l];
	double mix[RL_TRAIT_PEOPLE], m;
	memcpy(mix, w->log_prior, sizeof mix);
	for (size_t i = 0; i < w->nmasked; i++) {
		size_t f = w->masked[i], t = w->touched[f * w->nl + l];
		const double *add = one_part_people(w, f, t);
		for (int k = 0; k < RL_TRAIT_PEOPLE; k++)
			mix[k] += add[k];
	}
	if (rl_logsumexp(mix, RL_TRAIT_PEOPLE, &m) != GSL_SUCCESS)
		m = -INFINITY;
	w->alone[l] = m;
	w->alone_known[l] = 1;
	return m;
}

/* log P(exam | components ca and cb together): the findings neither
 * moves keep the background, those one moves that one's entry, and the
 * rest the pair's likelihood; a trait's findings are mixed over people
 * as in posterior.c.
 *
 * Only the findings the second part moves are looked at one by one: the
 * rest are ca's row, whose sum over the plain findings is kept per exam
 * (special_lists), so a pair costs its second part's findings, not the
 * exam's. The traits' mixture is a separate sum, over the trait findings
 * in their order; when one part moves none of them it is the other's
 * alone (trait_mix_alone). */
static double pair_loglik(const rl_scoring *s, pair_scratch *w, size_t ca, size_t cb)
{
	size_t la = (size_t)w->local[ca], lb = (size_t)w->local[cb];
	double total = w->plain[la], m = 0.0;
	for (size_t i = w->tstart[lb]; i < w->tstart[lb + 1]; i++) {
		size_t f = w->tlist[i];
		if (w->mask[f] == 0)
			total += plain_change(s, w, f, ca, cb, la, lb);
	}
	if (w->nmasked == 0)
		return total;
	if (!w->moves_trait[la] || !w->moves_trait[lb]) {
		m = trait_mix_alone(w, w->moves_trait[la] ? la : lb);
		return isfinite(m) ? total + m : -INFINITY;
	}
	double mix[RL_TRAIT_PEOPLE];
	memcpy(mix, w->log_prior, sizeof mix);
	for (size_t i = 0; i < w->nmasked; i++)
		trait_add(s, w, w->masked[i], ca, cb, la, lb, mix);
	if (rl_logsumexp(mix, RL_TRAIT_PEOPLE, &m) != GSL_SUCCESS)
		return -INFINITY;
	return total + m;
}

/* The components of a hypothesis: consecutive in the scorer's list. */
static void component_range(const rl_components *c, int hyp, size_t *first, size_t *end)
{
	*first = c->first[hyp];
	*end = c->first[hyp + 1];
}

/* Score one pair: its log posterior (unnormalised) into *lp, its most
 * probable components into the pair. */
static int score_pair(const rl_scoring *s, pair_scratch *w, const radloc_scorer *sc,
                      rl_pair *pair, double *lp)
{
	const radloc_rules *r = s->r;
	size_t a0, a1, b0, b1, n = 0;
	component_range(s->comps, pair->a, &a0, &a1);
	component_range(s->comps, pair->b, &b0, &b1);
	rl_hypothesis both = r->hyps[pair->a];
	both.places = r->hyps[pair->a].places | r->hyps[pair->b].places;
	pair->places = both.places;
	double sel = rl_selection_log_memo(r, &both, s->examined.places, &w->sel);
	double best = -INFINITY;
	for (size_t ca = a0; ca < a1; ca++)
		for (size_t cb = b0; cb < b1; cb++) {
			double v = s->comps->log_prior[ca] + s->comps->log_prior[cb] +
			           sc->pair_log_norm + sel + pair_loglik(s, w, ca, cb);
			w->lp[n++] = v;
			if (v > best) {
				best = v;
				pair->ca = ca;
				pair->cb = cb;
			}
		}
	if (!isfinite(best))
		return GSL_EDOM;
	return rl_logsumexp(w->lp, n, lp);
}

radloc_status rl_pairs_score(rl_scoring *s, radloc_scorer *sc)
{
	const radloc_rules *r = s->r;
	size_t nc = s->comps->count, nf = s->nf;
	int cand[2 * RADLOC_PAIR_CANDIDATES];
	radloc_status status = RADLOC_OK;

	if (!sc->pairs_on)
		return RADLOC_OK;
	s->pair_prior_factor = exp(sc->pair_log_norm) *
	                       (1.0 - r->patterns.prior[RADLOC_TWO_LESIONS]);
	size_t k = candidates(s, cand);
	if (k < 2)
		return RADLOC_OK;
	pair_scratch w;
	enum { MOST_PAIRS = 2 * RADLOC_PAIR_CANDIDATES * (2 * RADLOC_PAIR_CANDIDATES - 1) / 2 };
	unsigned long sel_key[MOST_PAIRS];
	double sel_value[MOST_PAIRS];
	w.sel = (rl_selection_memo){sel_key, sel_value, 0, MOST_PAIRS};
	rl_mean_params(r, &w.p);
	w.local = SCRATCH(RL_SCRATCH_PAIR_LOCAL, (nc + 1) * sizeof *w.local, 0);
	if (w.local == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t c = 0; c < nc; c++)
		w.local[c] = -1;
	w.nl = 0;
	for (size_t i = 0; i < k; i++)
		for (size_t c = s->comps->first[cand[i]]; c < s->comps->first[cand[i] + 1]; c++)
			w.local[c] = (int)w.nl++;
	w.comp_of = SCRATCH(RL_SCRATCH_PAIR_COMP_OF, (w.nl + 1) * sizeof *w.comp_of, 0);
	if (w.comp_of == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t c = 0; c < nc; c++)
		if (w.local[c] >= 0)
			w.comp_of[w.local[c]] = c;
	w.touched = SCRATCH(RL_SCRATCH_PAIR_TOUCHED, (nf * w.nl + 1) * sizeof *w.touched, 1);
	w.people = SCRATCH(RL_SCRATCH_PAIR_PEOPLE, (nf + 1) * sizeof *w.people, 1);
	/* The most components any hypothesis has (severities, extents, a
	 * nerve's sites times its severities): a hypothesis's are adjacent. */
	size_t most = 1;
	for (size_t c = 0, run = 0; c < nc; c++) {
		run = c > 0 && s->comps->hyp[c] == s->comps->hyp[c - 1] ? run + 1 : 1;
		if (run > most)
			most = run;
	}
	w.lp = SCRATCH(RL_SCRATCH_PAIR_LP, (most * most + 1) * sizeof *w.lp, 0);
	w.log_bg_people = SCRATCH(RL_SCRATCH_PAIR_LOG_BG_PEOPLE,
	                          (nf * RL_TRAIT_PEOPLE + 1) * sizeof *w.log_bg_people, 0);
	w.mask = SCRATCH(RL_SCRATCH_PAIR_MASK, (nf + 1) * sizeof *w.mask, 0);
	w.state = SCRATCH(RL_SCRATCH_PAIR_STATE, (nf * w.nl + 1) * sizeof *w.state, 0);
	w.known = SCRATCH(RL_SCRATCH_PAIR_KNOWN, nf * w.nl + 1, 1);
	w.tlist = SCRATCH(RL_SCRATCH_PAIR_TLIST, (nf * w.nl + 1) * sizeof *w.tlist, 0);
	w.tstart = SCRATCH(RL_SCRATCH_PAIR_TSTART, (w.nl + 2) * sizeof *w.tstart, 0);
	w.masked = SCRATCH(RL_SCRATCH_PAIR_MASKED, (nf + 1) * sizeof *w.masked, 0);
	w.plain = SCRATCH(RL_SCRATCH_PAIR_PLAIN, (w.nl + 1) * sizeof *w.plain, 0);
	w.moves_trait = SCRATCH(RL_SCRATCH_PAIR_MOVES_TRAIT, w.nl + 1, 1);
	w.alone_known = SCRATCH(RL_SCRATCH_PAIR_ALONE_KNOWN, w.nl + 1, 1);
	w.alone = SCRATCH(RL_SCRATCH_PAIR_ALONE, (w.nl + 1) * sizeof *w.alone, 0);
	s->pairs = SCRATCH(RL_SCRATCH_PAIRS, k * (k - 1) / 2 * sizeof *s->pairs, 1);
	double *pair_lp = SCRATCH(RL_SCRATCH_PAIR_LP_ALL, k * k * sizeof *pair_lp, 0);
	if (!w.touched || !w.people || !w.lp || !w.log_bg_people || !w.mask || !s->pairs || !pair_lp ||
	    !w.state || !w.known || !w.tlist || !w.tstart || !w.masked || !w.plain ||
	    !w.moves_trait || !w.alone_known || !w.alone) {
		status = RADLOC_ERR_NOMEM;
		goto done;
	}
	for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
		w.log_prior[t] = rl_trait_log_prior(r, t);
	background_logs(s, &w);
	for (size_t f = 0; f < nf; f++) {
		const double *logliks;
		for (size_t i = 0; i < s->touch_count[f]; i++) {
			int l = w.local[s->touch[f][i]];
			if (l >= 0)
				w.touched[f * w.nl + (size_t)l] = i + 1;
		}
		if (w.mask[f] != 0 &&
		    (status = rl_scorer_logliks(sc, &s->fw[f], s->outcome[f], &logliks,
		                                &w.people[f])) != RADLOC_OK)
			goto done;
	}
	special_lists(s, &w);
	for (size_t i = 0; i < k; i++)
		for (size_t j = i + 1; j < k; j++) {
			int a = cand[i] < cand[j] ? cand[i] : cand[j];
			int b = cand[i] < cand[j] ? cand[j] : cand[i];
			if (!valid_pair(r, &r->hyps[a], &r->hyps[b]))
				continue;
			rl_pair *pair = &s->pairs[s->pair_count];
			*pair = (rl_pair){a, b, 0.0, 0.0, 0, 0, 0u};
			if (score_pair(s, &w, sc, pair, &pair_lp[s->pair_count]) != GSL_SUCCESS)
				continue; /* a pair the exam rules out entirely */
			s->pair_count++;
		}
	if (s->pair_count == 0)
		goto done;
	/* Renormalise singles and pairs together: the singles' evidence
	 * is log Z over their components. */
	double z_single = s->log_z, z_all;
	pair_lp[s->pair_count] = z_single;
	if (rl_logsumexp(pair_lp, s->pair_count + 1, &z_all) != GSL_SUCCESS) {
		status = RADLOC_ERR_NUMERIC;
		goto done;
	}
	double keep = exp(z_single - z_all);
	for (size_t c = 0; c < nc; c++)
		s->comp_post[c] *= keep;
	for (size_t h = 0; h < r->hyp_count; h++)
		s->hyp_post[h] *= keep;
	for (int p = 0; p < RADLOC_PATTERN_COUNT; p++)
		s->pattern_post[p] *= keep;
	s->pair_mass = 0.0;
	for (size_t i = 0; i < s->pair_count; i++) {
		double d = pair_lp[i] - z_all;
		s->pairs[i].post = d < -700.0 ? 0.0 : exp(d);
		s->pairs[i].log_post = pair_lp[i];
		s->pair_mass += s->pairs[i].post;
	}
	s->pattern_post[RADLOC_TWO_LESIONS] = s->pair_mass;
done:
	return status;
}

void rl_pair_states(const rl_scoring *s, const rl_pair *pair, const rl_fwork *fw,
                    rl_part_state st[2])
{
	rl_params p;
	rl_mean_params(s->r, &p);
	rl_part_state_of(s->r, &p, fw, s->comps, pair->ca, &st[0]);
	rl_part_state_of(s->r, &p, fw, s->comps, pair->cb, &st[1]);
}

double rl_pair_likelihood_of(const rl_scoring *s, const rl_fwork *fw,
                             const rl_part_state st[2], int outcome)
{
	double like[RL_TRAIT_PEOPLE];
	rl_pair_likelihood_states(s->r, fw, &st[0], &st[1], outcome, 0u, like);
	return like[0];
}

double rl_pair_likelihood(const rl_scoring *s, const rl_pair *pair, const rl_fwork *fw,
                          int outcome)
{
	rl_params p;
	double like[RL_TRAIT_PEOPLE];
	rl_mean_params(s->r, &p);
	/* A part that cannot move the finding leaves its state at zero, so
	 * the pair's is the other part's (or the background). */
	rl_pair_likelihood_traits(s->r, &p, fw, s->comps, pair->ca, pair->cb, outcome, 0u, like);
	return like[0];
}

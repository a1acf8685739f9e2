/* What the engine says besides the ranking: the evidence for and against
 * the leader, the red flags, how surprising the exam is, warnings, and
 * the test that would teach the most. All from the point estimate. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scorer_impl.h"
#include "vocabulary.h"

/* Thresholds of the flags; docs/scoring.md explains each. */
#define LOW_FINDINGS 3          /* fewer usable findings than this */
#define LOW_LEADER 0.50         /* leader below this probability */
#define LOW_RATIO 2.0           /* leader less than twice the runner-up */
#define SURPRISE_Z (-3.0)       /* exam this improbable under the leader */
#define PATTERN_FLAG 0.50       /* posterior of a pattern that raises its flag */
#define CAUDA_FLAG 0.05         /* cauda equina is flagged on less: it is urgent */
#define DISTAL_RANK 0.80        /* "distal" for the stocking pattern */
#define PROXIMAL_RANK 0.25      /* "proximal": shoulder, arm, hip, thigh */
/* The residual check (docs/scoring.md, "None of the above"): a dense
 * deficit, one the background almost never produces, of which the leading
 * lesion explains less than RESIDUAL_SHARE. */
#define DENSE_BACKGROUND 0.005  /* P(finding | no lesion) below this: MRC 3-0, absent sensation */
#define RESIDUAL_SHARE 0.10     /* the leader's part of the finding's probability */
#define RESIDUAL_NAMED 3        /* findings named one by one; the rest counted */

static int add_warning(radloc_result *res, const char *text)
{
	const char **w = rl_arena_alloc(res->arena, (res->warning_count + 1) * sizeof *w);
	char *copy = rl_arena_strdup(res->arena, text);
	if (w == NULL || copy == NULL)
		return -1;
	if (res->warning_count)
		memcpy(w, res->warnings, res->warning_count * sizeof *w);
	w[res->warning_count++] = copy;
	res->warnings = w;
	return 0;
}

/* The component that stands for a hypothesis: itself, or for
 * polyneuropathy its most probable extent. */
static size_t best_component(const rl_scoring *s, int hyp)
{
	size_t best = 0;
	double p = -1.0;
	for (size_t c = 0; c < s->comps->count; c++)
		if (s->comps->hyp[c] == hyp && s->comp_post[c] > p) {
			p = s->comp_post[c];
			best = c;
		}
	return best;
}

static radloc_status evidence(rl_scoring *s, radloc_result *res)
{
	if (res->hyp_count < 2)
		return RADLOC_OK;
	const rl_ranked *lead = &res->ranked[0], *run = &res->ranked[1];
	size_t cl = best_component(s, lead->hyp), cr = best_component(s, run->hyp);
	res->evidence = rl_arena_alloc(res->arena, s->nf * sizeof *res->evidence);
	if (res->evidence == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t f = 0; f < s->nf; f++) {
		double d = s->loglik[cl * s->nf + f] - s->loglik[cr * s->nf + f];
		radloc_evidence *e = &res->evidence[res->evidence_count++];
		e->finding = rl_arena_strdup(res->arena, s->fw[f].f->label);
		if (e->finding == NULL)
			return RADLOC_ERR_NOMEM;
		e->supports = d >= 0.0 ? lead->h.label : run->h.label;
		e->against = d >= 0.0 ? run->h.label : lead->h.label;
		e->log_lr = fabs(d);
	}
	return RADLOC_OK;
}

/* How surprising the exam is under the leader: the log probability of
 * what was seen against its mean and spread over everything the leader
 * could have produced on the same findings (a posterior predictive check).
 * z well below 0: the leader explains the findings badly. */
static void surprise(rl_scoring *s, radloc_result *res)
{
	const radloc_rules *r = s->r;
	size_t c = best_component(s, res->ranked[0].hyp);
	rl_params p;
	double seen = 0.0, mean = 0.0, var = 0.0;

	rl_mean_params(r, &p);
	for (size_t f = 0; f < s->nf; f++) {
		rl_fwork *fw = &s->fw[f];
		int n = fw->f->fkind == RL_PAIN ? 0 : rl_outcome_count(fw->f->fkind);
		double m = 0.0, m2 = 0.0;
		rl_mean_weights(r, fw);
		seen += s->loglik[c * s->nf + f];
		/* Pain is recorded only when present: it has no "what else". */
		double qs[RL_MAX_OUTCOMES];
		if (n)
			rl_outcome_probs(r, &p, fw, s->comps, c, qs);
		for (int o = 0; o < n; o++) {
			double q = qs[o];
			double lq = log(q);
			m += q * lq;
			m2 += q * lq * lq;
		}
		if (n) {
			mean += m;
			var += m2 - m * m;
		} else {
			mean += s->loglik[c * s->nf + f];
		}
	}
	res->surprise = var > 1e-12 ? (seen - mean) / sqrt(var) : 0.0;
}

static void flags(rl_scoring *s, radloc_result *res)
{
	const radloc_rules *r = s->r;
	const radloc_exam *exam = s->exam;
	const double *pattern_mass = s->pattern_post;
	int side_abnormal[3] = {0}, leg_weak[3] = {0}, distal_loss[3] = {0};
	int proximal = 0;
	int brisk = 0, midline_loss = 0, umn_sign = 0, sphincter = 0;

	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *f = &exam->findings[i];
		if (!rl_finding_abnormal(f))
			continue;
		side_abnormal[f->side]++;
		if (f->table == RADLOC_SIGN) {
			const rl_sign *sg = &r->signs[f->element];
			if (sg->limb == RL_MIDLINE && sg->pattern_sens[RADLOC_CAUDA_EQUINA] > 0.0)
				sphincter = 1;
			else if (sg->limb != RL_MIDLINE && sg->pattern_sens[RADLOC_MYELOPATHY] > 0.0)
				umn_sign = 1;
			continue;
		}
		const rl_element *el = &r->elements[f->table - RADLOC_REGION][f->element];
		if (f->fkind == RL_REFLEX && f->outcome >= RL_BRISK) {
			brisk += f->outcome == RL_BRISK + 1 ? 2 : 1; /* clonus counts double */
			continue;
		}
		if (el->limb == RL_MIDLINE && f->fkind == RL_SENSORY)
			midline_loss = 1;
		/* Distal weakness of both legs is what a neuropathy does; weakness
		 * above the ankle on both sides is what a cauda equina does. */
		if (el->limb == RL_LEG && f->fkind == RL_MOTOR &&
		    el->distal_rank < DISTAL_RANK)
			leg_weak[f->side] = 1;
		if (el->limb == RL_LEG && el->distal_rank >= DISTAL_RANK &&
		    (f->fkind == RL_SENSORY || f->fkind == RL_REFLEX))
			distal_loss[f->side] = 1;
		if (el->limb != RL_MIDLINE && el->distal_rank < PROXIMAL_RANK &&
		    f->fkind != RL_PAIN)
			proximal = 1;
	}
	if (side_abnormal[RADLOC_LEFT] && side_abnormal[RADLOC_RIGHT])
		res->flags |= RADLOC_FLAG_BILATERAL;
	/* Distal first, whatever leads: nothing abnormal near the trunk, and
	 * loss at both feet or a polyneuropathy that explains the exam. */
	if (!proximal && (pattern_mass[RADLOC_POLYNEUROPATHY] >= PATTERN_FLAG ||
	                  (distal_loss[RADLOC_LEFT] && distal_loss[RADLOC_RIGHT])))
		res->flags |= RADLOC_FLAG_STOCKING_GLOVE;
	/* Raised on the findings themselves, whatever ranks first: saddle loss,
	 * sphincter trouble, weakness of both legs, or cauda equina in play. */
	if (midline_loss || sphincter ||
	    (leg_weak[RADLOC_LEFT] && leg_weak[RADLOC_RIGHT]) ||
	    pattern_mass[RADLOC_CAUDA_EQUINA] >= CAUDA_FLAG)
		res->flags |= RADLOC_FLAG_CAUDA_EQUINA;
	/* On the findings only: myelopathy can lead by elimination when
	 * nothing fits (inconsistent_findings says so), with no sign of it. */
	if (umn_sign || brisk >= 2)
		res->flags |= RADLOC_FLAG_UPPER_MOTOR_NEURON;
	/* The exam improbable under its leader, or `other` (none of the
	 * lesions modelled) holding most of the probability. */
	if (res->surprise < SURPRISE_Z || pattern_mass[RADLOC_OTHER] >= PATTERN_FLAG)
		res->flags |= RADLOC_FLAG_INCONSISTENT;
	double p1 = res->ranked[0].h.probability;
	double p2 = res->hyp_count > 1 ? res->ranked[1].h.probability : 0.0;
	if (s->nf < LOW_FINDINGS || p1 < LOW_LEADER || p1 < LOW_RATIO * p2)
		res->flags |= RADLOC_FLAG_LOW_CONFIDENCE;
}

/* The leading hypothesis that is a lesion radloc models: the leader, or
 * the runner-up when `other` leads. */
static size_t modelled_leader(const radloc_result *res)
{
	for (size_t i = 0; i < res->hyp_count; i++)
		if (res->ranked[i].h.pattern != RADLOC_OTHER)
			return i;
	return 0;
}

/* A finding in clinical words: "left wrist extension MRC 2", "right
 * dorsum of the foot: sensation absent" (the element's name without its
 * parenthesis). */
static void finding_words(const radloc_rules *r, const rl_finding *f, char *out, size_t n)
{
	const char *name = r->elements[f->table - RADLOC_REGION][f->element].e.name;
	int len = (int)strcspn(name, "(");
	while (len > 0 && name[len - 1] == ' ')
		len--;
	const char *side = f->side == RADLOC_MIDLINE ? "" : radloc_side_name(f->side);
	snprintf(out, n, "%s%s%.*s%s%s", side, *side ? " " : "", len, name,
	         f->fkind == RL_MOTOR ? " MRC " : ": sensation ",
	         rl_outcome_name(f->fkind, f->outcome));
}

/* The residual check: each dense deficit (a loss the background almost
 * never produces) of which the leading modelled lesion explains less than
 * RESIDUAL_SHARE of its probability, 1 - P(f | background) / P(f | leader),
 * is named: a second process, or one radloc does not model. */
static radloc_status residual(rl_scoring *s, radloc_result *res)
{
	const radloc_rules *r = s->r;
	const rl_ranked *lead = &res->ranked[modelled_leader(res)];
	size_t c = best_component(s, lead->hyp), named = 0, unnamed = 0;
	char words[160], text[320];

	for (size_t f = 0; f < s->nf; f++) {
		const rl_finding *x = s->fw[f].f;
		int loss = x->outcome >= 1 && x->outcome <= r->findings[x->fkind].levels;
		if (s->fw[f].sg || (x->fkind != RL_MOTOR && x->fkind != RL_SENSORY) || !loss)
			continue;
		double background = rl_background(r, &s->fw[f], x->outcome);
		if (background >= DENSE_BACKGROUND)
			continue;
		double share = 1.0 - background / exp(s->loglik[c * s->nf + f]);
		if (share >= RESIDUAL_SHARE)
			continue;
		if (named == RESIDUAL_NAMED) {
			unnamed++;
			continue;
		}
		finding_words(r, x, words, sizeof words);
		if (lead->h.pattern == RADLOC_NORMAL)
			snprintf(text, sizeof text, "%s is not explained by normal (a person "
			         "without a lesion seldom has it): recheck it", words);
		else
			snprintf(text, sizeof text, "%s is not explained by %s (%s): a second process?",
			         words, lead->h.label, share <= 1e-9 ? "it lies outside its territory"
			                                             : "it hardly reaches it");
		if (add_warning(res, text))
			return RADLOC_ERR_NOMEM;
		named++;
	}
	if (unnamed) {
		snprintf(text, sizeof text, "%zu more dense deficit%s not explained by %s",
		         unnamed, unnamed == 1 ? " is" : "s are", lead->h.label);
		if (add_warning(res, text))
			return RADLOC_ERR_NOMEM;
	}
	return RADLOC_OK;
}

static radloc_status warnings(rl_scoring *s, radloc_result *res)
{
	char text[200];
	size_t abnormal_count = 0;

	for (size_t f = 0; f < s->nf; f++)
		abnormal_count += (size_t)rl_finding_abnormal(s->fw[f].f);
	if (s->nt_count) {
		snprintf(text, sizeof text, "%zu finding%s not testable (NT) ignored",
		         s->nt_count, s->nt_count == 1 ? "" : "s");
		if (add_warning(res, text))
			return RADLOC_ERR_NOMEM;
	}
	if (s->nf < LOW_FINDINGS) {
		snprintf(text, sizeof text,
		         "only %zu usable finding%s: too few to localise with confidence",
		         s->nf, s->nf == 1 ? "" : "s");
		if (add_warning(res, text))
			return RADLOC_ERR_NOMEM;
	}
	if (abnormal_count == 0 && add_warning(res, "no abnormal finding recorded"))
		return RADLOC_ERR_NOMEM;
	if ((res->flags & RADLOC_FLAG_INCONSISTENT)) {
		if (res->surprise < SURPRISE_Z)
			snprintf(text, sizeof text,
			         "the findings fit no single hypothesis well (surprise z = %.1f): "
			         "consider two processes or recheck the exam", res->surprise);
		else
			snprintf(text, sizeof text,
			         "the findings fit none of the lesions radloc models (other %.0f %%): "
			         "consider two processes, one radloc does not model, or recheck "
			         "the exam", 100.0 * s->pattern_post[RADLOC_OTHER]);
		if (add_warning(res, text))
			return RADLOC_ERR_NOMEM;
	}
	return residual(s, res);
}

/* ---- next best test --------------------------------------------------------------- */

static double entropy_bits(const double *p, size_t n)
{
	double h = 0.0;
	for (size_t i = 0; i < n; i++)
		if (p[i] > 0.0)
			h -= p[i] * log2(p[i]);
	return h;
}

/* Only pain was recorded there: it can still be examined. */
static int pain_only(const radloc_exam *exam, radloc_kind table, int element,
                     radloc_side side)
{
	for (size_t i = 0; i < exam->count; i++) {
		const rl_finding *f = &exam->findings[i];
		if (f->table == table && f->element == element &&
		    (f->side == side || side == RADLOC_MIDLINE) && f->fkind != RL_PAIN)
			return 0;
	}
	return 1;
}

typedef struct candidate {
	double gain;
	radloc_kind table;
	int element;
	radloc_side side;
} candidate;

#define NEXT_HYPS 8         /* hypotheses weighed by name; the rest as one */
#define NEXT_MASS 0.999     /* ... once these hold this much probability */
#define NEXT_FROM 3         /* candidates: key elements of the leading three */

/* The finding not yet examined whose outcome is expected to tell most
 * about which hypothesis it is: the key elements of the leading
 * hypotheses are the candidates, and the leading hypotheses holding
 * 99.9 % of the probability are weighed by name, the rest as one
 * hypothesis that predicts only the background. */
static radloc_status next_test(rl_scoring *s, radloc_result *res)
{
	const radloc_rules *r = s->r;
	size_t nh = 0;
	double mass = 0.0;
	int hyps[NEXT_HYPS];
	size_t *live = malloc(s->comps->count * sizeof *live);
	double *w = malloc((r->root_count + rl_sign_width(r)) * sizeof *w);
	candidate best = {0.0, RADLOC_REGION, -1, RADLOC_LEFT};
	rl_params p;
	size_t nlive = 0;

	if (!live || !w) {
		free(live);
		free(w);
		return RADLOC_ERR_NOMEM;
	}
	rl_mean_params(r, &p);
	for (size_t i = 0; i < res->hyp_count && nh < NEXT_HYPS && mass < NEXT_MASS; i++) {
		hyps[nh++] = res->ranked[i].hyp;
		mass += res->ranked[i].h.probability;
	}
	for (size_t c = 0; c < s->comps->count; c++)
		for (size_t i = 0; i < nh; i++)
			if (s->comps->hyp[c] == hyps[i] && s->comp_post[c] > 1e-12)
				live[nlive++] = c;
	/* Entropy over the named hypotheses and the lump of the rest. */
	double now[NEXT_HYPS + 1];
	for (size_t i = 0; i < nh; i++)
		now[i] = res->ranked[i].h.probability;
	now[nh] = 1.0 - mass > 0.0 ? 1.0 - mass : 0.0;
	double entropy_now = entropy_bits(now, nh + 1);

	for (size_t lead = 0; lead < nh && lead < NEXT_FROM; lead++) {
		const rl_hypothesis *hyp = &r->hyps[hyps[lead]];
		for (size_t k = 0; k < hyp->key_count; k++) {
			const rl_key *key = &hyp->keys[k];
			/* Already looked at (pain aside: a symptom is not a test). */
			if (rl_looked_at(&s->examined, key->table, key->element, key->side) &&
			    !pain_only(s->exam, key->table, key->element, key->side))
				continue;
			rl_finding f;
			rl_fwork fw;
			rl_probe_finding(r, key->table, key->element, key->side, 0, &f, &fw, w);
			int outcomes = rl_outcome_count(f.fkind);
			double joint[RL_MAX_OUTCOMES][NEXT_HYPS + 1];
			memset(joint, 0, sizeof joint);
			for (size_t i = 0; i < nlive; i++) {
				size_t c = live[i], slot = 0;
				double outcome_prob[RL_MAX_OUTCOMES];
				while (hyps[slot] != s->comps->hyp[c])
					slot++;
				rl_outcome_probs(r, &p, &fw, s->comps, c, outcome_prob);
				for (int o = 0; o < outcomes; o++)
					joint[o][slot] += s->comp_post[c] * outcome_prob[o];
			}
			double expected = 0.0;
			for (int o = 0; o < outcomes; o++) {
				joint[o][nh] = now[nh] * rl_background(r, &fw, o);
				double p_outcome = 0.0, post[NEXT_HYPS + 1];
				for (size_t i = 0; i <= nh; i++)
					p_outcome += joint[o][i];
				if (p_outcome <= 0.0)
					continue;
				for (size_t i = 0; i <= nh; i++)
					post[i] = joint[o][i] / p_outcome;
				expected += p_outcome * entropy_bits(post, nh + 1);
			}
			double gain = entropy_now - expected;
			if (gain > best.gain + 1e-12)
				best = (candidate){gain, key->table, key->element, key->side};
		}
	}
	radloc_status status = RADLOC_OK;
	if (best.element >= 0 && best.gain > 0.01) {
		char label[128];
		const char *id = r->ids[best.table][best.element];
		const char *kind = rl_fkind_names[rl_fkind_of(best.table, 0)];
		if (best.side == RADLOC_MIDLINE)
			snprintf(label, sizeof label, "%s %s", kind, id);
		else
			snprintf(label, sizeof label, "%s %s %s", kind,
			         id, radloc_side_name(best.side));
		res->next.finding = rl_arena_strdup(res->arena, label);
		res->next.kind = best.table;
		res->next.id = id;
		res->next.side = best.side;
		res->next.information_gain = best.gain;
		/* Of the top three, the pair it tells apart best, weighted by how
		 * probable both are. */
		rl_finding f;
		rl_fwork fw;
		rl_probe_finding(r, best.table, best.element, best.side, 0, &f, &fw, w);
		double widest = -1.0;
		size_t top = res->hyp_count < 3 ? res->hyp_count : 3;
		for (size_t a = 0; a < top; a++)
			for (size_t b = a + 1; b < top; b++) {
				size_t ca = best_component(s, res->ranked[a].hyp);
				size_t cb = best_component(s, res->ranked[b].hyp);
				double separation = 0.0;
				for (int o = 0; o < rl_outcome_count(f.fkind); o++)
					separation += fabs(rl_likelihood(r, &p, &fw, s->comps, ca, o) -
					           rl_likelihood(r, &p, &fw, s->comps, cb, o));
				separation *= res->ranked[a].h.probability * res->ranked[b].h.probability;
				if (separation > widest) {
					widest = separation;
					res->next.separates[0] = res->ranked[a].h.label;
					res->next.separates[1] = res->ranked[b].h.label;
				}
			}
		res->has_next = res->next.finding != NULL;
		if (!res->has_next)
			status = RADLOC_ERR_NOMEM;
	}
	free(live);
	free(w);
	return status;
}

radloc_status rl_explain(rl_scoring *s, radloc_result *res)
{
	radloc_status status;
	if ((status = evidence(s, res)) != RADLOC_OK)
		return status;
	surprise(s, res);
	flags(s, res);
	if ((status = warnings(s, res)) != RADLOC_OK)
		return status;
	return next_test(s, res);
}

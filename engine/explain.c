/* What the engine says besides the ranking: the evidence for and against
 * the leader, the red flags, how surprising the exam is, and warnings;
 * then the test that would teach the most (next_test.c). All from the
 * point estimate. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cord.h"
#include "scorer_impl.h"
#include "vocabulary.h"

/* Thresholds of the flags; docs/scoring.md explains each. */
#define LOW_FINDINGS 3          /* fewer usable findings than this */
#define LOW_LEADER 0.50         /* leader below this probability */
#define LOW_RATIO 2.0           /* leader less than twice its best rival */
#define NESTED_NOTE 0.05        /* a nested runner-up worth a word holds this */
#define SURPRISE_Z (-3.0)       /* exam this improbable under the leader */
#define PATTERN_FLAG 0.50       /* posterior of a pattern that raises its flag */
/* Motor neuron disease this probable behind a root, nerve, plexus or
 * cord leader is named: 13 % of ALS patients had early ALS taken for one
 * of these, and 21 % had surgery before the diagnosis (evidence.md
 * section 13, Srinivasan et al. 2006 [A]), so a twentieth is enough to
 * say it. */
#define MND_RIVAL 0.05
#define CAUDA_FLAG 0.05         /* cauda equina is flagged on less: it is urgent */
#define DISTAL_RANK 0.80        /* "distal" for the stocking pattern */
#define PROXIMAL_RANK 0.25      /* "proximal": shoulder, arm, hip, thigh */
/* The residual check (docs/scoring.md, "None of the above"): a dense
 * deficit, one the background almost never produces, of which the leading
 * lesion explains less than RESIDUAL_SHARE. */
#define DENSE_BACKGROUND 0.005  /* P(finding | no lesion) below this: MRC 3-0, absent sensation */
#define RESIDUAL_SHARE 0.10     /* the leader's part of the finding's probability */
#define RESIDUAL_NAMED 3        /* findings named one by one; the rest counted */
#define TWO_PROCESSES 0.50      /* pairs' posterior that raises two_processes */
#define PART_NAMED 4            /* findings named per part of a pair leader */

/* Who the leader is measured against, found once for the evidence, the
 * flags and the warnings. */
typedef struct rivalry {
	size_t rival;   /* rank of the best rival that is not the same lesion */
	int nested_second; /* the runner-up is the leader at another extent and
	                    * holds at least NESTED_NOTE: a contender a reader
	                    * would otherwise weigh as a rival */
} rivalry;

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

/* A probability as the clinician reads it: never "100 %" for what is not
 * certain, nor "0 %" for what is not impossible. */
static void percent(char *out, size_t size, double p)
{
	double v = 100.0 * p;
	if (v > 99.9)
		snprintf(out, size, "> 99.9 %%");
	else if (v < 0.1)
		snprintf(out, size, "< 0.1 %%");
	else if (v >= 10.0 && v < 99.5)
		snprintf(out, size, "%.0f %%", v);
	else
		snprintf(out, size, "%.1f %%", v);
}

/* a is the lesion b at the same or a larger extent: on the same side (a
 * lesion on both sides, of roots or of a nerve, covers either side), and
 * b's roots all among a's, or b's nerve among a's branches (covers). So
 * L5 left lies in L5 bilateral, L4+L5 left and L4+L5+S1 bilateral, as C6
 * lies in C6+C7. Patterns contain nothing: they are not built of the
 * roots and nerves ranked beside them. */
static int contains(const radloc_rules *r, const rl_hypothesis *a,
                    const rl_hypothesis *b)
{
	if (a->side != b->side && a->side != RADLOC_BILATERAL)
		return 0;
	if (a->root_count > 0 && b->root_count > 0) {
		for (int i = 0; i < b->root_count; i++) {
			int found = 0;
			for (int j = 0; j < a->root_count; j++)
				found |= a->roots[j] == b->roots[i];
			if (!found)
				return 0;
		}
		return 1;
	}
	if (a->nerve >= 0 && b->nerve >= 0)
		return r->nerves[a->nerve].covers[b->nerve] != 0;
	return 0;
}

/* C6 right and C5+C6 right, sciatic and common peroneal: one lesion of
 * different extent, which a clinician does not weigh as rivals. */
static int nested(const radloc_rules *r, int a, int b)
{
	/* A pair is no extent of a single: whether there is a second lesion
	 * is the question it answers. */
	if (a < 0 || b < 0)
		return 0;
	const rl_hypothesis *ha = &r->hyps[a], *hb = &r->hyps[b];
	return contains(r, ha, hb) || contains(r, hb, ha);
}

/* One of x, y is a single and the other a pair with it as a part (L5 left
 * and L5 left + S3 right): the leader with a second lesion it barely
 * needs, no rival to it. */
static int has_part(const rl_scoring *s, const rl_ranked *x, const rl_ranked *y)
{
	if ((x->pair >= 0) == (y->pair >= 0))
		return 0;
	const rl_pair *p = x->pair >= 0 ? &s->pairs[x->pair] : &s->pairs[y->pair];
	int single = x->pair >= 0 ? y->hyp : x->hyp;
	return p->a == single || p->b == single;
}

/* The leader's best rival is the most probable hypothesis that is not the
 * leader at another extent (C7 right for C6 right, not C5+C6 right): the
 * question a clinician asks is which root, before how far it reaches. If
 * every other hypothesis is nested (never with the shipped rules: the
 * patterns are always ranked), the runner-up. */
static rivalry find_rival(const rl_scoring *s, const radloc_result *res)
{
	rivalry v = {res->hyp_count > 1, 0};
	int lead = res->ranked[0].hyp, found = 0;
	for (size_t i = 1; i < res->hyp_count; i++) {
		if (has_part(s, &res->ranked[0], &res->ranked[i])) {
			continue;
		} else if (nested(s->r, lead, res->ranked[i].hyp)) {
			v.nested_second |= i == 1 && res->ranked[i].h.probability >= NESTED_NOTE;
		} else if (!found) {
			v.rival = i;
			found = 1;
		}
	}
	return v;
}

/* log P(finding f | a ranked hypothesis at its most probable component):
 * the matrix's entry, or for a pair its likelihood (pairs.c). */
static double ranked_loglik(const rl_scoring *s, const rl_ranked *x, size_t f)
{
	if (x->pair >= 0)
		return log(rl_pair_likelihood(s, &s->pairs[x->pair], &s->fw[f], s->outcome[f]));
	return s->loglik[rl_best_component(s, x->hyp) * s->nf + f];
}

/* Per finding, log P(f | leader) - log P(f | best rival): the findings
 * with the leader's label in supports are the reasons for the answer. */
static radloc_status evidence(rl_scoring *s, radloc_result *res, const rivalry *v)
{
	const rl_ranked *lead = &res->ranked[0], *rival = &res->ranked[v->rival];
	res->evidence = rl_arena_alloc(res->arena, s->nf * sizeof *res->evidence);
	if (res->evidence == NULL)
		return RADLOC_ERR_NOMEM;
	for (size_t f = 0; f < s->nf; f++) {
		double d = ranked_loglik(s, lead, f) - ranked_loglik(s, rival, f);
		/* To 1e-9: below that the difference is rounding, which should
		 * neither order two findings of equal strength nor pick the side
		 * of one both predict alike (one neither touches): a tie is the
		 * leader's, as d = 0 always was. */
		double strength = nearbyint(fabs(d) * 1e9) / 1e9;
		if (strength == 0.0)
			d = 0.0;
		radloc_evidence *e = &res->evidence[res->evidence_count++];
		e->finding = rl_arena_strdup(res->arena, s->fw[f].f->label);
		if (e->finding == NULL)
			return RADLOC_ERR_NOMEM;
		e->supports = d >= 0.0 ? lead->h.label : rival->h.label;
		e->against = d >= 0.0 ? rival->h.label : lead->h.label;
		e->log_lr = strength;
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
	const rl_ranked *lead = &res->ranked[0];
	const rl_pair *pair = lead->pair >= 0 ? &s->pairs[lead->pair] : NULL;
	size_t c = pair ? 0 : rl_best_component(s, lead->hyp);
	rl_params p;
	double seen = 0.0, mean = 0.0, var = 0.0;

	rl_mean_params(r, &p);
	for (size_t f = 0; f < s->nf; f++) {
		rl_fwork *fw = &s->fw[f];
		int n = fw->f->fkind == RL_PAIN ? 0 : rl_outcome_count(fw->f->fkind);
		double m = 0.0, m2 = 0.0;
		rl_mean_weights(r, fw);
		/* The expectation below is that of the person without traits,
		 * finding by finding; a finding a trait affects is seen in that
		 * person too (its matrix entry is a share of the mixture over
		 * people, which has no per-finding expectation). */
		seen += pair ? log(rl_pair_likelihood(s, pair, fw, s->outcome[f]))
		      : rl_trait_mask(r, fw->f, fw->el)
		            ? log(rl_likelihood(r, &p, fw, s->comps, c, s->outcome[f]))
		            : s->loglik[c * s->nf + f];
		/* Pain is recorded only when present: it has no "what else". */
		double qs[RL_MAX_OUTCOMES];
		if (n && pair)
			for (int o = 0; o < n; o++)
				qs[o] = rl_pair_likelihood(s, pair, fw, o);
		else if (n)
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
			mean += pair ? log(rl_pair_likelihood(s, pair, fw, s->outcome[f]))
			             : s->loglik[c * s->nf + f];
		}
	}
	res->surprise = var > 1e-12 ? (seen - mean) / sqrt(var) : 0.0;
}

/* The conditions of low_confidence, each said in its own warning. */
enum { LOW_FEW = 1, LOW_LEADER_BELOW = 2, LOW_CLOSE = 4 };

/* Low confidence: too few findings, a leader below one half, or a leader
 * less than twice its best rival that is not the same lesion at another
 * extent (a 60 % C6 with a 25 % C5+C6 is a confident C6 root lesion). The
 * leader's own probability, not that of all its extents, is held to one
 * half: C5+C6, C6+C7 and C6 together span three levels, and a pain-led
 * exam that cannot tell C6 from C7 must stay low confidence. The credible
 * interval is no condition: it is printed beside the probability and says
 * how far the number moves between plausible people, not whether the
 * answer leads. So a leader at 90 % or more is flagged only for too few
 * findings. */
static unsigned low_confidence(const rl_scoring *s, const radloc_result *res,
                               const rivalry *v)
{
	unsigned why = 0;
	/* The leader's lesion is also there in each pair that has it as a
	 * part ("S1 right + L5 left"): those count for it (docs/scoring.md,
	 * "Two lesions at once"). */
	double p1 = res->ranked[0].h.probability;
	for (size_t i = 1; i < res->hyp_count; i++)
		if (has_part(s, &res->ranked[0], &res->ranked[i]) && res->ranked[0].pair < 0)
			p1 += res->ranked[i].h.probability;
	double p2 = res->hyp_count > 1 ? res->ranked[v->rival].h.probability : 0.0;
	if (s->nf < LOW_FINDINGS)
		why |= LOW_FEW;
	if (p1 < LOW_LEADER)
		why |= LOW_LEADER_BELOW;
	if (p1 < LOW_RATIO * p2)
		why |= LOW_CLOSE;
	return why;
}

static void flags(rl_scoring *s, radloc_result *res, const rivalry *v)
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
		/* Saddle or perianal loss, a weak anal squeeze, a lost anal wink:
		 * any loss at the midline. */
		if (el->limb == RL_MIDLINE && f->fkind != RL_PAIN)
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
	if (low_confidence(s, res, v))
		res->flags |= RADLOC_FLAG_LOW_CONFIDENCE;
	/* Two lesions at once hold most of the probability (docs/scoring.md,
	 * "Two lesions at once"). */
	if (pattern_mass[RADLOC_TWO_LESIONS] > TWO_PROCESSES)
		res->flags |= RADLOC_FLAG_TWO_PROCESSES;
	/* On the findings: a sensory level, dissociated loss (cord.c). */
	res->flags |= rl_cord_flags(s->r, s->exam);
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
	size_t named = 0, unnamed = 0;
	char words[160], text[320];

	for (size_t f = 0; f < s->nf; f++) {
		const rl_finding *x = s->fw[f].f;
		int loss = x->outcome >= 1 && x->outcome <= r->findings[x->fkind].levels;
		if (s->fw[f].sg || (x->fkind != RL_MOTOR && x->fkind != RL_SENSORY) || !loss)
			continue;
		double background = rl_background(r, &s->fw[f], x->outcome);
		if (background >= DENSE_BACKGROUND)
			continue;
		double share = 1.0 - background / exp(ranked_loglik(s, lead, f));
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

/* "C6 right and C5+C6 right are one lesion of different extent: together
 * 85 %", and each condition of low_confidence that fired, in words that
 * begin "low confidence: " (the command line shows them as its note). */
static radloc_status rivalry_warnings(rl_scoring *s, radloc_result *res,
                                      const rivalry *v)
{
	char text[300];
	const radloc_hypothesis *lead = &res->ranked[0].h;
	const radloc_hypothesis *rival = &res->ranked[v->rival].h;
	unsigned why = low_confidence(s, res, v);

	if (v->nested_second) {
		const radloc_hypothesis *second = &res->ranked[1].h;
		char p[16];
		percent(p, sizeof p, lead->probability + second->probability);
		snprintf(text, sizeof text,
		         "%s and %s are one lesion of different extent: together %s",
		         lead->label, second->label, p);
		if (add_warning(res, text))
			return RADLOC_ERR_NOMEM;
	}
	if (why & LOW_FEW) {
		snprintf(text, sizeof text,
		         "low confidence: only %zu usable finding%s, too few to localise "
		         "with confidence", s->nf, s->nf == 1 ? "" : "s");
		if (add_warning(res, text))
			return RADLOC_ERR_NOMEM;
	}
	if (why & LOW_LEADER_BELOW) {
		char p[16];
		percent(p, sizeof p, lead->probability);
		snprintf(text, sizeof text,
		         "low confidence: %s holds less than half the probability (%s)",
		         lead->label, p);
		if (add_warning(res, text))
			return RADLOC_ERR_NOMEM;
	}
	if (why & LOW_CLOSE) {
		char p1[16], p2[16];
		percent(p1, sizeof p1, lead->probability);
		percent(p2, sizeof p2, rival->probability);
		snprintf(text, sizeof text,
		         "low confidence: %s (%s) is less than twice as probable as %s (%s)",
		         lead->label, p1, rival->label, p2);
		if (add_warning(res, text))
			return RADLOC_ERR_NOMEM;
	}
	return RADLOC_OK;
}

/* Motor neuron disease as a close rival to a root, a nerve, a plexus or
 * the cord: the picture must not be operated on without thought. */
static radloc_status mnd_warning(rl_scoring *s, radloc_result *res)
{
	double p = s->pattern_post[RADLOC_MOTOR_NEURON_DISEASE];
	radloc_pattern lead = res->hyp_count ? res->ranked[0].h.pattern : RADLOC_NORMAL;
	char text[300];
	if (p < MND_RIVAL || lead == RADLOC_MOTOR_NEURON_DISEASE || lead == RADLOC_NORMAL ||
	    lead == RADLOC_OTHER || lead == RADLOC_POLYNEUROPATHY)
		return RADLOC_OK;
	snprintf(text, sizeof text,
	         "motor neuron disease must be considered (%.0f %%): weakness with brisk "
	         "reflexes and no sensory loss; look for wasting and fasciculations in "
	         "other limbs and the tongue, and ask for EMG before operating on a root "
	         "or the cord", 100.0 * p);
	return add_warning(res, text) ? RADLOC_ERR_NOMEM : RADLOC_OK;
}

static radloc_status warnings(rl_scoring *s, radloc_result *res)
{
	radloc_status status;
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
	if ((status = mnd_warning(s, res)) != RADLOC_OK)
		return status;
	return residual(s, res);
}

/* What each part of a pair leader explains: each abnormal finding goes
 * to the part under which it is likelier against the background (by more
 * than a tenth), named up to PART_NAMED per part:
 * "two lesions: ulnar left explains ...; common_peroneal right explains ...". */
static radloc_status pair_parts(rl_scoring *s, radloc_result *res)
{
	const rl_ranked *lead = &res->ranked[0];
	if (lead->pair < 0)
		return RADLOC_OK;
	const rl_pair *pair = &s->pairs[lead->pair];
	char text[900];
	size_t len = (size_t)snprintf(text, sizeof text, "two lesions:");
	for (int k = 0; k < 2; k++) {
		size_t comp = k == 0 ? pair->ca : pair->cb, named = 0, more = 0;
		len += (size_t)snprintf(text + len, sizeof text - len, "%s %s explains",
		                        k ? ";" : "", lead->h.parts[k]->label);
		for (size_t f = 0; f < s->nf && len < sizeof text; f++) {
			if (!rl_finding_abnormal(s->fw[f].f))
				continue;
			double mine = s->loglik[comp * s->nf + f];
			double theirs = s->loglik[(k == 0 ? pair->cb : pair->ca) * s->nf + f];
			double bg = log(rl_background(s->r, &s->fw[f], s->outcome[f]));
			if (mine - bg <= 0.1 || mine < theirs || (mine == theirs && k == 1))
				continue;
			if (named == PART_NAMED) {
				more++;
				continue;
			}
			len += (size_t)snprintf(text + len, sizeof text - len, "%s %s",
			                        named ? "," : "", s->fw[f].f->label);
			named++;
		}
		if (len < sizeof text)
			len += (size_t)snprintf(text + len, sizeof text - len, "%s",
			                        named == 0 ? " no abnormal finding" : "");
		if (more && len < sizeof text)
			len += (size_t)snprintf(text + len, sizeof text - len, " and %zu more", more);
	}
	return add_warning(res, text) ? RADLOC_ERR_NOMEM : RADLOC_OK;
}

radloc_status rl_explain(rl_scoring *s, radloc_result *res)
{
	radloc_status status;
	rivalry v = find_rival(s, res);
	if (res->hyp_count > 1 && (status = evidence(s, res, &v)) != RADLOC_OK)
		return status;
	surprise(s, res);
	flags(s, res, &v);
	if ((status = warnings(s, res)) != RADLOC_OK ||
	    (status = pair_parts(s, res)) != RADLOC_OK)
		return status;
	if (res->hyp_count > 1 && (status = rivalry_warnings(s, res, &v)) != RADLOC_OK)
		return status;
	return rl_next_test(s, res);
}

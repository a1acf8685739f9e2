/* The hypotheses radloc ranks, generated from the rule set: one root on
 * one side; two or three adjacent roots on one side or both, and one root
 * on both sides; one nerve on one side; the
 * bilateral patterns; and `other`, the findings fit none of them. Nothing
 * here names a root or a nerve. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_impl.h"
#include "selection.h"
#include "territory.h"

/* A key element of a lesion: one it supplies with at least KEY_SHARE (or
 * a sign it makes positive with at least KEY_SIGN). A clinician examining
 * the lesion's territory looks at some of them; the territory is the
 * limb-sides they lie on. */
#define KEY_SIGN 0.30
/* Distal enough to be where a length-dependent neuropathy is looked for. */
#define KEY_DISTAL 0.80

typedef struct key_list {
	rl_key *keys;
	size_t count, cap;
} key_list;

static int limb_of(const radloc_rules *r, radloc_kind table, int element)
{
	if (table == RADLOC_SIGN)
		return r->signs[element].limb;
	return r->elements[table - RADLOC_REGION][element].limb;
}

/* Each (table, element) is offered once, or twice in a row (left, then
 * right) for a bilateral lesion; a midline element makes both of these
 * the same key, so the one duplicate possible is the key just added. */
static void add_key(const radloc_rules *r, key_list *k, radloc_kind table,
                    int element, radloc_side side)
{
	if (limb_of(r, table, element) == RL_MIDLINE)
		side = RADLOC_MIDLINE;
	if (k->count > 0) {
		const rl_key *last = &k->keys[k->count - 1];
		if (last->table == table && last->element == element && last->side == side)
			return;
	}
	if (k->count < k->cap)
		k->keys[k->count++] = (rl_key){table, element, side};
}

/* A nerve's share of an element (or sensitivity of a sign) averaged over
 * its sites by their prior shares: what a clinician expects of the nerve
 * before knowing the site, so a rare proximal site does not widen where
 * the commoner distal lesion is looked for. */
static double nerve_expected(const radloc_rules *r, int nerve, const double *per_site)
{
	const rl_nerve *nv = &r->nerves[nerve];
	double v = 0.0;
	for (size_t x = 0; x < nv->site_count; x++)
		v += nv->sites[x].share * per_site[nv->site_base + x];
	return v;
}

/* How strongly a hypothesis reaches an element (share, or for signs the
 * sensitivity), ignoring sides. */
static double reach(const radloc_rules *r, const rl_hypothesis *h,
                    radloc_kind table, int element)
{
	const rl_patterns *P = &r->patterns;
	if (table == RADLOC_SIGN) {
		const rl_sign *sg = &r->signs[element];
		double best = 0.0;
		if (h->root_count > 0) {
			for (int i = 0; i < h->root_count; i++)
				for (size_t j = 0; j < sg->root_count; j++)
					if (sg->roots[j].index == h->roots[i] && sg->roots[j].weight > best)
						best = sg->roots[j].weight;
		} else if (h->nerve >= 0) {
			best = nerve_expected(r, h->nerve, sg->site_sens);
		} else if (h->plexus) {
			best = sg->plexus_sens[h->plexus->index];
		} else {
			best = sg->pattern_sens[h->pattern];
		}
		return best >= KEY_SIGN ? 1.0 : 0.0;
	}
	const rl_element *el = &r->elements[table - RADLOC_REGION][element];
	double share = 0.0;
	switch (h->pattern) {
	case RADLOC_RADICULOPATHY:
	case RADLOC_MULTIRADICULOPATHY:
		for (size_t j = 0; j < el->root_count; j++)
			for (int i = 0; i < h->root_count; i++)
				if (el->roots[j].index == h->roots[i] && el->roots[j].weight > share)
					share = el->roots[j].weight;
		return share;
	case RADLOC_MONONEUROPATHY:
		return nerve_expected(r, h->nerve, el->site_loss);
	case RADLOC_PLEXOPATHY:
		return rl_plexus_share(el, h->plexus);
	case RADLOC_POLYNEUROPATHY:
		return el->limb == RL_LEG && el->distal_rank >= KEY_DISTAL ? 1.0 : 0.0;
	case RADLOC_CAUDA_EQUINA:
		if (el->limb == RL_ARM)
			return 0.0;
		for (size_t j = 0; j < el->root_count; j++)
			share += el->roots[j].weight * P->cauda_roots[el->roots[j].index];
		return share;
	case RADLOC_MYELOPATHY:
		/* Upper motor neuron signs are looked for in the leg reflexes. */
		return table == RADLOC_REFLEX && el->limb == RL_LEG ? 1.0 : 0.0;
	case RADLOC_MOTOR_NEURON_DISEASE:
		/* Brisk reflexes in a weak limb are what is looked for, in any
		 * limb. */
		return table == RADLOC_REFLEX && (el->limb == RL_LEG || el->limb == RL_ARM) ? 1.0
		                                                                            : 0.0;
	default:
		return 0.0;
	}
}

/* The key elements of a hypothesis, and the places they lie on: its
 * territory for the selection model (selection.h). The keys are gathered
 * in scratch (room for every element on both sides, reused for every
 * hypothesis) and only those found are kept in the arena: the rule set
 * is loaded on every command and kept all along a batch. */
static radloc_status build_keys(radloc_rules *r, rl_hypothesis *h, rl_key *scratch,
                                size_t total)
{
	key_list k = {scratch, 0, total};
	int bilateral = h->side == RADLOC_MIDLINE || h->side == RADLOC_BILATERAL;
	for (int t = RADLOC_REGION; t <= RADLOC_SIGN; t++) {
		size_t count = t == RADLOC_SIGN ? r->sign_count : r->element_count[t - RADLOC_REGION];
		for (size_t e = 0; e < count; e++) {
			if (reach(r, h, (radloc_kind)t, (int)e) < KEY_SHARE)
				continue;
			if (bilateral) {
				add_key(r, &k, (radloc_kind)t, (int)e, RADLOC_LEFT);
				add_key(r, &k, (radloc_kind)t, (int)e, RADLOC_RIGHT);
			} else {
				add_key(r, &k, (radloc_kind)t, (int)e, h->side);
			}
		}
	}
	h->keys = rl_arena_alloc(r->arena, k.count * sizeof(rl_key));
	if (h->keys == NULL)
		return RADLOC_ERR_NOMEM;
	memcpy(h->keys, k.keys, k.count * sizeof(rl_key));
	h->key_count = k.count;
	/* Its territory: where its symptoms are felt, the most distal
	 * segment of each limb-side holding one of its key skin regions (and
	 * the midline), since radicular and entrapment symptoms radiate
	 * distally; for a lesion with no key region (a motor nerve,
	 * myelopathy), the places of all its keys. */
	h->places = 0;
	for (int pass = 0; pass < 2 && h->places == 0; pass++)
		for (size_t i = 0; i < k.count; i++)
			if (pass == 1 || k.keys[i].table == RADLOC_REGION)
				h->places |= rl_place_of(r, k.keys[i].table, k.keys[i].element,
				                         k.keys[i].side);
	h->places = rl_places_distal(h->places);
	/* The cord reaches the legs from any level, the arms only from the
	 * neck: the selection model adds the arms as a cervical variant
	 * (selection.c), so that Hoffmann, an arm sign, does not put them in
	 * every myelopathy's territory. */
	if (h->pattern == RADLOC_MYELOPATHY)
		h->places &= ~(RL_PLACE(RL_ARM, RADLOC_LEFT, 0) | RL_PLACE(RL_ARM, RADLOC_LEFT, 1) |
		               RL_PLACE(RL_ARM, RADLOC_RIGHT, 0) | RL_PLACE(RL_ARM, RADLOC_RIGHT, 1));
	/* Motor neuron disease takes a limb proximally as often as
	 * distally (the flail arm is proximal, the split hand and the foot
	 * drop distal): both segments of every limb-side, of which the
	 * selection model takes one limb or all four (selection.c). */
	if (h->pattern == RADLOC_MOTOR_NEURON_DISEASE)
		h->places = r->selection.places & 0xFFu;
	return RADLOC_OK;
}

static const char *label(radloc_rules *r, const char *text)
{
	return rl_arena_strdup(r->arena, text);
}

/* The run of n roots at adjacent levels starting at root a, lowest
 * first, into run; 0 when a level is missing. */
static int adjacent_run(const radloc_rules *r, size_t a, int n, int *run)
{
	run[0] = (int)a;
	for (int i = 1; i < n; i++) {
		run[i] = -1;
		for (size_t b = 0; b < r->root_count; b++)
			if (r->roots[b].level == r->roots[a].level + i)
				run[i] = (int)b;
		if (run[i] < 0)
			return 0;
	}
	return 1;
}

static double run_prior(const radloc_rules *r, const int *run, int n)
{
	double p = 1.0;
	for (int i = 0; i < n; i++)
		p *= r->roots[run[i]].prior;
	return p;
}

/* The forms of multiradiculopathy and their shares of its prior
 * (docs/scoring.md, "Roots on both sides and over several levels"):
 * forms[n][b] for n roots on one side (b = 0) or both (b = 1), over the
 * forms the roots allow; a rule set without `forms:` gives it all to two
 * roots on one side, as version 1 did. mass[n] is the sum over runs of n
 * adjacent roots of the product of their priors. */
typedef struct multi_forms {
	double share[RADLOC_MAX_ROOTS + 1][2];
	double mass[RADLOC_MAX_ROOTS + 1];
	size_t runs[RADLOC_MAX_ROOTS + 1];
	int any;
} multi_forms;

static void share_forms(const radloc_rules *r, multi_forms *m)
{
	const rl_patterns *P = &r->patterns;
	int run[RADLOC_MAX_ROOTS];
	double total = 0.0, given = 0.0;
	*m = (multi_forms){0};
	for (int n = 1; n <= RADLOC_MAX_ROOTS; n++)
		for (size_t a = 0; a < r->root_count; a++)
			if (adjacent_run(r, a, n, run)) {
				m->runs[n]++;
				m->mass[n] += run_prior(r, run, n);
			}
	for (int n = 1; n <= RADLOC_MAX_ROOTS; n++)
		for (int b = n == 1; b < 2; b++)
			given += P->forms[n][b];
	for (int n = 1; n <= RADLOC_MAX_ROOTS; n++)
		for (int b = n == 1; b < 2; b++) {
			double w = given > 0.0 ? P->forms[n][b] : n == 2 && b == 0;
			m->share[n][b] = m->runs[n] > 0 && m->mass[n] > 0.0 ? w : 0.0;
			total += m->share[n][b];
		}
	for (int n = 1; n <= RADLOC_MAX_ROOTS; n++)
		for (int b = 0; b < 2; b++)
			m->share[n][b] = total > 0.0 ? m->share[n][b] / total : 0.0;
	m->any = total > 0.0;
}

/* Every run of n adjacent roots on side as a hypothesis of the form
 * (n, side): "L4+L5 left", "L5 bilateral", "L3+L4+L5 bilateral". */
static size_t add_runs(radloc_rules *r, const multi_forms *m, int n, radloc_side side,
                       size_t at)
{
	const rl_patterns *P = &r->patterns;
	int both = side == RADLOC_BILATERAL, run[RADLOC_MAX_ROOTS];
	char text[160];
	if (m->share[n][both] <= 0.0)
		return at;
	for (size_t a = 0; a < r->root_count; a++) {
		if (!adjacent_run(r, a, n, run))
			continue;
		size_t len = 0;
		for (int i = 0; i < n; i++)
			len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", i ? "+" : "",
			                        r->roots[run[i]].e.id);
		snprintf(text + len, sizeof text - len, " %s", radloc_side_name(side));
		rl_hypothesis *h = &r->hyps[at++];
		*h = (rl_hypothesis){RADLOC_MULTIRADICULOPATHY, label(r, text), {0}, n, -1, side,
		                     P->prior[RADLOC_MULTIRADICULOPATHY] * m->share[n][both] *
		                         run_prior(r, run, n) / m->mass[n] / (both ? 1.0 : 2.0),
		                     0u, NULL, 0, NULL};
		memcpy(h->roots, run, (size_t)n * sizeof *run);
	}
	return at;
}

radloc_status rl_build_hypotheses(radloc_rules *r)
{
	const rl_patterns *P = &r->patterns;
	multi_forms m;
	char text[160];

	share_forms(r, &m);
	size_t runs = 0;
	for (int n = 1; n <= RADLOC_MAX_ROOTS; n++)
		runs += m.runs[n];
	/* Plexus elements rank only when the rules give both the elements
	 * and the pattern's prior (a rule set written before them keeps its
	 * answers). */
	int plexus = P->present[RADLOC_PLEXOPATHY] && r->plexus_count > 0;
	size_t cap = 2 * (r->root_count + r->nerve_count + r->plexus_count) + 3 * runs +
	             r->nerve_count + 6; /* the six bilateral patterns below */
	r->hyps = rl_arena_alloc(r->arena, cap * sizeof *r->hyps);
	if (r->hyps == NULL)
		return RADLOC_ERR_NOMEM;

	size_t n = 0;
	for (int s = RADLOC_LEFT; s <= RADLOC_RIGHT; s++) {
		radloc_side side = (radloc_side)s;
		for (size_t a = 0; a < r->root_count; a++) {
			rl_hypothesis *h = &r->hyps[n++];
			snprintf(text, sizeof text, "%s %s", r->roots[a].e.id,
			         radloc_side_name(side));
			*h = (rl_hypothesis){RADLOC_RADICULOPATHY, label(r, text),
			                     {(int)a, -1, -1}, 1, -1, side,
			                     P->prior[RADLOC_RADICULOPATHY] *
			                         r->roots[a].prior / 2.0, 0u, NULL, 0, NULL};
		}
		/* Two or three adjacent roots: the pattern's prior shared by the
		 * product of the roots' priors, a complexity penalty
		 * (docs/scoring.md). */
		for (int k = 2; k <= RADLOC_MAX_ROOTS; k++)
			n = add_runs(r, &m, k, side, n);
		for (size_t v = 0; v < r->nerve_count; v++) {
			rl_hypothesis *h = &r->hyps[n++];
			snprintf(text, sizeof text, "%s %s", r->nerves[v].e.id,
			         radloc_side_name(side));
			*h = (rl_hypothesis){RADLOC_MONONEUROPATHY, label(r, text),
			                     {-1, -1, -1}, 0, (int)v, side,
			                     P->prior[RADLOC_MONONEUROPATHY] * r->nerves[v].prior *
			                         (1.0 - r->nerves[v].bilateral) / 2.0, 0u, NULL, 0, NULL};
		}
	}
	/* Roots on both sides: a central disc or a narrow canal takes the
	 * same roots left and right. */
	for (int k = 1; k <= RADLOC_MAX_ROOTS; k++)
		n = add_runs(r, &m, k, RADLOC_BILATERAL, n);
	/* A plexus element on one side: the pattern's prior shared by the
	 * elements' priors (rules/plexus.yaml), half to each side. */
	for (int s = RADLOC_LEFT; plexus && s <= RADLOC_RIGHT; s++)
		for (size_t v = 0; v < r->plexus_count; v++) {
			rl_hypothesis *h = &r->hyps[n++];
			snprintf(text, sizeof text, "%s %s", r->plexus[v].e.id,
			         radloc_side_name((radloc_side)s));
			*h = (rl_hypothesis){RADLOC_PLEXOPATHY, label(r, text), {-1, -1, -1}, 0, -1,
			                     (radloc_side)s,
			                     P->prior[RADLOC_PLEXOPATHY] * r->plexus[v].prior / 2.0,
			                     0u, NULL, 0, &r->plexus[v]};
		}
	/* A nerve that is often caught on both sides (the median at the wrist)
	 * has that as its own hypothesis, with the share the rules give it. */
	for (size_t v = 0; v < r->nerve_count; v++) {
		if (r->nerves[v].bilateral <= 0.0)
			continue;
		rl_hypothesis *h = &r->hyps[n++];
		snprintf(text, sizeof text, "%s bilateral", r->nerves[v].e.id);
		*h = (rl_hypothesis){RADLOC_MONONEUROPATHY, label(r, text), {-1, -1, -1}, 0, (int)v,
		                     RADLOC_BILATERAL,
		                     P->prior[RADLOC_MONONEUROPATHY] * r->nerves[v].prior *
		                         r->nerves[v].bilateral, 0u, NULL, 0, NULL};
	}
	/* `other` (none of the lesions modelled) only when the rules define
	 * it: a rule set written before it keeps its answers. */
	static const radloc_pattern bilateral[] = {
		RADLOC_POLYNEUROPATHY, RADLOC_CAUDA_EQUINA, RADLOC_MYELOPATHY,
		RADLOC_NORMAL, RADLOC_OTHER, RADLOC_MOTOR_NEURON_DISEASE,
	};
	for (size_t i = 0; i < sizeof bilateral / sizeof *bilateral; i++) {
		radloc_pattern p = bilateral[i];
		if ((p == RADLOC_OTHER || p == RADLOC_MOTOR_NEURON_DISEASE) && !P->present[p])
			continue;
		rl_hypothesis *h = &r->hyps[n++];
		*h = (rl_hypothesis){p, radloc_pattern_name(p), {-1, -1, -1}, 0, -1,
		                     RADLOC_MIDLINE, P->prior[p], 0u, NULL, 0, NULL};
	}
	for (size_t i = 0; i < n; i++)
		if (r->hyps[i].label == NULL)
			return RADLOC_ERR_NOMEM;
	/* A pattern prior with no hypothesis to hold it (no form the roots
	 * allow; a plexopathy prior without plexus elements) has nowhere to
	 * go. */
	double lost = (m.any ? 0.0 : P->prior[RADLOC_MULTIRADICULOPATHY]) +
	              (plexus ? 0.0 : P->prior[RADLOC_PLEXOPATHY]);
	if (lost > 0.0)
		for (size_t i = 0; i < n; i++)
			r->hyps[i].prior /= 1.0 - lost;
	r->hyp_count = n;
	rl_selection_prepare(r);
	/* Bilateral patterns get keys on both legs: whoever suspects them
	 * examines both. */
	size_t total = 0;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		total += r->element_count[k];
	total = 2 * (total + r->sign_count) + 1;
	rl_key *scratch = malloc(total * sizeof *scratch);
	if (scratch == NULL)
		return RADLOC_ERR_NOMEM;
	radloc_status st = RADLOC_OK;
	for (size_t i = 0; i < n && st == RADLOC_OK; i++)
		st = build_keys(r, &r->hyps[i], scratch, total);
	free(scratch);
	return st;
}

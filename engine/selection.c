/* Where the clinician looks: the selection model (selection.h,
 * docs/scoring.md "Where the clinician looked"). */
#include <math.h>

#include "selection.h"

#define LIMB_PLACES 0xFFu
#define ARM_PLACES 0x0Fu   /* both arms, both segments */
#define LOWER_PLACES 0xAAu /* the lower segment of each limb-side */
#define LEFT_PLACES 0x33u  /* arm left and leg left */
#define TRUNK_LEFT RL_PLACE_TRUNK(RADLOC_LEFT)
#define TRUNK_RIGHT RL_PLACE_TRUNK(RADLOC_RIGHT)

/* Both segments of every limb-side that has a place in `places`; a side
 * of the trunk is one segment, kept as it is. */
static unsigned whole_limbsides(unsigned places)
{
	unsigned lower = places & LOWER_PLACES, upper = places & (LIMB_PLACES & ~LOWER_PLACES);
	return lower | upper | (lower >> 1) | (upper << 1) | (places & (TRUNK_LEFT | TRUNK_RIGHT));
}

/* The same places on the other side (the midline has none). */
static unsigned mirrored(unsigned places)
{
	unsigned trunk = (places & TRUNK_LEFT ? TRUNK_RIGHT : 0u) |
	                 (places & TRUNK_RIGHT ? TRUNK_LEFT : 0u);
	return ((places & LEFT_PLACES) << 2) | ((places & (LIMB_PLACES & ~LEFT_PLACES)) >> 2) |
	       trunk;
}

unsigned rl_places_distal(unsigned places)
{
	unsigned lower = places & LOWER_PLACES;
	return (places & ~(lower >> 1)) | lower;
}

void rl_selection_prepare(radloc_rules *r)
{
	double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
	for (int t = 0; t < RL_ELEMENT_KINDS; t++)
		for (size_t e = 0; e < r->element_count[t]; e++) {
			const rl_element *el = &r->elements[t][e];
			if (el->limb != RL_ARM && el->limb != RL_LEG)
				continue;
			lo[el->limb] = fmin(lo[el->limb], el->distal_rank);
			hi[el->limb] = fmax(hi[el->limb], el->distal_rank);
		}
	/* A limb with no element has no segments to split. */
	for (int l = 0; l < 2; l++)
		r->selection.split[l] = lo[l] <= hi[l] ? (lo[l] + hi[l]) / 2.0 : 0.0;
	r->selection.places = 0;
	for (int t = RADLOC_REGION; t <= RADLOC_SIGN; t++) {
		size_t n = t == RADLOC_SIGN ? r->sign_count : r->element_count[t - RADLOC_REGION];
		for (size_t e = 0; e < n; e++)
			for (int side = RADLOC_MIDLINE; side <= RADLOC_RIGHT; side++)
				r->selection.places |= rl_place_of(r, (radloc_kind)t, (int)e,
				                                   (radloc_side)side);
	}
}

unsigned rl_place_of(const radloc_rules *r, radloc_kind table, int element,
                     radloc_side side)
{
	if (table == RADLOC_SIGN)
		return r->signs[element].limb == RL_MIDLINE ? RL_PLACE_MIDLINE : 0u;
	const rl_element *el = &r->elements[table - RADLOC_REGION][element];
	if (el->limb == RL_MIDLINE)
		return RL_PLACE_MIDLINE;
	if (side != RADLOC_LEFT && side != RADLOC_RIGHT)
		return 0u;
	if (el->limb == RL_TRUNK)
		return RL_PLACE_TRUNK(side);
	return RL_PLACE(el->limb, side, el->distal_rank >= r->selection.split[el->limb]);
}

/* The chance for a place given the territory and what follows from it
 * (limbsides = whole_limbsides(territory), other = mirrored(limbsides)),
 * worked out once per territory rather than once per place. */
static double chance_from(const rl_selection *S, unsigned territory, unsigned limbsides,
                          unsigned other, unsigned place)
{
	if (territory & place)
		return S->in_territory;
	if (limbsides & place)
		return S->same_limb;
	if (other & place)
		return S->other_side;
	return S->elsewhere;
}

double rl_selection_chance(const radloc_rules *r, unsigned territory, unsigned place)
{
	unsigned limbsides = whole_limbsides(territory);
	return chance_from(&r->selection, territory, limbsides, mirrored(limbsides), place);
}

/* The territories of a patient with h and their weights, handed one by
 * one to visit (which returns nonzero to stop). The one list behind both
 * the score and the draw. */
typedef int territory_visitor(unsigned territory, double weight, void *ctx);

static int own_territories(const radloc_rules *r, const rl_hypothesis *h, double weight,
                           territory_visitor *visit, void *ctx)
{
	if (h->pattern == RADLOC_MYELOPATHY) {
		/* The cord reaches the legs from any level, the arms only from
		 * the neck; without a level, both (hypotheses.c gives myelopathy
		 * the legs). */
		double cervical = r->selection.cervical;
		return visit(h->places & ~ARM_PLACES, weight * (1.0 - cervical), ctx) ||
		       visit(h->places | ARM_PLACES, weight * cervical, ctx);
	}
	if (h->pattern == RADLOC_MOTOR_NEURON_DISEASE) {
		/* Seen in one limb only (share one_limb), any of the four
		 * alike, that limb-side's two segments (hypotheses.c) its
		 * territory; else already in all four (patterns.yaml). */
		double one = r->patterns.mnd_one_limb;
		int n = 0;
		for (unsigned side = 3u; side <= LIMB_PLACES; side <<= 2)
			n += (h->places & side) != 0;
		for (unsigned side = 3u; side <= LIMB_PLACES; side <<= 2)
			if ((h->places & side) && visit(h->places & side, weight * one / n, ctx))
				return 1;
		return visit(h->places, weight * (1.0 - one), ctx);
	}
	return visit(h->places, weight, ctx);
}

static int territories(const radloc_rules *r, const rl_hypothesis *h,
                       territory_visitor *visit, void *ctx)
{
	if (h->places != 0)
		return own_territories(r, h, 1.0, visit, ctx);
	/* None of the modelled lesions: what radloc does not model is often
	 * diffuse (an acute or chronic inflammatory neuropathy, a myopathy),
	 * so a share of such patients complain of all four limbs; the rest
	 * as a patient with no lesion. */
	double diffuse = h->pattern == RADLOC_OTHER ? r->selection.other_diffuse : 0.0;
	if (diffuse > 0.0 && visit(LIMB_PLACES & r->selection.places, diffuse, ctx))
		return 1;
	/* No lesion: the complaint, and so the exam, of a lesion from the
	 * priors. */
	double mass = 0.0;
	for (size_t i = 0; i < r->hyp_count; i++)
		if (r->hyps[i].places != 0)
			mass += r->hyps[i].prior;
	if (mass <= 0.0)
		return visit(0u, 1.0 - diffuse, ctx); /* a rule set with no territory at all */
	for (size_t i = 0; i < r->hyp_count; i++)
		if (r->hyps[i].places != 0 &&
		    own_territories(r, &r->hyps[i], (1.0 - diffuse) * r->hyps[i].prior / mass,
		                    visit, ctx))
			return 1;
	return 0;
}

typedef struct draw_ctx {
	double u;
	unsigned last, chosen;
	int done;
} draw_ctx;

static int draw_visit(unsigned territory, double weight, void *ctx)
{
	draw_ctx *d = ctx;
	if (weight <= 0.0)
		return 0;
	d->last = territory;
	d->u -= weight;
	if (d->u < 0.0) {
		d->chosen = territory;
		d->done = 1;
	}
	return d->done;
}

unsigned rl_selection_territory(const radloc_rules *r, const rl_hypothesis *h, double u)
{
	draw_ctx d = {u, 0u, 0u, 0};
	territories(r, h, draw_visit, &d);
	/* Rounding can leave u a hair above the total: the last one. */
	return d.done ? d.chosen : d.last;
}

typedef struct log_ctx {
	const radloc_rules *r;
	unsigned examined;
	double seen, none;
} log_ctx;

static int log_visit(unsigned territory, double weight, void *ctx)
{
	log_ctx *x = ctx;
	const rl_selection *S = &x->r->selection;
	unsigned limbsides = whole_limbsides(territory), other = mirrored(limbsides);
	double p_seen = weight, p_none = weight;
	for (unsigned place = 1u; place <= RL_PLACE_ALL; place <<= 1) {
		if (!(S->places & place))
			continue; /* nothing there to examine */
		double c = chance_from(S, territory, limbsides, other, place);
		p_seen *= x->examined & place ? c : 1.0 - c;
		p_none *= 1.0 - c;
	}
	x->seen += p_seen;
	x->none += p_none;
	return 0;
}

double rl_selection_log(const radloc_rules *r, const rl_hypothesis *h,
                        unsigned examined)
{
	log_ctx x = {r, examined, 0.0, 0.0};
	territories(r, h, log_visit, &x);
	/* Chances lie strictly inside (0, 1) (the rule reader), so both
	 * logarithms are finite. The exam examined something: the generator
	 * draws again when it would not, and the scorer conditions on it. */
	return log(x.seen) - log1p(-x.none);
}

unsigned long rl_selection_key(const rl_hypothesis *h)
{
	/* The branches of territories and own_territories, in their order. */
	unsigned way = 0u;
	if (h->places == 0)
		way = h->pattern == RADLOC_OTHER ? 3u : 4u;
	else if (h->pattern == RADLOC_MYELOPATHY)
		way = 1u;
	else if (h->pattern == RADLOC_MOTOR_NEURON_DISEASE)
		way = 2u;
	return (unsigned long)h->places << 3 | way;
}

double rl_selection_log_memo(const radloc_rules *r, const rl_hypothesis *h,
                             unsigned examined, rl_selection_memo *memo)
{
	unsigned long key = rl_selection_key(h);
	for (size_t i = 0; i < memo->n; i++)
		if (memo->key[i] == key)
			return memo->value[i];
	double v = rl_selection_log(r, h, examined);
	if (memo->n < memo->cap) {
		memo->key[memo->n] = key;
		memo->value[memo->n++] = v;
	}
	return v;
}

/* Synthetic exams for the benchmark, drawn from the rule set's own model:
 * a lesion from the hypotheses and their priors (a severity or extent
 * uniformly); the places examined from the scorer's own selection model
 * (selection.h: each place with its chance given the patient's
 * territory); then MIN to MAX findings within them, each outcome drawn
 * from the model's likelihood at the mean weights, normal findings
 * included. The truth is
 * kept so the benchmark can report how often radloc recovers it.
 * bench_generate_with draws them from a world unlike the model instead
 * (bench_gen_options), for calibration under misspecification. */
#include "bench.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cord.h"
#include "exam_impl.h"
#include "model.h"
#include "rules_impl.h"
#include "selection.h"
#include "vocabulary.h"

typedef struct candidate {
	radloc_kind table;
	int element;
	radloc_side side;
	int limb;
	unsigned place;  /* the place it examines (selection.h) */
	unsigned within; /* the places it may be taken with: its own, or for a
	                  * sign of a limb both segments of its limb-side */
} candidate;

/* The places a patient with hyp is examined at: each with its chance
 * given a territory drawn for the patient, drawn again when none is
 * (the scorer conditions on an exam examining something). Only places
 * the rules have elements in can be examined. */
static unsigned draw_places(gsl_rng *rng, const radloc_rules *r, const rl_hypothesis *hyp)
{
	unsigned available = r->selection.places;
	unsigned territory = rl_selection_territory(r, hyp, gsl_rng_uniform(rng));
	unsigned examined = 0;
	while (examined == 0)
		for (unsigned place = 1u; place <= RL_PLACE_ALL; place <<= 1)
			if ((available & place) &&
			    gsl_rng_uniform(rng) < rl_selection_chance(r, territory, place))
				examined |= place;
	return examined;
}

/* The findings taken within the examined places, whatever the lesion (so
 * that this choice cancels in the scorer): one in each examined place,
 * then the rest uniformly among the candidates there (and the signs of
 * their limb-sides) up to want. Returns how many, into pick. */
static size_t draw_findings(gsl_rng *rng, const candidate *cand, size_t ncand,
                            unsigned examined, size_t want, candidate *pick,
                            size_t *order)
{
	size_t n = 0, npick = 0;
	for (size_t i = 0; i < ncand; i++)
		if (cand[i].within & examined)
			order[n++] = i;
	gsl_ran_shuffle(rng, order, n, sizeof *order);
	for (unsigned place = 1u; place <= RL_PLACE_ALL; place <<= 1) {
		if (!(examined & place))
			continue;
		for (size_t k = 0; k < n; k++)
			if (cand[order[k]].place == place) {
				pick[npick++] = cand[order[k]];
				order[k] = ncand; /* taken */
				break;
			}
	}
	for (size_t k = 0; k < n && npick < want; k++)
		if (order[k] < ncand)
			pick[npick++] = cand[order[k]];
	return npick;
}

static int limb_of(const radloc_rules *r, radloc_kind t, int e)
{
	return t == RADLOC_SIGN ? r->signs[e].limb : r->elements[t - RADLOC_REGION][e].limb;
}

static void outcome_text(int fkind, int o, char *buf, size_t n)
{
	static const char *const sensory[] = {"normal", "reduced", "absent", "increased"};
	static const int reflex_grade[] = {2, 1, 0, 3, 4};
	switch (fkind) {
	case RL_SENSORY: snprintf(buf, n, "\"status\": \"%s\"", sensory[o]); break;
	case RL_MOTOR: snprintf(buf, n, "\"grade\": %d", 5 - o); break;
	case RL_REFLEX: snprintf(buf, n, "\"grade\": %d", reflex_grade[o]); break;
	default: snprintf(buf, n, "\"result\": \"%s\"", o ? "positive" : "negative"); break;
	}
}

const bench_gen_options bench_gen_model = {0.0, 0.0, 1.0, 0};

/* x times a factor uniform in [1 - j, 1 + j], kept a probability. */
static double jitter(gsl_rng *rng, double j, double x)
{
	double y = x * (1.0 - j + 2.0 * j * gsl_rng_uniform(rng));
	return y < 0.0 ? 0.0 : y > 1.0 ? 1.0 : y;
}

/* One person's lesion weights for one finding, as opt says: the sign's
 * sensitivities scaled, and with jitter every weight that can make this
 * finding abnormal under some lesion (only the true lesion's are used):
 * the roots' shares (radiculopathy, cauda equina), the nerves' shares
 * (mononeuropathy, through a copy of the element), the patterns'
 * sensitivities for this kind (polyneuropathy, myelopathy, in world). */
static void misspecify(const bench_gen_options *opt, gsl_rng *rng,
                       const radloc_rules *r, radloc_rules *world, rl_fwork *fw,
                       rl_element *person, double *nerve_loss, double *site_loss)
{
	double j = opt->weight_jitter, scale = opt->sensitivity_scale;
	int k = fw->f->fkind;
	if (fw->sg) {
		size_t total = rl_sign_width(r);
		for (size_t i = 0; i < total; i++) {
			fw->ssens[i] *= scale;
			if (j > 0.0 && fw->ssens[i] > 0.0)
				fw->ssens[i] = jitter(rng, j, fw->ssens[i]);
		}
		return;
	}
	if (j == 0.0)
		return;
	for (size_t i = 0; i < r->root_count; i++)
		if (fw->w[i] > 0.0)
			fw->w[i] = jitter(rng, j, fw->w[i]);
	*person = *fw->el;
	for (size_t n = 0; n < r->nerve_count; n++)
		nerve_loss[n] = fw->el->nerve_loss[n] > 0.0
		                ? jitter(rng, j, fw->el->nerve_loss[n]) : 0.0;
	person->nerve_loss = nerve_loss;
	for (size_t x = 0; x < r->site_count; x++)
		site_loss[x] = fw->el->site_loss[x] > 0.0 ? jitter(rng, j, fw->el->site_loss[x]) : 0.0;
	person->site_loss = site_loss;
	fw->el = person;
	world->patterns.poly_sens[k] = jitter(rng, j, r->patterns.poly_sens[k] * scale);
	world->patterns.myelo_sens[k] = jitter(rng, j, r->patterns.myelo_sens[k] * scale);
	world->patterns.mnd_sens[k] = jitter(rng, j, r->patterns.mnd_sens[k] * scale);
	if (k == RL_REFLEX)
		world->patterns.mnd_brisk = jitter(rng, j, r->patterns.mnd_brisk * scale);
}

int bench_generate(const radloc_rules *r, unsigned long count, unsigned long seed,
                   int min_findings, int max_findings, FILE *out, char (*truth)[48])
{
	return bench_generate_with(r, NULL, count, seed, min_findings, max_findings, out,
	                           truth);
}

int bench_generate_with(const radloc_rules *r, const bench_gen_options *opt,
                        unsigned long count, unsigned long seed, int min_findings,
                        int max_findings, FILE *out, char (*truth)[48])
{
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	size_t ncand = 0, cap = 0;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		cap += 2 * r->element_count[k];
	cap += 2 * r->sign_count;
	candidate *cand = calloc(cap, sizeof *cand);
	candidate *pick = calloc(cap, sizeof *pick);
	size_t *order = calloc(cap, sizeof *order);
	double *prior = calloc(r->hyp_count, sizeof *prior);
	double *nerve_loss = calloc(r->nerve_count + 1, sizeof *nerve_loss);
	double *site_loss = calloc(r->site_count + 1, sizeof *site_loss);
	size_t *drawn_hyp = calloc(r->hyp_count + 1, sizeof *drawn_hyp);
	double w[256];
	if (!rng || !cand || !pick || !order || !prior || !nerve_loss || !site_loss || !drawn_hyp)
		return -1;
	gsl_rng_set(rng, seed);
	for (int t = RADLOC_REGION; t <= RADLOC_SIGN; t++) {
		size_t n = t == RADLOC_SIGN ? r->sign_count : r->element_count[t - RADLOC_REGION];
		for (size_t e = 0; e < n; e++) {
			int limb = limb_of(r, (radloc_kind)t, (int)e);
			for (int s = RADLOC_MIDLINE; s <= RADLOC_RIGHT; s++) {
				radloc_side side = (radloc_side)s;
				if ((limb == RL_MIDLINE) != (side == RADLOC_MIDLINE))
					continue;
				unsigned place = rl_place_of(r, (radloc_kind)t, (int)e, side);
				unsigned within = place           ? place
				                  : limb == RL_TRUNK ? RL_PLACE_TRUNK(side)
				                                     : RL_PLACE(limb, side, 0) | RL_PLACE(limb, side, 1);
				cand[ncand++] = (candidate){(radloc_kind)t, (int)e, side, limb, place, within};
			}
		}
	}
	/* `other` is what the model cannot generate: never the truth here,
	 * and left out of the table (not given weight 0), so that the exams
	 * drawn are the same with or without it in the rules. */
	size_t ndrawn = 0;
	for (size_t h = 0; h < r->hyp_count; h++)
		if (r->hyps[h].pattern != RADLOC_OTHER) {
			drawn_hyp[ndrawn] = h;
			prior[ndrawn++] = r->hyps[h].prior;
		}
	gsl_ran_discrete_t *choose = gsl_ran_discrete_preproc(ndrawn, prior);
	rl_params p;
	rl_mean_params(r, &p);
	/* The world the exams come from: the model's numbers, or (opt) a
	 * copy changed; the scorer keeps the model. Scaling by 1 is exact. */
	if (opt == NULL)
		opt = &bench_gen_model;
	radloc_rules world = *r;
	for (int k = 0; k < RL_FKIND_COUNT; k++) {
		p.sens[k] *= opt->sensitivity_scale;
		world.patterns.poly_sens[k] *= opt->sensitivity_scale;
		world.patterns.myelo_sens[k] *= opt->sensitivity_scale;
		world.patterns.mnd_sens[k] *= opt->sensitivity_scale;
	}
	world.patterns.mnd_brisk = fmin(1.0, world.patterns.mnd_brisk * opt->sensitivity_scale);

	for (unsigned long x = 0; x < count; x++) {
		size_t h = drawn_hyp[gsl_ran_discrete(rng, choose)];
		const rl_hypothesis *hyp = &r->hyps[h];
		/* One component: a severity of a focal lesion, an extent (a
		 * polyneuropathy's evenly, a cauda equina's below). */
		int focal = rl_pattern_is_focal(hyp->pattern);
		int extent = hyp->pattern == RADLOC_POLYNEUROPATHY
		             ? (int)gsl_rng_uniform_int(rng, r->patterns.extent_count) : -1;
		double scale = focal ? r->patterns.severity[gsl_rng_uniform_int(
		                           rng, r->patterns.severity_count)] : 1.0;
		/* A nerve lesion sits at one of its sites, drawn by their shares. */
		int site = -1;
		if (hyp->pattern == RADLOC_MONONEUROPATHY) {
			const rl_nerve *nv = &r->nerves[hyp->nerve];
			double u = gsl_rng_uniform(rng), acc = 0.0;
			size_t at = 0;
			for (; at + 1 < nv->site_count; at++) {
				acc += nv->sites[at].share;
				if (u < acc)
					break;
			}
			site = (int)(nv->site_base + at);
		}
		/* A cauda equina at one of its extents, drawn by their weights. */
		if (hyp->pattern == RADLOC_CAUDA_EQUINA) {
			double u = gsl_rng_uniform(rng), acc = 0.0;
			size_t at = 0;
			for (; at + 1 < r->patterns.cauda_extent_count; at++) {
				acc += r->patterns.cauda_extents[at].weight;
				if (u < acc)
					break;
			}
			extent = (int)at;
		}
		/* A myelopathy at one of its levels and forms, drawn by their
		 * prior shares (cord.c). */
		int cord = -1;
		if (hyp->pattern == RADLOC_MYELOPATHY && r->cord.present) {
			size_t parts = rl_cord_component_count(r);
			double u = gsl_rng_uniform(rng), acc = 0.0;
			for (cord = 0; (size_t)cord + 1 < parts; cord++) {
				acc += exp(rl_cord_log_share(r, (size_t)cord));
				if (u < acc)
					break;
			}
		}
		int hyp_index = (int)h, ext = extent;
		double lp = 0.0;
		rl_components one = {1, &hyp_index, &ext, &scale, &lp, &site, &cord, NULL};
		/* Where the clinician looks, and what is recorded there. */
		unsigned examined = draw_places(rng, r, hyp);
		/* The person's traits, at the rules' prevalences (docs/scoring.md,
		 * "Person-level traits"): a brisk person, age-related distal loss. */
		int traits = 0;
		if (world.traits.present) {
			if (gsl_rng_uniform(rng) < world.traits.brisk_prevalence)
				traits |= (int)RL_TRAIT_BRISK;
			if (gsl_rng_uniform(rng) < world.traits.distal_prevalence)
				traits |= (int)RL_TRAIT_DISTAL;
		}
		int want = min_findings + (int)gsl_rng_uniform_int(rng, (unsigned long)(max_findings - min_findings + 1));
		size_t npick = draw_findings(rng, cand, ncand, examined,
		                             want < 1 ? 1 : (size_t)want, pick, order);
		want = (int)npick;
		fprintf(out, "{\"id\": \"syn-%07lu\"", x);
		static const char *const sections[] = {"sensory", "motor", "reflex", "signs"};
		static const char *const idkey[] = {"region", "movement", "reflex", "sign"};
		for (int t = RADLOC_REGION; t <= RADLOC_SIGN; t++) {
			int items = 0;
			for (int i = 0; i < want; i++) {
				const candidate *c = &pick[i];
				if (c->table != (radloc_kind)t)
					continue;
				rl_finding f;
				memset(&f, 0, sizeof f);
				f.fkind = rl_fkind_of(c->table, 0);
				f.table = c->table;
				f.element = c->element;
				f.side = c->side;
				rl_fwork fw = {&f, NULL, NULL, NULL, NULL};
				if (c->table == RADLOC_SIGN) {
					fw.sg = &r->signs[c->element];
					fw.ssens = w;
				} else {
					fw.el = &r->elements[c->table - RADLOC_REGION][c->element];
					fw.w = w;
				}
				rl_mean_weights(r, &fw);
				rl_element person;
				misspecify(opt, rng, r, &world, &fw, &person, nerve_loss, site_loss);
				/* Draw the outcome from the model's own likelihood. */
				int no = rl_outcome_count(f.fkind);
				double u = gsl_rng_uniform(rng), acc = 0.0;
				unsigned mask = rl_trait_mask(&world, &f, fw.el);
				int o;
				for (o = 0; o < no - 1; o++) {
					double by_person[RL_TRAIT_PEOPLE];
					if (mask) {
						rl_likelihood_traits(&world, &p, &fw, &one, 0, o, mask, by_person);
						acc += by_person[traits];
					} else {
						acc += rl_likelihood(&world, &p, &fw, &one, 0, o);
					}
					if (u < acc)
						break;
				}
				/* Recorded wrongly: the normal/abnormal call reversed (a
				 * normal finding as the mildest abnormal grade, an
				 * abnormal one as normal), or (gross) one of the other
				 * outcomes uniformly. */
				if (opt->flip_rate > 0.0 && gsl_rng_uniform(rng) < opt->flip_rate) {
					if (opt->gross) {
						int other = (int)gsl_rng_uniform_int(rng, (unsigned long)(no - 1));
						o = other >= o ? other + 1 : other;
					} else if (o != RL_NORMAL) {
						o = RL_NORMAL;
					} else {
						/* A reflex goes low or brisk as its background does. */
						const rl_findparams *fp = &r->findings[f.fkind];
						double low = fw.el ? fw.el->background : 1.0;
						double brisk = f.fkind == RL_REFLEX ? fp->brisk_background : 0.0;
						o = gsl_rng_uniform(rng) * (low + brisk) < low ? 1 : RL_BRISK;
					}
				}
				char value[48];
				if (gsl_rng_uniform(rng) < 0.02)
					snprintf(value, sizeof value, "\"%s\": \"NT\"",
					         f.fkind == RL_SENSORY ? "status"
					         : f.fkind == RL_SIGNKIND ? "result" : "grade");
				else
					outcome_text(f.fkind, o, value, sizeof value);
				if (items++ == 0)
					fprintf(out, ", \"%s\": [", sections[t - RADLOC_REGION]);
				else
					fputs(", ", out);
				fprintf(out, "{\"%s\": \"%s\"", idkey[t - RADLOC_REGION],
				        r->ids[c->table][c->element]);
				if (c->side != RADLOC_MIDLINE)
					fprintf(out, ", \"side\": \"%s\"", radloc_side_name(c->side));
				fprintf(out, ", %s}", value);
			}
			if (items)
				fputs("]", out);
		}
		fprintf(out, "}\n");
		if (truth)
			snprintf(truth[x], sizeof truth[x], "%s", hyp->label);
	}
	gsl_ran_discrete_free(choose);
	free(drawn_hyp);
	free(nerve_loss);
	free(site_loss);
	free(prior);
	free(order);
	free(pick);
	free(cand);
	gsl_rng_free(rng);
	return 0;
}

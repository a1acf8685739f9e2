/* Two lesions at once (pairs.c, rl_pair_likelihood_traits in model.c):
 * the noisy-OR of two parts on one finding, the pair prior, and the
 * answers on exams that need two lesions and on one that does not. */
#include <math.h>
#include <string.h>

#include "model.h"
#include "radloc_limits.h"
#include "scorer_impl.h"
#include "tests.h"

/* The first component of a labelled hypothesis (severity or extent 0). */
static size_t component_of(const radloc_scorer *sc, const char *label)
{
	const radloc_rules *r = sc->rules;
	for (size_t c = 0; c < sc->comps.count; c++)
		if (strcmp(r->hyps[sc->comps.hyp[c]].label, label) == 0)
			return c;
	ck_abort_msg("no hypothesis %s", label);
	return 0;
}

/* P(each outcome) of a probed finding under one component, or a pair. */
static double like(const radloc_scorer *sc, rl_fwork *fw, size_t a, long b, int o)
{
	rl_params p;
	double out[RL_TRAIT_PEOPLE];
	rl_mean_params(sc->rules, &p);
	if (b < 0)
		return rl_likelihood(sc->rules, &p, fw, &sc->comps, a, o);
	rl_pair_likelihood_traits(sc->rules, &p, fw, &sc->comps, a, (size_t)b, o, 0u, out);
	return out[0];
}

static double probe(const radloc_scorer *sc, radloc_kind table, const char *id,
                    radloc_side side, const char *a, const char *b, int outcome)
{
	const radloc_rules *r = sc->rules;
	double w[512];
	rl_finding f;
	rl_fwork fw;
	long e = radloc_rules_find(r, table, id);
	ck_assert_int_ge(e, 0);
	ck_assert_uint_le(r->root_count + rl_sign_width(r), 512);
	rl_probe_finding(r, table, (int)e, side, 0, &f, &fw, w);
	return like(sc, &fw, component_of(sc, a), b ? (long)component_of(sc, b) : -1, outcome);
}

/* A part that cannot reach a finding (a nerve of the other side) leaves
 * the other part's likelihood as it is, to the last bit. */
START_TEST(part_out_of_reach_changes_nothing)
{
	radloc_scorer *sc = radloc_scorer_new(shipped_rules());
	for (int o = 0; o < 3; o++)
		ck_assert_double_eq(probe(sc, RADLOC_REGION, "little_finger", RADLOC_LEFT,
		                          "ulnar left", "common_peroneal right", o),
		                    probe(sc, RADLOC_REGION, "little_finger", RADLOC_LEFT,
		                          "ulnar left", NULL, o));
	radloc_scorer_free(&sc);
}
END_TEST

/* Noisy-OR: a finding both parts reach stays normal less often than
 * under either part alone (the thumb: C6 and the median nerve), and the
 * pair does not depend on the order of its parts. */
START_TEST(both_parts_make_normal_rarer)
{
	radloc_scorer *sc = radloc_scorer_new(shipped_rules());
	double both = probe(sc, RADLOC_REGION, "thumb", RADLOC_LEFT, "C6 left", "median left",
	                    RL_NORMAL);
	double swapped = probe(sc, RADLOC_REGION, "thumb", RADLOC_LEFT, "median left",
	                       "C6 left", RL_NORMAL);
	ck_assert_double_eq_tol(both, swapped, 1e-15);
	ck_assert_double_lt(both, probe(sc, RADLOC_REGION, "thumb", RADLOC_LEFT, "C6 left",
	                                NULL, RL_NORMAL));
	ck_assert_double_lt(both, probe(sc, RADLOC_REGION, "thumb", RADLOC_LEFT, "median left",
	                                NULL, RL_NORMAL));
	radloc_scorer_free(&sc);
}
END_TEST

static double pair_mass(const radloc_result *res, radloc_hypothesis *best)
{
	radloc_hypothesis h;
	double m = 0.0;
	int found = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_result_hypothesis(res, i, &h);
		if (h.kind != RADLOC_HYPOTHESIS_TWO_LESIONS)
			continue;
		m += h.probability;
		if (!found && best) {
			*best = h;
			found = 1;
		}
	}
	return m;
}

/* Mononeuritis multiplex: ulnar-pattern weakness and numbness of the left
 * hand, a right foot drop with inversion spared. No single lesion reaches
 * both; the pair leads, with its parts, flag and pattern. */
START_TEST(mononeuritis_multiplex_is_two_lesions)
{
	radloc_result *res = score_case("fixtures/cases/two-lesions-ulnar-left-common-peroneal-right.yaml");
	radloc_hypothesis lead, other;
	radloc_result_hypothesis(res, 0, &lead);
	ck_assert_str_eq(lead.label, "ulnar left + common_peroneal right");
	ck_assert_int_eq(lead.kind, RADLOC_HYPOTHESIS_TWO_LESIONS);
	ck_assert_int_eq(lead.pattern, RADLOC_TWO_LESIONS);
	ck_assert_uint_eq(lead.part_count, 2);
	ck_assert_str_eq(lead.parts[0]->nerve, "ulnar");
	ck_assert_int_eq(lead.parts[0]->side, RADLOC_LEFT);
	ck_assert_str_eq(lead.parts[1]->nerve, "common_peroneal");
	ck_assert_int_eq(lead.parts[1]->side, RADLOC_RIGHT);
	ck_assert_int_eq(radloc_result_pattern(res), RADLOC_TWO_LESIONS);
	ck_assert(radloc_result_flags(res) & RADLOC_FLAG_TWO_PROCESSES);
	ck_assert(find_hypothesis(res, "other", &other));
	ck_assert_double_gt(lead.probability, 10.0 * other.probability);
	/* Singles and pairs together are one distribution. */
	double total = 0.0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h;
		radloc_result_hypothesis(res, i, &h);
		total += h.probability;
	}
	ck_assert_double_eq_tol(total, 1.0, 1e-9);
	radloc_result_free(&res);
}
END_TEST

/* A clean L5: the pairs' prior cost keeps it one lesion. */
START_TEST(clean_l5_stays_one_lesion)
{
	radloc_result *res = score_case("fixtures/cases/l5-classic-left.yaml");
	radloc_hypothesis lead;
	radloc_result_hypothesis(res, 0, &lead);
	ck_assert_str_eq(lead.label, "L5 left");
	ck_assert(!(radloc_result_flags(res) & RADLOC_FLAG_TWO_PROCESSES));
	ck_assert_double_lt(pair_mass(res, NULL), 0.05);
	radloc_result_free(&res);
}
END_TEST

/* The pair prior: m P(A) P(B) / sum over every valid pair, so that when
 * all the parts are candidates (tiny rules: nine of them, under the
 * limit) the pairs' priors add up to m. A rule set without two_lesions
 * (tiny.yaml as it is) ranks its singles alone. */
START_TEST(pair_priors_add_up_to_m)
{
	radloc_rules *r = tiny_rules_with("  normal: {prior: 0.1, source: \"test\"}",
	                                  "  normal: {prior: 0.1, source: \"test\"}\n"
	                                  "  two_lesions: {prior: 0.05, source: \"test\"}");
	radloc_scorer *sc = radloc_scorer_new(r);
	radloc_exam *e = exam_of(r, "S r1 L reduced; S r1 R reduced");
	radloc_result *res = NULL;
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	double priors = 0.0, first_factor = 0.0;
	size_t pairs = 0;
	for (size_t i = 0; i < radloc_result_count(res); i++) {
		radloc_hypothesis h;
		radloc_result_hypothesis(res, i, &h);
		if (h.kind == RADLOC_HYPOTHESIS_TWO_LESIONS) {
			priors += h.prior;
			pairs++;
			/* The same factor m / sum over every pair. */
			double factor = h.prior / (h.parts[0]->prior * h.parts[1]->prior);
			if (pairs > 1)
				ck_assert_double_eq_tol(factor, first_factor, 1e-9 * factor);
			first_factor = factor;
		}
	}
	ck_assert_uint_gt(pairs, 0);
	ck_assert_double_eq_tol(priors, 0.05, 1e-9);
	radloc_result_free(&res);
	radloc_exam_free(&e);
	radloc_scorer_free(&sc);
	radloc_rules_free(&r);

	sc = radloc_scorer_new(tiny_rules());
	e = exam_of(tiny_rules(), "S r1 L reduced; S r1 R reduced");
	ck_assert_int_eq(radloc_score(sc, e, &res), RADLOC_OK);
	ck_assert_uint_eq(radloc_result_count(res), tiny_rules()->hyp_count);
	radloc_result_free(&res);
	radloc_exam_free(&e);
	radloc_scorer_free(&sc);
}
END_TEST

/* Cost stays bounded: no more pairs than the candidates make. */
START_TEST(pairs_only_among_the_leaders)
{
	radloc_result *res = score_case("fixtures/cases/two-lesions-c6-left-median-left.yaml");
	size_t singles = shipped_rules()->hyp_count;
	ck_assert_uint_le(radloc_result_count(res),
	                  singles + RADLOC_PAIR_CANDIDATES * (RADLOC_PAIR_CANDIDATES - 1) / 2);
	ck_assert_uint_gt(radloc_result_count(res), singles);
	radloc_result_free(&res);
}
END_TEST

/* log P(exam | ca and cb together) the plain way, finding after finding
 * with nothing kept between pairs: what pairs.c computed before it kept
 * each candidate's sum and walked only the second part's findings. */
static double plain_pair_loglik(const rl_scoring *s, radloc_scorer *sc, size_t ca, size_t cb)
{
	const radloc_rules *r = s->r;
	rl_params p;
	double total = 0.0, mix[RL_TRAIT_PEOPLE], like[RL_TRAIT_PEOPLE];
	int traits = 0;
	rl_mean_params(r, &p);
	for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
		mix[t] = rl_trait_log_prior(r, t);
	for (size_t f = 0; f < s->nf; f++) {
		const rl_fwork *fw = &s->fw[f];
		size_t ta = 0, tb = 0;
		/* A touch list is in the components' order. */
		size_t last = ca > cb ? ca : cb;
		for (size_t i = 0; i < s->touch_count[f] && (size_t)s->touch[f][i] <= last; i++) {
			ta = (size_t)s->touch[f][i] == ca ? i + 1 : ta;
			tb = (size_t)s->touch[f][i] == cb ? i + 1 : tb;
		}
		unsigned mask = r->traits.present ? rl_trait_mask(r, fw->f, fw->el) : 0u;
		if (mask == 0 && !(ta && tb)) {
			total += ta ? s->loglik[ca * s->nf + f]
			       : tb ? s->loglik[cb * s->nf + f]
			            : log(rl_background(r, fw, s->outcome[f]));
			continue;
		}
		traits |= mask != 0;
		if (!ta && !tb) {
			rl_likelihood_traits(r, &p, fw, NULL, 0, s->outcome[f], mask, like);
			for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
				mix[t] += log(like[t]);
			continue;
		}
		if (!(ta && tb)) {
			const double *logliks, *people;
			ck_assert_int_eq(rl_scorer_logliks(sc, fw, s->outcome[f], &logliks, &people),
			                 RADLOC_OK);
			for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
				mix[t] += people[((ta ? ta : tb) - 1) * RL_TRAIT_PEOPLE + (size_t)t];
			continue;
		}
		rl_part_state a, b;
		rl_part_state_of(r, &p, fw, s->comps, ca, &a);
		rl_part_state_of(r, &p, fw, s->comps, cb, &b);
		rl_pair_likelihood_states(r, fw, &a, &b, s->outcome[f], mask, like);
		if (mask == 0)
			total += log(like[0]);
		else
			for (int t = 0; t < RL_TRAIT_PEOPLE; t++)
				mix[t] += log(like[t]);
	}
	double m = 0.0;
	if (traits)
		ck_assert_int_eq(rl_logsumexp(mix, RL_TRAIT_PEOPLE, &m), 0);
	return total + m;
}

/* On many random exams, every pair's log posterior is what the plain
 * loop gives, to rounding (pairs.c adds the same terms in another order:
 * the first part's sum, then the second part's changes to it), and the singles' log Z the pairs
 * renormalise with is the log-sum-exp of the singles' log posteriors. */
START_TEST(pairs_match_the_plain_loop)
{
	const radloc_rules *r = shipped_rules();
	radloc_scorer *sc = radloc_scorer_new(r);
	size_t checked = 0, with_traits = 0;
	for (unsigned long seed = 1; seed <= 30; seed++) {
		radloc_exam *exam = random_exam(r, seed);
		rl_scoring s;
		double lp[4096], z, sel, want;
		memset(&s, 0, sizeof s);
		s.r = r;
		s.exam = exam;
		s.comps = &sc->comps;
		s.scorer = sc;
		ck_assert_int_eq(rl_posterior(&s, sc), RADLOC_OK);
		ck_assert_int_eq(rl_logsumexp(s.comp_logpost, s.comps->count, &z), 0);
		ck_assert(memcmp(&z, &s.log_z, sizeof z) == 0);
		ck_assert_int_eq(rl_pairs_score(&s, sc), RADLOC_OK);
		for (size_t i = 0; i < s.pair_count; i++) {
			const rl_pair *pair = &s.pairs[i];
			rl_hypothesis both = r->hyps[pair->a];
			size_t n = 0;
			both.places = r->hyps[pair->a].places | r->hyps[pair->b].places;
			sel = rl_selection_log(r, &both, s.examined.places);
			for (size_t ca = s.comps->first[pair->a]; ca < s.comps->first[pair->a + 1]; ca++)
				for (size_t cb = s.comps->first[pair->b]; cb < s.comps->first[pair->b + 1];
				     cb++) {
					ck_assert_uint_lt(n, 4096);
					lp[n++] = s.comps->log_prior[ca] + s.comps->log_prior[cb] +
					          sc->pair_log_norm + sel + plain_pair_loglik(&s, sc, ca, cb);
				}
			ck_assert_int_eq(rl_logsumexp(lp, n, &want), 0);
			ck_assert_msg(fabs(want - pair->log_post) <= 1e-12 * fabs(want),
			              "exam %lu pair %s + %s: %.17g against %.17g", seed,
			              r->hyps[pair->a].label, r->hyps[pair->b].label, pair->log_post,
			              want);
			checked++;
			/* The next test's two steps give rl_pair_likelihood's bits. */
			for (size_t f = 0; f < s.nf; f++) {
				rl_part_state st[2];
				rl_pair_states(&s, pair, &s.fw[f], st);
				for (int o = 0; o < rl_outcome_count(s.fw[f].f->fkind); o++) {
					double one = rl_pair_likelihood(&s, pair, &s.fw[f], o);
					double two = rl_pair_likelihood_of(&s, &s.fw[f], st, o);
					ck_assert(memcmp(&one, &two, sizeof one) == 0);
				}
			}
		}
		for (size_t f = 0; f < s.nf; f++)
			with_traits += r->traits.present && rl_trait_mask(r, s.fw[f].f, s.fw[f].el);
		rl_scoring_free(&s);
		radloc_exam_free(&exam);
	}
	/* The check saw pairs, and findings a trait affects. */
	ck_assert_uint_gt(checked, 100);
	ck_assert_uint_gt(with_traits, 0);
	radloc_scorer_free(&sc);
}
END_TEST

Suite *suite_pairs(void)
{
	return make_suite("pairs", 60, TESTS(part_out_of_reach_changes_nothing,
	                                    both_parts_make_normal_rarer,
	                                    mononeuritis_multiplex_is_two_lesions,
	                                    clean_l5_stays_one_lesion, pair_priors_add_up_to_m,
	                                    pairs_only_among_the_leaders,
	                                    pairs_match_the_plain_loop));
}

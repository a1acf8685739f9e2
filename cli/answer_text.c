/* The text answer of one exam (answer_text.h): in clinical words, the
 * ids kept for JSON (issue #16). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer_text.h"
#include "evidence.h"
#include "clinical.h"
#include "percent.h"

typedef struct style {
	const char *alarm, *bold, *dim, *reset;
} style;

static const struct {
	unsigned flag;
	int alarm;
	const char *text;
} flag_text[] = {
	{RADLOC_FLAG_CAUDA_EQUINA, 1,
	 "CAUDA EQUINA RED FLAG: saddle or perianal sensory loss, sphincter\n"
	 "    dysfunction or weakness of both legs. Needs same-day assessment\n"
	 "    and MRI, whatever ranks first below."},
	{RADLOC_FLAG_UPPER_MOTOR_NEURON, 1,
	 "UPPER MOTOR NEURON SIGNS: brisk reflexes, clonus, Hoffmann or\n"
	 "    Babinski. Think of the spinal cord (myelopathy) and, with weakness\n"
	 "    and no sensory loss, of motor neuron disease, not only a root."},
	{RADLOC_FLAG_STOCKING_GLOVE, 0,
	 "Stocking-glove pattern: bilateral, symmetric, distal first (a\n"
	 "    length-dependent polyneuropathy)."},
	{RADLOC_FLAG_INCONSISTENT, 1,
	 "INCONSISTENT FINDINGS: no single lesion radloc models explains them\n"
	 "    well; the ranking below is the least bad fit. Consider two processes,\n"
	 "    or one radloc does not model (a polyradiculopathy, an acute\n"
	 "    neuropathy), and recheck the exam."},
	{RADLOC_FLAG_SENSORY_LEVEL, 1,
	 "SENSORY LEVEL: sensation lost below a level on the trunk or limbs.\n"
	 "    Think of the spinal cord at or above that level (MRI of the cord)."},
	{RADLOC_FLAG_DISSOCIATED, 0,
	 "Dissociated sensory loss: pin prick and temperature lost where touch,\n"
	 "    vibration or position is kept (or the reverse): a cord lesion\n"
	 "    (central or hemicord) or a small- or large-fibre neuropathy."},
	{RADLOC_FLAG_BILATERAL, 0, "Findings on both sides."},
	{RADLOC_FLAG_TWO_PROCESSES, 0,
	 "Two processes: two lesions at once explain the exam better than any one."},
	/* Its reasons are the engine's warnings that begin LOW_WHY. */
	{RADLOC_FLAG_LOW_CONFIDENCE, 0, "Low confidence."},
};

/* The engine says each condition of low_confidence that fired in a
 * warning beginning with these words (docs/scoring.md): shown as the note
 * under the answer, not again under Warnings. */
static const char LOW_WHY[] = "low confidence: ";

static int is_low_why(const char *warning)
{
	return strncmp(warning, LOW_WHY, sizeof LOW_WHY - 1) == 0;
}

static void low_confidence_note(const radloc_result *res)
{
	int said = 0;
	for (size_t i = 0; i < radloc_result_warning_count(res); i++) {
		const char *w = radloc_result_warning(res, i);
		if (is_low_why(w)) {
			printf("Note: Low confidence: %s.\n", w + sizeof LOW_WHY - 1);
			said = 1;
		}
	}
	if (!said)
		printf("Note: Low confidence.\n");
}

static void bar(double p)
{
	int n = (int)lround(p * 20.0);
	for (int i = 0; i < n; i++)
		fputs("#", stdout);
}

/* A likelihood ratio in a few digits: x1.6, x42, x3.1e+05. */
static void ratio_text(char *out, size_t size, double log_lr)
{
	double lr = exp(log_lr);
	if (lr < 10.0)
		snprintf(out, size, "x%.1f", lr);
	else if (lr < 1e5)
		snprintf(out, size, "x%.0f", lr);
	else
		snprintf(out, size, "x%.1e", lr);
}


/* Below this the findings together barely tell the two apart (a factor
 * under 2 either way): then, and only then, the prior decides. */
#define BALANCED_LOG_LR 0.6931471805599453

/* A finding that moves the odds by less than this factor (x1.05 either
 * way) argues for nothing: it is counted, not listed. */
#define NEGLIGIBLE_LOG_LR 0.04879016416943205

typedef struct words_ctx {
	const radloc_rules *rules;
	const radloc_exam *exam;
	const radloc_result *res;
	const style *st;
} words_ctx;

static void negligible_note(size_t n)
{
	if (n)
		printf("  (%zu more finding%s, each under x1.05)\n", n, n == 1 ? "" : "s");
}

static int find_finding(const radloc_exam *exam, const char *label, radloc_finding *out)
{
	for (size_t i = 0; exam && radloc_exam_finding(exam, i, out) == RADLOC_OK; i++)
		if (strcmp(out->label, label) == 0)
			return 1;
	return 0;
}

static int same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* Whether two findings are one finding of both sides ("left ankle
 * reflex 0" and "right ankle reflex 0"), as a clinician writes them. */
static int twins(const radloc_finding *a, const radloc_finding *b)
{
	return a->kind == b->kind && a->pain == b->pain && strcmp(a->id, b->id) == 0 &&
	       same_text(a->value, b->value) && same_text(a->modality, b->modality) &&
	       ((a->side == RADLOC_LEFT && b->side == RADLOC_RIGHT) ||
	        (a->side == RADLOC_RIGHT && b->side == RADLOC_LEFT));
}

/* The findings of one side of the argument (those whose `supports` or,
 * with against set, whose `against` is the leader), strongest first; the
 * same finding on both sides with the same weight is one line. */
static void argue(const words_ctx *w, radloc_evidence *ev, size_t ne, const char *lead,
                  int against, char mark)
{
	size_t any = 0, small = 0;
	char lr[32], f[CLINICAL_SIZE];
	for (size_t i = 0; i < ne; i++) {
		const char *side = against ? ev[i].against : ev[i].supports;
		if (ev[i].finding == NULL || strcmp(side, lead) != 0 || ev[i].log_lr <= 0.005)
			continue;
		if (ev[i].log_lr < NEGLIGIBLE_LOG_LR) {
			small++;
			continue;
		}
		radloc_finding a, b;
		int both = 0;
		if (find_finding(w->exam, ev[i].finding, &a))
			for (size_t j = i + 1; j < ne && !both; j++) {
				const char *side_j = against ? ev[j].against : ev[j].supports;
				if (ev[j].finding && strcmp(side_j, lead) == 0 &&
				    fabs(ev[j].log_lr - ev[i].log_lr) < 0.005 &&
				    find_finding(w->exam, ev[j].finding, &b) && twins(&a, &b)) {
					ev[j].finding = NULL; /* said with its twin */
					both = 1;
				}
			}
		if (both) {
			a.side = RADLOC_BILATERAL;
			clinical_finding(w->rules, &a, f, sizeof f);
		} else {
			clinical_finding_label(w->rules, w->exam, ev[i].finding, f, sizeof f);
		}
		ratio_text(lr, sizeof lr, ev[i].log_lr);
		printf("  %c %-52s %s%s\n", mark, f, lr, both ? " each" : "");
		any++;
	}
	if (!any)
		printf("  (nothing%s)\n", small ? " that counts" : "");
	negligible_note(any ? small : 0);
}

/* Why the leader and not its best rival: the engine measures each
 * finding's likelihood ratio against the most probable hypothesis that is
 * not the leader at another extent (docs/scoring.md, "Evidence"). */
static void print_evidence(const words_ctx *w, const radloc_hypothesis *lead)
{
	const radloc_result *res = w->res;
	const style *st = w->st;
	size_t ne;
	if (radloc_result_count(res) < 2)
		return;
	radloc_evidence *ev = evidence_by_strength(res, &ne);
	if (ev == NULL)
		return;
	const char *rival = strcmp(ev[0].supports, lead->label) == 0 ? ev[0].against
	                                                             : ev[0].supports;
	char lead_words[CLINICAL_SIZE], rival_words[CLINICAL_SIZE];
	clinical_hypothesis(w->rules, lead, lead_words, sizeof lead_words);
	clinical_label(w->rules, res, rival, rival_words, sizeof rival_words);
	double together = 0.0;
	char lr[32];
	for (size_t i = 0; i < ne; i++)
		together += strcmp(ev[i].supports, lead->label) == 0 ? ev[i].log_lr : -ev[i].log_lr;
	printf("\n%sWhat speaks for %s%s\n  over %s  (likelihood ratio)\n", st->bold,
	       lead_words, st->reset, rival_words);
	argue(w, ev, ne, lead->label, 0, '+');
	printf("%sWhat speaks against it%s (for %s)\n", st->bold, st->reset, rival_words);
	argue(w, ev, ne, lead->label, 1, '-');
	/* The rival's prior, if it is among the hypotheses reported. */
	double prior_odds = -1.0;
	radloc_hypothesis h;
	for (size_t i = 0; i < radloc_result_count(res); i++)
		if (radloc_result_hypothesis(res, i, &h) == RADLOC_OK &&
		    strcmp(h.label, rival) == 0 && h.prior > 0.0)
			prior_odds = lead->prior / h.prior;
	ratio_text(lr, sizeof lr, fabs(together));
	if (fabs(together) < BALANCED_LOG_LR)
		printf("%sTogether%s the findings barely tell them apart (%s for %s): "
		       "the prior decides\n", st->bold, st->reset, lr,
		       together >= 0.0 ? lead_words : rival_words);
	else if (together > 0.0)
		printf("%sTogether%s the findings favour %s %s\n", st->bold, st->reset,
		       lead_words, lr);
	else
		printf("%sTogether%s the findings favour %s %s: %s leads on how common "
		       "it is\n", st->bold, st->reset, rival_words, lr, lead_words);
	if (prior_odds > 0.0)
		printf("%sPrior odds%s %s : %s = %.2g : 1 (how common each is, before "
		       "any finding)\n", st->bold, st->reset, lead_words, rival_words, prior_odds);
	free(ev);
}

/* Whether root hypothesis h takes every root of root hypothesis lead on
 * the same side and more: "L5+S1 left" of "L5 left". A clinician reads
 * them as one answer, "L5, perhaps with a neighbour". */
static int widens(const radloc_hypothesis *h, const radloc_hypothesis *lead)
{
	if (h->kind != RADLOC_HYPOTHESIS_ROOT || lead->kind != RADLOC_HYPOTHESIS_ROOT ||
	    h->side != lead->side || h->root_count <= lead->root_count)
		return 0;
	for (size_t i = 0; i < lead->root_count; i++) {
		int found = 0;
		for (size_t j = 0; j < h->root_count; j++)
			found |= strcmp(lead->roots[i], h->roots[j]) == 0;
		if (!found)
			return 0;
	}
	return 1;
}

/* The root answers a clinician reads as one with the leader's: "C6
 * left, or with a neighbouring root: C6+C7 left 3 %" and, for a
 * multi-root leader, "or fewer roots: C6 left 8 %". */
static void neighbours(const radloc_result *res, const radloc_hypothesis *lead)
{
	radloc_hypothesis h;
	double all = lead->probability;
	char p[PERCENT_SIZE];
	for (int narrower = 0; narrower < 2; narrower++) {
		int said = 0;
		for (size_t i = 1; radloc_result_hypothesis(res, i, &h) == RADLOC_OK; i++) {
			if (!(narrower ? widens(lead, &h) : widens(&h, lead)) || h.probability < 0.0005)
				continue;
			percent_text(p, sizeof p, h.probability, 1);
			printf("%s%s %s", said++ ? ", " : narrower ? "  or fewer roots: "
			                                           : "  or with a neighbouring root: ",
			       h.label, p);
			all += h.probability;
		}
		if (said)
			printf("\n");
	}
	if (all > lead->probability) {
		percent_text(p, sizeof p, all, 0);
		printf("  (%s in all)\n", p);
	}
}

/* The teaching case's answer beside radloc's: where the expected
 * hypothesis ranks, and the verdict `radloc check` would give. */
static void print_expected(const words_ctx *w, const radloc_case *c)
{
	radloc_expectation e;
	radloc_verdict v;
	if (radloc_case_expectation(c, &e) != RADLOC_OK ||
	    radloc_case_check(c, w->res, &v) != RADLOC_OK)
		return;
	char words[CLINICAL_SIZE], p[PERCENT_SIZE];
	clinical_expectation(w->rules, &e, words, sizeof words);
	printf("%sExpected:%s %s", w->st->bold, w->st->reset, words);
	if (e.within > 1)
		printf(" (within the first %zu)", e.within);
	percent_text(p, sizeof p, v.probability, 0);
	if (v.rank)
		printf("; radloc ranks it %zu, %s", v.rank, p);
	else
		printf("; not among radloc's hypotheses");
	printf(": %s\n", v.pass ? "PASS" : "FAIL (radloc check says why)");
}

static void print_ranking(const words_ctx *w, size_t n)
{
	const radloc_result *res = w->res;
	const style *st = w->st;
	radloc_hypothesis h;
	char p[PERCENT_SIZE], iv[2 * PERCENT_SIZE + 8], words[CLINICAL_SIZE];
	int draws = radloc_result_draws(res) > 0;
	double hidden = radloc_result_other(res);
	printf("\n%sRanking%s\n", st->bold, st->reset);
	int iw = draws ? 17 : 0; /* no draws, no interval column */
	printf("   #     prob.  %-*s%s%-20s  hypothesis\n", iw, draws ? "interval" : "",
	       draws ? " " : "", "");
	for (size_t i = 0; i < n; i++) {
		radloc_result_hypothesis(res, i, &h);
		/* Rows that print as "< 0.1 %" say nothing: they join the rest. */
		if (i > 0 && h.probability < 0.0005) {
			hidden += h.probability;
			continue;
		}
		percent_text(p, sizeof p, h.probability, 1);
		printf("  %2zu  %8s  ", i + 1, p);
		if (draws)
			percent_interval(iv, sizeof iv, h.lower, h.upper, 1);
		printf("%-*s%s", iw, draws ? iv : "", draws ? " " : "");
		int bars = (int)lround(h.probability * 20.0);
		bar(h.probability);
		printf("%*s  ", 20 - bars, "");
		clinical_hypothesis(w->rules, &h, words, sizeof words);
		printf("%s\n", words);
	}
	if (hidden > 0.0005) {
		percent_text(p, sizeof p, hidden, 1);
		printf("      %8s  all others\n", p);
	}
}

void answer_text(const radloc_rules *rules, const radloc_exam *exam,
                 const radloc_result *res, int color, const radloc_case *expect)
{
	style st = {"", "", "", ""};
	if (color)
		st = (style){"\033[1;97;41m", "\033[1m", "\033[2m", "\033[0m"};
	words_ctx w = {rules, exam, res, &st};
	radloc_hypothesis lead;
	unsigned flags = radloc_result_flags(res);
	radloc_result_hypothesis(res, 0, &lead);
	char p[PERCENT_SIZE], iv[2 * PERCENT_SIZE + 8], words[CLINICAL_SIZE];

	if (radloc_result_id(res))
		printf("%sExam %s%s\n\n", st.bold, radloc_result_id(res), st.reset);
	for (size_t i = 0; i < sizeof flag_text / sizeof flag_text[0]; i++)
		if ((flags & flag_text[i].flag) && flag_text[i].alarm)
			printf("%s!!! %s%s\n\n", st.alarm, flag_text[i].text, st.reset);
	printf("%sPattern:%s %s%s\n", st.bold, st.reset,
	       clinical_pattern(radloc_result_pattern(res)),
	       lead.pattern == RADLOC_MONONEUROPATHY && lead.side == RADLOC_BILATERAL
	       ? ", the same nerve on both sides" : "");
	percent_text(p, sizeof p, lead.probability, 0);
	clinical_hypothesis(rules, &lead, words, sizeof words);
	printf("%sMost likely:%s %s, %s", st.bold, st.reset, words, p);
	if (radloc_result_draws(res) > 0) {
		percent_interval(iv, sizeof iv, lead.lower, lead.upper, 0);
		printf(" (%.0f %% interval %s)", 100.0 * radloc_result_interval_mass(res), iv);
	}
	printf("\n");
	/* A cord level is a range the findings narrow: say how sure. */
	if (lead.level && lead.level_probability > 0.0) {
		char lp[PERCENT_SIZE];
		percent_text(lp, sizeof lp, lead.level_probability, 0);
		printf("Level %s: %s of the myelopathy's probability is at this level%s\n",
		       lead.level, lp,
		       lead.level_probability < 0.5 ? " (other levels share the rest: the "
		                                      "level is uncertain)" : "");
	}
	neighbours(res, &lead);
	if (expect)
		print_expected(&w, expect);
	for (size_t i = 0; i < sizeof flag_text / sizeof flag_text[0]; i++)
		if ((flags & flag_text[i].flag) && !flag_text[i].alarm) {
			if (flag_text[i].flag == RADLOC_FLAG_LOW_CONFIDENCE)
				low_confidence_note(res);
			else
				printf("Note: %s\n", flag_text[i].text);
		}
	print_ranking(&w, radloc_result_count(res));
	print_evidence(&w, &lead);

	radloc_next_test t;
	if (radloc_result_next_test(res, &t) == RADLOC_OK) {
		/* In the clinic's words: "left ankle inversion (tibialis posterior)". */
		static const char *const what[] = {"", "", "sensation over the", "", "the", ""};
		const char *name = radloc_rules_name(rules, t.kind, t.id);
		radloc_entry_info info;
		radloc_rules_info(rules, t.kind, t.id, &info);
		char a[CLINICAL_SIZE], b[CLINICAL_SIZE];
		clinical_label(rules, res, t.separates[0], a, sizeof a);
		clinical_label(rules, res, t.separates[1], b, sizeof b);
		printf("\n%sNext best test:%s ", st.bold, st.reset);
		if (what[t.kind][0])
			printf("%s ", what[t.kind]);
		if (t.side != RADLOC_MIDLINE)
			printf("%s ", radloc_side_name(t.side));
		printf("%s", name ? name : t.id);
		if (info.muscles)
			printf(" (%s)", info.muscles);
		printf("\n  it separates %s\n  from %s (expected gain %.2f bits) [%s]\n", a, b,
		       t.information_gain, t.finding);
	}
	size_t shown = 0;
	for (size_t i = 0; i < radloc_result_warning_count(res); i++) {
		const char *warning = radloc_result_warning(res, i);
		if (is_low_why(warning))
			continue;
		if (shown++ == 0)
			printf("\n%sWarnings%s\n", st.bold, st.reset);
		printf("  - %s\n", warning);
	}
	printf("\n%sProbabilities come from the rule set's cited weights; intervals "
	       "show how\nthey move as dermatomes and myotomes vary between people. "
	       "Decision support,\nnot a diagnosis.%s\n", st.dim, st.reset);
}

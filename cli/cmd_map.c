/* radloc map [FILE|-] -o OUT.svg: the exam drawn on a body chart, with the
 * territory of the leading hypothesis outlined. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bodychart.h"
#include "cli.h"
#include "clinical.h"
#include "percent.h"
#include "options.h"

/* Hypotheses listed in the panel. */
#define RANKING_SHOWN 5
/* Characters of a ranking line that fit beside its bar (12 px text from
 * x 974 to the chart's edge); the header names the leader in full. */
#define RANK_COLUMNS 46

void help_map(FILE *out)
{
	fputs("usage: radloc map [FILE|-] -o OUT.svg [--from FORMAT] [--rules PATH]\n"
	      "\n"
	      "Draw the exam on a body chart (front, back and soles) as a standalone\n"
	      "SVG: skin findings shaded (reduced, absent, increased, tested normal),\n"
	      "pain striped, weakness, reflexes and signs listed by limb and side, the\n"
	      "territory of the leading hypothesis outlined, red flags in a banner.\n"
	      "\n"
	      "FILE      the exam, YAML or JSON (default: standard input), or a\n"
	      "          teaching case: its exam, with its expected answer in the header\n"
	      "-o OUT    where to write the SVG (required; - for standard output)\n"
	      "--from    FILE's format: exam (default), fhir or isncsci (radloc help score)\n"
	      "--rules   the rule set (default: $RADLOC_RULES, then the installed one)\n"
	      "\n"
	      "docs/map.md explains the colours and the territory rule.\n",
	      out);
}

/* Everything the chart is built from; freed in one place. */
typedef struct map_state {
	const radloc_rules *rules;
	bodychart_mark *marks;
	size_t mark_count, mark_cap;
	bodychart_note *notes;
	char (*note_text)[160];
	size_t note_count;
	char territory[320];
} map_state;

/* The mark of one region and side, added if new. Ids come from the rule
 * set, which outlives the chart. */
static bodychart_mark *mark(map_state *m, const char *region, radloc_side side)
{
	long i = radloc_rules_find(m->rules, RADLOC_REGION, region);
	if (i < 0)
		return NULL;
	const char *id = radloc_rules_id(m->rules, RADLOC_REGION, (size_t)i);
	for (size_t k = 0; k < m->mark_count; k++)
		if (strcmp(m->marks[k].region, id) == 0 && m->marks[k].side == side)
			return &m->marks[k];
	if (m->mark_count == m->mark_cap)
		return NULL; /* sized for every region on both sides: cannot happen */
	bodychart_mark *k = &m->marks[m->mark_count++];
	memset(k, 0, sizeof *k);
	k->region = id;
	k->side = side;
	return k;
}

/* Put a region in the territory on the hypothesis's side; a hypothesis
 * without a side (cauda equina, polyneuropathy) takes both. */
static void outline(map_state *m, const char *region, radloc_side side)
{
	if (bodychart_limb_of(m->rules, RADLOC_REGION, region) == BODYCHART_MIDLINE) {
		bodychart_mark *k = mark(m, region, RADLOC_MIDLINE);
		if (k)
			k->territory = 1;
		return;
	}
	for (int s = RADLOC_LEFT; s <= RADLOC_RIGHT; s++) {
		if ((side == RADLOC_LEFT || side == RADLOC_RIGHT) && s != (int)side)
			continue;
		bodychart_mark *k = mark(m, region, (radloc_side)s);
		if (k)
			k->territory = 1;
	}
}

/* Append to the territory's description; it is long enough for any
 * rule set's ids, and a longer one is cut, not overrun. */
__attribute__((format(printf, 2, 3)))
static void describe(map_state *m, const char *fmt, ...)
{
	size_t len = strlen(m->territory);
	va_list ap;

	if (len + 1 >= sizeof m->territory)
		return;
	va_start(ap, fmt);
	vsnprintf(m->territory + len, sizeof m->territory - len, fmt, ap);
	va_end(ap);
}

/* Outline the leader's territory (the engine's) and say in words what
 * it is. */
static int outline_leader(map_state *m, const radloc_hypothesis *h)
{
	size_t n = radloc_rules_territory(m->rules, h, NULL, 0);
	radloc_link *links = calloc(n + 1, sizeof *links);
	const double percent = 100 * RADLOC_TERRITORY_SHARE;

	if (links == NULL)
		return -1;
	if (h->part_count > 0) {
		/* Two lesions: each part outlined on its own side, and named. */
		free(links);
		for (size_t k = 0; k < h->part_count; k++) {
			if (k)
				describe(m, "; ");
			if (outline_leader(m, h->parts[k]) != 0)
				return -1;
		}
		return 0;
	}
	radloc_rules_territory(m->rules, h, links, n);
	for (size_t i = 0; i < n; i++)
		if (links[i].kind == RADLOC_REGION)
			outline(m, links[i].id, h->side);
	char words[CLINICAL_SIZE];
	clinical_hypothesis(m->rules, h, words, sizeof words);
	if (h->kind == RADLOC_HYPOTHESIS_ROOT) {
		describe(m, "%s: regions where ", h->label);
		for (size_t i = 0; i < h->root_count && i < RADLOC_MAX_ROOTS; i++)
			describe(m, "%s%s", i ? " or " : "", h->roots[i]);
		describe(m, " carries at least %.0f %% of the supply", percent);
	} else if (h->kind == RADLOC_HYPOTHESIS_NERVE && h->nerve) {
		describe(m, "%s: regions where the nerve carries at least %.0f %%", words,
		         percent);
	} else if (h->kind == RADLOC_HYPOTHESIS_PLEXUS && h->plexus) {
		describe(m, "%s: regions where the plexus element carries at least %.0f %%",
		         words, percent);
	} else if (h->pattern == RADLOC_POLYNEUROPATHY && h->extent) {
		double threshold = radloc_rules_extent_threshold(m->rules, h->extent);
		if (threshold >= 0)
			describe(m, "%s: regions at or beyond distal rank %.2f, both sides",
			         words, threshold);
	} else if (h->pattern == RADLOC_CAUDA_EQUINA) {
		describe(m, "cauda equina: the saddle and the regions where ");
		for (size_t i = 0, roots = 0; i < n; i++)
			if (links[i].kind == RADLOC_ROOT)
				describe(m, "%s%s", roots++ ? "+" : "", links[i].id);
		describe(m, " together carry at least %.0f %%, both sides", percent);
	}
	free(links);
	return 0;
}

/* The clinical name without its parenthesis, for one panel line:
 * "ankle (Achilles) reflex" -> "ankle reflex". */
static void short_name(char *out, size_t size, const char *name)
{
	size_t n = 0;
	int depth = 0;

	for (const char *p = name; *p && n + 1 < size; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (depth == 0 && !(*p == ' ' && (n == 0 || out[n - 1] == ' ')))
			out[n++] = *p;
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

static void note(map_state *m, radloc_kind kind, const char *id,
                 radloc_side side, const char *fmt_grade)
{
	radloc_entry_info info;
	char name[96];

	if (radloc_rules_info(m->rules, kind, id, &info) != RADLOC_OK)
		return;
	short_name(name, sizeof name, info.name ? info.name : id);
	bodychart_note *n = &m->notes[m->note_count];
	char *t = m->note_text[m->note_count++];
	snprintf(t, sizeof m->note_text[0], "%s%s %s",
	         side == RADLOC_LEFT ? "L " : side == RADLOC_RIGHT ? "R " : "", name,
	         fmt_grade);
	n->limb = bodychart_limb_of(m->rules, kind, id);
	n->side = side;
	n->text = t;
}

/* One finding as the engine read it (its scale already applied). */
static void finding(map_state *m, const radloc_finding *f)
{
	char shown[48];

	if (f->nt)
		return;
	if (f->pain) {
		bodychart_mark *k = mark(m, f->id, f->side);
		if (k)
			k->pain = 1;
		return;
	}
	switch (f->kind) {
	case RADLOC_REGION: {
		static const struct {
			const char *word;
			bodychart_skin skin;
		} words[] = {{"reduced", BODYCHART_REDUCED}, {"absent", BODYCHART_ABSENT},
		             {"increased", BODYCHART_INCREASED}};
		bodychart_mark *k = mark(m, f->id, f->side);
		if (k == NULL)
			return;
		/* Light touch and pin prick of one region are two findings: a
		 * normal one does not hide the other's loss. */
		if (!f->abnormal) {
			if (k->skin == BODYCHART_UNTESTED)
				k->skin = BODYCHART_NORMAL;
			return;
		}
		k->skin = BODYCHART_NORMAL;
		/* ISNCSCI numbers and "impaired" are written otherwise: read the
		 * label's last word, which is the engine's own. */
		const char *word = strrchr(f->label, ' ');
		word = word ? word + 1 : f->value;
		if (f->abnormal) {
			k->skin = BODYCHART_REDUCED;
			for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
				if (strcmp(word, words[i].word) == 0 || strcmp(f->value, words[i].word) == 0)
					k->skin = words[i].skin;
			if (strcmp(f->value, "0") == 0)
				k->skin = BODYCHART_ABSENT;
		}
		return;
	}
	case RADLOC_MOVEMENT:
		if (f->abnormal) {
			snprintf(shown, sizeof shown, "MRC %s/5", f->value);
			note(m, RADLOC_MOVEMENT, f->id, f->side, shown);
		}
		return;
	case RADLOC_REFLEX:
		if (f->abnormal) {
			snprintf(shown, sizeof shown, "%s (%s)", f->value, clinical_reflex_grade(f));
			note(m, RADLOC_REFLEX, f->id, f->side, shown);
		}
		return;
	case RADLOC_SIGN:
		if (f->abnormal)
			note(m, RADLOC_SIGN, f->id, f->side, "positive");
		return;
	default:
		return;
	}
}

/* Write the chart; drawn in memory first, and a file that could not be
 * written whole is removed, so that a failure leaves no half-written
 * chart. A failed write is an output error (4), not the input's. */
static int write_svg(const char *output, const char *svg, size_t size)
{
	if (strcmp(output, "-") == 0) {
		/* Checked with every other write to standard output (main.c). */
		fwrite(svg, 1, size, stdout);
		cli_note_write();
		return EXIT_OK;
	}
	FILE *out = fopen(output, "wb");
	struct stat st;
	/* Only a plain file is removed: never a device like /dev/full. */
	int regular = out != NULL && fstat(fileno(out), &st) == 0 && S_ISREG(st.st_mode);
	int ok = out != NULL && fwrite(svg, 1, size, out) == size;
	int err = errno;
	if (out != NULL && fclose(out) != 0 && ok) {
		ok = 0;
		err = errno;
	}
	if (!ok) {
		fprintf(stderr, "radloc map: cannot write '%s': %s\n", output, strerror(err));
		if (regular)
			remove(output);
		return EXIT_INTERNAL;
	}
	return EXIT_OK;
}

/* Flags that call for action now, with what raised them. */
static const char *red_flag_text(unsigned flag)
{
	switch (flag) {
	case RADLOC_FLAG_CAUDA_EQUINA:
		return "CAUDA EQUINA: saddle or perianal sensory loss, sphincter dysfunction or "
		       "weakness of both legs: same-day assessment and MRI";
	case RADLOC_FLAG_UPPER_MOTOR_NEURON:
		return "UPPER MOTOR NEURON SIGNS: brisk reflexes, clonus, Hoffmann or Babinski: "
		       "think of the spinal cord, not only a root";
	default:
		return NULL;
	}
}

int map_render(const radloc_rules *rules, const radloc_exam *exam,
               const radloc_result *res, const radloc_case *expect,
               char **svg_out, size_t *size_out)
{
	/* The chart speaks clinical words (clinical.h); the SVG's data
	 * attributes keep the ids. */
	char rank_words[RANKING_SHOWN][CLINICAL_SIZE], lead_words[CLINICAL_SIZE];
	char expected[CLINICAL_SIZE + 96] = "";
	map_state m = {rules, NULL, 0, 0, NULL, NULL, 0, ""};
	const char *red[RADLOC_FLAG_COUNT], *flags[RADLOC_FLAG_COUNT];
	size_t nred = 0, nflags = 0;
	bodychart_rank ranking[RANKING_SHOWN];
	size_t nrank = 0;
	radloc_hypothesis lead;
	char *svg = NULL;
	size_t size = 0;
	int rc = EXIT_INTERNAL;
	size_t nev = radloc_exam_finding_count(exam);

	m.mark_cap = 2 * radloc_rules_count(rules, RADLOC_REGION) + 2;
	m.marks = calloc(m.mark_cap, sizeof *m.marks);
	m.notes = calloc(nev + 1, sizeof *m.notes);
	m.note_text = calloc(nev + 1, sizeof *m.note_text);
	if (m.marks == NULL || m.notes == NULL || m.note_text == NULL)
		goto done;
	for (size_t i = 0; i < nev; i++) {
		radloc_finding f;
		if (radloc_exam_finding(exam, i, &f) == RADLOC_OK)
			finding(&m, &f);
	}
	if (radloc_result_hypothesis(res, 0, &lead) != RADLOC_OK)
		goto done;
	if (outline_leader(&m, &lead) != 0)
		goto done;
	for (size_t i = 0; i < radloc_result_count(res) && nrank < RANKING_SHOWN; i++) {
		radloc_hypothesis h;
		if (radloc_result_hypothesis(res, i, &h) != RADLOC_OK)
			break;
		clinical_hypothesis(rules, &h, rank_words[nrank], sizeof rank_words[0]);
		clinical_fit(rank_words[nrank], RANK_COLUMNS);
		ranking[nrank].label = rank_words[nrank];
		ranking[nrank++].probability = h.probability;
	}
	unsigned f = radloc_result_flags(res);
	for (unsigned bit = 0; bit < RADLOC_FLAG_COUNT; bit++) {
		if (!(f & (1u << bit)))
			continue;
		const char *t = red_flag_text(1u << bit);
		if (t)
			red[nred++] = t;
		else
			flags[nflags++] = clinical_flag(1u << bit);
	}

	clinical_hypothesis(rules, &lead, lead_words, sizeof lead_words);
	radloc_expectation e;
	radloc_verdict v;
	if (expect && radloc_case_expectation(expect, &e) == RADLOC_OK &&
	    radloc_case_check(expect, res, &v) == RADLOC_OK) {
		char words[CLINICAL_SIZE], p[PERCENT_SIZE];
		clinical_expectation(rules, &e, words, sizeof words);
		percent_text(p, sizeof p, v.probability, 0);
		if (v.rank)
			snprintf(expected, sizeof expected, "Expected: %s (radloc ranks it %zu, %s: %s)",
			         words, v.rank, p, v.pass ? "PASS" : "FAIL");
		else
			snprintf(expected, sizeof expected, "Expected: %s (not ranked: FAIL)", words);
	}
	bodychart chart = {
		.rules = rules,
		.exam_id = radloc_result_id(res),
		.leader = lead_words,
		.expected = expected[0] ? expected : NULL,
		.probability = lead.probability,
		.pattern = clinical_pattern(radloc_result_pattern(res)),
		.territory = m.territory[0] ? m.territory : NULL,
		.red_flags = red,
		.red_flag_count = nred,
		.flags = flags,
		.flag_count = nflags,
		.marks = m.marks,
		.mark_count = m.mark_count,
		.notes = m.notes,
		.note_count = m.note_count,
		.ranking = ranking,
		.rank_count = nrank,
	};
	if (bodychart_render(&chart, &svg, &size) != 0)
		goto done;
	*svg_out = svg;
	*size_out = size;
	svg = NULL;
	rc = EXIT_OK;
done:
	free(svg);
	free(m.marks);
	free(m.notes);
	free(m.note_text);
	return rc;
}

int cmd_map(int argc, char **argv)
{
	cli_options o;
	radloc_rules *rules = NULL;
	radloc_exam *exam = NULL;
	radloc_case *kase = NULL;
	radloc_result *res = NULL;
	/* The chart scores without draws, so it takes no seed, no threads to
	 * share them, no interval; and it writes SVG only. */
	int rc = cli_parse_options(argc, argv, "map", CLI_RULES | CLI_OUTPUT | CLI_FROM, help_map, &o);

	if (rc >= 0)
		return rc;
	if ((rc = cli_one_input(&o, "map", "one exam at a time")) >= 0)
		return rc;
	if (o.output == NULL) {
		fprintf(stderr, "radloc map: -o OUT.svg is required (-o - writes to "
		        "standard output)\n"
		        "usage: radloc map [FILE|-] -o OUT.svg [--rules PATH]\n");
		return EXIT_USAGE;
	}
	if ((rc = cli_load_rules(o.rules, &rules)) != EXIT_OK)
		return rc;
	/* The chart shows the ranking only: no credible intervals to draw. */
	o.draws = 0;
	if ((rc = cli_read_and_score(rules, &o, "map", 0, &exam, &kase, &res)) != EXIT_OK)
		goto done;
	char *svg = NULL;
	size_t size = 0;
	rc = map_render(rules, kase ? radloc_case_exam(kase) : exam, res, kase, &svg, &size);
	if (rc == EXIT_INTERNAL)
		fprintf(stderr, "radloc map: out of memory\n");
	if (rc == EXIT_OK)
		rc = write_svg(o.output, svg, size);
	free(svg);
done:
	radloc_result_free(&res);
	radloc_exam_free(&exam);
	radloc_case_free(&kase);
	radloc_rules_free(&rules);
	return rc;
}

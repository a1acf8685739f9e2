/* radloc map [FILE|-] -o OUT.svg: the exam drawn on a body chart, with the
 * territory of the leading hypothesis outlined. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bodychart.h"
#include "cli.h"
#include "options.h"

/* A region belongs to a territory when the structure carries at least this
 * share of it: enough to show where a lesion would be felt, without the
 * small overlaps that would paint half the limb. */
#define TERRITORY_SHARE 0.25

/* Hypotheses listed in the panel. */
#define RANKING_SHOWN 5

void help_map(FILE *out)
{
	fputs("usage: radloc map [FILE|-] -o OUT.svg [--rules PATH] [--seed N]\n"
	      "\n"
	      "Draw the exam on a body chart (front, back and soles) as a standalone\n"
	      "SVG: skin findings shaded (reduced, absent, increased, tested normal),\n"
	      "pain striped, weakness, reflexes and signs listed by limb and side, the\n"
	      "territory of the leading hypothesis outlined, red flags in a banner.\n"
	      "\n"
	      "FILE      the exam, YAML or JSON (default: standard input)\n"
	      "-o OUT    where to write the SVG (required; - for standard output)\n"
	      "--rules   the rule set (default: $RADLOC_RULES, then the installed one)\n"
	      "--seed N  random seed (the chart needs no credible intervals, so it\n"
	      "          does not change the picture; accepted for symmetry with score)\n"
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

static int is_midline(const radloc_rules *rules, radloc_kind kind, const char *id)
{
	radloc_entry_info info;
	return radloc_rules_info(rules, kind, id, &info) == RADLOC_OK && info.limb &&
	       strcmp(info.limb, "midline") == 0;
}

/* Put a region in the territory on the hypothesis's side; a hypothesis
 * without a side (cauda equina, polyneuropathy) takes both. */
static void outline(map_state *m, const char *region, radloc_side side)
{
	if (is_midline(m->rules, RADLOC_REGION, region)) {
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

/* The regions a root or nerve carries at least TERRITORY_SHARE of. */
static int outline_supply(map_state *m, radloc_kind kind, const char *id,
                          radloc_side side)
{
	size_t n = radloc_rules_supplies(m->rules, kind, id, NULL, 0);
	radloc_link *links = calloc(n + 1, sizeof *links);
	if (links == NULL)
		return -1;
	radloc_rules_supplies(m->rules, kind, id, links, n);
	for (size_t i = 0; i < n; i++)
		if (links[i].kind == RADLOC_REGION && links[i].weight >= TERRITORY_SHARE)
			outline(m, links[i].id, side);
	free(links);
	return 0;
}

/* Polyneuropathy: everything at or beyond the extent's distal rank, both
 * sides (length-dependent: the longest axons first). */
static void outline_extent(map_state *m, const char *extent)
{
	double threshold = radloc_rules_extent_threshold(m->rules, extent);
	if (threshold < 0)
		return;
	for (size_t i = 0; i < radloc_rules_count(m->rules, RADLOC_REGION); i++) {
		const char *id = radloc_rules_id(m->rules, RADLOC_REGION, i);
		radloc_entry_info info;
		if (radloc_rules_info(m->rules, RADLOC_REGION, id, &info) == RADLOC_OK &&
		    info.limb && strcmp(info.limb, "midline") != 0 &&
		    info.distal_rank >= threshold)
			outline(m, id, RADLOC_MIDLINE);
	}
	snprintf(m->territory, sizeof m->territory,
	         "polyneuropathy, extent %s: regions at or beyond distal rank %.2f, "
	         "both sides", extent, threshold);
}

static long root_level(const radloc_rules *rules, const char *root)
{
	radloc_entry_info info;
	return radloc_rules_info(rules, RADLOC_ROOT, root, &info) == RADLOC_OK
	       ? info.level : 0;
}

/* Cauda equina: the sacral roots are those that supply the midline skin
 * (the saddle and perianal regions), so the rule set, not this file, says
 * which they are. Their territory is the saddle and every region they
 * carry together at least TERRITORY_SHARE of, on both sides. */
static int outline_cauda(map_state *m)
{
	const char *sacral[16];
	size_t nsacral = 0;
	size_t nregions = radloc_rules_count(m->rules, RADLOC_REGION);
	radloc_link links[64];

	for (size_t i = 0; i < nregions; i++) {
		const char *id = radloc_rules_id(m->rules, RADLOC_REGION, i);
		if (!is_midline(m->rules, RADLOC_REGION, id))
			continue;
		size_t n = radloc_rules_suppliers(m->rules, RADLOC_REGION, id, links, 64);
		for (size_t k = 0; k < n && k < 64; k++) {
			if (links[k].kind != RADLOC_ROOT)
				continue;
			size_t j = 0;
			while (j < nsacral && strcmp(sacral[j], links[k].id) != 0)
				j++;
			if (j == nsacral && nsacral < 16)
				sacral[nsacral++] = links[k].id;
		}
	}
	/* Cranial to caudal, as clinicians name them (S2-S4). */
	for (size_t i = 1; i < nsacral; i++)
		for (size_t j = i; j > 0 && root_level(m->rules, sacral[j - 1]) >
		                            root_level(m->rules, sacral[j]); j--) {
			const char *t = sacral[j];
			sacral[j] = sacral[j - 1];
			sacral[j - 1] = t;
		}
	for (size_t i = 0; i < nregions; i++) {
		const char *id = radloc_rules_id(m->rules, RADLOC_REGION, i);
		size_t n = radloc_rules_suppliers(m->rules, RADLOC_REGION, id, links, 64);
		double share = 0;
		for (size_t k = 0; k < n && k < 64; k++)
			for (size_t j = 0; j < nsacral; j++)
				if (links[k].kind == RADLOC_ROOT && strcmp(links[k].id, sacral[j]) == 0)
					share += links[k].weight;
		if (share >= TERRITORY_SHARE || is_midline(m->rules, RADLOC_REGION, id))
			outline(m, id, RADLOC_MIDLINE);
	}
	size_t len = (size_t)snprintf(m->territory, sizeof m->territory,
	                              "cauda equina: the saddle and the regions where ");
	for (size_t j = 0; j < nsacral && len < sizeof m->territory; j++)
		len += (size_t)snprintf(m->territory + len, sizeof m->territory - len, "%s%s",
		                        j ? "+" : "", sacral[j]);
	if (len < sizeof m->territory)
		snprintf(m->territory + len, sizeof m->territory - len,
		         " together carry at least %.0f %%, both sides", 100 * TERRITORY_SHARE);
	return 0;
}

static int outline_leader(map_state *m, const radloc_hypothesis *h)
{
	if (h->kind == RADLOC_HYPOTHESIS_ROOT) {
		size_t len = (size_t)snprintf(m->territory, sizeof m->territory,
		                              "%s: regions where ", h->label);
		for (size_t i = 0; i < h->root_count && i < 2; i++) {
			if (outline_supply(m, RADLOC_ROOT, h->roots[i], h->side) != 0)
				return -1;
			if (len < sizeof m->territory)
				len += (size_t)snprintf(m->territory + len, sizeof m->territory - len,
				                        "%s%s", i ? " or " : "", h->roots[i]);
		}
		if (len < sizeof m->territory)
			snprintf(m->territory + len, sizeof m->territory - len,
			         " carries at least %.0f %% of the supply", 100 * TERRITORY_SHARE);
		return 0;
	}
	if (h->kind == RADLOC_HYPOTHESIS_NERVE && h->nerve) {
		snprintf(m->territory, sizeof m->territory,
		         "%s: regions where the nerve carries at least %.0f %%", h->label,
		         100 * TERRITORY_SHARE);
		return outline_supply(m, RADLOC_NERVE, h->nerve, h->side);
	}
	if (h->pattern == RADLOC_POLYNEUROPATHY && h->extent)
		outline_extent(m, h->extent);
	else if (h->pattern == RADLOC_CAUDA_EQUINA)
		return outline_cauda(m);
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
	n->limb = info.limb;
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
		if (f->abnormal)
			note(m, RADLOC_REFLEX, f->id, f->side, f->value);
		return;
	case RADLOC_SIGN:
		if (f->abnormal)
			note(m, RADLOC_SIGN, f->id, f->side, "positive");
		return;
	default:
		return;
	}
}

/* Write the chart; drawn in memory first, so that a failure leaves no
 * half-written file. */
static int write_svg(const char *output, const char *svg, size_t size)
{
	if (strcmp(output, "-") == 0) {
		if (fwrite(svg, 1, size, stdout) != size || fflush(stdout) != 0) {
			fprintf(stderr, "radloc map: cannot write the chart: %s\n", strerror(errno));
			return EXIT_INPUT;
		}
		return EXIT_OK;
	}
	FILE *out = fopen(output, "wb");
	if (out == NULL || fwrite(svg, 1, size, out) != size) {
		fprintf(stderr, "radloc map: cannot write '%s': %s\n", output, strerror(errno));
		if (out)
			fclose(out);
		return EXIT_INPUT;
	}
	if (fclose(out) != 0) {
		fprintf(stderr, "radloc map: cannot write '%s': %s\n", output, strerror(errno));
		return EXIT_INPUT;
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
               const radloc_result *res, char **svg_out, size_t *size_out)
{
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
		ranking[nrank].label = h.label;
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
			flags[nflags++] = radloc_flag_name(1u << bit);
	}

	bodychart chart = {
		.rules = rules,
		.exam_id = radloc_result_id(res),
		.leader = lead.label,
		.probability = lead.probability,
		.pattern = radloc_pattern_name(radloc_result_pattern(res)),
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
	radloc_scorer *scorer = NULL;
	radloc_result *res = NULL;
	int rc = cli_parse_options(argc, argv, "map", help_map, &o);

	if (rc >= 0)
		return rc;
	if (o.nargs > 1) {
		fprintf(stderr, "radloc map: one exam at a time\n");
		return EXIT_USAGE;
	}
	if (o.output == NULL) {
		fprintf(stderr, "radloc map: -o OUT.svg is required (-o - writes to "
		        "standard output)\n"
		        "usage: radloc map [FILE|-] -o OUT.svg [--rules PATH] [--seed N]\n");
		return EXIT_USAGE;
	}
	if ((rc = cli_load_rules(o.rules, &rules)) != EXIT_OK)
		return rc;
	if ((rc = cli_read_exam(rules, o.nargs ? o.args[0] : "-", &exam)) != EXIT_OK)
		goto done;
	scorer = radloc_scorer_new(rules);
	/* The chart shows the ranking only: no credible intervals to draw. */
	if (scorer == NULL || cli_configure(scorer, &o, 0) != EXIT_OK ||
	    radloc_scorer_set_draws(scorer, 0) != RADLOC_OK) {
		fprintf(stderr, "radloc map: out of memory\n");
		rc = EXIT_INTERNAL;
		goto done;
	}
	radloc_status st = radloc_score(scorer, exam, &res);
	if (st != RADLOC_OK) {
		fprintf(stderr, "radloc map: %s\n", radloc_strerror(st));
		rc = cli_exit_code(st, EXIT_INPUT);
		goto done;
	}
	char *svg = NULL;
	size_t size = 0;
	rc = map_render(rules, exam, res, &svg, &size);
	if (rc == EXIT_INTERNAL)
		fprintf(stderr, "radloc map: out of memory\n");
	if (rc == EXIT_OK)
		rc = write_svg(o.output, svg, size);
	free(svg);
done:
	radloc_result_free(&res);
	radloc_scorer_free(&scorer);
	radloc_exam_free(&exam);
	radloc_rules_free(&rules);
	return rc;
}

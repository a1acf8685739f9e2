/* radloc rules validate [PATH] | rules show ID | rules list [KIND] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void help_rules(FILE *out)
{
	fputs("usage: radloc rules validate [PATH]\n"
	      "       radloc rules show ID [--rules PATH]\n"
	      "       radloc rules list [KIND] [--rules PATH]\n"
	      "\n"
	      "validate  check a rule file or directory (default: the rules in use)\n"
	      "          and print every problem as FILE:LINE:COLUMN: message\n"
	      "show      what a root or nerve supplies, or what supplies a region,\n"
	      "          movement, reflex or sign, with weights and sources\n"
	      "list      the ids of one kind (root, nerve, region, movement, reflex,\n"
	      "          sign) or of all kinds\n",
	      out);
}

/* Sources are long: print each distinct one once, as a numbered note. */
typedef struct notes {
	const char *text[256];
	size_t count;
} notes;

static size_t note(notes *n, const char *source)
{
	if (source == NULL)
		return 0;
	for (size_t i = 0; i < n->count; i++)
		if (strcmp(n->text[i], source) == 0)
			return i + 1;
	if (n->count == 256)
		return 0;
	n->text[n->count++] = source;
	return n->count;
}

static void print_notes(const notes *n)
{
	if (n->count == 0)
		return;
	printf("\nSources\n");
	for (size_t i = 0; i < n->count; i++)
		printf("  [%zu] %s\n", i + 1, n->text[i]);
}

static const char *heading(radloc_kind kind, int structure_is_root)
{
	switch (kind) {
	case RADLOC_REGION: return structure_is_root ? "Dermatome (skin)" : "Skin";
	case RADLOC_MOVEMENT: return structure_is_root ? "Myotome (movements)" : "Movements";
	case RADLOC_REFLEX: return "Reflexes";
	case RADLOC_SIGN: return "Signs (sensitivity)";
	default: return "";
	}
}

/* A nerve's named sites, proximal to distal, each with its prior share
 * and what leaves above it (rules/nerves.yaml `sites:`). */
static void show_sites(const radloc_rules *rules, const char *nerve, notes *n)
{
	radloc_site_info site;
	for (size_t i = 0; radloc_rules_site(rules, nerve, i, &site) == RADLOC_OK; i++) {
		if (i == 0)
			printf("\nSites (a lesion at a site spares what leaves above it)\n");
		printf("  %-28s %4.2f  %s [%zu]\n", site.id, site.share, site.name,
		       note(n, site.source));
		for (size_t j = 0; j < site.spare_count; j++) {
			radloc_kind kind;
			const char *id;
			double fraction;
			if (radloc_rules_site_spare(rules, nerve, i, j, &kind, &id, &fraction) ==
			    RADLOC_OK)
				printf("      spares %-21s %4.2f  (%s)\n", id, fraction,
				       radloc_kind_name(kind));
		}
	}
}

/* What a root or nerve supplies (links), with the sources as notes. */
static void show_structure(const radloc_rules *rules, radloc_kind kind, const char *id,
                           const radloc_entry_info *info, const radloc_link *links,
                           size_t count)
{
	notes n = {{0}, 0};

	printf("%s — %s (%s)\n", id, info->name, radloc_kind_name(kind));
	size_t prior_note = note(&n, info->source);
	if (kind == RADLOC_ROOT)
		printf("Prior: %.1f %% of single-root radiculopathies [%zu]\n",
		       100 * info->prior, prior_note);
	else
		printf("Prior: %.1f %% of mononeuropathies [%zu]\n", 100 * info->prior,
		       prior_note);
	if (info->branch_count) {
		printf("Branches:");
		for (size_t b = 0; b < info->branch_count; b++)
			printf(" %s", radloc_rules_branch(rules, info->id, b));
		printf(" (a lesion here affects their territory too)\n");
	}
	for (int k = RADLOC_REGION; k <= RADLOC_SIGN; k++) {
		int any = 0;
		for (size_t i = 0; i < count; i++) {
			if (links[i].kind != (radloc_kind)k)
				continue;
			if (!any)
				printf("\n%s\n", heading((radloc_kind)k, kind == RADLOC_ROOT));
			any = 1;
			radloc_entry_info e;
			radloc_rules_info(rules, links[i].kind, links[i].id, &e);
			printf("  %-28s %4.2f  %s", links[i].id, links[i].weight, e.name);
			if (e.muscles)
				printf(" (%s)", e.muscles);
			printf(" [%zu]\n", note(&n, links[i].source));
		}
	}
	if (kind == RADLOC_ROOT)
		printf("\nWeights are the share of each element this root supplies in the\n"
		       "average person (dermatomes overlap and vary between people).\n");
	else
		printf("\nWeights are the share of each element lost when this nerve is\n"
		       "lesioned at its most proximal site (through its branches too).\n");
	if (kind == RADLOC_NERVE)
		show_sites(rules, id, &n);
	print_notes(&n);
}

/* What supplies a region, movement, reflex or sign (links). */
static void show_element(const radloc_rules *rules, radloc_kind kind, const char *id,
                         const radloc_entry_info *info, const radloc_link *links,
                         size_t count)
{
	printf("%s — %s (%s, %s)\n", id, info->name, radloc_kind_name(kind), info->limb);
	if (info->muscles)
		printf("Muscles: %s\n", info->muscles);
	for (int pass = 0; pass < 2; pass++) {
		radloc_kind want = pass == 0 ? RADLOC_ROOT : RADLOC_NERVE;
		int any = 0;
		for (size_t i = 0; i < count; i++) {
			if (links[i].kind != want)
				continue;
			if (!any)
				printf("\n%s\n", kind == RADLOC_SIGN
				       ? (pass == 0 ? "Roots (sensitivity)" : "Nerves (sensitivity)")
				       : (pass == 0 ? "Roots (overlap weight)" : "Nerves (share)"));
			any = 1;
			printf("  %-28s %4.2f  %s\n", links[i].id, links[i].weight,
			       radloc_rules_name(rules, want, links[i].id));
		}
	}
	if (kind == RADLOC_SIGN) {
		int any = 0;
		for (int p = 0; p < RADLOC_PATTERN_COUNT; p++) {
			double s = radloc_rules_sign_pattern(rules, id, p);
			if (s <= 0.0)
				continue;
			if (!any)
				printf("\nPatterns (sensitivity)\n");
			any = 1;
			printf("  %-28s %4.2f\n", radloc_pattern_name((radloc_pattern)p), s);
		}
		any = 0;
		for (size_t p = 0; p < radloc_rules_plexus_count(rules); p++) {
			const char *el = radloc_rules_plexus_id(rules, p);
			double s = radloc_rules_sign_plexus(rules, id, el);
			if (s <= 0.0)
				continue;
			if (!any)
				printf("\nPlexus elements (sensitivity)\n");
			any = 1;
			printf("  %-28s %4.2f  %s\n", el, s, radloc_rules_plexus_name(rules, el));
		}
		printf("\nSpecificity: %.2f\n", info->specificity);
	} else {
		printf("\nConcentration %.0f: how sure the root weights are (higher = less\n"
		       "variation between people). Distal rank %.2f (length-dependent order).\n",
		       info->concentration, info->distal_rank);
	}
	printf("\nSource: %s\n", info->source ? info->source : "(none)");
}

/* One id of one kind: its links, both ways the rules read supply, fetched
 * alike (count, then fill), and shown as that kind is shown. */
static int show_entry(const radloc_rules *rules, radloc_kind kind, const char *id)
{
	int structure = kind == RADLOC_ROOT || kind == RADLOC_NERVE;
	size_t (*linked)(const radloc_rules *, radloc_kind, const char *, radloc_link *,
	                 size_t) = structure ? radloc_rules_supplies : radloc_rules_suppliers;
	size_t count = linked(rules, kind, id, NULL, 0);
	radloc_link *links = calloc(count + 1, sizeof *links);
	radloc_entry_info info;

	if (links == NULL)
		return EXIT_INTERNAL;
	linked(rules, kind, id, links, count);
	radloc_rules_info(rules, kind, id, &info);
	if (structure)
		show_structure(rules, kind, id, &info, links, count);
	else
		show_element(rules, kind, id, &info, links, count);
	free(links);
	return EXIT_OK;
}

/* A plexus element: its roots, then what a lesion of it takes (its
 * territory: the elements it carries at least RADLOC_TERRITORY_SHARE of). */
static int show_plexus(const radloc_rules *rules, const char *id)
{
	radloc_hypothesis h = {0};
	notes n = {{0}, 0};

	h.kind = RADLOC_HYPOTHESIS_PLEXUS;
	h.pattern = RADLOC_PLEXOPATHY;
	h.plexus = id;
	h.side = RADLOC_LEFT;
	size_t count = radloc_rules_territory(rules, &h, NULL, 0);
	radloc_link *links = calloc(count + 1, sizeof *links);
	if (links == NULL)
		return EXIT_INTERNAL;
	radloc_rules_territory(rules, &h, links, count);
	printf("%s — %s (plexus element) [%zu]\nRoots:", id, radloc_rules_plexus_name(rules, id),
	       note(&n, radloc_rules_plexus_source(rules, id)));
	for (size_t i = 0; i < count; i++)
		if (links[i].kind == RADLOC_ROOT)
			printf(" %s", links[i].id);
	printf("\n");
	for (int k = RADLOC_REGION; k <= RADLOC_REFLEX; k++) {
		int any = 0;
		for (size_t i = 0; i < count; i++) {
			if (links[i].kind != (radloc_kind)k)
				continue;
			if (!any)
				printf("\n%s\n", heading((radloc_kind)k, 0));
			any = 1;
			printf("  %-28s %4.2f  %s [%zu]\n", links[i].id, links[i].weight,
			       radloc_rules_name(rules, links[i].kind, links[i].id),
			       note(&n, links[i].source));
		}
	}
	printf("\nWeights are the share of each element lost when this plexus element\n"
	       "is lesioned: its roots' fibres on the routes through it (shown where\n"
	       "at least %.0f %%).\n", 100 * RADLOC_TERRITORY_SHARE);
	print_notes(&n);
	free(links);
	return EXIT_OK;
}

static int show(const char *rules_option, const char *id)
{
	radloc_rules *rules = NULL;
	int rc = cli_load_rules(rules_option, &rules);
	int found = 0;

	if (rc != EXIT_OK)
		return rc;
	for (int k = 0; k < RADLOC_KIND_COUNT; k++) {
		if (radloc_rules_find(rules, (radloc_kind)k, id) < 0)
			continue;
		if (found++)
			printf("\n");
		rc = show_entry(rules, (radloc_kind)k, id);
	}
	if (radloc_rules_plexus_name(rules, id)) {
		if (found++)
			printf("\n");
		rc = show_plexus(rules, id);
	}
	if (!found) {
		const char *near = NULL;
		for (int k = 0; k < RADLOC_KIND_COUNT && !near; k++)
			near = radloc_rules_nearest(rules, (radloc_kind)k, id);
		if (near)
			fprintf(stderr, "radloc: unknown id '%s'; did you mean '%s'?\n", id, near);
		else
			fprintf(stderr, "radloc: unknown id '%s' (radloc rules list shows them all)\n", id);
		rc = EXIT_INPUT;
	}
	radloc_rules_free(&rules);
	return rc;
}

static int list(const char *rules_option, const char *kind_name)
{
	radloc_rules *rules = NULL;
	int rc, want = -1;

	if (kind_name) {
		for (int k = 0; k < RADLOC_KIND_COUNT; k++)
			if (strcmp(kind_name, radloc_kind_name((radloc_kind)k)) == 0)
				want = k;
		/* Plexus elements are not an exam kind: listed after the kinds. */
		if (strcmp(kind_name, "plexus") == 0)
			want = RADLOC_KIND_COUNT;
		if (want < 0) {
			fprintf(stderr, "radloc: unknown kind '%s' (root, nerve, region, "
			        "movement, reflex, sign, plexus)\n", kind_name);
			return EXIT_USAGE;
		}
	}
	if ((rc = cli_load_rules(rules_option, &rules)) != EXIT_OK)
		return rc;
	for (int k = 0; k < RADLOC_KIND_COUNT; k++) {
		if (want >= 0 && k != want)
			continue;
		for (size_t i = 0; i < radloc_rules_count(rules, (radloc_kind)k); i++) {
			const char *id = radloc_rules_id(rules, (radloc_kind)k, i);
			printf("%-8s %-28s %s\n", radloc_kind_name((radloc_kind)k), id,
			       radloc_rules_name(rules, (radloc_kind)k, id));
		}
	}
	for (size_t i = 0; (want < 0 || want == RADLOC_KIND_COUNT) &&
	                   i < radloc_rules_plexus_count(rules); i++) {
		const char *id = radloc_rules_plexus_id(rules, i);
		printf("%-8s %-28s %s\n", "plexus", id, radloc_rules_plexus_name(rules, id));
	}
	radloc_rules_free(&rules);
	return EXIT_OK;
}

int cmd_rules(int argc, char **argv)
{
	const char *rules_option = NULL, *args[2] = {NULL, NULL};
	int nargs = 0;

	if (argc < 2) {
		help_rules(stderr);
		return EXIT_USAGE;
	}
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc)
			rules_option = argv[++i];
		else if (strncmp(argv[i], "--rules=", 8) == 0)
			rules_option = argv[i] + 8;
		else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			help_rules(stdout);
			return EXIT_OK;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "radloc rules: unknown option '%s'\n", argv[i]);
			return EXIT_USAGE;
		} else if (nargs < 2)
			args[nargs++] = argv[i];
		else {
			fprintf(stderr, "radloc rules: too many arguments\n");
			return EXIT_USAGE;
		}
	}
	if (strcmp(argv[1], "validate") == 0) {
		radloc_rules *rules = NULL;
		const char *path = cli_rules_path(args[0] ? args[0] : rules_option);
		int rc = cli_load_rules(path, &rules);
		if (rc == EXIT_OK) {
			printf("%s: ok: %zu roots, %zu nerves, %zu regions, %zu movements, "
			       "%zu reflexes, %zu signs\n", path,
			       radloc_rules_count(rules, RADLOC_ROOT),
			       radloc_rules_count(rules, RADLOC_NERVE),
			       radloc_rules_count(rules, RADLOC_REGION),
			       radloc_rules_count(rules, RADLOC_MOVEMENT),
			       radloc_rules_count(rules, RADLOC_REFLEX),
			       radloc_rules_count(rules, RADLOC_SIGN));
		}
		radloc_rules_free(&rules);
		return rc;
	}
	if (strcmp(argv[1], "show") == 0) {
		if (args[0] == NULL || args[1] != NULL) {
			fprintf(stderr, "usage: radloc rules show ID [--rules PATH]\n");
			return EXIT_USAGE;
		}
		return show(rules_option, args[0]);
	}
	if (strcmp(argv[1], "list") == 0)
		return list(rules_option, args[0]);
	fprintf(stderr, "radloc rules: unknown action '%s' (validate, show, list)\n",
	        argv[1]);
	return EXIT_USAGE;
}

/* Loading a rule set: YAML files → validated, immutable tables.
 *
 * Three passes over the parsed documents: (1) register every id of every
 * kind, so that references may point forward and across files; (2) read
 * each entry's keys, checking types, ranges and references; (3) check the
 * set as a whole (priors, coverage, cycles) and derive what the scorer
 * needs. Every problem is reported; loading fails if there was any. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_loader.h"
#include "vocabulary.h"

#define FORMAT_NAME "radloc-rules/1"

/* ---- pass 1: ids ----------------------------------------------------------- */

static size_t entry_size(radloc_kind kind)
{
	switch (kind) {
	case RADLOC_ROOT: return sizeof(rl_root);
	case RADLOC_NERVE: return sizeof(rl_nerve);
	case RADLOC_SIGN: return sizeof(rl_sign);
	default: return sizeof(rl_element);
	}
}

static void *table_of(radloc_rules *r, radloc_kind kind)
{
	switch (kind) {
	case RADLOC_ROOT: return r->roots;
	case RADLOC_NERVE: return r->nerves;
	case RADLOC_SIGN: return r->signs;
	default: return r->elements[kind - RADLOC_REGION];
	}
}

/* Check each document's top level, count entries, then register ids. */
static int register_ids(rl_loader *L)
{
	radloc_rules *r = L->r;
	char buf[RL_PRINTABLE_SIZE];
	int bad = 0;

	for (size_t f = 0; f < L->ndocs; f++) {
		const yt_node *root = yt_root(L->docs[f].doc);
		L->d.file = L->docs[f].file;
		if (!rl_require_mapping(L, root, "a rule file")) {
			bad++;
			continue;
		}
		const yt_node *fkey = rl_key_node(root, "format");
		const yt_node *format = fkey ? fkey->value : NULL;
		if (format == NULL) {
			yt_report(&L->d, root, RADLOC_ERR_SCHEMA,
			   "a rule file must start with 'format: %s'", FORMAT_NAME);
			bad++;
		} else if (format->type != YT_SCALAR) {
			yt_report(&L->d, format, RADLOC_ERR_SCHEMA, "format must be '%s', not %s",
			   FORMAT_NAME, yt_type_name(format));
			bad++;
		} else if (strcmp(format->text, FORMAT_NAME) != 0) {
			yt_report(&L->d, format, RADLOC_ERR_SCHEMA, "unknown format '%s'; expected '%s'",
			   rl_value_for_message(buf, format->text), FORMAT_NAME);
			bad++;
		} else if (root->first != fkey) {
			/* docs/rules.md: the first key, so that a reader (or a
			 * person) knows what the file is from its first line. */
			yt_report(&L->d, fkey, RADLOC_ERR_SCHEMA,
			   "'format: %s' must be the first key of a rule file", FORMAT_NAME);
			bad++;
		}
		for (const yt_node *k = root->first; k; k = k->next) {
			int s = rl_name_index(L, k, rl_rule_section_names, RL_RULE_SECTION_COUNT,
			                      "section");
			if (s < 0) {
				bad++;
				continue;
			}
			if (s < RADLOC_KIND_COUNT) {
				if (!rl_require_mapping(L, k->value, rl_rule_section_names[s])) {
					bad++;
					continue;
				}
				L->counts[s] += k->value->count;
			}
		}
	}
	for (int kind = 0; kind < RADLOC_KIND_COUNT; kind++) {
		size_t n = L->counts[kind] + 1;
		if (L->counts[kind] > RADLOC_MAX_IDS) {
			rl_report(&L->d, RADLOC_ERR_LIMIT, 0, 0, "more than %d %ss",
			          RADLOC_MAX_IDS, radloc_kind_name((radloc_kind)kind));
			return bad + 1;
		}
		void *table = rl_arena_alloc(r->arena, n * entry_size((radloc_kind)kind));
		r->ids[kind] = rl_arena_alloc(r->arena, n * sizeof(char *));
		L->entry_nodes[kind] = rl_arena_alloc(r->arena, n * sizeof(yt_node *));
		L->entry_files[kind] = rl_arena_alloc(r->arena, n * sizeof(char *));
		if (!table || !r->ids[kind] || !L->entry_nodes[kind] ||
		    !L->entry_files[kind]) {
			rl_loader_nomem(L);
			return bad + 1;
		}
		switch (kind) {
		case RADLOC_ROOT: r->roots = table; break;
		case RADLOC_NERVE: r->nerves = table; break;
		case RADLOC_SIGN: r->signs = table; break;
		default: r->elements[kind - RADLOC_REGION] = table; break;
		}
		L->counts[kind] = 0;
	}
	for (size_t f = 0; f < L->ndocs; f++) {
		const yt_node *root = yt_root(L->docs[f].doc);
		L->d.file = L->docs[f].file;
		if (root->type != YT_MAPPING)
			continue;
		for (int kind = 0; kind < RADLOC_KIND_COUNT; kind++) {
			const yt_node *sec = yt_get(root, rl_rule_section_names[kind]);
			if (sec == NULL || sec->type != YT_MAPPING)
				continue;
			for (const yt_node *k = sec->first; k; k = k->next) {
				if (!rl_valid_id(k->text)) {
					yt_report(&L->d, k, RADLOC_ERR_VALUE,
					   "%s id '%s' must be 1-64 letters, digits or '_'",
					   radloc_kind_name((radloc_kind)kind), rl_value_for_message(buf, k->text));
					bad++;
					continue;
				}
				long prev = rl_rules_index(r, (radloc_kind)kind, k->text);
				if (prev >= 0) {
					const rl_entry *e = rl_rules_entry(r, (radloc_kind)kind,
					                                   (size_t)prev);
					char where[RADLOC_MAX_MESSAGE_BYTES];
					snprintf(where, sizeof where, "%s:%lu", e->file, e->line);
					yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "%s '%s' is defined twice (first at %s)",
					   radloc_kind_name((radloc_kind)kind), k->text, where);
					bad++;
					continue;
				}
				size_t i = L->counts[kind]++;
				rl_entry *e = (rl_entry *)((char *)table_of(r, (radloc_kind)kind) +
				                           i * entry_size((radloc_kind)kind));
				e->id = rl_arena_strdup(r->arena, k->text);
				e->file = L->docs[f].file;
				e->line = k->line;
				if (e->id == NULL) {
					rl_loader_nomem(L);
					return bad + 1;
				}
				e->name = e->id;
				r->ids[kind][i] = e->id;
				L->entry_nodes[kind][i] = k;
				L->entry_files[kind][i] = L->docs[f].file;
			}
		}
	}
	for (int kind = 0; kind < RADLOC_KIND_COUNT; kind++) {
		switch (kind) {
		case RADLOC_ROOT: r->root_count = L->counts[kind]; break;
		case RADLOC_NERVE: r->nerve_count = L->counts[kind]; break;
		case RADLOC_SIGN: r->sign_count = L->counts[kind]; break;
		default: r->element_count[kind - RADLOC_REGION] = L->counts[kind]; break;
		}
	}
	return bad;
}

/* ---- pass 2: entries --------------------------------------------------------- */

static int load_entries(rl_loader *L)
{
	int bad = 0;

	for (int kind = 0; kind < RADLOC_KIND_COUNT; kind++)
		for (size_t i = 0; i < L->counts[kind]; i++)
			bad += rl_load_entry(L, (radloc_kind)kind, i);
	for (size_t f = 0; f < L->ndocs; f++) {
		const yt_node *root = yt_root(L->docs[f].doc), *sec;
		if (root->type != YT_MAPPING)
			continue;
		L->d.file = L->docs[f].file;
		if ((sec = rl_key_node(root, "findings")))
			bad += rl_load_findings(L, sec);
		if ((sec = rl_key_node(root, "patterns"))) {
			if (L->patterns_key == NULL) {
				L->patterns_key = sec;
				L->patterns_file = L->docs[f].file;
			}
			bad += rl_load_patterns(L, sec);
		}
		if ((sec = rl_key_node(root, "examination")))
			bad += rl_load_examination(L, sec);
		if ((sec = rl_key_node(root, "severity")))
			bad += rl_load_severity(L, sec);
		if ((sec = rl_key_node(root, "traits")))
			bad += rl_load_traits(L, sec);
		if ((sec = rl_key_node(root, "cord")))
			bad += rl_load_cord(L, sec);
		if ((sec = rl_key_node(root, "plexus")))
			bad += rl_load_plexus(L, sec);
		if ((sec = rl_key_node(root, "rule_set")))
			bad += rl_load_rule_set(L, sec);
		if ((sec = rl_key_node(root, "coding")))
			bad += rl_load_coding(L, sec);
	}
	return bad;
}

/* ---- pass 3: the set as a whole ----------------------------------------------- */

static int check_set(rl_loader *L)
{
	radloc_rules *r = L->r;
	int bad = 0;
	const char *first_file = L->ndocs ? L->docs[0].file : "";

	L->d.file = first_file;
	if (r->root_count == 0) {
		rl_report(&L->d, RADLOC_ERR_SCHEMA, 1, 1, "the rule set defines no roots");
		return 1;
	}
	for (int f = 0; f < RL_FKIND_COUNT; f++)
		if (!r->findings[f].present) {
			rl_report(&L->d, RADLOC_ERR_SCHEMA, 1, 1,
			          "the rule set has no 'findings: %s' entry", rl_fkind_names[f]);
			bad++;
		}
	double prior_sum = 0.0;
	for (int p = 0; p < RADLOC_PATTERN_COUNT; p++) {
		/* `other`, `plexopathy` and `two_lesions` are optional: a rule
		 * set written before them ranks the modelled single lesions
		 * alone, with the answers it always gave. */
		int optional = p == RADLOC_OTHER || p == RADLOC_PLEXOPATHY ||
		               p == RADLOC_TWO_LESIONS || p == RADLOC_MOTOR_NEURON_DISEASE;
		if (!r->patterns.present[p] && !optional) {
			rl_report(&L->d, RADLOC_ERR_SCHEMA, 1, 1,
			          "the rule set has no 'patterns: %s' entry",
			          radloc_pattern_name((radloc_pattern)p));
			bad++;
		}
		/* Two lesions' prior is the chance of a second lesion, outside
		 * the single lesions' sum (docs/scoring.md, "Two lesions at
		 * once"). */
		if (p != RADLOC_TWO_LESIONS)
			prior_sum += r->patterns.prior[p];
	}
	if (!bad && fabs(prior_sum - 1.0) > RADLOC_SUM_TOLERANCE) {
		/* Point at the (first) patterns section, not the top of a file. */
		L->d.file = L->patterns_file;
		yt_report(&L->d, L->patterns_key, RADLOC_ERR_VALUE,
		   "the pattern priors sum to %.4g, not 1 (tolerance 0.001)", prior_sum);
		L->d.file = first_file;
		bad++;
	}
	if (!r->has_examination) {
		rl_report(&L->d, RADLOC_ERR_SCHEMA, 1, 1,
		          "the rule set has no 'examination' section");
		bad++;
	}
	if (bad)
		return bad;

	/* Every root must supply something, or it can never be found; a
	 * weight of 0 supplies nothing either. */
	for (size_t i = 0; i < r->root_count; i++) {
		int used = 0;
		for (int k = 0; k < RL_ELEMENT_KINDS && !used; k++)
			for (size_t e = 0; e < r->element_count[k] && !used; e++)
				for (size_t j = 0; j < r->elements[k][e].root_count; j++)
					if (r->elements[k][e].roots[j].index == (int)i &&
					    r->elements[k][e].roots[j].weight > 0.0)
						used = 1;
		if (!used) {
			L->d.file = r->roots[i].e.file;
			yt_report(&L->d, L->entry_nodes[RADLOC_ROOT][i], RADLOC_ERR_VALUE,
			   "root '%s' supplies nothing: no region, movement or reflex "
			   "gives it a weight above 0", r->roots[i].e.id);
			bad++;
		}
	}
	/* Nerve territories through branches. */
	bad += rl_cover_nerve_branches(L);
	if (bad)
		return bad;
	if (rl_derive_nerve_territories(L) || rl_derive_plexus_routes(L))
		return 1;
	bad += rl_derive_sign_plexus(L);
	if (bad)
		return bad;
	bad += rl_derive_sites(L);
	if (bad)
		return bad;
	/* What an element or sign does not say for itself, its kind says. */
	for (int k = 0; k < RL_ELEMENT_KINDS; k++)
		for (size_t e = 0; e < r->element_count[k]; e++) {
			rl_element *el = &r->elements[k][e];
			radloc_kind table = (radloc_kind)(RADLOC_REGION + k);
			const rl_findparams *fp = &r->findings[rl_fkind_of(table, 0)];
			if (!el->has_background)
				el->background = fp->background;
			if (!el->has_bglevels)
				memcpy(el->bglevels, fp->bglevels, sizeof el->bglevels);
		}
	for (size_t i = 0; i < r->sign_count; i++)
		if (!r->signs[i].has_examiner_error)
			r->signs[i].examiner_error = r->findings[RL_SIGNKIND].examiner_error;
	/* Priors are relative weights in the files; the model wants shares. */
	double sum = 0.0;
	for (size_t i = 0; i < r->root_count; i++)
		sum += r->roots[i].prior;
	for (size_t i = 0; i < r->root_count; i++)
		r->roots[i].prior /= sum;
	sum = 0.0;
	for (size_t i = 0; i < r->nerve_count; i++)
		sum += r->nerves[i].prior;
	for (size_t i = 0; i < r->nerve_count; i++)
		r->nerves[i].prior /= sum;
	sum = 0.0;
	for (size_t i = 0; i < r->plexus_count; i++)
		sum += r->plexus[i].prior;
	for (size_t i = 0; i < r->plexus_count; i++)
		r->plexus[i].prior /= sum;
	if (r->patterns.severity_count == 0) {
		static const char *const one[] = {"any"};
		r->patterns.severity = rl_arena_alloc(r->arena, sizeof(double));
		if (r->patterns.severity == NULL)
			return 1 + (rl_loader_nomem(L) != RADLOC_OK);
		r->patterns.severity[0] = 1.0;
		r->patterns.severity_names = (const char **)one;
		r->patterns.severity_count = 1;
	}
	return rl_finish_cauda(L);
}

/* ---- the passes, and handing over the rule set ------------------------------- */

/* Run the passes over the documents read, free them, and hand over the
 * rule set (or free it and return the first problem's status). */
static radloc_status build_rule_set(rl_loader *L, radloc_rules **out)
{
	radloc_status status = RADLOC_OK;

	if (L->d.count == 0) {
		int bad = register_ids(L);
		if (!bad && L->d.count == 0)
			bad = load_entries(L);
		if (!bad && L->d.count == 0)
			bad = check_set(L);
		if (!bad && L->d.count == 0) {
			status = rl_build_hypotheses(L->r);
			if (status != RADLOC_OK)
				rl_report(&L->d, status, 0, 0, "cannot build the hypotheses: %s",
				          radloc_strerror(status));
		}
	}
	for (size_t f = 0; f < L->ndocs; f++)
		yt_free(&L->docs[f].doc);
	if (L->d.count > 0) {
		status = L->d.first;
		radloc_rules_free(&L->r);
		return status;
	}
	rl_fingerprint_finish(L);
	*out = L->r;
	return RADLOC_OK;
}

/* An empty loader with its rule set and arena. */
static radloc_status init_loader(rl_loader *L, radloc_diag_fn *diag, void *user,
                                 const char *name)
{
	memset(L, 0, sizeof *L);
	rl_diag_init(&L->d, diag, user, name);
	sha256_init(&L->fingerprint);
	L->r = calloc(1, sizeof *L->r);
	if (L->r == NULL || (L->r->arena = rl_arena_new()) == NULL) {
		free(L->r);
		L->r = NULL;
		return rl_loader_nomem(L);
	}
	return RADLOC_OK;
}

radloc_status radloc_rules_load(const char *path, radloc_diag_fn *diag,
                                void *user, radloc_rules **out)
{
	rl_loader L;
	radloc_status status;

	if (out == NULL || path == NULL)
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	if ((status = init_loader(&L, diag, user, path)) != RADLOC_OK)
		return status;
	if ((status = rl_loader_read_path(&L, path)) != RADLOC_OK) {
		radloc_rules_free(&L.r);
		return status;
	}
	return build_rule_set(&L, out);
}

radloc_status radloc_rules_load_buffer(const char *data, size_t size,
                                       const char *name, radloc_diag_fn *diag,
                                       void *user, radloc_rules **out)
{
	rl_loader L;
	radloc_status status;

	if (out == NULL || (data == NULL && size > 0))
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	if ((status = init_loader(&L, diag, user, name ? name : "<rules>")) != RADLOC_OK)
		return status;
	rl_loader_read_buffer(&L, data, size, name ? name : "<rules>");
	return build_rule_set(&L, out);
}

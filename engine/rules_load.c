/* Loading a rule set: YAML files → validated, immutable tables.
 *
 * Three passes over the parsed documents: (1) register every id of every
 * kind, so that references may point forward and across files; (2) read
 * each entry's keys, checking types, ranges and references; (3) check the
 * set as a whole (priors, coverage, cycles) and derive what the scorer
 * needs. Every problem is reported; loading fails if there was any. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "radloc_limits.h"
#include "rules_impl.h"
#include "textutil.h"
#include "vocabulary.h"
#include "yamltree.h"


/* The severity levels each finding kind is graded in (docs/rules.md). */
static const char *const sensory_levels[] = {"reduced", "absent", "increased"};
static const char *const motor_levels[] = {"4", "3", "2", "1", "0"};
static const char *const reflex_levels[] = {"1", "0"};
static const char *const brisk_levels[] = {"3", "4"};
static const char *const present_levels[] = {"present"};

static const struct {
	const char *const *names;
	int count;
} fkind_levels[RL_FKIND_COUNT] = {
	{sensory_levels, 3}, {motor_levels, 5}, {reflex_levels, 2},
	{present_levels, 1}, {present_levels, 1},
};

static const char *const section_names[] = {
	"roots", "nerves", "regions", "movements", "reflexes", "signs",
	"format", "findings", "patterns", "examination", "severity",
};
#define SECTION_COUNT (sizeof section_names / sizeof section_names[0])
#define FORMAT_NAME "radloc-rules/1"

typedef struct source_doc {
	yt_doc *doc;
	char *file;
} source_doc;

typedef struct loader {
	radloc_rules *r;
	rl_diagctx d;
	source_doc docs[RADLOC_MAX_RULE_FILES];
	size_t ndocs;
	/* Pass 1 keeps each entry's key node (its value is the entry) for
	 * pass 2, and for pointing at the entry in pass 3. */
	const yt_node **entry_nodes[RADLOC_KIND_COUNT];
	const char **entry_files[RADLOC_KIND_COUNT];
	size_t counts[RADLOC_KIND_COUNT];
	/* The first 'patterns' section: where the prior sum is reported. */
	const yt_node *patterns_key;
	const char *patterns_file;
} loader;

/* ---- reporting ---------------------------------------------------------- */

static const char *show(char *buf, const char *text)
{
	return rl_printable(buf, RL_PRINTABLE_SIZE, text);
}

static radloc_status nomem(loader *L)
{
	return rl_report(&L->d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
}

/* ---- small readers -------------------------------------------------------- */

static int is_map(loader *L, const yt_node *n, const char *what)
{
	char buf[RL_PRINTABLE_SIZE];
	if (n->type == YT_MAPPING)
		return 1;
	/* Show the value: "format radloc-rules/1" is a forgotten colon. */
	if (n->type == YT_SCALAR && n->length > 0)
		yt_report(&L->d, n, RADLOC_ERR_SCHEMA, "%s must be a mapping, not the value '%s'",
		   what, show(buf, n->text));
	else
		yt_report(&L->d, n, RADLOC_ERR_SCHEMA, "%s must be a mapping, not %s", what,
		   yt_type_name(n));
	return 0;
}

/* A mapping's key node for key, or NULL: messages about an entry as a
 * whole point at its name, not at its first line of content. */
static const yt_node *key_of(const yt_node *map, const char *key)
{
	if (map == NULL || map->type != YT_MAPPING)
		return NULL;
	for (const yt_node *k = map->first; k; k = k->next)
		if (strcmp(k->text, key) == 0)
			return k;
	return NULL;
}

static int read_number(loader *L, const yt_node *n, double min, double max,
                       const char *what, double *out)
{
	char buf[RL_PRINTABLE_SIZE], range[64];
	double v;

	if (n->type != YT_SCALAR) {
		yt_report(&L->d, n, RADLOC_ERR_SCHEMA, "%s must be a number, not %s", what,
		   yt_type_name(n));
		return -1;
	}
	if (rl_parse_double(n->text, &v) != 0) {
		yt_report(&L->d, n, RADLOC_ERR_VALUE, "%s: '%s' is not a decimal number", what,
		   show(buf, n->text));
		return -1;
	}
	if (v < min || v > max) {
		snprintf(range, sizeof range, "[%g, %g]", min, max);
		yt_report(&L->d, n, RADLOC_ERR_VALUE, "%s is %s, outside %s", what,
		   show(buf, n->text), range);
		return -1;
	}
	*out = v;
	return 0;
}

static int read_positive(loader *L, const yt_node *n, const char *what,
                         double *out)
{
	char buf[RL_PRINTABLE_SIZE];
	if (read_number(L, n, 0.0, 1e6, what, out) != 0)
		return -1;
	if (*out <= 0.0) {
		yt_report(&L->d, n, RADLOC_ERR_VALUE, "%s must be greater than 0, not %s", what,
		   show(buf, n->text));
		return -1;
	}
	return 0;
}

static int read_text(loader *L, const yt_node *n, const char *what,
                     const char **out)
{
	if (n->type != YT_SCALAR) {
		yt_report(&L->d, n, RADLOC_ERR_SCHEMA, "%s must be text, not %s", what,
		   yt_type_name(n));
		return -1;
	}
	if (n->length == 0) {
		yt_report(&L->d, n, RADLOC_ERR_VALUE, "%s is empty", what);
		return -1;
	}
	*out = rl_arena_strdup(L->r->arena, n->text);
	if (*out == NULL) {
		nomem(L);
		return -1;
	}
	return 0;
}

static int read_limb(loader *L, const yt_node *n, const char *what, int *out)
{
	static const char *const limbs[] = {"arm", "leg", "midline"};
	char buf[RL_PRINTABLE_SIZE];

	if (n->type == YT_SCALAR) {
		for (int i = 0; i < 3; i++) {
			if (strcmp(n->text, limbs[i]) == 0) {
				*out = i;
				return 0;
			}
		}
	}
	yt_report(&L->d, n, RADLOC_ERR_VALUE, "%s: limb '%s' is not one of arm, leg, midline",
	   what, n->type == YT_SCALAR ? show(buf, n->text) : yt_type_name(n));
	return -1;
}

/* Refuse keys not in spec (naming the nearest allowed one) and report
 * the required ones that are missing, at where (the key that names map). */
typedef struct keyspec {
	const char *key;
	int required;
} keyspec;

static int check_keys(loader *L, const yt_node *map, const yt_node *where,
                      const keyspec *spec, size_t n, const char *what)
{
	const char *names[16];
	char buf[RL_PRINTABLE_SIZE], hint[160];
	int bad = 0;

	for (size_t i = 0; i < n && i < 16; i++)
		names[i] = spec[i].key;
	for (const yt_node *k = map->first; k; k = k->next) {
		size_t i;
		for (i = 0; i < n && strcmp(k->text, spec[i].key) != 0; i++)
			;
		if (i < n)
			continue;
		const char *near = rl_nearest(k->text, names, n < 16 ? n : 16);
		hint[0] = '\0';
		if (near)
			snprintf(hint, sizeof hint, "; did you mean '%s'?", near);
		yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "unknown key '%s' in %s%s",
		   show(buf, k->text), what, hint);
		bad++;
	}
	for (size_t i = 0; i < n; i++) {
		if (spec[i].required && yt_get(map, spec[i].key) == NULL) {
			yt_report(&L->d, where, RADLOC_ERR_SCHEMA, "%s has no '%s'", what, spec[i].key);
			bad++;
		}
	}
	return bad;
}

static const char *kind_word(radloc_kind kind)
{
	return radloc_kind_name(kind);
}

/* Report an unknown id of a kind, naming the nearest valid one. */
static void unknown_id(loader *L, const yt_node *n, radloc_kind kind,
                       const char *what)
{
	char buf[RL_PRINTABLE_SIZE], hint[160] = "";
	const char *near = rl_nearest(n->text, L->r->ids[kind], L->counts[kind]);
	if (near)
		snprintf(hint, sizeof hint, "; did you mean '%s'?", near);
	char msg[RADLOC_MAX_MESSAGE_BYTES];
	snprintf(msg, sizeof msg, "unknown %s '%s' in %s%s", kind_word(kind),
	         show(buf, n->text), what, hint);
	yt_report(&L->d, n, RADLOC_ERR_REFERENCE, "%s", msg);
}

/* A mapping id → weight in [0, 1] with ids of one kind. */
static int read_shares(loader *L, const yt_node *map, radloc_kind kind,
                       const char *what, rl_share **out, size_t *count)
{
	char label[RADLOC_MAX_MESSAGE_BYTES];
	int bad = 0;

	*out = NULL;
	*count = 0;
	if (!is_map(L, map, what))
		return -1;
	if (map->count > RADLOC_MAX_SUPPLY) {
		yt_report(&L->d, map, RADLOC_ERR_LIMIT, "%s names more than 32 entries", what);
		return -1;
	}
	*out = rl_arena_alloc(L->r->arena, (map->count + 1) * sizeof **out);
	if (*out == NULL) {
		nomem(L);
		return -1;
	}
	for (const yt_node *k = map->first; k; k = k->next) {
		long idx = rl_rules_index(L->r, kind, k->text);
		if (idx < 0) {
			unknown_id(L, k, kind, what);
			bad++;
			continue;
		}
		snprintf(label, sizeof label, "weight of %s in %s", k->text, what);
		double w;
		if (read_number(L, k->value, 0.0, 1.0, label, &w) != 0) {
			bad++;
			continue;
		}
		(*out)[*count].index = (int)idx;
		(*out)[*count].weight = w;
		(*count)++;
	}
	return bad ? -1 : 0;
}

/* ---- pass 1: ids ----------------------------------------------------------- */

static int valid_id(const char *s)
{
	size_t n = 0;
	for (; *s; s++, n++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	}
	return n > 0 && n <= RADLOC_MAX_ID_BYTES;
}

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
static int register_ids(loader *L)
{
	radloc_rules *r = L->r;
	char buf[RL_PRINTABLE_SIZE];
	int bad = 0;

	for (size_t f = 0; f < L->ndocs; f++) {
		const yt_node *root = yt_root(L->docs[f].doc);
		L->d.file = L->docs[f].file;
		if (!is_map(L, root, "a rule file")) {
			bad++;
			continue;
		}
		const yt_node *fkey = key_of(root, "format");
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
			   show(buf, format->text), FORMAT_NAME);
			bad++;
		} else if (root->first != fkey) {
			/* docs/rules.md: the first key, so that a reader (or a
			 * person) knows what the file is from its first line. */
			yt_report(&L->d, fkey, RADLOC_ERR_SCHEMA,
			   "'format: %s' must be the first key of a rule file", FORMAT_NAME);
			bad++;
		}
		for (const yt_node *k = root->first; k; k = k->next) {
			size_t s;
			for (s = 0; s < SECTION_COUNT && strcmp(k->text, section_names[s]);
			     s++)
				;
			if (s == SECTION_COUNT) {
				const char *near = rl_nearest(k->text, section_names,
				                              SECTION_COUNT);
				char hint[160] = "";
				if (near)
					snprintf(hint, sizeof hint, "; did you mean '%s'?", near);
				yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "unknown section '%s'%s",
				   show(buf, k->text), hint);
				bad++;
				continue;
			}
			if (s < RADLOC_KIND_COUNT) {
				if (!is_map(L, k->value, section_names[s])) {
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
			          RADLOC_MAX_IDS, kind_word((radloc_kind)kind));
			return bad + 1;
		}
		void *table = rl_arena_alloc(r->arena, n * entry_size((radloc_kind)kind));
		r->ids[kind] = rl_arena_alloc(r->arena, n * sizeof(char *));
		L->entry_nodes[kind] = rl_arena_alloc(r->arena, n * sizeof(yt_node *));
		L->entry_files[kind] = rl_arena_alloc(r->arena, n * sizeof(char *));
		if (!table || !r->ids[kind] || !L->entry_nodes[kind] ||
		    !L->entry_files[kind]) {
			nomem(L);
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
			const yt_node *sec = yt_get(root, section_names[kind]);
			if (sec == NULL || sec->type != YT_MAPPING)
				continue;
			for (const yt_node *k = sec->first; k; k = k->next) {
				if (!valid_id(k->text)) {
					yt_report(&L->d, k, RADLOC_ERR_VALUE,
					   "%s id '%s' must be 1-64 letters, digits or '_'",
					   kind_word((radloc_kind)kind), show(buf, k->text));
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
					   kind_word((radloc_kind)kind), k->text, where);
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
					nomem(L);
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

static int read_common(loader *L, const yt_node *map, rl_entry *e,
                       const char *what)
{
	const yt_node *n;
	int bad = 0;
	if ((n = yt_get(map, "name")) && read_text(L, n, "name", &e->name))
		bad++;
	if ((n = yt_get(map, "source")) && read_text(L, n, "source", &e->source))
		bad++;
	(void)what;
	return bad;
}

static int load_root(loader *L, size_t i, const yt_node *key)
{
	static const keyspec keys[] = {
		{"name", 0}, {"level", 1}, {"prior", 1}, {"source", 1},
	};
	rl_root *root = &L->r->roots[i];
	char what[128];
	const yt_node *map = key->value, *n;
	int bad;

	snprintf(what, sizeof what, "root '%s'", root->e.id);
	if (!is_map(L, map, what))
		return 1;
	bad = check_keys(L, map, key, keys, 4, what) +
	      read_common(L, map, &root->e, what);
	if ((n = yt_get(map, "level"))) {
		long level;
		char buf[RL_PRINTABLE_SIZE];
		if (n->type != YT_SCALAR || rl_parse_long(n->text, 1, 1000, &level)) {
			yt_report(&L->d, n, RADLOC_ERR_VALUE, "level of %s must be a whole number 1..1000, not '%s'",
			   what, n->type == YT_SCALAR ? show(buf, n->text) : yt_type_name(n));
			bad++;
		} else {
			root->level = level;
		}
	}
	if ((n = yt_get(map, "prior")) && read_positive(L, n, "prior", &root->prior))
		bad++;
	return bad;
}

static int load_nerve(loader *L, size_t i, const yt_node *key)
{
	static const keyspec keys[] = {
		{"name", 0}, {"prior", 1}, {"branches", 0}, {"bilateral", 0}, {"source", 1},
	};
	rl_nerve *nerve = &L->r->nerves[i];
	char what[128], label[160];
	const yt_node *map = key->value, *n;
	int bad;

	snprintf(what, sizeof what, "nerve '%s'", nerve->e.id);
	if (!is_map(L, map, what))
		return 1;
	bad = check_keys(L, map, key, keys, 5, what) +
	      read_common(L, map, &nerve->e, what);
	if ((n = yt_get(map, "prior")) && read_positive(L, n, "prior", &nerve->prior))
		bad++;
	if ((n = yt_get(map, "bilateral")) &&
	    read_number(L, n, 0.0, 1.0, "bilateral", &nerve->bilateral))
		bad++;
	if ((n = yt_get(map, "branches"))) {
		if (n->type != YT_SEQUENCE) {
			yt_report(&L->d, n, RADLOC_ERR_SCHEMA, "branches of %s must be a list, not %s",
			   what, yt_type_name(n));
			return bad + 1;
		}
		nerve->branches = rl_arena_alloc(L->r->arena, (n->count + 1) * sizeof(int));
		if (nerve->branches == NULL) {
			nomem(L);
			return bad + 1;
		}
		/* "in nerve 'x'" would read as if the nerve's own id were wrong. */
		snprintf(label, sizeof label, "the branches of %s", what);
		for (const yt_node *b = n->first; b; b = b->next) {
			long idx = b->type == YT_SCALAR
			           ? rl_rules_index(L->r, RADLOC_NERVE, b->text) : -1;
			if (idx < 0) {
				if (b->type == YT_SCALAR)
					unknown_id(L, b, RADLOC_NERVE, label);
				else
					yt_report(&L->d, b, RADLOC_ERR_SCHEMA, "branches of %s must be nerve ids",
					   what);
				bad++;
				continue;
			}
			nerve->branches[nerve->branch_count++] = (int)idx;
		}
	}
	return bad;
}

static int load_element(loader *L, radloc_kind kind, size_t i,
                        const yt_node *key)
{
	static const keyspec keys[] = {
		{"name", 0}, {"limb", 1}, {"distal_rank", 1}, {"roots", 1},
		{"concentration", 1}, {"nerves", 0}, {"muscles", 0}, {"source", 1},
	};
	rl_element *el = &L->r->elements[kind - RADLOC_REGION][i];
	char what[128], label[160];
	const yt_node *map = key->value, *n;
	int bad;

	snprintf(what, sizeof what, "%s '%s'", kind_word(kind), el->e.id);
	if (!is_map(L, map, what))
		return 1;
	bad = check_keys(L, map, key, keys, 8, what) +
	      read_common(L, map, &el->e, what);
	if ((n = yt_get(map, "muscles")) && read_text(L, n, "muscles", &el->muscles))
		bad++;
	if ((n = yt_get(map, "limb")) && read_limb(L, n, what, &el->limb))
		bad++;
	if ((n = yt_get(map, "distal_rank")) &&
	    read_number(L, n, 0.0, 1.0, "distal_rank", &el->distal_rank))
		bad++;
	if ((n = yt_get(map, "concentration")) &&
	    read_positive(L, n, "concentration", &el->concentration))
		bad++;
	if ((n = yt_get(map, "roots"))) {
		snprintf(label, sizeof label, "the roots of %s", what);
		if (read_shares(L, n, RADLOC_ROOT, label, &el->roots, &el->root_count))
			bad++;
		else {
			double sum = 0.0;
			for (size_t j = 0; j < el->root_count; j++)
				sum += el->roots[j].weight;
			if (el->root_count == 0 || fabs(sum - 1.0) > RADLOC_SUM_TOLERANCE) {
				char s[32];
				snprintf(s, sizeof s, "%.4g", sum);
				yt_report(&L->d, n, RADLOC_ERR_VALUE,
				   "the root weights of %s sum to %s, not 1 (tolerance 0.001)",
				   what, s);
				bad++;
			} else {
				/* Exactly 1 from here on: the Dirichlet mean must be a distribution. */
				for (size_t j = 0; j < el->root_count; j++)
					el->roots[j].weight /= sum;
			}
		}
	}
	if ((n = yt_get(map, "nerves"))) {
		snprintf(label, sizeof label, "the nerves of %s", what);
		if (read_shares(L, n, RADLOC_NERVE, label, &el->nerves, &el->nerve_count))
			bad++;
		else {
			double sum = 0.0;
			for (size_t j = 0; j < el->nerve_count; j++)
				sum += el->nerves[j].weight;
			if (sum > 1.0 + RADLOC_SUM_TOLERANCE) {
				char s[32];
				snprintf(s, sizeof s, "%.4g", sum);
				yt_report(&L->d, n, RADLOC_ERR_VALUE,
				   "the nerve shares of %s sum to %s, more than 1", what, s);
				bad++;
			}
		}
	}
	return bad;
}

static int load_sign(loader *L, size_t i, const yt_node *key)
{
	static const keyspec keys[] = {
		{"name", 0}, {"limb", 1}, {"sensitivity", 1}, {"specificity", 1},
		{"source", 1},
	};
	rl_sign *sign = &L->r->signs[i];
	char what[128], label[200], buf[RL_PRINTABLE_SIZE];
	const yt_node *map = key->value, *n;
	int bad;

	snprintf(what, sizeof what, "sign '%s'", sign->e.id);
	if (!is_map(L, map, what))
		return 1;
	bad = check_keys(L, map, key, keys, 5, what) +
	      read_common(L, map, &sign->e, what);
	if ((n = yt_get(map, "limb")) && read_limb(L, n, what, &sign->limb))
		bad++;
	if ((n = yt_get(map, "specificity")) &&
	    read_number(L, n, 0.0, 1.0, "specificity", &sign->specificity))
		bad++;
	n = yt_get(map, "sensitivity");
	if (n == NULL)
		return bad;
	if (!is_map(L, n, "sensitivity"))
		return bad + 1;
	sign->roots = rl_arena_alloc(L->r->arena, (n->count + 1) * sizeof(rl_share));
	sign->nerves = rl_arena_alloc(L->r->arena, (n->count + 1) * sizeof(rl_share));
	if (!sign->roots || !sign->nerves) {
		nomem(L);
		return bad + 1;
	}
	for (const yt_node *k = n->first; k; k = k->next) {
		double s;
		snprintf(label, sizeof label, "sensitivity of %s for %s", what,
		         show(buf, k->text));
		long root = rl_rules_index(L->r, RADLOC_ROOT, k->text);
		long nerve = rl_rules_index(L->r, RADLOC_NERVE, k->text);
		/* Only the patterns that are not made of roots or nerves: a sign
		 * names a root or nerve directly, and "normal" is the background
		 * that specificity already gives. */
		static const radloc_pattern sign_patterns[] = {
			RADLOC_POLYNEUROPATHY, RADLOC_CAUDA_EQUINA, RADLOC_MYELOPATHY,
		};
		int pattern = -1;
		for (int p = 0; p < 3; p++)
			if (strcmp(k->text, radloc_pattern_name(sign_patterns[p])) == 0)
				pattern = (int)sign_patterns[p];
		if (root < 0 && nerve < 0 && pattern < 0) {
			/* Suggest from roots, nerves and patterns together. */
			const char *pool[2 * RADLOC_MAX_IDS + RADLOC_PATTERN_COUNT];
			size_t m = 0;
			for (size_t j = 0; j < L->counts[RADLOC_ROOT]; j++)
				pool[m++] = L->r->ids[RADLOC_ROOT][j];
			for (size_t j = 0; j < L->counts[RADLOC_NERVE]; j++)
				pool[m++] = L->r->ids[RADLOC_NERVE][j];
			for (int p = 0; p < 3; p++)
				pool[m++] = radloc_pattern_name(sign_patterns[p]);
			const char *near = rl_nearest(k->text, pool, m);
			char hint[160] = "";
			if (near)
				snprintf(hint, sizeof hint, "; did you mean '%s'?", near);
			yt_report(&L->d, k, RADLOC_ERR_REFERENCE,
			   "unknown root, nerve or pattern '%s' in %s%s", buf, what, hint);
			bad++;
			continue;
		}
		if (read_number(L, k->value, 0.0, 1.0, label, &s)) {
			bad++;
			continue;
		}
		if (root >= 0)
			sign->roots[sign->root_count++] = (rl_share){(int)root, s};
		else if (nerve >= 0)
			sign->nerves[sign->nerve_count++] = (rl_share){(int)nerve, s};
		else
			sign->pattern_sens[pattern] = s;
	}
	return bad;
}

/* A severity table: every level of the kind, each in [0, 1], summing to 1. */
static int read_levels(loader *L, const yt_node *key, const char *const *names,
                       int count, const char *what, double *out)
{
	const yt_node *map = key->value;
	keyspec keys[RL_MAX_LEVELS] = {{NULL, 0}};
	char label[200];
	double sum = 0.0;
	int bad;

	if (!is_map(L, map, what))
		return 1;
	for (int i = 0; i < count; i++)
		keys[i] = (keyspec){names[i], 1};
	bad = check_keys(L, map, key, keys, (size_t)count, what);
	for (int i = 0; i < count; i++) {
		const yt_node *n = yt_get(map, names[i]);
		if (n == NULL)
			continue;
		snprintf(label, sizeof label, "'%s' in %s", names[i], what);
		if (read_number(L, n, 0.0, 1.0, label, &out[i]))
			bad++;
		else
			sum += out[i];
	}
	if (!bad && fabs(sum - 1.0) > RADLOC_SUM_TOLERANCE) {
		char s[32];
		snprintf(s, sizeof s, "%.4g", sum);
		yt_report(&L->d, map, RADLOC_ERR_VALUE, "%s sums to %s, not 1 (tolerance 0.001)",
		   what, s);
		bad++;
	}
	return bad;
}

static int read_severity(loader *L, const yt_node *key, const char *const *names,
                         int count, const char *what, double *lesion,
                         double *background)
{
	static const keyspec keys[] = {{"lesion", 1}, {"background", 1}};
	char label[200];
	const yt_node *map = key->value, *n;
	int bad;

	if (!is_map(L, map, what))
		return 1;
	bad = check_keys(L, map, key, keys, 2, what);
	if ((n = key_of(map, "lesion"))) {
		snprintf(label, sizeof label, "%s (lesion)", what);
		bad += read_levels(L, n, names, count, label, lesion);
	}
	if ((n = key_of(map, "background"))) {
		snprintf(label, sizeof label, "%s (background)", what);
		bad += read_levels(L, n, names, count, label, background);
	}
	return bad;
}

static int load_findings(loader *L, const yt_node *sec)
{
	static const keyspec full[] = {
		{"sensitivity", 1}, {"concentration", 1}, {"background", 1},
		{"severity", 0}, {"source", 1}, {"brisk_background", 1},
		{"brisk_severity", 1},
	};
	static const keyspec sign_keys[] = {{"concentration", 1}, {"source", 1}};
	char buf[RL_PRINTABLE_SIZE], what[160], sev[200];
	int bad = 0;

	if (!is_map(L, sec, "findings"))
		return 1;
	for (const yt_node *k = sec->first; k; k = k->next) {
		int f;
		for (f = 0; f < RL_FKIND_COUNT && strcmp(k->text, rl_fkind_names[f]); f++)
			;
		if (f == RL_FKIND_COUNT) {
			const char *near = rl_nearest(k->text, rl_fkind_names, RL_FKIND_COUNT);
			char hint[160] = "";
			if (near)
				snprintf(hint, sizeof hint, "; did you mean '%s'?", near);
			yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "unknown finding kind '%s'%s",
			   show(buf, k->text), hint);
			bad++;
			continue;
		}
		rl_findparams *fp = &L->r->findings[f];
		const yt_node *map = k->value, *n;
		snprintf(what, sizeof what, "findings '%s'", k->text);
		if (fp->present) {
			yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "%s is defined twice", what);
			bad++;
			continue;
		}
		fp->present = 1;
		fp->levels = fkind_levels[f].count;
		if (!is_map(L, map, what)) {
			bad++;
			continue;
		}
		if (f == RL_SIGNKIND)
			bad += check_keys(L, map, k, sign_keys, 2, what);
		else
			bad += check_keys(L, map, k, full, f == RL_REFLEX ? 7 : 5, what);
		if ((n = yt_get(map, "source")) && read_text(L, n, "source", &fp->source))
			bad++;
		if ((n = yt_get(map, "concentration")) &&
		    read_positive(L, n, "concentration", &fp->concentration))
			bad++;
		if ((n = yt_get(map, "sensitivity")) &&
		    read_number(L, n, 0.0, 1.0, "sensitivity", &fp->sensitivity))
			bad++;
		if ((n = yt_get(map, "background")) &&
		    read_number(L, n, 0.0, 1.0, "background", &fp->background))
			bad++;
		/* Kinds with one level need no severity table. */
		fp->lesion[0] = fp->bglevels[0] = 1.0;
		/* Five kinds share the table's shape: say whose it is. */
		snprintf(sev, sizeof sev, "severity of %s", what);
		if ((n = key_of(map, "severity")))
			bad += read_severity(L, n, fkind_levels[f].names, fp->levels,
			                     sev, fp->lesion, fp->bglevels);
		else if (f != RL_SIGNKIND && fp->levels > 1) {
			yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "%s has no 'severity'", what);
			bad++;
		}
		if (f == RL_REFLEX) {
			if ((n = yt_get(map, "brisk_background")) &&
			    read_number(L, n, 0.0, 1.0, "brisk_background", &fp->brisk_background))
				bad++;
			snprintf(sev, sizeof sev, "brisk_severity of %s", what);
			if ((n = key_of(map, "brisk_severity")))
				bad += read_severity(L, n, brisk_levels, 2, sev,
				                     fp->brisk_lesion, fp->brisk_bg);
		}
	}
	return bad;
}

/* A mapping of finding kind → probability (polyneuropathy, myelopathy). */
static int read_kind_sens(loader *L, const yt_node *key, const char *what,
                          double *out)
{
	keyspec keys[RL_FKIND_COUNT];
	char label[160];
	const yt_node *map = key->value;
	int bad;

	if (!is_map(L, map, what))
		return 1;
	for (int f = 0; f < RL_FKIND_COUNT; f++)
		keys[f] = (keyspec){rl_fkind_names[f], 0};
	bad = check_keys(L, map, key, keys, RL_FKIND_COUNT, what);
	for (int f = 0; f < RL_FKIND_COUNT; f++) {
		const yt_node *n = yt_get(map, rl_fkind_names[f]);
		snprintf(label, sizeof label, "%s for %s", what, rl_fkind_names[f]);
		if (n && read_number(L, n, 0.0, 1.0, label, &out[f]))
			bad++;
	}
	return bad;
}

static int load_patterns(loader *L, const yt_node *sec)
{
	static const keyspec simple[] = {{"prior", 1}, {"source", 1}};
	static const keyspec poly[] = {
		{"prior", 1}, {"sensitivity", 1}, {"gradient", 1}, {"extents", 1},
		{"source", 1},
	};
	static const keyspec cauda[] = {{"prior", 1}, {"roots", 1}, {"source", 1}};
	static const keyspec myelo[] = {{"prior", 1}, {"sensitivity", 1}, {"source", 1}};
	rl_patterns *P = &L->r->patterns;
	char buf[RL_PRINTABLE_SIZE], what[160];
	int bad = 0;

	if (!is_map(L, sec, "patterns"))
		return 1;
	for (const yt_node *k = sec->first; k; k = k->next) {
		int p;
		for (p = 0; p < RADLOC_PATTERN_COUNT &&
		     strcmp(k->text, radloc_pattern_name((radloc_pattern)p)); p++)
			;
		if (p == RADLOC_PATTERN_COUNT) {
			const char *names[RADLOC_PATTERN_COUNT];
			for (int j = 0; j < RADLOC_PATTERN_COUNT; j++)
				names[j] = radloc_pattern_name((radloc_pattern)j);
			const char *near = rl_nearest(k->text, names, RADLOC_PATTERN_COUNT);
			char hint[160] = "";
			if (near)
				snprintf(hint, sizeof hint, "; did you mean '%s'?", near);
			yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "unknown pattern '%s'%s",
			   show(buf, k->text), hint);
			bad++;
			continue;
		}
		const yt_node *map = k->value, *n;
		snprintf(what, sizeof what, "pattern '%s'", k->text);
		if (P->present[p]) {
			yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "%s is defined twice", what);
			bad++;
			continue;
		}
		P->present[p] = 1;
		if (!is_map(L, map, what)) {
			bad++;
			continue;
		}
		switch (p) {
		case RADLOC_POLYNEUROPATHY: bad += check_keys(L, map, k, poly, 5, what); break;
		case RADLOC_CAUDA_EQUINA: bad += check_keys(L, map, k, cauda, 3, what); break;
		case RADLOC_MYELOPATHY: bad += check_keys(L, map, k, myelo, 3, what); break;
		default: bad += check_keys(L, map, k, simple, 2, what); break;
		}
		if ((n = yt_get(map, "prior")) &&
		    read_number(L, n, 0.0, 1.0, "prior", &P->prior[p]))
			bad++;
		if ((n = yt_get(map, "source")) && read_text(L, n, "source", &P->source[p]))
			bad++;
		if (p == RADLOC_POLYNEUROPATHY) {
			if ((n = key_of(map, "sensitivity")))
				bad += read_kind_sens(L, n, "polyneuropathy sensitivity", P->poly_sens);
			if ((n = yt_get(map, "gradient")) &&
			    read_positive(L, n, "gradient", &P->poly_gradient))
				bad++;
			if ((n = yt_get(map, "extents"))) {
				if (!is_map(L, n, "extents") || n->count == 0) {
					if (n->type == YT_MAPPING)
						yt_report(&L->d, n, RADLOC_ERR_VALUE, "extents is empty");
					bad++;
				} else {
					P->extents = rl_arena_alloc(L->r->arena, n->count * sizeof(rl_extent));
					if (P->extents == NULL)
						return bad + 1 + (nomem(L) != RADLOC_OK);
					for (const yt_node *e = n->first; e; e = e->next) {
						rl_extent *x = &P->extents[P->extent_count];
						snprintf(what, sizeof what, "threshold of extent '%s'",
						         show(buf, e->text));
						if (!valid_id(e->text) ||
						    read_number(L, e->value, 0.0, 1.0, what, &x->threshold)) {
							if (!valid_id(e->text))
								yt_report(&L->d, e, RADLOC_ERR_VALUE,
								   "extent '%s' must be letters, digits or '_'", buf);
							bad++;
							continue;
						}
						x->name = rl_arena_strdup(L->r->arena, e->text);
						if (x->name == NULL)
							return bad + 1 + (nomem(L) != RADLOC_OK);
						P->extent_count++;
					}
				}
			}
		} else if (p == RADLOC_CAUDA_EQUINA && (n = yt_get(map, "roots"))) {
			rl_share *shares;
			size_t count;
			P->cauda_roots = rl_arena_alloc(L->r->arena,
			                                (L->r->root_count + 1) * sizeof(double));
			if (P->cauda_roots == NULL)
				return bad + 1 + (nomem(L) != RADLOC_OK);
			if (read_shares(L, n, RADLOC_ROOT, "the roots of cauda_equina",
			                &shares, &count))
				bad++;
			else
				for (size_t j = 0; j < count; j++)
					P->cauda_roots[shares[j].index] = shares[j].weight;
		} else if (p == RADLOC_MYELOPATHY && (n = key_of(map, "sensitivity"))) {
			bad += read_kind_sens(L, n, "myelopathy sensitivity", P->myelo_sens);
		}
	}
	return bad;
}

static int load_examination(loader *L, const yt_node *key)
{
	static const keyspec keys[] = {
		{"unexamined_limb", 1}, {"midline_unilateral", 1}, {"source", 1},
	};
	radloc_rules *r = L->r;
	const yt_node *sec = key->value, *n;
	int bad;

	if (r->has_examination) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA, "section 'examination' is defined twice");
		return 1;
	}
	r->has_examination = 1;
	if (!is_map(L, sec, "examination"))
		return 1;
	bad = check_keys(L, sec, key, keys, 3, "examination");
	if ((n = yt_get(sec, "unexamined_limb")) &&
	    read_number(L, n, 0.0, 1.0, "unexamined_limb", &r->unexamined_limb))
		bad++;
	if ((n = yt_get(sec, "midline_unilateral")) &&
	    read_number(L, n, 0.0, 1.0, "midline_unilateral", &r->midline_unilateral))
		bad++;
	if ((n = yt_get(sec, "source")) &&
	    read_text(L, n, "source", &r->examination_source))
		bad++;
	return bad;
}

static int load_severity(loader *L, const yt_node *key)
{
	static const keyspec keys[] = {{"scales", 1}, {"source", 1}};
	rl_patterns *P = &L->r->patterns;
	char buf[RL_PRINTABLE_SIZE], what[160];
	const yt_node *n;
	int bad;

	const yt_node *sec = key->value;
	if (P->severity_count) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA, "section 'severity' is defined twice");
		return 1;
	}
	if (!is_map(L, sec, "severity"))
		return 1;
	bad = check_keys(L, sec, key, keys, 2, "severity");
	if ((n = yt_get(sec, "source")) && read_text(L, n, "source", &P->severity_source))
		bad++;
	n = yt_get(sec, "scales");
	if (n == NULL)
		return bad;
	if (!is_map(L, n, "severity scales") || n->count == 0) {
		if (n->type == YT_MAPPING)
			yt_report(&L->d, n, RADLOC_ERR_VALUE, "severity scales is empty");
		return bad + 1;
	}
	P->severity = rl_arena_alloc(L->r->arena, n->count * sizeof(double));
	P->severity_names = rl_arena_alloc(L->r->arena, n->count * sizeof(char *));
	if (P->severity == NULL || P->severity_names == NULL)
		return bad + 1 + (nomem(L) != RADLOC_OK);
	double sum = 0.0;
	for (const yt_node *k = n->first; k; k = k->next) {
		snprintf(what, sizeof what, "severity scale '%s'", show(buf, k->text));
		double v;
		if (!valid_id(k->text)) {
			yt_report(&L->d, k, RADLOC_ERR_VALUE, "severity '%s' must be letters, digits or '_'", buf);
			bad++;
			continue;
		}
		if (read_number(L, k->value, 0.0, 10.0, what, &v)) {
			bad++;
			continue;
		}
		P->severity_names[P->severity_count] = rl_arena_strdup(L->r->arena, k->text);
		if (P->severity_names[P->severity_count] == NULL)
			return bad + 1 + (nomem(L) != RADLOC_OK);
		P->severity[P->severity_count++] = v;
		sum += v;
	}
	/* Mean 1 keeps each finding's average sensitivity what the rules say. */
	if (!bad && fabs(sum / (double)P->severity_count - 1.0) > RADLOC_SUM_TOLERANCE) {
		char m[32];
		snprintf(m, sizeof m, "%.4g", sum / (double)P->severity_count);
		yt_report(&L->d, n, RADLOC_ERR_VALUE, "the severity scales average %s, not 1", m);
		bad++;
	}
	return bad;
}

static int load_entries(loader *L)
{
	int bad = 0;

	for (int kind = 0; kind < RADLOC_KIND_COUNT; kind++) {
		for (size_t i = 0; i < L->counts[kind]; i++) {
			const yt_node *key = L->entry_nodes[kind][i];
			L->d.file = L->entry_files[kind][i];
			switch (kind) {
			case RADLOC_ROOT: bad += load_root(L, i, key); break;
			case RADLOC_NERVE: bad += load_nerve(L, i, key); break;
			case RADLOC_SIGN: bad += load_sign(L, i, key); break;
			default: bad += load_element(L, (radloc_kind)kind, i, key); break;
			}
		}
	}
	for (size_t f = 0; f < L->ndocs; f++) {
		const yt_node *root = yt_root(L->docs[f].doc), *sec;
		if (root->type != YT_MAPPING)
			continue;
		L->d.file = L->docs[f].file;
		if ((sec = yt_get(root, "findings")))
			bad += load_findings(L, sec);
		if ((sec = key_of(root, "patterns"))) {
			if (L->patterns_key == NULL) {
				L->patterns_key = sec;
				L->patterns_file = L->docs[f].file;
			}
			bad += load_patterns(L, sec->value);
		}
		if ((sec = key_of(root, "examination")))
			bad += load_examination(L, sec);
		if ((sec = key_of(root, "severity")))
			bad += load_severity(L, sec);
	}
	return bad;
}

/* ---- pass 3: the set as a whole ----------------------------------------------- */

/* Mark everything nerve n reaches through its branches; returns 1 if n
 * reaches itself (n is its own branch). Each nerve is entered once per
 * start, with covers as the visited mark and a stack of nerve_count + 1
 * slots, so shared branches cost linear time, not one walk per path, and
 * a long acyclic chain is not mistaken for a cycle. A nerve that merely
 * leads into someone else's cycle is not itself on one. */
static int cover_nerve(radloc_rules *r, size_t n, size_t *stack)
{
	unsigned char *covers = r->nerves[n].covers;
	size_t top = 0;
	int cycle = 0;

	covers[n] = 1;
	stack[top++] = n;
	while (top > 0) {
		const rl_nerve *from = &r->nerves[stack[--top]];
		for (size_t b = 0; b < from->branch_count; b++) {
			size_t to = (size_t)from->branches[b];
			if (to == n) {
				cycle = 1;
			} else if (!covers[to]) {
				covers[to] = 1;
				stack[top++] = to;
			}
		}
	}
	return cycle;
}

static int check_set(loader *L)
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
		if (!r->patterns.present[p]) {
			rl_report(&L->d, RADLOC_ERR_SCHEMA, 1, 1,
			          "the rule set has no 'patterns: %s' entry",
			          radloc_pattern_name((radloc_pattern)p));
			bad++;
		}
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
	size_t *stack = rl_arena_alloc(r->arena, (r->nerve_count + 1) * sizeof *stack);
	if (stack == NULL)
		return bad + 1 + (nomem(L) != RADLOC_OK);
	for (size_t n = 0; n < r->nerve_count; n++) {
		r->nerves[n].covers = rl_arena_alloc(r->arena, r->nerve_count + 1);
		if (r->nerves[n].covers == NULL)
			return bad + 1 + (nomem(L) != RADLOC_OK);
		if (cover_nerve(r, n, stack)) {
			L->d.file = r->nerves[n].e.file;
			yt_report(&L->d, L->entry_nodes[RADLOC_NERVE][n], RADLOC_ERR_VALUE,
			   "nerve '%s' is its own branch (a cycle in 'branches')",
			   r->nerves[n].e.id);
			bad++;
		}
	}
	if (bad)
		return bad;
	for (int k = 0; k < RL_ELEMENT_KINDS; k++) {
		for (size_t e = 0; e < r->element_count[k]; e++) {
			rl_element *el = &r->elements[k][e];
			el->nerve_loss = rl_arena_alloc(r->arena, (r->nerve_count + 1) * sizeof(double));
			if (el->nerve_loss == NULL)
				return 1 + (nomem(L) != RADLOC_OK);
			for (size_t n = 0; n < r->nerve_count; n++) {
				double loss = 0.0;
				for (size_t j = 0; j < el->nerve_count; j++)
					if (r->nerves[n].covers[el->nerves[j].index])
						loss += el->nerves[j].weight;
				el->nerve_loss[n] = loss > 1.0 ? 1.0 : loss;
			}
		}
	}
	for (size_t s = 0; s < r->sign_count; s++) {
		rl_sign *sg = &r->signs[s];
		sg->nerve_sens = rl_arena_alloc(r->arena, (r->nerve_count + 1) * sizeof(double));
		if (sg->nerve_sens == NULL)
			return 1 + (nomem(L) != RADLOC_OK);
		for (size_t n = 0; n < r->nerve_count; n++)
			for (size_t j = 0; j < sg->nerve_count; j++)
				if (r->nerves[n].covers[sg->nerves[j].index] &&
				    sg->nerves[j].weight > sg->nerve_sens[n])
					sg->nerve_sens[n] = sg->nerves[j].weight;
	}
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
	if (r->patterns.severity_count == 0) {
		static const char *const one[] = {"any"};
		r->patterns.severity = rl_arena_alloc(r->arena, sizeof(double));
		if (r->patterns.severity == NULL)
			return 1 + (nomem(L) != RADLOC_OK);
		r->patterns.severity[0] = 1.0;
		r->patterns.severity_names = (const char **)one;
		r->patterns.severity_count = 1;
	}
	if (r->patterns.cauda_roots == NULL) {
		r->patterns.cauda_roots = rl_arena_alloc(r->arena,
		                                         (r->root_count + 1) * sizeof(double));
		if (r->patterns.cauda_roots == NULL)
			return 1 + (nomem(L) != RADLOC_OK);
	}
	return 0;
}

/* ---- files ----------------------------------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

/* Collect the file names to read: the file itself, or the directory's
 * *.yaml files in name order. */
static radloc_status list_files(loader *L, const char *path, char ***out,
                                size_t *count)
{
	struct stat st;
	char **names = NULL;
	size_t n = 0;

	*out = NULL;
	*count = 0;
	if (stat(path, &st) != 0)
		return rl_report(&L->d, RADLOC_ERR_IO, 0, 0, "cannot open rules: %s",
		                 "no such file or directory");
	if (!S_ISDIR(st.st_mode)) {
		names = calloc(1, sizeof *names);
		if (names == NULL || (names[0] = strdup(path)) == NULL) {
			free(names);
			return nomem(L);
		}
		*out = names;
		*count = 1;
		return RADLOC_OK;
	}
	DIR *dir = opendir(path);
	if (dir == NULL)
		return rl_report(&L->d, rl_io_status(errno), 0, 0,
		                 "cannot open rule directory: %s", strerror(errno));
	names = calloc(RADLOC_MAX_RULE_FILES + 1, sizeof *names);
	if (names == NULL) {
		closedir(dir);
		return nomem(L);
	}
	radloc_status status = RADLOC_OK;
	struct dirent *ent;
	while ((ent = readdir(dir)) != NULL) {
		if (!has_yaml_suffix(ent->d_name))
			continue;
		if (n == RADLOC_MAX_RULE_FILES) {
			status = rl_report(&L->d, RADLOC_ERR_LIMIT, 0, 0,
			                   "more than %d rule files", RADLOC_MAX_RULE_FILES);
			break;
		}
		size_t len = strlen(path) + strlen(ent->d_name) + 2;
		names[n] = malloc(len);
		if (names[n] == NULL) {
			status = nomem(L);
			break;
		}
		snprintf(names[n], len, "%s/%s", path, ent->d_name);
		n++;
	}
	closedir(dir);
	if (status == RADLOC_OK && n == 0)
		status = rl_report(&L->d, RADLOC_ERR_IO, 0, 0,
		                   "no *.yaml rule files in the directory");
	if (status != RADLOC_OK) {
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return status;
	}
	qsort(names, n, sizeof *names, compare_names);
	*out = names;
	*count = n;
	return RADLOC_OK;
}

static radloc_status finish(loader *L, radloc_rules **out)
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
	*out = L->r;
	return RADLOC_OK;
}

static radloc_status start(loader *L, radloc_diag_fn *diag, void *user,
                           const char *name)
{
	memset(L, 0, sizeof *L);
	rl_diag_init(&L->d, diag, user, name);
	L->r = calloc(1, sizeof *L->r);
	if (L->r == NULL || (L->r->arena = rl_arena_new()) == NULL) {
		free(L->r);
		L->r = NULL;
		return nomem(L);
	}
	return RADLOC_OK;
}

radloc_status radloc_rules_load(const char *path, radloc_diag_fn *diag,
                                void *user, radloc_rules **out)
{
	loader L;
	char **files = NULL;
	size_t count = 0;
	radloc_status status;

	if (out == NULL || path == NULL)
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	if ((status = start(&L, diag, user, path)) != RADLOC_OK)
		return status;
	if ((status = list_files(&L, path, &files, &count)) != RADLOC_OK) {
		radloc_rules_free(&L.r);
		return status;
	}
	for (size_t f = 0; f < count; f++) {
		/* File names live in the rule set: entries keep pointing at them. */
		char *name = rl_arena_strdup(L.r->arena, files[f]);
		free(files[f]);
		if (name == NULL) {
			nomem(&L);
			continue;
		}
		L.d.file = name;
		L.docs[L.ndocs].file = name;
		if (yt_read_file(name, RADLOC_MAX_RULE_FILE_BYTES, &L.d,
		                 &L.docs[L.ndocs].doc) == RADLOC_OK)
			L.ndocs++;
	}
	free(files);
	return finish(&L, out);
}

radloc_status radloc_rules_load_buffer(const char *data, size_t size,
                                       const char *name, radloc_diag_fn *diag,
                                       void *user, radloc_rules **out)
{
	loader L;
	radloc_status status;

	if (out == NULL || (data == NULL && size > 0))
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	if ((status = start(&L, diag, user, name ? name : "<rules>")) != RADLOC_OK)
		return status;
	L.docs[0].file = rl_arena_strdup(L.r->arena, name ? name : "<rules>");
	if (L.docs[0].file == NULL) {
		nomem(&L);
	} else {
		L.d.file = L.docs[0].file;
		if (yt_read_buffer(data ? data : "", size, RADLOC_MAX_RULE_FILE_BYTES,
		                   &L.d, &L.docs[0].doc) == RADLOC_OK)
			L.ndocs = 1;
	}
	return finish(&L, out);
}

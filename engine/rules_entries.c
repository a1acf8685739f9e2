/* Pass 2 for the entries of each kind: roots, nerves, regions, movements,
 * reflexes and signs, each read through its kind's field table. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "rules_loader.h"
#include "textutil.h"
#include "vocabulary.h"

static int read_root_level(rl_loader *L, const yt_node *key,
                           const rl_field *field, const char *what, void *dest)
{
	const yt_node *n = key->value;
	char buf[RL_PRINTABLE_SIZE];
	long level;

	(void)field;
	if (n->type != YT_SCALAR || rl_parse_long(n->text, 1, 1000, &level)) {
		yt_report(&L->d, n, RADLOC_ERR_VALUE, "level of %s must be a whole number 1..1000, not '%s'",
		   what, n->type == YT_SCALAR ? rl_value_for_message(buf, n->text) : yt_type_name(n));
		return 1;
	}
	*(long *)dest = level;
	return 0;
}

/* branches: a list of nerve ids (dest: the rl_nerve). */
static int read_nerve_branches(rl_loader *L, const yt_node *key,
                               const rl_field *field, const char *what,
                               void *dest)
{
	rl_nerve *nerve = dest;
	const yt_node *n = key->value;
	char label[160];
	int bad = 0;

	(void)field;
	if (n->type != YT_SEQUENCE) {
		yt_report(&L->d, n, RADLOC_ERR_SCHEMA, "branches of %s must be a list, not %s",
		   what, yt_type_name(n));
		return 1;
	}
	nerve->branches = rl_arena_alloc(L->r->arena, (n->count + 1) * sizeof(int));
	if (nerve->branches == NULL) {
		rl_loader_nomem(L);
		return 1;
	}
	/* "in nerve 'x'" would read as if the nerve's own id were wrong. */
	snprintf(label, sizeof label, "the branches of %s", what);
	for (const yt_node *b = n->first; b; b = b->next) {
		long idx = b->type == YT_SCALAR
		           ? rl_rules_index(L->r, RADLOC_NERVE, b->text) : -1;
		if (idx < 0) {
			if (b->type == YT_SCALAR)
				rl_report_unknown_id(L, b, RADLOC_NERVE, label);
			else
				yt_report(&L->d, b, RADLOC_ERR_SCHEMA, "branches of %s must be nerve ids",
				   what);
			bad++;
			continue;
		}
		nerve->branches[nerve->branch_count++] = (int)idx;
	}
	return bad;
}

/* The sum of weights, as messages print it. */
static double share_sum(const rl_share *shares, size_t count, char *text,
                        size_t size)
{
	double sum = 0.0;
	for (size_t j = 0; j < count; j++)
		sum += shares[j].weight;
	snprintf(text, size, "%.4g", sum);
	return sum;
}

/* roots: root -> weight, summing to 1 (dest: the rl_element). */
static int read_element_roots(rl_loader *L, const yt_node *key,
                              const rl_field *field, const char *what,
                              void *dest)
{
	rl_element *el = dest;
	char label[160], s[32];

	(void)field;
	snprintf(label, sizeof label, "the roots of %s", what);
	if (rl_read_shares(L, key->value, RADLOC_ROOT, label, &el->roots, &el->root_count))
		return 1;
	double sum = share_sum(el->roots, el->root_count, s, sizeof s);
	if (el->root_count == 0 || fabs(sum - 1.0) > RADLOC_SUM_TOLERANCE) {
		yt_report(&L->d, key->value, RADLOC_ERR_VALUE,
		   "the root weights of %s sum to %s, not 1 (tolerance 0.001)", what, s);
		return 1;
	}
	/* Exactly 1 from here on: the Dirichlet mean must be a distribution. */
	for (size_t j = 0; j < el->root_count; j++)
		el->roots[j].weight /= sum;
	return 0;
}

/* nerves: nerve -> share of the element, at most 1 in all (dest: the
 * rl_element). */
static int read_element_nerves(rl_loader *L, const yt_node *key,
                               const rl_field *field, const char *what,
                               void *dest)
{
	rl_element *el = dest;
	char label[160], s[32];

	(void)field;
	snprintf(label, sizeof label, "the nerves of %s", what);
	if (rl_read_shares(L, key->value, RADLOC_NERVE, label, &el->nerves, &el->nerve_count))
		return 1;
	if (share_sum(el->nerves, el->nerve_count, s, sizeof s) > 1.0 + RADLOC_SUM_TOLERANCE) {
		yt_report(&L->d, key->value, RADLOC_ERR_VALUE,
		   "the nerve shares of %s sum to %s, more than 1", what, s);
		return 1;
	}
	return 0;
}

/* Only the patterns that are not made of roots or nerves: a sign names a
 * root or nerve directly, and "normal" is the background that
 * specificity already gives. */
static const radloc_pattern sign_patterns[] = {
	RADLOC_POLYNEUROPATHY, RADLOC_CAUDA_EQUINA, RADLOC_MYELOPATHY,
	RADLOC_MOTOR_NEURON_DISEASE,
};
#define SIGN_PATTERN_COUNT 4

static void report_unknown_sign_target(rl_loader *L, const yt_node *k,
                                       const char *what)
{
	/* Suggest from roots, nerves and patterns together. */
	const char *pool[2 * RADLOC_MAX_IDS + SIGN_PATTERN_COUNT];
	size_t m = 0;
	for (size_t j = 0; j < L->counts[RADLOC_ROOT]; j++)
		pool[m++] = L->r->ids[RADLOC_ROOT][j];
	for (size_t j = 0; j < L->counts[RADLOC_NERVE]; j++)
		pool[m++] = L->r->ids[RADLOC_NERVE][j];
	for (int p = 0; p < SIGN_PATTERN_COUNT; p++)
		pool[m++] = radloc_pattern_name(sign_patterns[p]);
	yt_report_unknown(&L->d, k, RADLOC_ERR_REFERENCE, "root, nerve or pattern", what,
	                  pool, m);
}

/* sensitivity: root, nerve or pattern -> probability (dest: the rl_sign). */
static int read_sign_sensitivity(rl_loader *L, const yt_node *key,
                                 const rl_field *field, const char *what,
                                 void *dest)
{
	rl_sign *sign = dest;
	const yt_node *n = key->value;
	char label[200], buf[RL_PRINTABLE_SIZE];
	int bad = 0;

	(void)field;
	if (!rl_require_mapping(L, n, "sensitivity"))
		return 1;
	sign->roots = rl_arena_alloc(L->r->arena, (n->count + 1) * sizeof(rl_share));
	sign->nerves = rl_arena_alloc(L->r->arena, (n->count + 1) * sizeof(rl_share));
	if (!sign->roots || !sign->nerves) {
		rl_loader_nomem(L);
		return 1;
	}
	for (const yt_node *k = n->first; k; k = k->next) {
		double s;
		snprintf(label, sizeof label, "sensitivity of %s for %s", what,
		         rl_value_for_message(buf, k->text));
		long root = rl_rules_index(L->r, RADLOC_ROOT, k->text);
		long nerve = rl_rules_index(L->r, RADLOC_NERVE, k->text);
		int pattern = -1;
		for (int p = 0; p < SIGN_PATTERN_COUNT; p++)
			if (strcmp(k->text, radloc_pattern_name(sign_patterns[p])) == 0)
				pattern = (int)sign_patterns[p];
		if (root < 0 && nerve < 0 && pattern < 0) {
			report_unknown_sign_target(L, k, what);
			bad++;
			continue;
		}
		if (rl_read_number(L, k->value, 0.0, 1.0, label, &s)) {
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

/* background: the element's own rate of abnormality without a lesion. */
static int read_element_background(rl_loader *L, const yt_node *key,
                                   const rl_field *field, const char *what,
                                   void *dest)
{
	rl_element *el = dest;
	if (rl_read_fraction_field(L, key, field, what, &el->background))
		return 1;
	el->has_background = 1;
	return 0;
}

/* background_severity: how that background grades the finding, in the
 * levels of the element's finding kind. */
static int read_element_bglevels(rl_loader *L, const yt_node *key,
                                 const rl_field *field, const char *what,
                                 void *dest)
{
	rl_element *el = dest;
	(void)field;
	if (rl_read_element_levels(L, key, L->entry_fkind, what, el->bglevels))
		return 1;
	el->has_bglevels = 1;
	return 0;
}

/* examiner_error: the sign's own rate of being recorded wrongly. */
static int read_sign_examiner_error(rl_loader *L, const yt_node *key,
                                    const rl_field *field, const char *what,
                                    void *dest)
{
	rl_sign *sign = dest;
	if (rl_read_fraction_field(L, key, field, what, &sign->examiner_error))
		return 1;
	sign->has_examiner_error = 1;
	return 0;
}

/* Each kind's fields, in the order docs/rules.md lists them. */
static const rl_field root_fields[] = {
	{"name", rl_read_text_field, offsetof(rl_root, e.name), 0},
	{"level", read_root_level, offsetof(rl_root, level), 1},
	{"prior", rl_read_positive_field, offsetof(rl_root, prior), 1},
	{"source", rl_read_text_field, offsetof(rl_root, e.source), 1},
};

static const rl_field nerve_fields[] = {
	{"name", rl_read_text_field, offsetof(rl_nerve, e.name), 0},
	{"prior", rl_read_positive_field, offsetof(rl_nerve, prior), 1},
	{"branches", read_nerve_branches, 0, 0},
	{"bilateral", rl_read_fraction_field, offsetof(rl_nerve, bilateral), 0},
	{"sites", rl_read_nerve_sites, 0, 0},
	{"source", rl_read_text_field, offsetof(rl_nerve, e.source), 1},
};

/* Regions, movements and reflexes. */
static const rl_field element_fields[] = {
	{"name", rl_read_text_field, offsetof(rl_element, e.name), 0},
	{"limb", rl_read_limb_field, offsetof(rl_element, limb), 1},
	{"distal_rank", rl_read_fraction_field, offsetof(rl_element, distal_rank), 1},
	{"roots", read_element_roots, 0, 1},
	{"concentration", rl_read_positive_field, offsetof(rl_element, concentration), 1},
	{"nerves", read_element_nerves, 0, 0},
	{"muscles", rl_read_text_field, offsetof(rl_element, muscles), 0},
	{"background", read_element_background, 0, 0},
	{"background_severity", read_element_bglevels, 0, 0},
	{"source", rl_read_text_field, offsetof(rl_element, e.source), 1},
};

static const rl_field sign_fields[] = {
	{"name", rl_read_text_field, offsetof(rl_sign, e.name), 0},
	{"limb", rl_read_limb_field, offsetof(rl_sign, limb), 1},
	{"sensitivity", read_sign_sensitivity, 0, 1},
	{"sites", rl_read_sign_sites, 0, 0},
	{"plexus", rl_read_sign_plexus, 0, 0},
	{"specificity", rl_read_fraction_field, offsetof(rl_sign, specificity), 1},
	{"examiner_error", read_sign_examiner_error, 0, 0},
	{"source", rl_read_text_field, offsetof(rl_sign, e.source), 1},
};

int rl_load_entry(rl_loader *L, radloc_kind kind, size_t i)
{
	const rl_field *fields;
	size_t count;
	void *entry;
	char what[128];

	switch (kind) {
	case RADLOC_ROOT:
		fields = root_fields;
		count = RL_FIELD_COUNT(root_fields);
		entry = &L->r->roots[i];
		break;
	case RADLOC_NERVE:
		fields = nerve_fields;
		count = RL_FIELD_COUNT(nerve_fields);
		entry = &L->r->nerves[i];
		break;
	case RADLOC_SIGN:
		fields = sign_fields;
		count = RL_FIELD_COUNT(sign_fields);
		entry = &L->r->signs[i];
		break;
	default:
		fields = element_fields;
		count = RL_FIELD_COUNT(element_fields);
		entry = &L->r->elements[kind - RADLOC_REGION][i];
		break;
	}
	/* Every entry struct starts with its rl_entry. */
	snprintf(what, sizeof what, "%s '%s'", radloc_kind_name(kind),
	         ((const rl_entry *)entry)->id);
	L->d.file = L->entry_files[kind][i];
	L->entry_fkind = rl_fkind_of(kind, 0);
	return rl_read_mapping(L, L->entry_nodes[kind][i], fields, count, what, entry);
}

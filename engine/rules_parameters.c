/* Pass 2 for the model's parameters: the sections findings, patterns,
 * examination and severity, read through field tables. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "rules_loader.h"
#include "vocabulary.h"

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

static void print_sum(char *text, size_t size, double sum)
{
	snprintf(text, size, "%.4g", sum);
}

/* One level's share: "'absent' in severity of findings 'sensory' (lesion)". */
static int read_level_share(rl_loader *L, const yt_node *key,
                            const rl_field *field, const char *what, void *dest)
{
	char label[200];
	snprintf(label, sizeof label, "'%s' in %s", field->key, what);
	return rl_read_number(L, key->value, 0.0, 1.0, label, dest) != 0;
}

/* A severity table: every level of the kind, each in [0, 1], summing to 1. */
static int read_levels(rl_loader *L, const yt_node *key, const char *const *names,
                       int count, const char *what, double *out)
{
	rl_field fields[RL_MAX_LEVELS] = {{NULL, NULL, 0, 0}};
	double sum = 0.0;
	char s[32];

	for (int i = 0; i < count; i++)
		fields[i] = (rl_field){names[i], read_level_share,
		                       (size_t)i * sizeof(double), 1};
	int bad = rl_read_mapping(L, key, fields, (size_t)count, what, out);
	for (int i = 0; i < count; i++)
		sum += out[i];
	if (!bad && fabs(sum - 1.0) > RADLOC_SUM_TOLERANCE) {
		print_sum(s, sizeof s, sum);
		yt_report(&L->d, key->value, RADLOC_ERR_VALUE,
		   "%s sums to %s, not 1 (tolerance 0.001)", what, s);
		bad++;
	}
	return bad;
}

/* A lesion table and a background table of the same levels. The lesion
 * may be one table (`lesion`), or two: `lesion_full` for a lesion that
 * takes the element's whole supply and `lesion_partial` for one that
 * takes part of it (full is NULL for brisk reflexes, graded by one). */
static int read_severity(rl_loader *L, const yt_node *key, const char *const *names,
                         int count, const char *what, double *full, double *partial,
                         double *background)
{
	static const rl_field one_fields[] = {
		{"lesion", NULL, 0, 1}, {"background", NULL, 0, 1},
	};
	static const rl_field two_fields[] = {
		{"lesion", NULL, 0, 0}, {"lesion_full", NULL, 0, 0},
		{"lesion_partial", NULL, 0, 0}, {"background", NULL, 0, 1},
	};
	char label[200];
	int two = partial != NULL;

	if (!rl_require_mapping(L, key->value, what))
		return 1;
	int bad = two ? rl_check_keys(L, key->value, key, two_fields, 4, what)
	              : rl_check_keys(L, key->value, key, one_fields, 2, what);
	const yt_node *one = rl_key_node(key->value, "lesion");
	const yt_node *nf = two ? rl_key_node(key->value, "lesion_full") : NULL;
	const yt_node *np = two ? rl_key_node(key->value, "lesion_partial") : NULL;
	const yt_node *nb = rl_key_node(key->value, "background");
	if (one && (nf || np)) {
		yt_report(&L->d, one, RADLOC_ERR_SCHEMA,
		   "%s has 'lesion' and 'lesion_full'/'lesion_partial': give one or the pair", what);
		bad++;
	} else if (two && !one && (!nf || !np)) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA,
		   "%s needs 'lesion', or both 'lesion_full' and 'lesion_partial'", what);
		bad++;
	}
	if (one) {
		snprintf(label, sizeof label, "%s (lesion)", what);
		bad += read_levels(L, one, names, count, label, full);
		if (two)
			memcpy(partial, full, (size_t)count * sizeof *partial);
	}
	if (nf) {
		snprintf(label, sizeof label, "%s (lesion_full)", what);
		bad += read_levels(L, nf, names, count, label, full);
	}
	if (np) {
		snprintf(label, sizeof label, "%s (lesion_partial)", what);
		bad += read_levels(L, np, names, count, label, partial);
	}
	if (nb) {
		snprintf(label, sizeof label, "%s (background)", what);
		bad += read_levels(L, nb, names, count, label, background);
	}
	return bad;
}

/* An element's own background grading: the levels of its finding kind
 * (rules_entries.c). */
int rl_read_element_levels(rl_loader *L, const yt_node *key, int fkind,
                           const char *what, double *out)
{
	char label[200];
	snprintf(label, sizeof label, "background_severity of %s", what);
	return read_levels(L, key, fkind_levels[fkind].names, fkind_levels[fkind].count,
	                   label, out);
}

/* severity: the kind's own levels (dest: the rl_findparams). */
static int read_finding_severity(rl_loader *L, const yt_node *key,
                                 const rl_field *field, const char *what,
                                 void *dest)
{
	rl_findparams *fp = dest;
	int f = (int)(fp - L->r->findings);
	char label[200];

	(void)field;
	/* Five kinds share the table's shape: say whose it is. */
	snprintf(label, sizeof label, "severity of %s", what);
	return read_severity(L, key, fkind_levels[f].names, fp->levels, label,
	                     fp->lesion_full, fp->lesion_partial, fp->bglevels);
}

/* brisk_severity: reflexes above normal (dest: the rl_findparams). */
static int read_brisk_severity(rl_loader *L, const yt_node *key,
                               const rl_field *field, const char *what,
                               void *dest)
{
	rl_findparams *fp = dest;
	char label[200];

	(void)field;
	snprintf(label, sizeof label, "brisk_severity of %s", what);
	return read_severity(L, key, brisk_levels, 2, label, fp->brisk_lesion, NULL,
	                     fp->brisk_bg);
}

/* share_exponent: a whole number 1..8 (dest: the rl_findparams). */
static int read_share_exponent(rl_loader *L, const yt_node *key,
                               const rl_field *field, const char *what, void *dest)
{
	char label[160];
	double x;
	snprintf(label, sizeof label, "%s of %s", field->key, what);
	if (rl_read_number(L, key->value, 1.0, 8.0, label, &x))
		return 1;
	if (x != floor(x)) {
		yt_report(&L->d, key->value, RADLOC_ERR_VALUE, "%s must be a whole number", label);
		return 1;
	}
	((rl_findparams *)dest)->share_exponent = (int)x;
	return 0;
}

/* Reflexes have all ten; the other graded kinds and pain the first eight. */
/* The fields every graded kind has (written once: the sensory table adds
 * its modalities, the reflex table its brisk side). */
#define GRADED_FIELDS                                                                 \
	{"sensitivity", rl_read_fraction_field, offsetof(rl_findparams, sensitivity), 1},    \
	{"concentration", rl_read_positive_field, offsetof(rl_findparams, concentration), 1}, \
	{"background", rl_read_fraction_field, offsetof(rl_findparams, background), 1},      \
	{"severity", read_finding_severity, 0, 0},                                           \
	{"source", rl_read_text_field, offsetof(rl_findparams, source), 1},                  \
	{"examiner_error", rl_read_fraction_field, offsetof(rl_findparams, examiner_error), 0}, \
	{"gross_error", rl_read_fraction_field, offsetof(rl_findparams, gross_error), 0},    \
	{"share_exponent", read_share_exponent, 0, 0}

static const rl_field finding_fields[] = {
	GRADED_FIELDS,
	{"brisk_background", rl_read_fraction_field, offsetof(rl_findparams, brisk_background), 1},
	{"brisk_severity", read_brisk_severity, 0, 1},
};
#define GRADED_FIELD_COUNT 8

/* Sensory findings: the graded fields and their modalities. */
static const rl_field sensory_finding_fields[] = {
	GRADED_FIELDS,
	{"modalities", rl_read_modalities, 0, 0},
};

static const rl_field sign_finding_fields[] = {
	{"concentration", rl_read_positive_field, offsetof(rl_findparams, concentration), 1},
	{"source", rl_read_text_field, offsetof(rl_findparams, source), 1},
	{"examiner_error", rl_read_fraction_field, offsetof(rl_findparams, examiner_error), 0},
	{"gross_error", rl_read_fraction_field, offsetof(rl_findparams, gross_error), 0},
};

int rl_load_findings(rl_loader *L, const yt_node *key)
{
	char what[160];
	int bad = 0;

	if (!rl_require_mapping(L, key->value, "findings"))
		return 1;
	for (const yt_node *k = key->value->first; k; k = k->next) {
		int f = rl_name_index(L, k, rl_fkind_names, RL_FKIND_COUNT, "finding kind");
		if (f < 0) {
			bad++;
			continue;
		}
		rl_findparams *fp = &L->r->findings[f];
		snprintf(what, sizeof what, "findings '%s'", k->text);
		if (fp->present) {
			yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "%s is defined twice", what);
			bad++;
			continue;
		}
		fp->present = 1;
		fp->levels = fkind_levels[f].count;
		/* Kinds with one level need no severity table. */
		fp->lesion_full[0] = fp->lesion_partial[0] = fp->bglevels[0] = 1.0;
		fp->share_exponent = 1;
		if (f == RL_SIGNKIND)
			bad += rl_read_mapping(L, k, sign_finding_fields,
			                       RL_FIELD_COUNT(sign_finding_fields), what, fp);
		else if (f == RL_SENSORY)
			bad += rl_read_mapping(L, k, sensory_finding_fields,
			                       RL_FIELD_COUNT(sensory_finding_fields), what, fp);
		else
			bad += rl_read_mapping(L, k, finding_fields,
			                       f == RL_REFLEX ? RL_FIELD_COUNT(finding_fields)
			                                      : GRADED_FIELD_COUNT, what, fp);
		if (f != RL_SIGNKIND && fp->levels > 1 && k->value->type == YT_MAPPING &&
		    rl_key_node(k->value, "severity") == NULL) {
			yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "%s has no 'severity'", what);
			bad++;
		}
	}
	return bad;
}

/* One kind's probability: "polyneuropathy sensitivity for motor". */
static int read_kind_share(rl_loader *L, const yt_node *key,
                           const rl_field *field, const char *what, void *dest)
{
	char label[160];
	snprintf(label, sizeof label, "%s for %s", what, field->key);
	return rl_read_number(L, key->value, 0.0, 1.0, label, dest) != 0;
}

/* A mapping of finding kind -> probability (polyneuropathy, myelopathy). */
static int read_kind_sensitivity(rl_loader *L, const yt_node *key,
                                 const char *what, double *out)
{
	rl_field fields[RL_FKIND_COUNT];
	for (int f = 0; f < RL_FKIND_COUNT; f++)
		fields[f] = (rl_field){rl_fkind_names[f], read_kind_share,
		                       (size_t)f * sizeof(double), 0};
	return rl_read_mapping(L, key, fields, RL_FKIND_COUNT, what, out);
}

/* A pattern as its fields see it: the shared fields are copied into the
 * pattern's slots after reading; the others go to the patterns' tables. */
typedef struct pattern_entry {
	double prior;
	const char *source;
	rl_patterns *patterns;
} pattern_entry;

static int read_poly_sensitivity(rl_loader *L, const yt_node *key,
                                 const rl_field *field, const char *what,
                                 void *dest)
{
	(void)field, (void)what;
	return read_kind_sensitivity(L, key, "polyneuropathy sensitivity",
	                             ((pattern_entry *)dest)->patterns->poly_sens);
}

static int read_myelo_sensitivity(rl_loader *L, const yt_node *key,
                                  const rl_field *field, const char *what,
                                  void *dest)
{
	(void)field, (void)what;
	return read_kind_sensitivity(L, key, "myelopathy sensitivity",
	                             ((pattern_entry *)dest)->patterns->myelo_sens);
}

/* other: every kind's rate of abnormal findings, all required (a kind
 * left out would make `other` unable to explain any of its findings). */
static int read_other_abnormal(rl_loader *L, const yt_node *key,
                               const rl_field *field, const char *what, void *dest)
{
	rl_field fields[RL_FKIND_COUNT];
	(void)field, (void)what;
	for (int f = 0; f < RL_FKIND_COUNT; f++)
		fields[f] = (rl_field){rl_fkind_names[f], read_kind_share,
		                       (size_t)f * sizeof(double), 1};
	return rl_read_mapping(L, key, fields, RL_FIELD_COUNT(fields), "other abnormal",
	                       ((pattern_entry *)dest)->patterns->other_abnormal);
}

static int read_other_brisk(rl_loader *L, const yt_node *key,
                            const rl_field *field, const char *what, void *dest)
{
	(void)field, (void)what;
	return rl_read_number(L, key->value, 0.0, 1.0, "other brisk",
	                      &((pattern_entry *)dest)->patterns->other_brisk) != 0;
}

static int read_poly_gradient(rl_loader *L, const yt_node *key,
                              const rl_field *field, const char *what, void *dest)
{
	(void)what;
	return rl_read_positive(L, key->value, field->key,
	                        &((pattern_entry *)dest)->patterns->poly_gradient) != 0;
}

/* 1 if n is a mapping with at least one entry; else report it, naming
 * what (a named table, extents or scales, cannot be left empty). */
static int require_entries(rl_loader *L, const yt_node *n, const char *what)
{
	if (!rl_require_mapping(L, n, what))
		return 0;
	if (n->count == 0) {
		yt_report(&L->d, n, RADLOC_ERR_VALUE, "%s is empty", what);
		return 0;
	}
	return 1;
}

/* extents: name -> threshold of the share of limbs involved. */
static int read_poly_extents(rl_loader *L, const yt_node *key,
                             const rl_field *field, const char *what, void *dest)
{
	rl_patterns *P = ((pattern_entry *)dest)->patterns;
	const yt_node *n = key->value;
	char buf[RL_PRINTABLE_SIZE], label[160];
	int bad = 0;

	(void)field, (void)what;
	if (!require_entries(L, n, "extents"))
		return 1;
	P->extents = rl_arena_alloc(L->r->arena, n->count * sizeof(rl_extent));
	if (P->extents == NULL)
		return 1 + (rl_loader_nomem(L) != RADLOC_OK);
	for (const yt_node *e = n->first; e; e = e->next) {
		rl_extent *x = &P->extents[P->extent_count];
		snprintf(label, sizeof label, "threshold of extent '%s'",
		         rl_value_for_message(buf, e->text));
		if (!rl_valid_id(e->text) ||
		    rl_read_number(L, e->value, 0.0, 1.0, label, &x->threshold)) {
			if (!rl_valid_id(e->text))
				yt_report(&L->d, e, RADLOC_ERR_VALUE,
				   "extent '%s' must be letters, digits or '_'", buf);
			bad++;
			continue;
		}
		x->name = rl_arena_strdup(L->r->arena, e->text);
		if (x->name == NULL)
			return bad + 1 + (rl_loader_nomem(L) != RADLOC_OK);
		P->extent_count++;
	}
	return bad;
}

#define PATTERN_PRIOR {"prior", rl_read_fraction_field, offsetof(pattern_entry, prior), 1}
#define PATTERN_SOURCE {"source", rl_read_text_field, offsetof(pattern_entry, source), 1}

static const rl_field simple_pattern_fields[] = {PATTERN_PRIOR, PATTERN_SOURCE};
static const rl_field poly_fields[] = {
	PATTERN_PRIOR,
	{"sensitivity", read_poly_sensitivity, 0, 1},
	{"gradient", read_poly_gradient, 0, 1},
	{"extents", read_poly_extents, 0, 1},
	PATTERN_SOURCE,
};
/* cauda_equina: `roots:` or `extents:` (rules_cauda.c). */
static const rl_field cauda_fields[] = {
	PATTERN_PRIOR, PATTERN_SOURCE,
	{"roots", rl_read_cauda_roots, offsetof(pattern_entry, patterns), 0},
	{"extents", rl_read_cauda_extents, offsetof(pattern_entry, patterns), 0},
};
/* multiradiculopathy's forms: its prior's share for each form. */
#define FORM(key, n, b) {key, rl_read_fraction_field, \
	offsetof(rl_patterns, forms) + ((n) * 2 + (b)) * sizeof(double), 1}
static const rl_field form_fields[] = {
	FORM("pair", 2, 0), FORM("bilateral_single", 1, 1), FORM("bilateral_pair", 2, 1),
	FORM("triple", 3, 0), FORM("bilateral_triple", 3, 1),
	{"source", rl_read_text_field, offsetof(rl_patterns, forms_source), 1},
};
static int read_forms(rl_loader *L, const yt_node *key, const rl_field *field,
                      const char *what, void *dest)
{
	(void)field, (void)what;
	return rl_read_mapping(L, key, form_fields, RL_FIELD_COUNT(form_fields),
	                       "multiradiculopathy forms", ((pattern_entry *)dest)->patterns);
}
static const rl_field multi_fields[] = {
	PATTERN_PRIOR, {"forms", read_forms, 0, 0}, PATTERN_SOURCE,
};
static const rl_field myelo_fields[] = {PATTERN_PRIOR,
	{"sensitivity", read_myelo_sensitivity, 0, 1}, PATTERN_SOURCE};
static const rl_field other_fields[] = {
	PATTERN_PRIOR,
	{"abnormal", read_other_abnormal, 0, 1},
	{"brisk", read_other_brisk, 0, 1},
	PATTERN_SOURCE,
};

int rl_load_patterns(rl_loader *L, const yt_node *key)
{
	const char *names[RADLOC_PATTERN_COUNT];
	rl_patterns *P = &L->r->patterns;
	char what[160];
	int bad = 0;

	if (!rl_require_mapping(L, key->value, "patterns"))
		return 1;
	for (int j = 0; j < RADLOC_PATTERN_COUNT; j++)
		names[j] = radloc_pattern_name((radloc_pattern)j);
	for (const yt_node *k = key->value->first; k; k = k->next) {
		int p = rl_name_index(L, k, names, RADLOC_PATTERN_COUNT, "pattern");
		if (p < 0) {
			bad++;
			continue;
		}
		snprintf(what, sizeof what, "pattern '%s'", k->text);
		if (P->present[p]) {
			yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "%s is defined twice", what);
			bad++;
			continue;
		}
		P->present[p] = 1;
		pattern_entry entry = {0.0, NULL, P};
		switch (p) {
		case RADLOC_POLYNEUROPATHY:
			bad += rl_read_mapping(L, k, poly_fields, RL_FIELD_COUNT(poly_fields),
			                       what, &entry);
			break;
		case RADLOC_CAUDA_EQUINA:
			bad += rl_read_mapping(L, k, cauda_fields, RL_FIELD_COUNT(cauda_fields),
			                       what, &entry);
			break;
		case RADLOC_MYELOPATHY:
			bad += rl_read_mapping(L, k, myelo_fields, RL_FIELD_COUNT(myelo_fields),
			                       what, &entry);
			break;
		case RADLOC_MULTIRADICULOPATHY:
			bad += rl_read_mapping(L, k, multi_fields, RL_FIELD_COUNT(multi_fields),
			                       what, &entry);
			break;
		case RADLOC_OTHER:
			bad += rl_read_mapping(L, k, other_fields, RL_FIELD_COUNT(other_fields),
			                       what, &entry);
			break;
		case RADLOC_MOTOR_NEURON_DISEASE: /* rules_mnd.c */
			bad += rl_load_mnd(L, k, what, &entry.prior, &entry.source);
			break;
		default:
			bad += rl_read_mapping(L, k, simple_pattern_fields,
			                       RL_FIELD_COUNT(simple_pattern_fields), what, &entry);
			break;
		}
		P->prior[p] = entry.prior;
		P->source[p] = entry.source;
	}
	return bad;
}

/* A chance of examining a limb-side: strictly between 0 and 1, since at
 * 0 or 1 some exam would be impossible under every hypothesis. */
static int read_chance(rl_loader *L, const yt_node *key, const rl_field *field,
                       const char *what, void *dest)
{
	char buf[RL_PRINTABLE_SIZE];
	(void)what;
	if (rl_read_number(L, key->value, 0.0, 1.0, field->key, dest) != 0)
		return 1;
	double v = *(double *)dest;
	if (v <= 0.0 || v >= 1.0) {
		yt_report(&L->d, key->value, RADLOC_ERR_VALUE,
		          "%s must be between 0 and 1 (exclusive), not %s", field->key,
		          rl_value_for_message(buf, key->value->text));
		return 1;
	}
	return 0;
}

static const rl_field examination_fields[] = {
	{"in_territory", read_chance, offsetof(radloc_rules, selection.in_territory), 1},
	{"same_limb", read_chance, offsetof(radloc_rules, selection.same_limb), 1},
	{"other_side", read_chance, offsetof(radloc_rules, selection.other_side), 1},
	{"elsewhere", read_chance, offsetof(radloc_rules, selection.elsewhere), 1},
	{"cervical_myelopathy", rl_read_fraction_field,
	 offsetof(radloc_rules, selection.cervical), 1},
	{"midline_unilateral", rl_read_fraction_field,
	 offsetof(radloc_rules, midline_unilateral), 1},
	{"other_diffuse", rl_read_fraction_field, offsetof(radloc_rules, selection.other_diffuse),
	 0},
	{"source", rl_read_text_field, offsetof(radloc_rules, examination_source), 1},
};

int rl_load_examination(rl_loader *L, const yt_node *key)
{
	if (L->r->has_examination) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA, "section 'examination' is defined twice");
		return 1;
	}
	L->r->has_examination = 1;
	return rl_read_mapping(L, key, examination_fields,
	                       RL_FIELD_COUNT(examination_fields), "examination", L->r);
}

/* scales: name -> factor, averaging 1 (dest: the rl_patterns). */
static int read_severity_scales(rl_loader *L, const yt_node *key,
                                const rl_field *field, const char *what,
                                void *dest)
{
	rl_patterns *P = dest;
	const yt_node *n = key->value;
	char buf[RL_PRINTABLE_SIZE], label[160];
	int bad = 0;

	(void)field, (void)what;
	if (!require_entries(L, n, "severity scales"))
		return 1;
	P->severity = rl_arena_alloc(L->r->arena, n->count * sizeof(double));
	P->severity_names = rl_arena_alloc(L->r->arena, n->count * sizeof(char *));
	if (P->severity == NULL || P->severity_names == NULL)
		return 1 + (rl_loader_nomem(L) != RADLOC_OK);
	double sum = 0.0;
	for (const yt_node *k = n->first; k; k = k->next) {
		snprintf(label, sizeof label, "severity scale '%s'",
		         rl_value_for_message(buf, k->text));
		double v;
		if (!rl_valid_id(k->text)) {
			yt_report(&L->d, k, RADLOC_ERR_VALUE, "severity '%s' must be letters, digits or '_'", buf);
			bad++;
			continue;
		}
		if (rl_read_number(L, k->value, 0.0, 10.0, label, &v)) {
			bad++;
			continue;
		}
		P->severity_names[P->severity_count] = rl_arena_strdup(L->r->arena, k->text);
		if (P->severity_names[P->severity_count] == NULL)
			return bad + 1 + (rl_loader_nomem(L) != RADLOC_OK);
		P->severity[P->severity_count++] = v;
		sum += v;
	}
	/* Mean 1 keeps each finding's average sensitivity what the rules say. */
	if (!bad && fabs(sum / (double)P->severity_count - 1.0) > RADLOC_SUM_TOLERANCE) {
		char m[32];
		print_sum(m, sizeof m, sum / (double)P->severity_count);
		yt_report(&L->d, n, RADLOC_ERR_VALUE, "the severity scales average %s, not 1", m);
		bad++;
	}
	return bad;
}

static const rl_field severity_fields[] = {
	{"scales", read_severity_scales, 0, 1},
	{"source", rl_read_text_field, offsetof(rl_patterns, severity_source), 1},
};

int rl_load_severity(rl_loader *L, const yt_node *key)
{
	if (L->r->patterns.severity_count) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA, "section 'severity' is defined twice");
		return 1;
	}
	return rl_read_mapping(L, key, severity_fields, RL_FIELD_COUNT(severity_fields),
	                       "severity", &L->r->patterns);
}

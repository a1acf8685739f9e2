/* Results as JSON (the contract's section 3), through jansson so that
 * every string is escaped. Key order is the order of insertion, which
 * jansson keeps: pipelines and golden tests see stable bytes. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "result_impl.h"
#include "vocabulary.h"

/* Builds keep going after a failed allocation and report it at the end:
 * one check instead of one per call. */
typedef struct builder {
	int failed;
} builder;

static json_t *track(builder *b, json_t *v)
{
	if (v == NULL)
		b->failed = 1;
	return v;
}

static void set(builder *b, json_t *obj, const char *key, json_t *v)
{
	if (obj == NULL || v == NULL || json_object_set_new(obj, key, v) != 0) {
		b->failed = 1;
		json_decref(v);
	}
}

static void append(builder *b, json_t *arr, json_t *v)
{
	if (arr == NULL || v == NULL || json_array_append_new(arr, v) != 0) {
		b->failed = 1;
		json_decref(v);
	}
}

static json_t *text(builder *b, const char *s)
{
	return s ? track(b, json_string(s)) : track(b, json_null());
}

/* Probabilities are shown to 4 decimals: enough for a ranking, and the
 * same bytes on every platform. */
static json_t *number(builder *b, double x)
{
	if (!isfinite(x))
		return track(b, json_null());
	return track(b, json_real(round(x * 1e4) / 1e4));
}

/* What names a hypothesis: label, kind, pattern and its own fields. */
static json_t *identity(builder *b, const radloc_hypothesis *h)
{
	json_t *o = track(b, json_object());
	set(b, o, "label", text(b, h->label));
	set(b, o, "kind", text(b, radloc_hypothesis_kind_name(h->kind)));
	set(b, o, "pattern", text(b, radloc_pattern_name(h->pattern)));
	if (h->root_count) {
		json_t *roots = track(b, json_array());
		for (size_t i = 0; i < h->root_count; i++)
			append(b, roots, text(b, h->roots[i]));
		set(b, o, "roots", roots);
	}
	if (h->nerve)
		set(b, o, "nerve", text(b, h->nerve));
	if (h->plexus)
		set(b, o, "plexus", text(b, h->plexus));
	if (h->side != RADLOC_MIDLINE)
		set(b, o, "side", text(b, radloc_side_name(h->side)));
	if (h->extent)
		set(b, o, "extent", text(b, h->extent));
	if (h->site)
		set(b, o, "site", text(b, h->site));
	if (h->level) {
		set(b, o, "level", text(b, h->level));
		set(b, o, "level_probability", number(b, h->level_probability));
	}
	if (h->form)
		set(b, o, "form", text(b, h->form));
	return o;
}

static json_t *hypothesis(builder *b, const radloc_hypothesis *h)
{
	json_t *o = identity(b, h);
	/* Two lesions: each part as a hypothesis of its own, with its prior
	 * (the pair's probability is theirs together). */
	if (h->part_count) {
		json_t *parts = track(b, json_array());
		for (size_t i = 0; i < h->part_count; i++) {
			json_t *part = identity(b, h->parts[i]);
			set(b, part, "prior", number(b, h->parts[i]->prior));
			append(b, parts, part);
		}
		set(b, o, "parts", parts);
	}
	set(b, o, "prior", number(b, h->prior));
	set(b, o, "probability", number(b, h->probability));
	json_t *interval = track(b, json_array());
	append(b, interval, number(b, h->lower));
	append(b, interval, number(b, h->upper));
	set(b, o, "interval", interval);
	return o;
}

static radloc_status dump(json_t *root, builder *b, int indent, char **out)
{
	if (b->failed) {
		json_decref(root);
		return RADLOC_ERR_NOMEM;
	}
	size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6) |
	               (indent > 0 ? JSON_INDENT(indent) : JSON_COMPACT);
	*out = json_dumps(root, flags);
	json_decref(root);
	return *out ? RADLOC_OK : RADLOC_ERR_NOMEM;
}

radloc_status radloc_result_json(const radloc_result *r, int indent, char **out)
{
	builder b = {0};
	radloc_hypothesis h;

	if (r == NULL || out == NULL || indent < 0 || indent > 31)
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	json_t *root = track(&b, json_object());
	set(&b, root, "id", text(&b, r->id));
	set(&b, root, "pattern", text(&b, radloc_pattern_name(r->pattern)));
	json_t *flags = track(&b, json_array());
	for (unsigned bit = 1; bit < (1u << RADLOC_FLAG_COUNT); bit <<= 1)
		if (r->flags & bit)
			append(&b, flags, text(&b, radloc_flag_name(bit)));
	set(&b, root, "flags", flags);
	json_t *ranking = track(&b, json_array());
	for (size_t i = 0; i < r->reported; i++) {
		radloc_result_hypothesis(r, i, &h);
		append(&b, ranking, hypothesis(&b, &h));
	}
	set(&b, root, "ranking", ranking);
	if (r->reported < r->hyp_count)
		set(&b, root, "other_probability", number(&b, r->other));
	json_t *evidence = track(&b, json_array());
	for (size_t i = 0; i < r->evidence_count; i++) {
		const radloc_evidence *e = &r->evidence[i];
		json_t *o = track(&b, json_object());
		set(&b, o, "finding", text(&b, e->finding));
		set(&b, o, "supports", text(&b, e->supports));
		set(&b, o, "against", text(&b, e->against));
		set(&b, o, "log_lr", number(&b, e->log_lr));
		append(&b, evidence, o);
	}
	set(&b, root, "evidence", evidence);
	if (r->has_next) {
		json_t *o = track(&b, json_object());
		set(&b, o, "finding", text(&b, r->next.finding));
		set(&b, o, "kind", text(&b, radloc_kind_name(r->next.kind)));
		set(&b, o, "id", text(&b, r->next.id));
		if (r->next.side != RADLOC_MIDLINE)
			set(&b, o, "side", text(&b, radloc_side_name(r->next.side)));
		set(&b, o, "information_gain_bits", number(&b, r->next.information_gain));
		json_t *sep = track(&b, json_array());
		append(&b, sep, text(&b, r->next.separates[0]));
		append(&b, sep, text(&b, r->next.separates[1]));
		set(&b, o, "separates", sep);
		set(&b, root, "next_test", o);
	} else {
		set(&b, root, "next_test", track(&b, json_null()));
	}
	json_t *warnings = track(&b, json_array());
	for (size_t i = 0; i < r->warning_count; i++)
		append(&b, warnings, text(&b, r->warnings[i]));
	set(&b, root, "warnings", warnings);
	set(&b, root, "surprise_z", number(&b, r->surprise));
	set(&b, root, "interval_mass", number(&b, r->mass));
	set(&b, root, "draws", track(&b, json_integer((json_int_t)r->draws)));
	json_t *rules = track(&b, json_object());
	set(&b, rules, "version", r->rules_version ? text(&b, r->rules_version)
	                                           : track(&b, json_null()));
	set(&b, rules, "sha256", text(&b, r->rules_sha256));
	set(&b, root, "rules", rules);
	return dump(root, &b, indent, out);
}

/* A grade written as digits goes out as a number, anything else ("2+",
 * "4-", "NT") as text, as it was written. */
static json_t *grade_value(builder *b, const char *v)
{
	char *end;
	long g = strtol(v, &end, 10);
	if (*v && *end == '\0')
		return track(b, json_integer(g));
	return text(b, v);
}

radloc_status radloc_exam_json(const radloc_exam *exam, int indent, char **out)
{
	static const char *const id_keys[] = {"region", "movement", "reflex", "sign", "region"};
	static const char *const value_keys[] = {"status", "grade", "grade", "result", NULL};
	builder b = {0};

	if (exam == NULL || out == NULL || indent < 0 || indent > 31)
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	json_t *root = track(&b, json_object());
	if (radloc_exam_id(exam))
		set(&b, root, "id", text(&b, radloc_exam_id(exam)));
	if (radloc_exam_ninds(exam))
		set(&b, root, "reflex_scale", text(&b, "ninds"));
	for (int k = 0; k < RL_EXAM_SECTION_COUNT; k++) {
		json_t *list = NULL;
		for (size_t i = 0; i < radloc_exam_finding_count(exam); i++) {
			radloc_finding f;
			radloc_exam_finding(exam, i, &f);
			int section = f.pain ? 4 : f.kind == RADLOC_REGION ? 0 : f.kind == RADLOC_MOVEMENT
			              ? 1 : f.kind == RADLOC_REFLEX ? 2 : 3;
			if (section != k)
				continue;
			if (list == NULL)
				list = track(&b, json_array());
			json_t *o = track(&b, json_object());
			set(&b, o, id_keys[k], text(&b, f.id));
			if (f.side != RADLOC_MIDLINE)
				set(&b, o, "side", text(&b, radloc_side_name(f.side)));
			if (k == 0) {
				/* The engine's own word: the label's last one. */
				const char *word = strrchr(f.label, ' ');
				set(&b, o, "status", text(&b, word ? word + 1 : f.value));
				if (f.modality)
					set(&b, o, "modality", text(&b, f.modality));
			} else if (value_keys[k]) {
				set(&b, o, value_keys[k], k == 3 ? text(&b, f.value) : grade_value(&b, f.value));
			}
			append(&b, list, o);
		}
		if (list)
			set(&b, root, rl_exam_section_names[k], list);
	}
	return dump(root, &b, indent, out);
}

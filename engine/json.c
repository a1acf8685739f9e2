/* Results and exams as JSON (the contract's section 3), streamed through
 * the writer of json_write.c (yajl's generator) so that every string is
 * escaped. Keys are written in a fixed order: pipelines and golden tests
 * see stable bytes. */
#include <stdlib.h>
#include <string.h>

#include "json_write.h"
#include "result_impl.h"
#include "vocabulary.h"

static void text_field(rl_jw *w, const char *key, const char *s)
{
	rl_jw_key(w, key);
	rl_jw_text(w, s);
}

/* Probabilities are shown to 4 decimals: enough for a ranking, and the
 * same bytes on every platform. */
static void number_field(rl_jw *w, const char *key, double x)
{
	rl_jw_key(w, key);
	rl_jw_number4(w, x);
}

/* What names a hypothesis: label, kind, pattern and its own fields (the
 * object is left open for the caller's). */
static void identity(rl_jw *w, const radloc_hypothesis *h)
{
	rl_jw_object(w);
	text_field(w, "label", h->label);
	text_field(w, "kind", radloc_hypothesis_kind_name(h->kind));
	text_field(w, "pattern", radloc_pattern_name(h->pattern));
	if (h->root_count) {
		rl_jw_key(w, "roots");
		rl_jw_array(w);
		for (size_t i = 0; i < h->root_count; i++)
			rl_jw_text(w, h->roots[i]);
		rl_jw_array_end(w);
	}
	if (h->nerve)
		text_field(w, "nerve", h->nerve);
	if (h->plexus)
		text_field(w, "plexus", h->plexus);
	if (h->side != RADLOC_MIDLINE)
		text_field(w, "side", radloc_side_name(h->side));
	if (h->extent)
		text_field(w, "extent", h->extent);
	if (h->site)
		text_field(w, "site", h->site);
	if (h->level) {
		text_field(w, "level", h->level);
		number_field(w, "level_probability", h->level_probability);
	}
	if (h->form)
		text_field(w, "form", h->form);
}

static void hypothesis(rl_jw *w, const radloc_hypothesis *h)
{
	identity(w, h);
	/* Two lesions: each part as a hypothesis of its own, with its prior
	 * (the pair's probability is theirs together). */
	if (h->part_count) {
		rl_jw_key(w, "parts");
		rl_jw_array(w);
		for (size_t i = 0; i < h->part_count; i++) {
			identity(w, h->parts[i]);
			number_field(w, "prior", h->parts[i]->prior);
			rl_jw_object_end(w);
		}
		rl_jw_array_end(w);
	}
	number_field(w, "prior", h->prior);
	number_field(w, "probability", h->probability);
	rl_jw_key(w, "interval");
	rl_jw_array(w);
	rl_jw_number4(w, h->lower);
	rl_jw_number4(w, h->upper);
	rl_jw_array_end(w);
	rl_jw_object_end(w);
}

radloc_status radloc_result_json(const radloc_result *r, int indent, char **out)
{
	radloc_hypothesis h;

	if (r == NULL || out == NULL || indent < 0 || indent > 31)
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	rl_jw *w = rl_jw_new(indent);
	if (w == NULL)
		return RADLOC_ERR_NOMEM;
	rl_jw_object(w);
	text_field(w, "id", r->id);
	text_field(w, "pattern", radloc_pattern_name(r->pattern));
	rl_jw_key(w, "flags");
	rl_jw_array(w);
	for (unsigned bit = 1; bit < (1u << RADLOC_FLAG_COUNT); bit <<= 1)
		if (r->flags & bit)
			rl_jw_text(w, radloc_flag_name(bit));
	rl_jw_array_end(w);
	rl_jw_key(w, "ranking");
	rl_jw_array(w);
	for (size_t i = 0; i < r->reported; i++) {
		radloc_result_hypothesis(r, i, &h);
		hypothesis(w, &h);
	}
	rl_jw_array_end(w);
	if (r->reported < r->hyp_count)
		number_field(w, "other_probability", r->other);
	rl_jw_key(w, "evidence");
	rl_jw_array(w);
	for (size_t i = 0; i < r->evidence_count; i++) {
		const radloc_evidence *e = &r->evidence[i];
		rl_jw_object(w);
		text_field(w, "finding", e->finding);
		text_field(w, "supports", e->supports);
		text_field(w, "against", e->against);
		number_field(w, "log_lr", e->log_lr);
		rl_jw_object_end(w);
	}
	rl_jw_array_end(w);
	rl_jw_key(w, "next_test");
	if (r->has_next) {
		rl_jw_object(w);
		text_field(w, "finding", r->next.finding);
		text_field(w, "kind", radloc_kind_name(r->next.kind));
		text_field(w, "id", r->next.id);
		if (r->next.side != RADLOC_MIDLINE)
			text_field(w, "side", radloc_side_name(r->next.side));
		number_field(w, "information_gain_bits", r->next.information_gain);
		rl_jw_key(w, "separates");
		rl_jw_array(w);
		rl_jw_text(w, r->next.separates[0]);
		rl_jw_text(w, r->next.separates[1]);
		rl_jw_array_end(w);
		rl_jw_object_end(w);
	} else {
		rl_jw_null(w);
	}
	rl_jw_key(w, "warnings");
	rl_jw_array(w);
	for (size_t i = 0; i < r->warning_count; i++)
		rl_jw_text(w, r->warnings[i]);
	rl_jw_array_end(w);
	number_field(w, "surprise_z", r->surprise);
	number_field(w, "interval_mass", r->mass);
	rl_jw_key(w, "draws");
	rl_jw_integer(w, (long long)r->draws);
	rl_jw_key(w, "rules");
	rl_jw_object(w);
	text_field(w, "version", r->rules_version);
	text_field(w, "sha256", r->rules_sha256);
	rl_jw_object_end(w);
	rl_jw_object_end(w);
	return rl_jw_finish(w, out);
}

/* A grade written as digits goes out as a number, anything else ("2+",
 * "4-", "NT") as text, as it was written. */
static void grade_value(rl_jw *w, const char *v)
{
	char *end;
	long g = strtol(v, &end, 10);
	if (*v && *end == '\0')
		rl_jw_integer(w, g);
	else
		rl_jw_text(w, v);
}

radloc_status radloc_exam_json(const radloc_exam *exam, int indent, char **out)
{
	static const char *const id_keys[] = {"region", "movement", "reflex", "sign", "region"};
	static const char *const value_keys[] = {"status", "grade", "grade", "result", NULL};

	if (exam == NULL || out == NULL || indent < 0 || indent > 31)
		return RADLOC_ERR_ARGUMENT;
	*out = NULL;
	rl_jw *w = rl_jw_new(indent);
	if (w == NULL)
		return RADLOC_ERR_NOMEM;
	rl_jw_object(w);
	if (radloc_exam_id(exam))
		text_field(w, "id", radloc_exam_id(exam));
	if (radloc_exam_ninds(exam))
		text_field(w, "reflex_scale", "ninds");
	for (int k = 0; k < RL_EXAM_SECTION_COUNT; k++) {
		int open = 0;
		for (size_t i = 0; i < radloc_exam_finding_count(exam); i++) {
			radloc_finding f;
			radloc_exam_finding(exam, i, &f);
			int section = f.pain ? 4 : f.kind == RADLOC_REGION ? 0 : f.kind == RADLOC_MOVEMENT
			              ? 1 : f.kind == RADLOC_REFLEX ? 2 : 3;
			if (section != k)
				continue;
			if (!open) {
				rl_jw_key(w, rl_exam_section_names[k]);
				rl_jw_array(w);
				open = 1;
			}
			rl_jw_object(w);
			text_field(w, id_keys[k], f.id);
			if (f.side != RADLOC_MIDLINE)
				text_field(w, "side", radloc_side_name(f.side));
			if (k == 0) {
				/* The engine's own word: the label's last one. */
				const char *word = strrchr(f.label, ' ');
				text_field(w, "status", word ? word + 1 : f.value);
				if (f.modality)
					text_field(w, "modality", f.modality);
			} else if (value_keys[k]) {
				rl_jw_key(w, value_keys[k]);
				if (k == 3)
					rl_jw_text(w, f.value);
				else
					grade_value(w, f.value);
			}
			rl_jw_object_end(w);
		}
		if (open)
			rl_jw_array_end(w);
	}
	rl_jw_object_end(w);
	return rl_jw_finish(w, out);
}

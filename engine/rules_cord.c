/* Pass 2 for the myelopathy's levels and forms (`cord:`, rules/cord.yaml;
 * docs/rules.md and docs/scoring.md, "Myelopathy: level and form"): one
 * field table; the levels and forms as mappings of weights, the signs
 * that name a range of levels as "C5-C6". A segment is named as the
 * roots' levels count it: C1 = 1 ... C8 = 8, T1 = 9 ... T12 = 20,
 * L1 = 21 ... L5 = 25. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_loader.h"

static const char *const form_names[RL_CORD_FORMS] = {"transverse", "hemicord", "central"};

const char *rl_cord_form_name(int form)
{
	return form >= 0 && form < RL_CORD_FORMS ? form_names[form] : NULL;
}

/* "C5" -> 5, "T10" -> 18, "L2" -> 22; 0 when it names no cervical,
 * thoracic or lumbar segment. The lumbar segments lie in the cord at
 * vertebral T10-L1 (the epiconus L4-S1 above the conus); which of them
 * the myelopathy takes is the rules' choice (cord.yaml `levels`). The
 * sacral segments are the conus, the cauda equina's (patterns.yaml). */
int rl_segment_number(const char *s)
{
	char *end;
	if (s == NULL || (s[0] != 'C' && s[0] != 'T' && s[0] != 'L') || s[1] < '1' || s[1] > '9')
		return 0;
	long n = strtol(s + 1, &end, 10);
	if (*end != '\0')
		return 0;
	if (s[0] == 'C')
		return n >= 1 && n <= 8 ? (int)n : 0;
	if (s[0] == 'L')
		return n >= 1 && n <= 5 ? (int)n + 20 : 0;
	return n >= 1 && n <= 12 ? (int)n + 8 : 0;
}

const char *rl_segment_name(int level)
{
	static const char *const names[] = {
		"C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "T1", "T2", "T3",
		"T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
		"L1", "L2", "L3", "L4", "L5"};
	return level >= 1 && level <= 25 ? names[level - 1] : NULL;
}

static int read_levels(rl_loader *L, const yt_node *key, const rl_field *field,
                       const char *what, void *dest)
{
	rl_cord *c = dest;
	const yt_node *map = key->value;
	int bad = 0;
	(void)field;
	(void)what;
	if (!rl_require_mapping(L, map, "cord levels"))
		return 1;
	for (const yt_node *k = map->first; k; k = k->next) {
		int level = rl_segment_number(k->text);
		if (level == 0) {
			yt_report(&L->d, k, RADLOC_ERR_VALUE,
			   "cord level '%s' is not a segment C1-C8, T1-T12 or L1-L5", k->text);
			bad++;
			continue;
		}
		if (c->level_count == RL_CORD_MAX_LEVELS) {
			yt_report(&L->d, k, RADLOC_ERR_LIMIT, "more than %d cord levels",
			   RL_CORD_MAX_LEVELS);
			return bad + 1;
		}
		for (size_t i = 0; i < c->level_count; i++)
			if (c->level[i] == level) {
				yt_report(&L->d, k, RADLOC_ERR_SCHEMA, "cord level '%s' is given twice",
				   k->text);
				return bad + 1;
			}
		double w;
		if (rl_read_number(L, k->value, 0.0, 1.0, "cord level weight", &w) != 0) {
			bad++;
			continue;
		}
		c->level[c->level_count] = level;
		c->level_weight[c->level_count++] = w;
	}
	return bad;
}

static int read_forms(rl_loader *L, const yt_node *key, const rl_field *field,
                      const char *what, void *dest)
{
	rl_cord *c = dest;
	const yt_node *map = key->value;
	int bad = 0;
	(void)field;
	(void)what;
	if (!rl_require_mapping(L, map, "cord forms"))
		return 1;
	for (const yt_node *k = map->first; k; k = k->next) {
		int form = rl_name_index(L, k, form_names, RL_CORD_FORMS, "cord form");
		if (form < 0 || rl_read_number(L, k->value, 0.0, 1.0, "cord form weight",
		                               &c->form_weight[form]) != 0)
			bad++;
	}
	return bad;
}

/* signs: {hoffmann: C3-C7, ...}: the levels at which a myelopathy makes
 * the sign (the rest: none), for signs whose level matters. */
static int read_sign_levels(rl_loader *L, const yt_node *key, const rl_field *field,
                            const char *what, void *dest)
{
	rl_cord *c = dest;
	const radloc_rules *r = L->r;
	const yt_node *map = key->value;
	int bad = 0;
	(void)field;
	(void)what;
	if (!rl_require_mapping(L, map, "cord signs"))
		return 1;
	c->sign_from = rl_arena_alloc(L->r->arena, (r->sign_count + 1) * sizeof(int));
	c->sign_to = rl_arena_alloc(L->r->arena, (r->sign_count + 1) * sizeof(int));
	if (!c->sign_from || !c->sign_to)
		return 1 + (rl_loader_nomem(L) != RADLOC_OK);
	memset(c->sign_from, 0, (r->sign_count + 1) * sizeof(int));
	memset(c->sign_to, 0, (r->sign_count + 1) * sizeof(int));
	for (const yt_node *k = map->first; k; k = k->next) {
		long s = rl_rules_index(r, RADLOC_SIGN, k->text);
		char from[8] = "", to[8] = "";
		if (s < 0) {
			rl_report_unknown_id(L, k, RADLOC_SIGN, "cord signs");
			bad++;
			continue;
		}
		const char *v = k->value->type == YT_SCALAR ? k->value->text : "";
		const char *dash = strchr(v, '-');
		if (dash && dash - v < 8 && strlen(dash + 1) < 8) {
			memcpy(from, v, (size_t)(dash - v));
			strcpy(to, dash + 1);
		}
		int a = rl_segment_number(from), b = rl_segment_number(to);
		if (a == 0 || b == 0 || a > b) {
			yt_report(&L->d, k->value, RADLOC_ERR_VALUE,
			   "cord sign '%s': give its levels as FROM-TO, e.g. C5-C6", k->text);
			bad++;
			continue;
		}
		c->sign_from[s] = a;
		c->sign_to[s] = b;
	}
	return bad;
}

static const rl_field cord_fields[] = {
	{"levels", read_levels, 0, 1},
	{"forms", read_forms, 0, 1},
	{"central_leg", rl_read_fraction_field, offsetof(rl_cord, central_leg), 1},
	{"hemicord_sensitivity", rl_read_fraction_field,
	 offsetof(rl_cord, hemicord_sensitivity), 1},
	{"central_span", rl_read_positive_field, offsetof(rl_cord, central_span), 1},
	{"cape_sensitivity", rl_read_fraction_field, offsetof(rl_cord, cape_sensitivity), 1},
	{"crossed_offset", rl_read_positive_field, offsetof(rl_cord, crossed_offset), 1},
	{"complete", rl_read_fraction_field, offsetof(rl_cord, complete), 0},
	{"complete_sensitivity", rl_read_fraction_field,
	 offsetof(rl_cord, complete_sensitivity), 0},
	{"signs", read_sign_levels, 0, 0},
	{"source", rl_read_text_field, offsetof(rl_cord, source), 1},
};

int rl_load_cord(rl_loader *L, const yt_node *key)
{
	rl_cord *c = &L->r->cord;
	if (c->present) {
		yt_report(&L->d, key, RADLOC_ERR_SCHEMA, "section 'cord' is defined twice");
		return 1;
	}
	int bad = rl_read_mapping(L, key, cord_fields, RL_FIELD_COUNT(cord_fields), "cord", c);
	double levels = 0.0, forms = 0.0;
	for (size_t i = 0; i < c->level_count; i++)
		levels += c->level_weight[i];
	for (int f = 0; f < RL_CORD_FORMS; f++)
		forms += c->form_weight[f];
	if (!bad && (levels <= 0.0 || forms <= 0.0)) {
		yt_report(&L->d, key, RADLOC_ERR_VALUE, "cord: the level and form weights "
		          "must not all be 0");
		bad++;
	}
	/* The weights are shares: normalised here, as the roots' priors are. */
	for (size_t i = 0; !bad && i < c->level_count; i++)
		c->level_weight[i] /= levels;
	for (int f = 0; !bad && f < RL_CORD_FORMS; f++)
		c->form_weight[f] /= forms;
	c->present = bad == 0;
	return bad;
}

/* Reading a rule file's values: numbers, text, limbs, id -> weight maps,
 * and whole mappings through field tables (the same table checks an
 * entry's keys and reads its values, as netplan's parser does). */
#include <stdio.h>
#include <string.h>

#include "rules_loader.h"
#include "textutil.h"
#include "vocabulary.h"

radloc_status rl_loader_nomem(rl_loader *L)
{
	return rl_report(&L->d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
}

int rl_require_mapping(rl_loader *L, const yt_node *n, const char *what)
{
	char buf[RL_PRINTABLE_SIZE];
	if (n->type == YT_MAPPING)
		return 1;
	/* Show the value: "format radloc-rules/1" is a forgotten colon. */
	if (n->type == YT_SCALAR && n->length > 0)
		yt_report(&L->d, n, RADLOC_ERR_SCHEMA, "%s must be a mapping, not the value '%s'",
		   what, rl_value_for_message(buf, n->text));
	else
		yt_report(&L->d, n, RADLOC_ERR_SCHEMA, "%s must be a mapping, not %s", what,
		   yt_type_name(n));
	return 0;
}

int rl_name_index(rl_loader *L, const yt_node *k, const char *const *names, size_t count,
                  const char *what)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(k->text, names[i]) == 0)
			return (int)i;
	yt_report_unknown(&L->d, k, RADLOC_ERR_SCHEMA, what, NULL, names, count);
	return -1;
}

const yt_node *rl_key_node(const yt_node *map, const char *key)
{
	if (map == NULL || map->type != YT_MAPPING)
		return NULL;
	for (const yt_node *k = map->first; k; k = k->next)
		if (strcmp(k->text, key) == 0)
			return k;
	return NULL;
}

int rl_read_number(rl_loader *L, const yt_node *n, double min, double max,
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
		   rl_value_for_message(buf, n->text));
		return -1;
	}
	if (v < min || v > max) {
		snprintf(range, sizeof range, "[%g, %g]", min, max);
		yt_report(&L->d, n, RADLOC_ERR_VALUE, "%s is %s, outside %s", what,
		   rl_value_for_message(buf, n->text), range);
		return -1;
	}
	*out = v;
	return 0;
}

int rl_read_positive(rl_loader *L, const yt_node *n, const char *what,
                     double *out)
{
	char buf[RL_PRINTABLE_SIZE];
	if (rl_read_number(L, n, 0.0, 1e6, what, out) != 0)
		return -1;
	if (*out <= 0.0) {
		yt_report(&L->d, n, RADLOC_ERR_VALUE, "%s must be greater than 0, not %s", what,
		   rl_value_for_message(buf, n->text));
		return -1;
	}
	return 0;
}

int rl_read_text(rl_loader *L, const yt_node *n, const char *what,
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
		rl_loader_nomem(L);
		return -1;
	}
	return 0;
}

int rl_read_text_field(rl_loader *L, const yt_node *key, const rl_field *field,
                       const char *what, void *dest)
{
	(void)what;
	return rl_read_text(L, key->value, field->key, dest) != 0;
}

int rl_read_fraction_field(rl_loader *L, const yt_node *key,
                           const rl_field *field, const char *what, void *dest)
{
	(void)what;
	return rl_read_number(L, key->value, 0.0, 1.0, field->key, dest) != 0;
}

int rl_read_positive_field(rl_loader *L, const yt_node *key,
                           const rl_field *field, const char *what, void *dest)
{
	(void)what;
	return rl_read_positive(L, key->value, field->key, dest) != 0;
}

int rl_read_limb_field(rl_loader *L, const yt_node *key, const rl_field *field,
                       const char *what, void *dest)
{
	const yt_node *n = key->value;
	char buf[RL_PRINTABLE_SIZE];

	(void)field;
	if (n->type == YT_SCALAR) {
		for (int i = 0; i < RL_LIMB_COUNT; i++) {
			if (strcmp(n->text, rl_limb_names[i]) == 0) {
				*(int *)dest = i;
				return 0;
			}
		}
	}
	yt_report(&L->d, n, RADLOC_ERR_VALUE, "%s: limb '%s' is not one of arm, leg, midline",
	   what, n->type == YT_SCALAR ? rl_value_for_message(buf, n->text) : yt_type_name(n));
	return 1;
}

int rl_check_keys(rl_loader *L, const yt_node *map, const yt_node *where,
                  const rl_field *fields, size_t count, const char *what)
{
	const char *names[RADLOC_MAX_ENTRY_KEYS] = {0};
	size_t named = count < RADLOC_MAX_ENTRY_KEYS ? count : RADLOC_MAX_ENTRY_KEYS;

	for (size_t i = 0; i < named; i++)
		names[i] = fields[i].key;
	int bad = (int)yt_report_unknown_keys(&L->d, map, names, named, what);
	for (size_t i = 0; i < count; i++) {
		if (fields[i].required && yt_get(map, fields[i].key) == NULL) {
			yt_report(&L->d, where, RADLOC_ERR_SCHEMA, "%s has no '%s'", what,
			   fields[i].key);
			bad++;
		}
	}
	return bad;
}

int rl_read_mapping(rl_loader *L, const yt_node *key, const rl_field *fields,
                    size_t count, const char *what, void *entry)
{
	const yt_node *map = key->value;
	int bad;

	if (!rl_require_mapping(L, map, what))
		return 1;
	bad = rl_check_keys(L, map, key, fields, count, what);
	for (size_t i = 0; i < count; i++) {
		const yt_node *k = rl_key_node(map, fields[i].key);
		if (k && fields[i].read)
			bad += fields[i].read(L, k, &fields[i], what,
			                      (char *)entry + fields[i].offset);
	}
	return bad;
}

void rl_report_unknown_id(rl_loader *L, const yt_node *n, radloc_kind kind,
                          const char *what)
{
	yt_report_unknown(&L->d, n, RADLOC_ERR_REFERENCE, radloc_kind_name(kind), what,
	                  L->r->ids[kind], L->counts[kind]);
}

int rl_read_shares(rl_loader *L, const yt_node *map, radloc_kind kind,
                   const char *what, rl_share **out, size_t *count)
{
	char label[RADLOC_MAX_MESSAGE_BYTES];
	int bad = 0;

	*out = NULL;
	*count = 0;
	if (!rl_require_mapping(L, map, what))
		return -1;
	if (map->count > RADLOC_MAX_SUPPLY) {
		yt_report(&L->d, map, RADLOC_ERR_LIMIT, "%s names more than 32 entries", what);
		return -1;
	}
	*out = rl_arena_alloc(L->r->arena, (map->count + 1) * sizeof **out);
	if (*out == NULL) {
		rl_loader_nomem(L);
		return -1;
	}
	for (const yt_node *k = map->first; k; k = k->next) {
		long idx = rl_rules_index(L->r, kind, k->text);
		if (idx < 0) {
			rl_report_unknown_id(L, k, kind, what);
			bad++;
			continue;
		}
		snprintf(label, sizeof label, "weight of %s in %s", k->text, what);
		double w;
		if (rl_read_number(L, k->value, 0.0, 1.0, label, &w) != 0) {
			bad++;
			continue;
		}
		(*out)[*count].index = (int)idx;
		(*out)[*count].weight = w;
		(*count)++;
	}
	return bad ? -1 : 0;
}

int rl_valid_id(const char *s)
{
	size_t n = 0;
	for (; *s; s++, n++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	}
	return n > 0 && n <= RADLOC_MAX_ID_BYTES;
}

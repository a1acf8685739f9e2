/* The `coding:` section (docs/rules.md "Coding", docs/fhir.md): for an
 * exam element (region, movement, reflex, sign) the codes of standard
 * terminologies that name it, each with the page it was verified on.
 * `radloc fhir` writes them beside radloc's own coding. The section is
 * data, not derived: a code is a fact about a terminology, and one that
 * was not verified is left out rather than guessed (an element without a
 * row stays on radloc's documented code systems).
 *
 *   coding:
 *     regions:
 *       dorsum_foot:
 *         - {system: "http://snomed.info/sct", code: "56459004",
 *            display: "Foot", match: wider, source: "https://..."}
 *
 * `match` says how the code relates to the element, as FHIR ConceptMap's
 * equivalence does: `exact` (same meaning; a reader may take the code
 * alone back to the id) or `wider` (the code names more than the element,
 * e.g. the foot for the dorsum of the foot; only radloc's coding says
 * which part, so a reader needs it). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_loader.h"

static const char *const match_names[] = {"exact", "wider"};

static int read_match_field(rl_loader *L, const yt_node *key, const rl_field *field,
                            const char *what, void *dest)
{
	(void)field;
	const char *s = key->value->type == YT_SCALAR ? key->value->text : NULL;
	for (size_t m = 0; s && m < sizeof match_names / sizeof *match_names; m++)
		if (strcmp(s, match_names[m]) == 0) {
			*(const char **)dest = match_names[m];
			return 0;
		}
	yt_report(&L->d, key->value, RADLOC_ERR_SCHEMA,
	          "match of %s must be 'exact' (the code means the element) or 'wider' "
	          "(the code names more)%s%s%s", what, s ? ", not '" : "", s ? s : "",
	          s ? "'" : "");
	return 1;
}

/* A system is an absolute URI (RFC 3986 scheme, then ':' and more, no
 * spaces): FHIR's Coding.system is a uri, and a bare word would let a
 * typo pass as a code system. */
static int valid_uri(const char *s)
{
	size_t i = 0;
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	while (s[i] && s[i] != ':') {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
			return 0;
		i++;
	}
	if (s[i] != ':' || s[i + 1] == '\0')
		return 0;
	for (; s[i]; i++)
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')
			return 0;
	return 1;
}

static int read_uri_field(rl_loader *L, const yt_node *key, const rl_field *field,
                          const char *what, void *dest)
{
	if (rl_read_text_field(L, key, field, what, dest))
		return 1;
	const char *s = *(const char **)dest;
	if (!valid_uri(s)) {
		yt_report(&L->d, key->value, RADLOC_ERR_SCHEMA,
		          "%s of %s must be an absolute URI (like http://snomed.info/sct), "
		          "not '%s'", field->key, what, s);
		return 1;
	}
	return 0;
}

static const rl_field coding_fields[] = {
	{"system", read_uri_field, offsetof(radloc_coding, system), 1},
	{"code", rl_read_text_field, offsetof(radloc_coding, code), 1},
	{"display", rl_read_text_field, offsetof(radloc_coding, display), 1},
	{"match", read_match_field, offsetof(radloc_coding, match), 1},
	{"source", read_uri_field, offsetof(radloc_coding, source), 1},
};

/* The codes of one element: a sequence of codings, appended to the rule
 * set's table. */
static int read_element(rl_loader *L, const yt_node *k, radloc_kind kind, long index)
{
	char label[160];
	int bad = 0;

	snprintf(label, sizeof label, "the coding of %s '%s'", radloc_kind_name(kind), k->text);
	if (k->value->type != YT_SEQUENCE || k->value->count == 0) {
		yt_report(&L->d, k, RADLOC_ERR_SCHEMA,
		          "%s must be a list of codings ({system, code, display, match, source})",
		          label);
		return 1;
	}
	radloc_rules *r = L->r;
	for (const yt_node *item = k->value->first; item; item = item->next) {
		if (!rl_require_mapping(L, item, label)) {
			bad++;
			continue;
		}
		rl_element_coding *grown = realloc(r->codings, (r->coding_count + 1) * sizeof *grown);
		if (grown == NULL)
			return bad + (rl_loader_nomem(L) != RADLOC_OK);
		r->codings = grown;
		rl_element_coding *c = &r->codings[r->coding_count];
		memset(c, 0, sizeof *c);
		c->kind = kind;
		c->index = (size_t)index;
		/* rl_read_mapping names missing keys at its key node: the item
		 * stands in for it (a sequence item has no key). */
		int item_bad = rl_check_keys(L, item, item, coding_fields,
		                             RL_FIELD_COUNT(coding_fields), label);
		for (size_t f = 0; f < RL_FIELD_COUNT(coding_fields); f++) {
			const yt_node *fk = rl_key_node(item, coding_fields[f].key);
			if (fk)
				item_bad += coding_fields[f].read(L, fk, &coding_fields[f], label,
				                                  (char *)&c->coding + coding_fields[f].offset);
		}
		if (item_bad == 0)
			r->coding_count++;
		bad += item_bad;
	}
	return bad;
}

int rl_load_coding(rl_loader *L, const yt_node *key)
{
	static const radloc_kind kinds[] = {RADLOC_REGION, RADLOC_MOVEMENT, RADLOC_REFLEX,
	                                    RADLOC_SIGN};
	static const char *const groups[] = {"regions", "movements", "reflexes", "signs"};
	int bad = 0;

	if (!rl_require_mapping(L, key->value, "coding"))
		return 1;
	for (const yt_node *g = key->value->first; g; g = g->next) {
		int gi = rl_name_index(L, g, groups, 4, "group in coding");
		if (gi < 0) {
			bad++;
			continue;
		}
		radloc_kind kind = kinds[gi];
		if (!rl_require_mapping(L, g->value, groups[gi])) {
			bad++;
			continue;
		}
		for (const yt_node *k = g->value->first; k; k = k->next) {
			long index = radloc_rules_find(L->r, kind, k->text);
			if (index < 0) {
				rl_report_unknown_id(L, k, kind, "coding");
				bad++;
				continue;
			}
			bad += read_element(L, k, kind, index);
		}
	}
	return bad;
}

int radloc_rules_code(const radloc_rules *rules, radloc_kind kind, const char *id,
                      size_t n, radloc_coding *out)
{
	if (rules == NULL || id == NULL || out == NULL)
		return 0;
	long index = radloc_rules_find(rules, kind, id);
	if (index < 0)
		return 0;
	for (size_t i = 0; i < rules->coding_count; i++) {
		const rl_element_coding *c = &rules->codings[i];
		if (c->kind == kind && c->index == (size_t)index && n-- == 0) {
			*out = c->coding;
			return 1;
		}
	}
	return 0;
}

/* The JSON fast path: a JSON object read by jansson into the same tree
 * the YAML reader builds, for the JSON Lines of a batch. It stays silent
 * and leaves whatever it cannot mirror exactly to the YAML reader, which
 * reports it (see yt_from_json in yamltree.h). */
#include "yamltree_impl.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "radloc_limits.h"

static yt_node *json_node(yt_doc *doc, json_t *v, int depth)
{
	if (depth > RADLOC_MAX_DEPTH || ++doc->nodes > RADLOC_MAX_NODES)
		return NULL;
	yt_node *n = rl_arena_alloc(doc->arena, sizeof *n);
	if (n == NULL)
		return NULL;
	switch (json_typeof(v)) {
	case JSON_STRING:
	case JSON_INTEGER: {
		char num[32];
		const char *text = num;
		size_t len;
		if (json_is_string(v)) {
			text = json_string_value(v);
			len = json_string_length(v);
			/* Quoted, as libyaml reads a JSON string. */
			n->plain = 0;
		} else {
			len = (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
			                       json_integer_value(v));
			n->plain = 1;
		}
		if (len > RADLOC_MAX_SCALAR_BYTES || memchr(text, '\0', len))
			return NULL;
		char *copy = rl_arena_alloc(doc->arena, len + 1);
		if (copy == NULL)
			return NULL;
		memcpy(copy, text, len);
		copy[len] = '\0';
		n->type = YT_SCALAR;
		n->text = copy;
		n->length = len;
		return n;
	}
	case JSON_ARRAY: {
		n->type = YT_SEQUENCE;
		yt_node *last = NULL;
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item) {
			yt_node *c = json_node(doc, item, depth + 1);
			if (c == NULL)
				return NULL;
			yt_append_child(n, &last, c);
		}
		return n;
	}
	case JSON_OBJECT: {
		n->type = YT_MAPPING;
		if (json_object_size(v) > RADLOC_MAX_IDS)
			return NULL;
		yt_node *last = NULL;
		const char *key;
		json_t *value;
		/* jansson keeps insertion order: the keys come as written. */
		json_object_foreach(v, key, value) {
			size_t len = strlen(key);
			if (len > RADLOC_MAX_SCALAR_BYTES || ++doc->nodes > RADLOC_MAX_NODES)
				return NULL;
			yt_node *k = rl_arena_alloc(doc->arena, sizeof *k);
			char *copy = rl_arena_alloc(doc->arena, len + 1);
			if (k == NULL || copy == NULL)
				return NULL;
			memcpy(copy, key, len + 1);
			k->type = YT_SCALAR;
			k->text = copy;
			k->length = len;
			if ((k->value = json_node(doc, value, depth + 1)) == NULL)
				return NULL;
			yt_append_child(n, &last, k);
		}
		return n;
	}
	default:
		/* Reals, true, false and null read differently through YAML: leave
		 * them to libyaml. */
		return NULL;
	}
}

radloc_status yt_from_json(const char *data, size_t size, yt_doc **out)
{
	json_error_t err;
	*out = NULL;
	if (size > (size_t)RADLOC_MAX_EXAM_BYTES)
		return RADLOC_ERR_LIMIT;
	json_t *root = json_loadb(data, size, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL)
		return RADLOC_ERR_SYNTAX;
	yt_doc *doc = yt_doc_new();
	if (doc == NULL) {
		json_decref(root);
		return RADLOC_ERR_NOMEM;
	}
	doc->root = json_is_object(root) ? json_node(doc, root, 1) : NULL;
	json_decref(root);
	if (doc->root == NULL) {
		yt_free(&doc);
		return RADLOC_ERR_SCHEMA;
	}
	*out = doc;
	return RADLOC_OK;
}

/* The id of an exam that could not be scored, read leniently.
 *
 * The document is walked through libyaml's events with the exam reader's
 * guards (engine/yamltree.c: one document, no anchors, aliases or tags,
 * scalar keys without duplicates, the size, depth, node, key and value
 * limits): which exams get their id echoed is part of the batch output,
 * and it must not depend on which program wrote the line. A document the
 * reader refuses is read again as lenient JSON, so that a JSON exam with
 * a duplicate key, say, is still named. Nothing here reports a problem:
 * the exam's own error line does. */
#include "exam_id.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "buffer.h"
#include "radloc_limits.h"

/* An open mapping or list. A mapping keeps its keys, NUL-separated, to
 * find a duplicate. */
typedef struct level {
	int mapping;
	int want_value;         /* mapping: a key was read, its value is next */
	char *keys;
	size_t used, cap, count;
} level;

typedef struct walk {
	level stack[RADLOC_MAX_DEPTH];
	int depth;
	size_t nodes;
	int have_root;
	int id_next;            /* the root mapping's key "id" was just read */
	char *buf;
	size_t bufsize;
	int found;
} walk;

/* Keep a mapping's key; 0 if it is new and within the limit, -1 if not. */
static int add_key(level *m, const char *key, size_t len)
{
	for (size_t at = 0; at < m->used; at += strlen(m->keys + at) + 1)
		if (strcmp(m->keys + at, key) == 0)
			return -1;
	if (m->count >= RADLOC_MAX_IDS)
		return -1;
	if (cli_reserve(&m->keys, &m->cap, m->used + len + 1, 256) != 0)
		return -1;
	memcpy(m->keys + m->used, key, len + 1);
	m->used += len + 1;
	m->count++;
	return 0;
}

/* One node where the walk stands: the root, a key, a value or an item.
 * text is NULL for a mapping or a list. Returns -1 where the exam reader
 * would refuse the document. */
static int add_node(walk *w, const char *text, size_t len)
{
	if (++w->nodes > RADLOC_MAX_NODES)
		return -1;
	if (w->depth == 0) {
		w->have_root = 1;
		return 0;
	}
	level *parent = &w->stack[w->depth - 1];
	if (!parent->mapping)
		return 0;
	if (!parent->want_value) {
		if (text == NULL || add_key(parent, text, len) != 0)
			return -1;
		parent->want_value = 1;
		w->id_next = w->depth == 1 && strcmp(text, "id") == 0;
		return 0;
	}
	parent->want_value = 0;
	if (w->depth == 1 && w->id_next) {
		w->id_next = 0;
		if (text && len > 0 && len < w->bufsize) {
			memcpy(w->buf, text, len + 1);
			w->found = 1;
		}
	}
	return 0;
}

static int refused_anchor_or_tag(const yaml_char_t *anchor, const yaml_char_t *tag,
                                 int implicit)
{
	return anchor != NULL || (tag != NULL && !implicit);
}

/* A mapping or a list starts: a node of its parent, then a level. */
static int open_level(walk *w, int mapping, const yaml_char_t *anchor,
                      const yaml_char_t *tag, int implicit)
{
	if (refused_anchor_or_tag(anchor, tag, implicit) || w->depth >= RADLOC_MAX_DEPTH ||
	    add_node(w, NULL, 0) != 0)
		return -1;
	level *l = &w->stack[w->depth++];
	memset(l, 0, sizeof *l);
	l->mapping = mapping;
	return 0;
}

static void close_level(walk *w)
{
	level *l = &w->stack[--w->depth];
	free(l->keys);
	l->keys = NULL;
}

/* 0 for an event the exam reader takes, -1 for one it refuses. */
static int take_event(walk *w, const yaml_event_t *ev, int *documents)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		return ++*documents > 1 ? -1 : 0;
	case YAML_ALIAS_EVENT:
		return -1;
	case YAML_SCALAR_EVENT: {
		const char *text = (const char *)ev->data.scalar.value;
		size_t len = ev->data.scalar.length;
		if (refused_anchor_or_tag(ev->data.scalar.anchor, ev->data.scalar.tag,
		                          ev->data.scalar.plain_implicit ||
		                          ev->data.scalar.quoted_implicit) ||
		    len > RADLOC_MAX_SCALAR_BYTES || memchr(text, '\0', len) != NULL)
			return -1;
		return add_node(w, text, len);
	}
	case YAML_SEQUENCE_START_EVENT:
		return open_level(w, 0, ev->data.sequence_start.anchor,
		                  ev->data.sequence_start.tag, ev->data.sequence_start.implicit);
	case YAML_MAPPING_START_EVENT:
		return open_level(w, 1, ev->data.mapping_start.anchor,
		                  ev->data.mapping_start.tag, ev->data.mapping_start.implicit);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_level(w);
		return 0;
	default:
		return 0;
	}
}

/* The id as the exam reader would see it; 0 when the reader would refuse
 * the document (then buf is left empty). */
static int read_yaml(const char *data, size_t size, char *buf, size_t bufsize,
                     int *found)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	walk w;
	int documents = 0, done = 0, refused = 0;

	if (size > (size_t)RADLOC_MAX_EXAM_BYTES || !yaml_parser_initialize(&parser))
		return 0;
	memset(&w, 0, sizeof w);
	w.buf = buf;
	w.bufsize = bufsize;
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, size);
	while (!done && !refused) {
		if (!yaml_parser_parse(&parser, &ev))
			break;
		done = ev.type == YAML_STREAM_END_EVENT;
		refused = take_event(&w, &ev, &documents) != 0;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	while (w.depth > 0)
		close_level(&w);
	if (!done || refused || !w.have_root) {
		buf[0] = '\0';
		return 0;
	}
	*found = w.found;
	return 1;
}

int exam_id_peek(const char *data, size_t size, char *buf, size_t bufsize)
{
	int found = 0;
	if (buf == NULL || bufsize == 0 || (data == NULL && size > 0))
		return 0;
	buf[0] = '\0';
	if (read_yaml(data ? data : "", size, buf, bufsize, &found))
		return found;
	/* A JSON object that the exam reader refused (a duplicate key, say)
	 * still says which exam it is. */
	json_error_t err;
	json_t *o = data ? json_loadb(data, size, 0, &err) : NULL;
	const char *id = json_string_value(json_object_get(o, "id"));
	if (id && *id && strlen(id) < bufsize) {
		memcpy(buf, id, strlen(id) + 1);
		found = 1;
	}
	json_decref(o);
	return found;
}

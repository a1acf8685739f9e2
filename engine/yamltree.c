/* The guarded YAML reader: libyaml's events built into a tree, refusing
 * what the input must not hold (see yamltree.h), and the tree's access
 * functions. libyaml's own errors become messages in yaml_errors.c. */
#include "yamltree_impl.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "radloc_limits.h"
#include "yaml_errors.h"

yt_doc *yt_doc_new(void)
{
	yt_doc *doc = calloc(1, sizeof *doc);
	if (doc != NULL && (doc->arena = rl_arena_new()) == NULL)
		yt_free(&doc);
	return doc;
}

void yt_free(yt_doc **doc)
{
	if (doc == NULL || *doc == NULL)
		return;
	rl_arena_free(&(*doc)->arena);
	free(*doc);
	*doc = NULL;
}

yt_node *yt_root(const yt_doc *doc)
{
	return doc ? doc->root : NULL;
}

yt_node *yt_get(const yt_node *map, const char *key)
{
	if (map == NULL || map->type != YT_MAPPING)
		return NULL;
	for (yt_node *k = map->first; k; k = k->next)
		if (strcmp(k->text, key) == 0)
			return k->value;
	return NULL;
}

const char *yt_type_name(const yt_node *node)
{
	switch (node->type) {
	case YT_MAPPING: return "a mapping";
	case YT_SEQUENCE: return "a list";
	default:
		/* "roots:" with nothing under it reads as an empty plain value;
		 * "not a value" would puzzle the person who wrote nothing. */
		return node->plain && node->length == 0 ? "empty" : "a value";
	}
}

void yt_append_child(yt_node *parent, yt_node **last, yt_node *child)
{
	if (*last)
		(*last)->next = child;
	else
		parent->first = child;
	*last = child;
	parent->count++;
}

/* An open collection while the tree is built. */
typedef struct frame {
	yt_node *node;
	yt_node *last;        /* last child appended */
	yt_node *pending_key; /* mapping: key waiting for its value */
} frame;

typedef struct builder {
	yt_doc *doc;
	rl_diagctx *d;
	frame stack[RADLOC_MAX_DEPTH + 1];
	int depth;
} builder;

static yt_node *new_node(builder *b, yt_type type, yaml_mark_t mark)
{
	if (++b->doc->nodes > RADLOC_MAX_NODES) {
		rl_report(b->d, RADLOC_ERR_LIMIT, yt_line_of(mark), yt_column_of(mark),
		          "document has more than %d nodes", RADLOC_MAX_NODES);
		return NULL;
	}
	yt_node *n = rl_arena_alloc(b->doc->arena, sizeof *n);
	if (n == NULL) {
		rl_report(b->d, RADLOC_ERR_NOMEM, yt_line_of(mark), yt_column_of(mark),
		          "out of memory");
		return NULL;
	}
	n->type = type;
	n->line = yt_line_of(mark);
	n->column = yt_column_of(mark);
	return n;
}

/* Attach a finished node to the open collection (or make it the root). */
static int attach(builder *b, yt_node *n)
{
	if (b->depth == 0) {
		b->doc->root = n;
		return 0;
	}
	frame *f = &b->stack[b->depth - 1];
	if (f->node->type == YT_MAPPING && f->pending_key == NULL) {
		if (n->type != YT_SCALAR) {
			rl_report(b->d, RADLOC_ERR_SCHEMA, n->line, n->column,
			          "a mapping key must be a plain name, not %s",
			          yt_type_name(n));
			return -1;
		}
		for (yt_node *k = f->node->first; k; k = k->next) {
			if (strcmp(k->text, n->text) == 0) {
				char buf[RL_PRINTABLE_SIZE];
				/* rl_report shifts the position of one exam of a stream
				 * to the file's lines; the line in the text needs it too. */
				rl_report(b->d, RADLOC_ERR_SCHEMA, n->line, n->column,
				          "duplicate key '%s' (first at line %lu)",
				          rl_printable(buf, sizeof buf, n->text),
				          k->line + b->d->line_offset);
				return -1;
			}
		}
		if (f->node->count >= RADLOC_MAX_IDS) {
			rl_report(b->d, RADLOC_ERR_LIMIT, n->line, n->column,
			          "mapping has more than %d keys", RADLOC_MAX_IDS);
			return -1;
		}
		f->pending_key = n;
		yt_append_child(f->node, &f->last, n);
	} else if (f->node->type == YT_MAPPING) {
		f->pending_key->value = n;
		f->pending_key = NULL;
	} else {
		yt_append_child(f->node, &f->last, n);
	}
	return 0;
}

static int refuse_anchor_tag(builder *b, const yaml_event_t *ev,
                             const yaml_char_t *anchor, const yaml_char_t *tag,
                             int implicit)
{
	char buf[RL_PRINTABLE_SIZE];
	if (anchor) {
		rl_report(b->d, RADLOC_ERR_SCHEMA, yt_line_of(ev->start_mark),
		          yt_column_of(ev->start_mark),
		          "anchors are not allowed (&%s); write the value out",
		          rl_printable(buf, sizeof buf, (const char *)anchor));
		return -1;
	}
	if (tag && !implicit) {
		rl_report(b->d, RADLOC_ERR_SCHEMA, yt_line_of(ev->start_mark),
		          yt_column_of(ev->start_mark), "tags are not allowed (%s)",
		          rl_printable(buf, sizeof buf, (const char *)tag));
		return -1;
	}
	return 0;
}

static int open_collection(builder *b, const yaml_event_t *ev, yt_type type)
{
	if (b->depth >= RADLOC_MAX_DEPTH) {
		rl_report(b->d, RADLOC_ERR_LIMIT, yt_line_of(ev->start_mark),
		          yt_column_of(ev->start_mark),
		          "nesting deeper than %d levels", RADLOC_MAX_DEPTH);
		return -1;
	}
	yt_node *n = new_node(b, type, ev->start_mark);
	if (n == NULL)
		return -1;
	b->stack[b->depth].node = n;
	b->stack[b->depth].last = NULL;
	b->stack[b->depth].pending_key = NULL;
	b->depth++;
	return 0;
}

static int add_scalar(builder *b, const yaml_event_t *ev)
{
	size_t len = ev->data.scalar.length;
	if (len > RADLOC_MAX_SCALAR_BYTES) {
		rl_report(b->d, RADLOC_ERR_LIMIT, yt_line_of(ev->start_mark),
		          yt_column_of(ev->start_mark),
		          "value longer than %d bytes", RADLOC_MAX_SCALAR_BYTES);
		return -1;
	}
	if (memchr(ev->data.scalar.value, '\0', len) != NULL) {
		rl_report(b->d, RADLOC_ERR_VALUE, yt_line_of(ev->start_mark),
		          yt_column_of(ev->start_mark), "value contains a NUL byte");
		return -1;
	}
	yt_node *n = new_node(b, YT_SCALAR, ev->start_mark);
	if (n == NULL)
		return -1;
	char *text = rl_arena_alloc(b->doc->arena, len + 1);
	if (text == NULL) {
		rl_report(b->d, RADLOC_ERR_NOMEM, n->line, n->column, "out of memory");
		return -1;
	}
	memcpy(text, ev->data.scalar.value, len);
	text[len] = '\0';
	n->text = text;
	n->length = len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return attach(b, n);
}


radloc_status yt_read_buffer(const char *data, size_t size, long max_bytes,
                             rl_diagctx *d, yt_doc **out)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	builder b;
	radloc_status status = RADLOC_OK;
	int done = 0, documents = 0;
	unsigned before = d->count;

	*out = NULL;
	if (size > (size_t)max_bytes)
		return rl_report(d, RADLOC_ERR_LIMIT, 1, 1,
		                 "file is %zu bytes, more than the limit of %ld",
		                 size, max_bytes);
	memset(&b, 0, sizeof b);
	b.d = d;
	b.doc = yt_doc_new();
	if (b.doc == NULL)
		return rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	if (!yaml_parser_initialize(&parser)) {
		yt_free(&b.doc);
		return rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, size);

	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			yt_report_parser_error(d, &parser, data, size, documents);
			break;
		}
		int bad = 0;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1) {
				rl_report(d, RADLOC_ERR_SYNTAX, yt_line_of(ev.start_mark),
				          yt_column_of(ev.start_mark),
				          "more than one document; expected one");
				bad = 1;
			}
			break;
		case YAML_ALIAS_EVENT: {
			char buf[RL_PRINTABLE_SIZE];
			rl_report(d, RADLOC_ERR_SCHEMA, yt_line_of(ev.start_mark),
			          yt_column_of(ev.start_mark),
			          "aliases are not allowed (*%s); write the value out",
			          rl_printable(buf, sizeof buf,
			                       (const char *)ev.data.alias.anchor));
			bad = 1;
			break;
		}
		case YAML_SCALAR_EVENT:
			bad = refuse_anchor_tag(&b, &ev, ev.data.scalar.anchor,
			                        ev.data.scalar.tag,
			                        ev.data.scalar.plain_implicit ||
			                        ev.data.scalar.quoted_implicit) ||
			      add_scalar(&b, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			bad = refuse_anchor_tag(&b, &ev, ev.data.sequence_start.anchor,
			                        ev.data.sequence_start.tag,
			                        ev.data.sequence_start.implicit) ||
			      open_collection(&b, &ev, YT_SEQUENCE);
			break;
		case YAML_MAPPING_START_EVENT:
			bad = refuse_anchor_tag(&b, &ev, ev.data.mapping_start.anchor,
			                        ev.data.mapping_start.tag,
			                        ev.data.mapping_start.implicit) ||
			      open_collection(&b, &ev, YT_MAPPING);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			b.depth--;
			bad = attach(&b, b.stack[b.depth].node);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (bad)
			break;
	}
	yaml_parser_delete(&parser);

	if (d->count > before || !done) {
		status = d->first != RADLOC_OK ? d->first : RADLOC_ERR_SYNTAX;
		yt_free(&b.doc);
		return status;
	}
	if (b.doc->root == NULL) {
		yt_free(&b.doc);
		return rl_report(d, RADLOC_ERR_EMPTY, 1, 1,
		                 "empty document: nothing to read");
	}
	*out = b.doc;
	return RADLOC_OK;
}

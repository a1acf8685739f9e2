#include "yamltree.h"

#include <errno.h>
#include <stdarg.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "radloc_limits.h"
#include "textutil.h"

/* Nodes and strings live in one arena per document: one free, no leaks
 * on any error path. */
struct yt_doc {
	yt_node *root;
	rl_arena *arena;
	size_t nodes;
};

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

static unsigned long line_of(yaml_mark_t m) { return (unsigned long)m.line + 1; }
static unsigned long col_of(yaml_mark_t m) { return (unsigned long)m.column + 1; }

static yt_node *new_node(builder *b, yt_type type, yaml_mark_t mark)
{
	if (++b->doc->nodes > RADLOC_MAX_NODES) {
		rl_report(b->d, RADLOC_ERR_LIMIT, line_of(mark), col_of(mark),
		          "document has more than %d nodes", RADLOC_MAX_NODES);
		return NULL;
	}
	yt_node *n = rl_arena_alloc(b->doc->arena, sizeof *n);
	if (n == NULL) {
		rl_report(b->d, RADLOC_ERR_NOMEM, line_of(mark), col_of(mark),
		          "out of memory");
		return NULL;
	}
	n->type = type;
	n->line = line_of(mark);
	n->column = col_of(mark);
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
		if (f->last)
			f->last->next = n;
		else
			f->node->first = n;
		f->last = n;
		f->node->count++;
	} else if (f->node->type == YT_MAPPING) {
		f->pending_key->value = n;
		f->pending_key = NULL;
	} else {
		if (f->last)
			f->last->next = n;
		else
			f->node->first = n;
		f->last = n;
		f->node->count++;
	}
	return 0;
}

static int refuse_anchor_tag(builder *b, const yaml_event_t *ev,
                             const yaml_char_t *anchor, const yaml_char_t *tag,
                             int implicit)
{
	char buf[RL_PRINTABLE_SIZE];
	if (anchor) {
		rl_report(b->d, RADLOC_ERR_SCHEMA, line_of(ev->start_mark),
		          col_of(ev->start_mark),
		          "anchors are not allowed (&%s); write the value out",
		          rl_printable(buf, sizeof buf, (const char *)anchor));
		return -1;
	}
	if (tag && !implicit) {
		rl_report(b->d, RADLOC_ERR_SCHEMA, line_of(ev->start_mark),
		          col_of(ev->start_mark), "tags are not allowed (%s)",
		          rl_printable(buf, sizeof buf, (const char *)tag));
		return -1;
	}
	return 0;
}

static int open_collection(builder *b, const yaml_event_t *ev, yt_type type)
{
	if (b->depth >= RADLOC_MAX_DEPTH) {
		rl_report(b->d, RADLOC_ERR_LIMIT, line_of(ev->start_mark),
		          col_of(ev->start_mark),
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
		rl_report(b->d, RADLOC_ERR_LIMIT, line_of(ev->start_mark),
		          col_of(ev->start_mark),
		          "value longer than %d bytes", RADLOC_MAX_SCALAR_BYTES);
		return -1;
	}
	if (memchr(ev->data.scalar.value, '\0', len) != NULL) {
		rl_report(b->d, RADLOC_ERR_VALUE, line_of(ev->start_mark),
		          col_of(ev->start_mark), "value contains a NUL byte");
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

/* Offset of the first byte of data that does not start a valid UTF-8
 * sequence (overlong forms, surrogates and code points past U+10FFFF
 * included), or size if there is none. */
static size_t first_bad_utf8(const char *data, size_t size)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i = 0, n;

	while (i < size && (n = rl_utf8_length(s + i, size - i, NULL)) > 0)
		i += n;
	return i;
}

/* 1-based line and column (in characters, as libyaml counts them) of a
 * byte offset into UTF-8 data. CR LF, CR and LF each end a line. */
static void position_of(const char *data, size_t offset, unsigned long *line,
                        unsigned long *column)
{
	const unsigned char *s = (const unsigned char *)data;
	unsigned long l = 1, c = 1;
	size_t i = 0;

	/* A byte-order mark takes no column (libyaml skips it too). */
	if (offset >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3;
	for (; i < offset; i++) {
		if (s[i] == '\n' ||
		    (s[i] == '\r' && (i + 1 == offset || s[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if (s[i] != '\r' && (s[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*column = c;
}

/* A leading tab (after any spaces) on the line of a scanner error at that
 * very tab: libyaml then says "found character that cannot start any
 * token", which does not tell the person what to do. Returns the tab's
 * 1-based column, or 0. */
static unsigned long indenting_tab(const char *data, size_t size,
                                   yaml_mark_t m)
{
	unsigned long l = 1;
	size_t i = 0, spaces = 0;

	while (i < size && l < line_of(m)) {
		if (data[i++] == '\n')
			l++;
	}
	while (i < size && data[i] == ' ') {
		i++;
		spaces++;
	}
	if (i < size && data[i] == '\t' && spaces == m.column)
		return spaces + 1;
	return 0;
}

static void report_parser_error(builder *b, const yaml_parser_t *p,
                                const char *data, size_t size, int documents)
{
	if (p->error == YAML_MEMORY_ERROR) {
		rl_report(b->d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
		return;
	}
	const char *problem = p->problem ? p->problem : "malformed YAML";
	yaml_mark_t m = p->problem_mark;
	if (p->error == YAML_READER_ERROR) {
		/* The reader gives a byte offset and no line: its mark is where
		 * the scanner stood, often the start of the file. */
		size_t offset = p->problem_offset;
		unsigned long line, column;
		/* One exam of a stream: the offset counts from its start, not
		 * from the start of the file the line number refers to. */
		const char *of = b->d->line_offset ? " of the exam" : "";
		if (p->encoding != YAML_UTF8_ENCODING || offset > size) {
			rl_report(b->d, RADLOC_ERR_SYNTAX, 0, 0, "%s (offset %zu%s)",
			          problem, offset, of);
			return;
		}
		/* For a bad continuation byte libyaml names the byte after the
		 * sequence's first one; the person needs the first one (a
		 * Latin-1 'è' is the usual culprit). */
		size_t bad = first_bad_utf8(data, size);
		if (bad <= offset) {
			position_of(data, bad, &line, &column);
			rl_report(b->d, RADLOC_ERR_SYNTAX, line, column,
			          "invalid UTF-8 (0x%02X at offset %zu%s); save the file "
			          "as UTF-8", (unsigned)(unsigned char)data[bad], bad, of);
			return;
		}
		position_of(data, offset, &line, &column);
		rl_report(b->d, RADLOC_ERR_SYNTAX, line, column,
		          "%s (0x%02X at offset %zu%s)", problem,
		          (unsigned)p->problem_value, offset, of);
		return;
	}
	/* At the end of the input libyaml starts a new line that is not in
	 * the file: report the end of the last real line instead. */
	unsigned long lines = 1, last_len = 0;
	for (size_t i = 0; i < size; i++) {
		if (data[i] == '\n' && i + 1 < size) {
			lines++;
			last_len = 0;
		} else if (data[i] != '\n' && data[i] != '\r') {
			last_len++;
		}
	}
	yaml_mark_t cm = p->context_mark;
	if (line_of(m) > lines) {
		m.line = lines - 1;
		m.column = last_len;
	}
	if (line_of(cm) > lines) {
		cm.line = lines - 1;
		cm.column = last_len;
	}
	unsigned long tab = p->error == YAML_SCANNER_ERROR
	                    ? indenting_tab(data, size, m) : 0;
	/* After a whole document libyaml wants "---" and says "did not find
	 * expected <document start>", which puzzles someone who left a word
	 * after a JSON object or pasted a second object below the first.
	 * (Before any document, after a %YAML directive, the words fit.) */
	if (!tab && documents > 0 && p->error == YAML_PARSER_ERROR &&
	    strcmp(problem, "did not find expected <document start>") == 0)
		rl_report(b->d, RADLOC_ERR_SYNTAX, line_of(m), col_of(m),
		          "text after the end of the document; expected one document");
	else if (tab)
		rl_report(b->d, RADLOC_ERR_SYNTAX, line_of(m), tab,
		          "tab used for indentation; indent with spaces");
	else if (p->context)
		rl_report(b->d, RADLOC_ERR_SYNTAX, line_of(m), col_of(m),
		          "%s %s (line %lu, column %lu)", problem, p->context,
		          line_of(cm) + b->d->line_offset, col_of(cm));
	else
		rl_report(b->d, RADLOC_ERR_SYNTAX, line_of(m), col_of(m), "%s",
		          problem);
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
	b.doc = calloc(1, sizeof *b.doc);
	if (b.doc == NULL || (b.doc->arena = rl_arena_new()) == NULL) {
		yt_free(&b.doc);
		return rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	}
	if (!yaml_parser_initialize(&parser)) {
		yt_free(&b.doc);
		return rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, size);

	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(&b, &parser, data, size, documents);
			break;
		}
		int bad = 0;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1) {
				rl_report(d, RADLOC_ERR_SYNTAX, line_of(ev.start_mark),
				          col_of(ev.start_mark),
				          "more than one document; expected one");
				bad = 1;
			}
			break;
		case YAML_ALIAS_EVENT: {
			char buf[RL_PRINTABLE_SIZE];
			rl_report(d, RADLOC_ERR_SCHEMA, line_of(ev.start_mark),
			          col_of(ev.start_mark),
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

radloc_status yt_read_file(const char *path, long max_bytes, rl_diagctx *d,
                           yt_doc **out)
{
	FILE *f;
	char *data;
	long size;
	radloc_status status;

	*out = NULL;
	f = fopen(path, "rb");
	if (f == NULL)
		return rl_report(d, rl_io_status(errno), 0, 0, "cannot open: %s",
		                 strerror(errno));
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return rl_report(d, RADLOC_ERR_IO, 0, 0, "cannot read: %s",
		                 strerror(errno));
	}
	if (size > max_bytes) {
		fclose(f);
		return rl_report(d, RADLOC_ERR_LIMIT, 1, 1,
		                 "file is %ld bytes, more than the limit of %ld",
		                 size, max_bytes);
	}
	data = malloc((size_t)size + 1);
	if (data == NULL) {
		fclose(f);
		return rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	}
	size_t got = fread(data, 1, (size_t)size, f);
	int err = ferror(f);
	fclose(f);
	if (err || got != (size_t)size) {
		free(data);
		return rl_report(d, RADLOC_ERR_IO, 0, 0, "cannot read: short read");
	}
	status = yt_read_buffer(data, got, max_bytes, d, out);
	free(data);
	return status;
}

/* ---- the JSON fast path ---------------------------------------------------- */

/* Append a child (a list item or a mapping key) to a collection. */
static void link_child(yt_node *parent, yt_node **last, yt_node *child)
{
	if (*last)
		(*last)->next = child;
	else
		parent->first = child;
	*last = child;
	parent->count++;
}

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
			link_child(n, &last, c);
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
			link_child(n, &last, k);
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
	yt_doc *doc = calloc(1, sizeof *doc);
	if (doc == NULL || (doc->arena = rl_arena_new()) == NULL) {
		yt_free(&doc);
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

radloc_status yt_slurp(const char *path, long max, const char *what,
                       rl_diagctx *d, char **data, size_t *size)
{
	*data = NULL;
	*size = 0;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return rl_report(d, rl_io_status(errno), 0, 0, "cannot open: %s", strerror(errno));
	/* One byte past the limit tells a file at the limit from one over it. */
	char *buf = malloc((size_t)max + 2);
	if (buf == NULL) {
		fclose(f);
		return rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	}
	size_t n = fread(buf, 1, (size_t)max + 1, f);
	int err = ferror(f);
	fclose(f);
	radloc_status status = RADLOC_OK;
	if (err)
		status = rl_report(d, RADLOC_ERR_IO, 0, 0, "cannot read the file");
	else if (n > (size_t)max)
		status = rl_report(d, RADLOC_ERR_LIMIT, 1, 1, "%s is more than the limit of %ld bytes",
		                   what, max);
	if (status != RADLOC_OK) {
		free(buf);
		return status;
	}
	buf[n] = '\0';
	*data = buf;
	*size = n;
	return RADLOC_OK;
}

radloc_status yt_report(rl_diagctx *d, const yt_node *n, radloc_status status,
                        const char *fmt, ...)
{
	char buf[RADLOC_MAX_MESSAGE_BYTES];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return rl_report(d, status, n ? n->line : 1, n ? n->column : 1, "%s", buf);
}

radloc_status yt_report_suggesting(rl_diagctx *d, const yt_node *n,
                                   radloc_status status,
                                   const char *suggestion, const char *fmt,
                                   ...)
{
	char buf[RADLOC_MAX_MESSAGE_BYTES];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (suggestion == NULL)
		return yt_report(d, n, status, "%s", buf);
	return yt_report(d, n, status, "%s; did you mean '%s'?", buf, suggestion);
}

radloc_status yt_report_unknown(rl_diagctx *d, const yt_node *n,
                                radloc_status status, const char *what,
                                const char *where,
                                const char *const *candidates, size_t count)
{
	char text[RL_PRINTABLE_SIZE];
	return yt_report_suggesting(d, n, status, rl_nearest(n->text, candidates, count),
	                            "unknown %s '%s'%s%s", what,
	                            rl_value_for_message(text, n->text),
	                            where ? " in " : "", where ? where : "");
}

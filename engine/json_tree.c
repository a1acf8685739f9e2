/* The JSON fast path: a JSON object read by yajl's event parser straight
 * into the tree the YAML reader builds, for the JSON Lines of a batch
 * (jansson built a tree of its own first, then this one was copied from
 * it). It stays silent and leaves whatever it cannot mirror exactly to
 * the YAML reader, which reports it (see yt_from_json in yamltree.h).
 *
 * It accepts exactly what the jansson version accepted, with the same
 * tree: where yajl is more lenient than jansson (\v and \f as white space,
 * UTF-8 of the right shape but overlong or a surrogate, an escaped
 * surrogate that is not half of a pair, an unterminated string after the
 * object), the input is refused here first. The one input jansson took
 * and yajl does not, the integer -2^63, goes to the YAML reader, which
 * reads it as the same plain scalar. */
#include "yamltree_impl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "radloc_limits.h"
#include "textutil.h"

/* An open collection and its last child so far. */
typedef struct frame {
	yt_node *node;
	yt_node *last;
} frame;

typedef struct sax {
	yt_doc *doc;
	frame stack[RADLOC_MAX_DEPTH];
	int depth;        /* open collections */
	yt_node *key;     /* the key of the innermost mapping awaiting its value */
	/* Why the parse was stopped: RADLOC_ERR_SYNTAX for what jansson
	 * refused as JSON (a repeated key, NUL, bad UTF-8), RADLOC_ERR_SCHEMA
	 * for JSON the tree does not mirror (reals, true, false, null, a root
	 * that is not an object, a limit). */
	radloc_status why;
	int closed;       /* the root object is complete */
} sax;

/* A new node for the next value, or NULL past a limit (depth: the root is
 * at 1, as the YAML reader counts). */
static yt_node *new_value(sax *s)
{
	if (s->depth + 1 > RADLOC_MAX_DEPTH || ++s->doc->nodes > RADLOC_MAX_NODES)
		return NULL;
	yt_node *n = rl_arena_alloc(s->doc->arena, sizeof *n);
	if (n)
		memset(n, 0, sizeof *n);
	return n;
}

/* The value goes to the pending key, or to the open sequence. The root
 * must be a mapping, and nothing comes after it (yajl says so). */
static int attach(sax *s, yt_node *n)
{
	if (s->depth == 0) {
		/* jansson read only an object or an array at the top. */
		if (n->type == YT_SCALAR)
			s->why = RADLOC_ERR_SYNTAX;
		if (n->type != YT_MAPPING || s->doc->root != NULL)
			return 0;
		s->doc->root = n;
		return 1;
	}
	frame *f = &s->stack[s->depth - 1];
	if (f->node->type == YT_MAPPING) {
		s->key->value = n;
		s->key = NULL;
	} else {
		yt_append_child(f->node, &f->last, n);
	}
	return 1;
}

/* jansson refused text that is not valid UTF-8 (overlong forms,
 * surrogates, past U+10FFFF), and NUL; yajl checks only the shape. */
static int clean_text(const unsigned char *t, size_t len)
{
	return len <= RADLOC_MAX_SCALAR_BYTES && !memchr(t, '\0', len) &&
	       rl_utf8_valid_prefix(t, len) == len;
}

static char *copy_text(sax *s, const unsigned char *t, size_t len)
{
	char *copy = rl_arena_alloc(s->doc->arena, len + 1);
	if (copy) {
		memcpy(copy, t, len);
		copy[len] = '\0';
	}
	return copy;
}

static int scalar(sax *s, const unsigned char *t, size_t len, int plain)
{
	yt_node *n = new_value(s);
	if (n == NULL || (n->text = copy_text(s, t, len)) == NULL)
		return 0;
	n->type = YT_SCALAR;
	n->plain = plain;
	n->length = len;
	return attach(s, n);
}

static int bad_text(sax *s, const unsigned char *t, size_t len)
{
	if (clean_text(t, len))
		return 0;
	if (len <= RADLOC_MAX_SCALAR_BYTES)
		s->why = RADLOC_ERR_SYNTAX;
	return 1;
}

static int on_string(void *ctx, const unsigned char *t, size_t len)
{
	/* Quoted, as libyaml reads a JSON string. */
	return !bad_text(ctx, t, len) && scalar(ctx, t, len, 0);
}

/* An integer as jansson gave it back: "-0" is 0. */
static int on_integer(void *ctx, long long v)
{
	char num[32];
	int len = snprintf(num, sizeof num, "%lld", v);
	return scalar(ctx, (const unsigned char *)num, (size_t)len, 1);
}

/* Reals, true, false and null read differently through YAML: leave them
 * to libyaml. */
static int refuse(void *ctx)
{
	(void)ctx;
	return 0;
}

static int refuse_bool(void *ctx, int v)
{
	(void)ctx, (void)v;
	return 0;
}

static int refuse_double(void *ctx, double v)
{
	(void)ctx, (void)v;
	return 0;
}

static int open_collection(sax *s, yt_type type)
{
	yt_node *n = new_value(s);
	if (n == NULL)
		return 0;
	n->type = type;
	if (!attach(s, n))
		return 0;
	s->stack[s->depth++] = (frame){n, NULL};
	return 1;
}

static int on_start_map(void *ctx)
{
	return open_collection(ctx, YT_MAPPING);
}

static int on_start_array(void *ctx)
{
	return open_collection(ctx, YT_SEQUENCE);
}

/* The root's end stops the parse, so that yt_from_json sees where it
 * ended (yajl 2.1 lets an unterminated string after it pass). */
static int on_end(void *ctx)
{
	sax *s = ctx;
	s->depth--;
	if (s->depth == 0) {
		s->closed = 1;
		return 0;
	}
	return 1;
}

/* A key: its own node (counted), refused when repeated, as the YAML
 * reader refuses it (the same linear search). */
static int on_key(void *ctx, const unsigned char *t, size_t len)
{
	sax *s = ctx;
	frame *f = &s->stack[s->depth - 1];
	if (bad_text(s, t, len) || f->node->count >= RADLOC_MAX_IDS ||
	    ++s->doc->nodes > RADLOC_MAX_NODES)
		return 0;
	for (const yt_node *k = f->node->first; k; k = k->next)
		if (k->length == len && memcmp(k->text, t, len) == 0) {
			s->why = RADLOC_ERR_SYNTAX;
			return 0;
		}
	yt_node *k = rl_arena_alloc(s->doc->arena, sizeof *k);
	if (k == NULL)
		return 0;
	memset(k, 0, sizeof *k);
	if ((k->text = copy_text(s, t, len)) == NULL)
		return 0;
	k->type = YT_SCALAR;
	k->length = len;
	yt_append_child(f->node, &f->last, k);
	s->key = k;
	return 1;
}

static const yajl_callbacks callbacks = {
	refuse, refuse_bool, on_integer, refuse_double, NULL, on_string,
	on_start_map, on_key, on_end, on_start_array, on_end,
};

static int hex4(const char *p, const char *end, unsigned *v)
{
	*v = 0;
	if (end - p < 4)
		return 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
		             : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
		             : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
		                                    : 16u;
		if (d > 15)
			return 0;
		*v = *v << 4 | d;
	}
	return 1;
}

/* Every escaped surrogate is half of a pair, high then low, as jansson
 * required (yajl writes a lone high one as '?' and pairs a high one with
 * any \u that follows). Escapes are two bytes, or six for \u, and occur
 * only inside strings in valid JSON, so walking from one backslash to the
 * next stays in step; anything else is a syntax error yajl reports. */
static int surrogates_paired(const char *p, const char *end)
{
	while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		unsigned cp, low;
		if (end - p < 2)
			return 1;
		if (p[1] != 'u' || !hex4(p + 2, end, &cp)) {
			p += 2;
			continue;
		}
		p += 6;
		if (cp >= 0xDC00 && cp <= 0xDFFF)
			return 0;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, end, &low) ||
			    low < 0xDC00 || low > 0xDFFF)
				return 0;
			p += 6;
		}
	}
	return 1;
}

/* yajl 2.1 does not check its allocations (its buffers and stack write
 * through a NULL). So everything it asks for comes from one pool,
 * allocated (and checked) before parsing, large enough for any input of
 * this size: its handle, lexer and two buffer headers (under 1 KB), the
 * state stack (128 bytes a step, and no more than 32 levels get pushed),
 * and the two byte buffers, the lexer's (a token cut off by the end of
 * the input) and the decoder's (one string with escapes), each doubling
 * from 2 KB up to less than twice the input, every size kept (a block is
 * moved, not grown, when another follows it): below 4 x max(input, 2 KB)
 * each. Anything past the pool would go to malloc: never, by this sum. */
typedef struct pool {
	unsigned char *base;
	size_t used, size;
} pool;

typedef struct block {
	size_t size;
	_Alignas(max_align_t) unsigned char data[];
} block;

static block *block_of(void *p)
{
	return (block *)((unsigned char *)p - offsetof(block, data));
}

static int in_pool(const pool *pl, const void *p)
{
	const unsigned char *b = p;
	return b >= pl->base && b < pl->base + pl->size;
}

static void *pool_malloc(void *ctx, size_t n)
{
	pool *pl = ctx;
	size_t a = _Alignof(max_align_t);
	size_t need = (sizeof(block) + n + a - 1) & ~(a - 1);
	if (n < pl->size && need <= pl->size - pl->used) {
		block *b = (block *)(pl->base + pl->used);
		pl->used += need;
		b->size = n;
		return b->data;
	}
	return malloc(n);
}

static void *pool_realloc(void *ctx, void *p, size_t n)
{
	pool *pl = ctx;
	if (p == NULL)
		return pool_malloc(ctx, n);
	if (!in_pool(pl, p))
		return realloc(p, n);
	block *b = block_of(p);
	unsigned char *q = pool_malloc(ctx, n);
	if (q)
		memcpy(q, p, b->size < n ? b->size : n);
	return q;
}

static void pool_free(void *ctx, void *p)
{
	if (p && !in_pool(ctx, p))
		free(p);
}

radloc_status yt_from_json(const char *data, size_t size, yt_doc **out)
{
	*out = NULL;
	if (size > (size_t)RADLOC_MAX_EXAM_BYTES)
		return RADLOC_ERR_LIMIT;
	if (memchr(data, '\v', size) || memchr(data, '\f', size) ||
	    !surrogates_paired(data, data + size))
		return RADLOC_ERR_SYNTAX;
	pool pl = {NULL, 0, 8 * (size > 2048 ? size : 2048) + 16384};
	if ((pl.base = malloc(pl.size)) == NULL)
		return RADLOC_ERR_NOMEM;
	sax s = {.doc = yt_doc_new(), .why = RADLOC_ERR_SCHEMA};
	yajl_alloc_funcs funcs = {pool_malloc, pool_realloc, pool_free, &pl};
	yajl_handle h = s.doc ? yajl_alloc(&callbacks, &funcs, &s) : NULL;
	radloc_status status = RADLOC_ERR_NOMEM;
	if (h) {
		yajl_status st = yajl_parse(h, (const unsigned char *)data, size);
		if (s.closed) {
			/* Only white space after the object, as jansson required. */
			status = RADLOC_OK;
			for (size_t i = yajl_get_bytes_consumed(h); i < size; i++)
				if (!strchr(" \t\r\n", data[i]) || data[i] == '\0')
					status = RADLOC_ERR_SYNTAX;
		} else {
			/* Stopped early, or the input ended inside the object. */
			status = st == yajl_status_client_canceled ? s.why : RADLOC_ERR_SYNTAX;
		}
		yajl_free(h);
	}
	free(pl.base);
	if (status != RADLOC_OK)
		yt_free(&s.doc);
	*out = s.doc;
	return status;
}

/* The streaming JSON writer (see json_write.h): yajl's generator into one
 * growing buffer. jansson built a tree of objects (a hash table each) and
 * then walked it with snprintf for every real: half of a batch's output
 * cost. The indented form is yajl's too, with the two places where its
 * layout differs from jansson's mended as they are written: an empty
 * array or object on one line ("[]", where yajl gives "[\n\n  ]"), and no
 * newline after the document. */
#include "json_write.h"

#include <locale.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_gen.h>

#include "textutil.h"

struct rl_jw {
	yajl_gen gen;
	char *buf;
	size_t len, cap;
	int failed;
	/* Indented: the indent string, and where the last array or object
	 * opened (just past its bracket and yajl's newline) while nothing has
	 * been written into it yet (`fresh`). */
	int indent;
	char indent_text[32];
	size_t opened_at;
	int fresh;
	/* yajl's own allocations come from here (see room_malloc). */
	size_t used;
	_Alignas(max_align_t) unsigned char room[2048];
};

/* yajl 2.1 does not check its allocations: yajl_gen_alloc writes into the
 * byte buffer it allocates (unused here, the print callback replaces it)
 * without looking for NULL. So its two blocks, the generator (about 600
 * bytes: 128 levels of state) and that buffer's header, are carved from
 * the writer's own room, which one checked calloc provides; anything
 * larger than the room goes to malloc (never, with this yajl). */
static int in_room(const rl_jw *w, const void *p)
{
	const unsigned char *b = p;
	return b >= w->room && b < w->room + sizeof w->room;
}

static void *room_malloc(void *ctx, size_t n)
{
	rl_jw *w = ctx;
	size_t at = (w->used + (_Alignof(max_align_t) - 1)) & ~(_Alignof(max_align_t) - 1);
	if (at <= sizeof w->room && n <= sizeof w->room - at) {
		w->used = at + n;
		return w->room + at;
	}
	return malloc(n);
}

static void *room_realloc(void *ctx, void *p, size_t n)
{
	rl_jw *w = ctx;
	if (p == NULL)
		return room_malloc(ctx, n);
	if (!in_room(w, p))
		return realloc(p, n);
	unsigned char *q = malloc(n);
	size_t have = (size_t)(w->room + sizeof w->room - (unsigned char *)p);
	if (q)
		memcpy(q, p, n < have ? n : have);
	return q;
}

static void room_free(void *ctx, void *p)
{
	if (!in_room(ctx, p))
		free(p);
}

/* yajl's print callback: the bytes go straight into our buffer, which is
 * then handed out as it is (no copy). */
static void put(void *ctx, const char *s, size_t n)
{
	rl_jw *w = ctx;
	if (w->failed)
		return;
	if (w->len + n + 1 > w->cap) {
		size_t cap = w->cap ? w->cap : 4096;
		while (w->len + n + 1 > cap)
			cap *= 2;
		char *grown = realloc(w->buf, cap);
		if (grown == NULL) {
			w->failed = 1;
			return;
		}
		w->buf = grown;
		w->cap = cap;
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

rl_jw *rl_jw_new(int indent)
{
	if (indent < 0 || indent > 31)
		return NULL;
	rl_jw *w = calloc(1, sizeof *w);
	if (w == NULL)
		return NULL;
	w->indent = indent;
	memset(w->indent_text, ' ', (size_t)indent);
	yajl_alloc_funcs room = {room_malloc, room_realloc, room_free, w};
	w->gen = yajl_gen_alloc(&room);
	if (w->gen == NULL || !yajl_gen_config(w->gen, yajl_gen_print_callback, put, w) ||
	    (indent > 0 && (!yajl_gen_config(w->gen, yajl_gen_beautify, 1) ||
	                    !yajl_gen_config(w->gen, yajl_gen_indent_string, w->indent_text)))) {
		if (w->gen)
			yajl_gen_free(w->gen);
		free(w);
		return NULL;
	}
	return w;
}

/* Every call but a close goes through here: whatever it writes, the
 * array or object opened last is no longer empty. */
static void check(rl_jw *w, yajl_gen_status s)
{
	w->fresh = 0;
	if (s != yajl_gen_status_ok)
		w->failed = 1;
}

static void opened(rl_jw *w, yajl_gen_status s)
{
	check(w, s);
	w->fresh = 1;
	w->opened_at = w->len;
}

/* Closing an empty array or object in the indented form: yajl wrote
 * "[\n" on opening and "\n" + indent + "]" on closing; jansson writes
 * "[]". The opening newline is the last byte yajl wrote before, so the
 * close is cut back to just after the bracket. */
static void closed(rl_jw *w, yajl_gen_status s, char bracket)
{
	int was_empty = w->fresh;
	check(w, s);
	if (w->indent > 0 && was_empty && !w->failed && w->opened_at > 0 &&
	    w->buf[w->opened_at - 1] == '\n') {
		w->len = w->opened_at - 1;
		w->buf[w->len++] = bracket;
	}
}

void rl_jw_object(rl_jw *w)
{
	if (!w->failed)
		opened(w, yajl_gen_map_open(w->gen));
}

void rl_jw_object_end(rl_jw *w)
{
	if (!w->failed)
		closed(w, yajl_gen_map_close(w->gen), '}');
}

void rl_jw_array(rl_jw *w)
{
	if (!w->failed)
		opened(w, yajl_gen_array_open(w->gen));
}

void rl_jw_array_end(rl_jw *w)
{
	if (!w->failed)
		closed(w, yajl_gen_array_close(w->gen), ']');
}

void rl_jw_null(rl_jw *w)
{
	if (!w->failed)
		check(w, yajl_gen_null(w->gen));
}

void rl_jw_key(rl_jw *w, const char *key)
{
	if (!w->failed)
		check(w, yajl_gen_string(w->gen, (const unsigned char *)key, strlen(key)));
}

void rl_jw_text(rl_jw *w, const char *s)
{
	if (w->failed)
		return;
	if (s == NULL) {
		rl_jw_null(w);
		return;
	}
	size_t n = strlen(s);
	/* yajl checks only the shape of UTF-8 sequences; jansson refused
	 * overlong forms, surrogates and code points past U+10FFFF too, and so
	 * do we. */
	if (rl_utf8_valid_prefix((const unsigned char *)s, n) != n) {
		w->failed = 1;
		return;
	}
	check(w, yajl_gen_string(w->gen, (const unsigned char *)s, n));
}

void rl_jw_integer(rl_jw *w, long long v)
{
	if (!w->failed)
		check(w, yajl_gen_integer(w->gen, v));
}

/* jansson's form of "%.6g": the locale's decimal point as '.', ".0" when
 * the number would read back as an integer, the exponent without '+' and
 * without leading zeros. */
static size_t format_slow(double v, char *buf)
{
	int n = snprintf(buf, 32, "%.6g", v);
	if (n < 0 || n >= 26)
		return 0; /* cannot happen for "%.6g": at most 13 bytes */
	size_t len = (size_t)n;
	const char *point = localeconv()->decimal_point;
	if (point[0] != '.' && point[0] != '\0' && point[1] == '\0') {
		char *p = strchr(buf, point[0]);
		if (p)
			*p = '.';
	}
	if (strchr(buf, '.') == NULL && strchr(buf, 'e') == NULL) {
		memcpy(buf + len, ".0", 3);
		len += 2;
	}
	char *e = strchr(buf, 'e');
	if (e) {
		char *start = e + 1, *end = e + 2;
		if (*start == '-')
			start++;
		while (*end == '0')
			end++;
		if (end != start) {
			memmove(start, end, len + 1 - (size_t)(end - buf));
			len -= (size_t)(end - start);
		}
	}
	return len;
}

size_t rl_jw_format4(double x, char *buf)
{
	double k = round(x * 1e4);
	/* jansson refused a real that is not finite (x * 1e4 overflowed). */
	if (!isfinite(k))
		return 0;
	if (!(fabs(k) < 1e6))
		return format_slow(k / 1e4, buf);
	/* |k| < 10^6: k / 10^4 has at most six significant digits, which is
	 * what "%.6g" keeps, and the double nearest it is within 10^-16 of
	 * it, so "%.6g" prints exactly the decimal k / 10^4 with its trailing
	 * zeros dropped, never with an exponent (it is >= 10^-4). Written
	 * here without printf; tests/test_json_write.c compares every k
	 * with jansson's own output. */
	unsigned long m = (unsigned long)fabs(k);
	unsigned long whole = m / 10000, frac = m % 10000;
	char digits[8];
	size_t len = 0, nd = 0;
	if (signbit(k))
		buf[len++] = '-';
	do {
		digits[nd++] = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	while (nd)
		buf[len++] = digits[--nd];
	buf[len++] = '.';
	if (frac == 0) {
		buf[len++] = '0';
	} else {
		char d[4] = {(char)('0' + frac / 1000), (char)('0' + frac / 100 % 10),
		             (char)('0' + frac / 10 % 10), (char)('0' + frac % 10)};
		int last = 3;
		while (d[last] == '0')
			last--;
		for (int i = 0; i <= last; i++)
			buf[len++] = d[i];
	}
	buf[len] = '\0';
	return len;
}

void rl_jw_number4(rl_jw *w, double x)
{
	if (w->failed)
		return;
	if (!isfinite(x)) {
		rl_jw_null(w);
		return;
	}
	char buf[32];
	size_t n = rl_jw_format4(x, buf);
	if (n == 0)
		w->failed = 1;
	else
		check(w, yajl_gen_number(w->gen, buf, n));
}

radloc_status rl_jw_finish(rl_jw *w, char **out)
{
	*out = NULL;
	/* yajl ends an indented document with a newline; jansson did not. */
	if (w->indent > 0 && w->len > 0 && w->buf[w->len - 1] == '\n')
		w->len--;
	put(w, "", 0); /* room for the NUL, even for an empty document */
	int failed = w->failed || w->buf == NULL;
	char *text = failed ? NULL : w->buf;
	if (text)
		text[w->len] = '\0';
	else
		free(w->buf);
	yajl_gen_free(w->gen);
	free(w);
	*out = text;
	return text ? RADLOC_OK : RADLOC_ERR_NOMEM;
}

/* POST /v1/batch of `radloc serve` (see serve.h): JSON Lines in, JSON
 * Lines out, one line per exam in order; a bad exam is an error line and
 * the rest go on.
 *
 * The answer is made as it is sent: an exam is scored when the client has
 * taken the line before, so memory holds the body and one answer line
 * whatever the number of lines, and a client that leaves stops the
 * scoring. The work is checked against its cap before anything is scored,
 * so one request cannot hold a scorer for hours. */
#include "serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_line.h"
#include "radloc_limits.h"

typedef struct batch {
	const radloc_rules *rules;
	serve_pool *pool;
	serve_settings settings;
	char *body;
	const char *at, *end;
	unsigned long line;
	char *out;          /* the line being sent, with its newline */
	size_t out_size, out_sent;
} batch;

/* The next line with anything on it: [*start, *start + *len), its number
 * in b->line; 0 at the end. */
static int next_exam(batch *b, const char **start, size_t *len)
{
	while (b->at < b->end) {
		const char *nl = memchr(b->at, '\n', (size_t)(b->end - b->at));
		const char *stop = nl ? nl : b->end;
		const char *p = b->at;
		size_t n = (size_t)(stop - p);
		b->line++;
		b->at = nl ? nl + 1 : b->end;
		while (n && p[n - 1] == '\r')
			n--;
		size_t lead = 0;
		while (lead < n && (p[lead] == ' ' || p[lead] == '\t'))
			lead++;
		if (lead < n) {
			*start = p;
			*len = n;
			return 1;
		}
	}
	return 0;
}

/* The body's first byte after a byte-order mark and blanks is not '{' or
 * '[' (the first bytes radloc batch reads as JSON Lines). */
static int looks_like_yaml(const char *p, const char *end)
{
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p < end && *p != '{' && *p != '[';
}

static ssize_t batch_read(void *cls, char *buf, size_t max)
{
	batch *b = cls;
	if (b->out_sent == b->out_size) {
		const char *p;
		size_t len;
		free(b->out);
		b->out = NULL;
		b->out_size = b->out_sent = 0;
		if (!next_exam(b, &p, &len))
			return 0;
		batch_line bl = {0};
		radloc_scorer *sc = serve_pool_take(b->pool, &b->settings);
		batch_line_score(b->rules, sc, "request", p, len, b->line, 0, &bl);
		serve_pool_give(b->pool, sc);
		if (bl.text == NULL)
			return -1;
		size_t n = strlen(bl.text);
		char *grown = realloc(bl.text, n + 1);
		if (grown == NULL) {
			free(bl.text);
			return -1;
		}
		grown[n] = '\n';
		b->out = grown;
		b->out_size = n + 1;
	}
	size_t n = b->out_size - b->out_sent;
	if (n > max)
		n = max;
	memcpy(buf, b->out + b->out_sent, n);
	b->out_sent += n;
	return (ssize_t)n;
}

static void batch_done(void *cls)
{
	batch *b = cls;
	free(b->out);
	free(b->body);
	free(b);
}

enum MHD_Result serve_batch(const radloc_rules *rules, serve_pool *pool,
                            const serve_settings *settings, struct MHD_Connection *c,
                            http_request *rq)
{
	batch *b = calloc(1, sizeof *b);
	if (b == NULL)
		return http_respond_error(c, rq, 500, "out of memory");
	*b = (batch){rules, pool, *settings, rq->body, rq->body ? rq->body : "",
	             rq->body ? rq->body + rq->size : "", 0, NULL, 0, 0};
	rq->body = NULL;
	/* radloc batch reads a YAML stream ("---" documents) as well as JSON
	 * Lines, telling them apart by the first byte; here a YAML stream
	 * would be cut into lines and every line would fail. Refuse it whole
	 * and say what to do instead. */
	if (looks_like_yaml(b->at, b->end)) {
		batch_done(b);
		return http_respond_error(c, rq, 400,
		        "a batch is JSON Lines, one exam object per line, and this body starts "
		        "like a YAML stream: send each YAML exam to /v1/score, or score the "
		        "stream with radloc batch");
	}
	/* The work: each exam costs about as much as RADLOC_SERVE_LINE_COST
	 * draws, plus its draws. */
	unsigned long exams = 0;
	const char *p;
	size_t len;
	while (next_exam(b, &p, &len))
		exams++;
	b->at = b->body ? b->body : "";
	b->line = 0;
	double work = (double)exams * (double)(settings->draws + RADLOC_SERVE_LINE_COST);
	if (work > (double)RADLOC_SERVE_BATCH_WORK) {
		char msg[300];
		snprintf(msg, sizeof msg,
		         "batch of %lu exams at %lu draws is more work than one request may ask "
		         "(exams x (draws + %d) = %.0f, limit %ld): send fewer exams per request, "
		         "fewer draws, or use radloc batch",
		         exams, settings->draws, RADLOC_SERVE_LINE_COST, work,
		         (long)RADLOC_SERVE_BATCH_WORK);
		batch_done(b);
		return http_respond_error(c, rq, 413, msg);
	}
	return http_respond_stream(c, rq, 200, "application/x-ndjson", batch_read, batch_done, b);
}

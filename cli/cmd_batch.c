/* radloc batch [FILE|-]: many exams in, one JSON line each out, in input
 * order. Input is JSON Lines (one exam per line) or a YAML stream
 * (documents separated by "---" lines), told apart by the first byte.
 * Memory stays bounded: exams are read, scored and written a window at a
 * time, and a line longer than the exam limit is skipped, not stored. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "batch_line.h"
#include "buffer.h"
#include "cli.h"
#include "options.h"
#include "radloc_limits.h"

/* An exam of a stream has the limit of any exam. */
#define MAX_EXAM ((size_t)RADLOC_MAX_EXAM_BYTES)
#define WINDOW_PER_JOB 64

void help_batch(FILE *out)
{
	fputs("usage: radloc batch [FILE|-] [OPTIONS]\n"
	      "\n"
	      "Score a stream of exams: JSON Lines (one exam object per line) or a\n"
	      "YAML stream (documents separated by '---'). Writes one JSON line per\n"
	      "exam, in input order: the result, or\n"
	      "  {\"id\": ..., \"error\": {\"line\": L, \"column\": C, \"message\": ...}}\n"
	      "for an exam that cannot be scored; the batch goes on. A summary goes\n"
	      "to stderr. Exit status 3 if any exam failed.\n"
	      "\n"
	      "  --jobs N       score on N threads (default: the cores, at most 4);\n"
	      "                 the output is the same, in input order\n"
	      "  --draws N      draws for the intervals (default 1000; 0 = none)\n"
	      "  --interval P   central mass of the intervals (default 0.90)\n"
	      "  --seed N       random seed (default 1)\n"
	      "  --top N        hypotheses per result (default 10, 0 = all; the rest\n"
	      "                 are summed in other_probability)\n"
	      "  --rules PATH   rule file or directory\n",
	      out);
}

/* ---- reading the stream -------------------------------------------------------- */

typedef struct reader {
	FILE *in;
	const char *name;
	int yaml;               /* YAML stream, else JSON Lines */
	int started;
	unsigned long line;     /* lines read so far */
	char *held;             /* a "---" line that starts the next document */
	size_t held_len;
	int eof;
	/* Bytes read while looking for the first content that belong to the
	 * first line: its leading blanks (they set the YAML indentation and
	 * every column), or the start of a damaged byte-order mark. */
	char *lead;
	size_t lead_len, lead_cap;
	int lead_over;          /* more than an exam's worth: too long */
	int lead_content;       /* the lead holds a damaged byte-order mark */
} reader;

typedef struct exam_doc {
	char *data;
	size_t size, cap;
	unsigned long first_line;
	int too_long;           /* longer than the limit: not stored */
	batch_line result;      /* what scoring made of it */
} exam_doc;

/* One line, at most MAX_EXAM bytes kept; *too_long if it was longer.
 * Returns -1 at end of input. */
static long read_line(reader *r, char **buf, size_t *cap, int *too_long)
{
	size_t n = 0;
	int c;
	*too_long = 0;
	while ((c = getc(r->in)) != EOF) {
		/* Room for an exam at the limit, its CR LF and a NUL: a CRLF file
		 * gets the same limit as an LF one. */
		if (n + 2 > *cap) {
			if (*cap >= MAX_EXAM + 3) {
				*too_long = 1;
				if (c == '\n')
					break;
				continue;
			}
			size_t ncap = *cap ? *cap * 2 : 4096;
			if (ncap > MAX_EXAM + 3)
				ncap = MAX_EXAM + 3;
			char *p = realloc(*buf, ncap);
			if (p == NULL)
				return -2;
			*buf = p;
			*cap = ncap;
		}
		if (!*too_long)
			(*buf)[n++] = (char)c;
		if (c == '\n')
			break;
	}
	if (c == EOF && n == 0 && !*too_long)
		return -1;
	r->line++;
	(*buf)[n] = '\0';
	return (long)n;
}

static int lead_add(reader *r, int c)
{
	if (r->lead_len >= MAX_EXAM) {
		r->lead_over = 1;
		return 0;
	}
	if (cli_reserve(&r->lead, &r->lead_cap, r->lead_len + 1, 64) != 0)
		return -1;
	r->lead[r->lead_len++] = (char)c;
	return 0;
}

/* The next line, with the held-back lead (see reader.lead) in front of
 * the first one, so that its columns and indentation are the file's.
 * Returns like read_line. */
static long next_line(reader *r, char **buf, size_t *cap, int *too_long)
{
	long n = read_line(r, buf, cap, too_long);
	size_t len = r->lead_len;
	int over = r->lead_over, content = r->lead_content;

	if (n == -2 || (len == 0 && !over))
		return n;
	r->lead_len = 0;
	r->lead_over = 0;
	r->lead_content = 0;
	if (n == -1) {
		/* The input ends on that line: blanks are nothing, but the bytes
		 * of a damaged byte-order mark are an exam the parser must see. */
		if (over || !content)
			return -1;
		if (*cap == 0) {
			char *p = malloc(1);
			if (p == NULL)
				return -2;
			*buf = p;
			*cap = 1;
		}
		(*buf)[0] = '\0';
		*too_long = 0;
		r->line++;
		n = 0;
	}
	if (over || *too_long) {
		/* A line past the limit either way: nothing of it is kept. */
		*too_long = 1;
		return n;
	}
	/* At most twice the limit; append() judges the length. */
	if (len + (size_t)n + 1 > *cap) {
		char *p = realloc(*buf, len + (size_t)n + 1);
		if (p == NULL)
			return -2;
		*buf = p;
		*cap = len + (size_t)n + 1;
	}
	memmove(*buf + len, *buf, (size_t)n + 1);
	memcpy(*buf, r->lead, len);
	return n + (long)len;
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* Only comments and blank lines (after a byte-order mark): not an exam. */
static int no_content(const char *s, size_t n)
{
	int at_start = 1, in_comment = 0;
	size_t i = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < n; i++) {
		char c = s[i];
		if (c == '\n') {
			at_start = 1;
			in_comment = 0;
			continue;
		}
		if (in_comment || c == ' ' || c == '\t' || c == '\r')
			continue;
		if (c == '#' && at_start) {
			in_comment = 1;
			continue;
		}
		if (c == '-' && i + 2 < n && s[i + 1] == '-' && s[i + 2] == '-' && at_start) {
			i += 2;
			continue;
		}
		return 0;
	}
	return 1;
}

static int append(exam_doc *d, const char *s, size_t n)
{
	if (d->too_long)
		return 0;
	if (d->size + n > MAX_EXAM) {
		d->too_long = 1;
		return 0;
	}
	if (cli_reserve(&d->data, &d->cap, d->size + n + 1, 1024) != 0)
		return -1;
	memcpy(d->data + d->size, s, n);
	d->size += n;
	d->data[d->size] = '\0';
	return 0;
}

static int doc_start(const char *s)
{
	return strncmp(s, "---", 3) == 0 &&
	       (s[3] == '\0' || s[3] == ' ' || s[3] == '\t' || s[3] == '\n' || s[3] == '\r');
}

/* The next exam into d (reused buffer). 1 = got one, 0 = end, -1 = error. */
static int next_exam(reader *r, exam_doc *d, char **line, size_t *cap)
{
	int too_long;
	long n;

	d->size = 0;
	d->too_long = 0;
	if (!r->started) {
		/* Skip blank lines, counting them; keep a byte-order mark and
		 * the blanks before the first content (see reader.lead). Only a
		 * whole mark at the very start is a mark; other bytes are
		 * content, for the parser to judge. */
		int c = getc(r->in), content = 0;
		if (c == 0xEF) {
			int c2 = getc(r->in);
			int c3 = c2 == 0xBB ? getc(r->in) : EOF;
			if (c2 == 0xBB && c3 == 0xBF) {
				/* Kept for the parser, which drops it: then a byte
				 * offset in a message is the file's. */
				if (lead_add(r, 0xEF) || lead_add(r, 0xBB) || lead_add(r, 0xBF))
					return -1;
				c = getc(r->in);
			} else {
				if (lead_add(r, 0xEF) || (c2 == 0xBB && lead_add(r, 0xBB)))
					return -1;
				c = c2 == 0xBB ? c3 : c2;
				content = r->lead_content = 1;
			}
		}
		while (!content) {
			if (c == '\n' || c == '\r') {
				r->line += c == '\n';
				r->lead_len = 0;
				r->lead_over = 0;
			} else if (c == ' ' || c == '\t') {
				if (lead_add(r, c))
					return -1;
			} else {
				break;
			}
			c = getc(r->in);
		}
		/* JSON Lines start with '{' (or '[', a wrong first line that must
		 * not turn the whole file into one YAML document); anything else
		 * is read as a YAML stream. */
		r->yaml = content || (c != '{' && c != '[');
		if (c != EOF)
			ungetc(c, r->in);
		r->started = 1;
	}
	if (!r->yaml) {
		for (;;) {
			n = next_line(r, line, cap, &too_long);
			if (n == -2)
				return -1;
			if (n == -1)
				return 0;
			if (!too_long && blank(*line, (size_t)n))
				continue;
			d->first_line = r->line;
			d->too_long = too_long;
			/* Without its newline, an error at the end of the line is
			 * reported on that line, not the next. */
			while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r'))
				n--;
			return append(d, *line, (size_t)n) ? -1 : 1;
		}
	}
	int have = 0;
	if (r->held) {
		d->first_line = r->line;
		if (append(d, r->held, r->held_len))
			return -1;
		free(r->held);
		r->held = NULL;
		have = 1;
	}
	for (;;) {
		if (r->eof)
			break;
		n = next_line(r, line, cap, &too_long);
		if (n == -2)
			return -1;
		if (n == -1) {
			r->eof = 1;
			break;
		}
		if (!too_long && doc_start(*line)) {
			if (have && !no_content(d->data, d->size)) {
				r->held = malloc((size_t)n + 1);
				if (r->held == NULL)
					return -1;
				memcpy(r->held, *line, (size_t)n + 1);
				r->held_len = (size_t)n;
				return 1;
			}
			/* A document with no content before this marker: start afresh. */
			d->size = 0;
			d->too_long = 0;
			have = 0;
		}
		if (!have) {
			d->first_line = r->line;
			have = 1;
		}
		if (too_long)
			d->too_long = 1;
		else if (append(d, *line, (size_t)n))
			return -1;
	}
	if (have && (d->too_long || !no_content(d->data, d->size)))
		return 1;
	return 0;
}

/* ---- scoring a window ----------------------------------------------------------- */

typedef struct job {
	const radloc_rules *rules;
	const cli_options *o;
	const char *name;
	exam_doc *docs;
	size_t count;
	size_t next;
	pthread_mutex_t lock;
	int internal;
} job;

static void score_one(job *j, radloc_scorer *scorer, exam_doc *d)
{
	batch_line_score(j->rules, scorer, j->name, d->data, d->size, d->first_line,
	                 d->too_long, &d->result);
}

/* One thread's scorer, kept for the whole batch: a scorer keeps tables
 * it makes as exams first need them (touch lists, likelihoods), so a new
 * one per window would make them again every 64 exams. */
typedef struct lane {
	job *j;
	radloc_scorer *scorer;
} lane;

static void *worker(void *arg)
{
	lane *l = arg;
	job *j = l->j;
	if (l->scorer == NULL &&
	    ((l->scorer = radloc_scorer_new(j->rules)) == NULL ||
	     cli_configure(l->scorer, j->o, 10) != EXIT_OK)) {
		pthread_mutex_lock(&j->lock);
		j->internal = 1;
		pthread_mutex_unlock(&j->lock);
		radloc_scorer_free(&l->scorer);
		return NULL;
	}
	radloc_scorer *scorer = l->scorer;
	for (;;) {
		pthread_mutex_lock(&j->lock);
		size_t i = j->next++;
		pthread_mutex_unlock(&j->lock);
		if (i >= j->count)
			break;
		score_one(j, scorer, &j->docs[i]);
	}
	return NULL;
}

static int score_window(job *j, lane *lanes, long jobs)
{
	pthread_t threads[CLI_MAX_JOBS];
	long started = 0;
	j->next = 0;
	if (jobs <= 1 || j->count <= 1) {
		worker(&lanes[0]);
		return j->internal ? -1 : 0;
	}
	for (long t = 0; t < jobs; t++) {
		if (pthread_create(&threads[t], NULL, worker, &lanes[t]) != 0)
			break;
		started++;
	}
	if (started == 0)
		worker(&lanes[0]);
	for (long t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	return j->internal ? -1 : 0;
}

/* ---- writing a window -------------------------------------------------------- */

/* Lines handed to one writev call: within any system's IOV_MAX (>= 16,
 * 1024 on Linux), two vectors per line (the text and its newline). */
#define LINES_PER_WRITE 256

/* Write a window's result lines to standard output straight through
 * write(2), whole lines per call: a file cut short by a kill or a full
 * disk ends at a line's end except when the system itself writes a call
 * partly (docs/radloc.1: a consumer drops a last line without a newline).
 * Through stdio, a buffer of 4 KiB would split most lines. 0, or the
 * errno of the failed write. */
static int write_window(const exam_doc *docs, size_t n)
{
	static char newline[] = "\n";
	struct iovec iov[2 * LINES_PER_WRITE];
	size_t i = 0;
	while (i < n) {
		int count = 0;
		for (; i < n && count < 2 * LINES_PER_WRITE; i++) {
			if (docs[i].result.text == NULL)
				continue;
			iov[count].iov_base = docs[i].result.text;
			iov[count++].iov_len = strlen(docs[i].result.text);
			iov[count].iov_base = newline;
			iov[count++].iov_len = 1;
		}
		struct iovec *v = iov;
		while (count > 0) {
			ssize_t put = writev(STDOUT_FILENO, v, count);
			if (put < 0 && errno == EINTR)
				continue;
			if (put <= 0)
				return put < 0 ? errno : EIO;
			/* A partial write: go on from where it stopped. */
			size_t left = (size_t)put;
			while (count > 0 && left >= v->iov_len) {
				left -= v->iov_len;
				v++;
				count--;
			}
			if (count > 0) {
				v->iov_base = (char *)v->iov_base + left;
				v->iov_len -= left;
			}
		}
	}
	return 0;
}

int cmd_batch(int argc, char **argv)
{
	cli_options o;
	int rc = cli_parse_options(argc, argv, "batch",
	                           CLI_RULES | CLI_TOP | CLI_DRAWS | CLI_INTERVAL | CLI_SEED | CLI_JOBS,
	                           help_batch, &o);
	if (rc >= 0 || (rc = cli_one_input(&o, "batch", "one input at a time (FILE or -)")) >= 0)
		return rc;
	if (!o.jobs_set)
		o.jobs = cli_default_jobs();
	const char *path = o.nargs ? o.args[0] : "-";
	reader r = {0};
	r.name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	r.in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (r.in == NULL) {
		fprintf(stderr, "%s: cannot open: %s\n", path, strerror(errno));
		return EXIT_INPUT;
	}
	/* A directory opens, and only its reading fails: say so first. */
	struct stat st;
	if (fstat(fileno(r.in), &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: cannot read: %s\n", path, strerror(EISDIR));
		if (r.in != stdin)
			fclose(r.in);
		return EXIT_INPUT;
	}
	radloc_rules *rules = NULL;
	if ((rc = cli_load_rules(o.rules, &rules)) != EXIT_OK) {
		if (r.in != stdin)
			fclose(r.in);
		return rc;
	}
	size_t window = (size_t)(WINDOW_PER_JOB * o.jobs);
	exam_doc *docs = calloc(window, sizeof *docs);
	char *line = NULL;
	size_t line_cap = 0;
	unsigned long total = 0, failed = 0;
	job j = {rules, &o, r.name, docs, 0, 0, PTHREAD_MUTEX_INITIALIZER, 0};
	lane lanes[CLI_MAX_JOBS];
	for (long t = 0; t < CLI_MAX_JOBS; t++)
		lanes[t] = (lane){&j, NULL};
	rc = docs ? EXIT_OK : EXIT_INTERNAL;
	while (rc == EXIT_OK) {
		size_t n = 0;
		int got = 1;
		while (n < window && (got = next_exam(&r, &docs[n], &line, &line_cap)) == 1)
			n++;
		if (got < 0) {
			fprintf(stderr, "%s: out of memory reading the input\n", r.name);
			rc = EXIT_INTERNAL;
		}
		if (n == 0)
			break;
		j.count = n;
		if (score_window(&j, lanes, o.jobs) != 0)
			rc = EXIT_INTERNAL;
		for (size_t i = 0; i < n; i++) {
			const batch_line *b = &docs[i].result;
			if (b->failed) {
				failed++;
				fprintf(stderr, "%s:%lu:%lu: %s\n", r.name, b->line, b->column,
				        b->message);
			}
			if (b->internal)
				rc = EXIT_INTERNAL;
		}
		total += n;
		int err = write_window(docs, n);
		if (err) {
			/* Nothing more can reach the output: stop reading. */
			cli_write_failed(err);
			rc = EXIT_INTERNAL;
			break;
		}
		if (got == 0)
			break;
	}
	if (ferror(r.in)) {
		fprintf(stderr, "%s: cannot read: %s\n", r.name, strerror(errno));
		if (rc == EXIT_OK)
			rc = EXIT_INPUT;
	}
	fprintf(stderr, "radloc batch: %lu exam%s, %lu scored, %lu failed\n", total,
	        total == 1 ? "" : "s", total - failed, failed);
	if (rc == EXIT_OK && failed)
		rc = EXIT_INPUT;
	for (size_t i = 0; docs && i < window; i++) {
		free(docs[i].data);
		free(docs[i].result.text);
	}
	free(docs);
	for (long t = 0; t < CLI_MAX_JOBS; t++)
		radloc_scorer_free(&lanes[t].scorer);
	free(line);
	free(r.held);
	free(r.lead);
	if (r.in != stdin)
		fclose(r.in);
	radloc_rules_free(&rules);
	return rc;
}

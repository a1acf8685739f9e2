/* One exam of a batch: parsed, scored, written as a result line or an
 * error line. `radloc batch` and POST /v1/batch both make their lines
 * here, so a pipeline reads the same bytes from either. */
#ifndef RADLOC_CLI_BATCH_LINE_H
#define RADLOC_CLI_BATCH_LINE_H

#include <stddef.h>

#include "radloc.h"
#include "radloc_limits.h"

typedef struct batch_line {
	char *text;             /* the line, no newline; free(); NULL: out of memory */
	int failed;             /* an error line: the exam could not be scored */
	int internal;           /* not the exam's fault: out of memory, a bug */
	/* The error, for the line and for a summary on stderr. */
	unsigned long line, column;
	char message[RADLOC_MAX_MESSAGE_BYTES];
	int have_error;
} batch_line;

/* Score the exam in data (size bytes, starting on first_line of the input
 * called name) and write its line into *out, whose old text is freed.
 * too_long: the exam was past the exam limit and not kept (data unused).
 * The line is the result as one line of JSON, or
 *   {"id": ID or null, "error": {"line": L, "column": C, "message": M}}
 * with the first problem found. */
void batch_line_score(const radloc_rules *rules, radloc_scorer *scorer,
                      const char *name, const char *data, size_t size,
                      unsigned long first_line, int too_long, batch_line *out);

#endif

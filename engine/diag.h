/* Internal: collecting problems with their position and passing them to
 * the caller's callback. The library never prints. */
#ifndef RADLOC_DIAG_H
#define RADLOC_DIAG_H

#include <stddef.h>
#include "radloc.h"

typedef struct rl_diagctx {
	radloc_diag_fn *fn;
	void *user;
	const char *file;     /* name shown in messages */
	radloc_status first;  /* status of the first problem, RADLOC_OK if none */
	unsigned count;       /* problems reported */
	unsigned long line_offset; /* added to every line: one exam of a stream */
} rl_diagctx;

void rl_diag_init(rl_diagctx *d, radloc_diag_fn *fn, void *user,
                  const char *file);

/* Report a problem at a 1-based line and column (0 = unknown). Formats
 * like printf. Returns status, so callers can `return rl_report(...)`. */
radloc_status rl_report(rl_diagctx *d, radloc_status status,
                        unsigned long line, unsigned long column,
                        const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

/* The status for a failed open or read: out of memory when the C library
 * says so (fopen and opendir allocate), else an I/O error. */
radloc_status rl_io_status(int err);

/* Copy text into buf as a printable, quoted-safe form for messages:
 * control bytes and invalid UTF-8 become \xNN, and anything over 48
 * characters is cut with "...". Always NUL-terminates. */
const char *rl_printable(char *buf, size_t size, const char *text);
#define RL_PRINTABLE_SIZE 208

/* A value as a message quotes it: rl_printable into a buffer of
 * RL_PRINTABLE_SIZE bytes. Returns buf. */
const char *rl_value_for_message(char *buf, const char *text);

#endif

/* Internal: libyaml's failures turned into messages a person can act on,
 * at the line and column where the problem is. Apart from yamltree.h so
 * that only the files that hold a libyaml parser include <yaml.h>. */
#ifndef RADLOC_YAML_ERRORS_H
#define RADLOC_YAML_ERRORS_H

#include <stddef.h>
#include <yaml.h>

#include "diag.h"

/* libyaml counts lines and columns from 0; messages count from 1. */
static inline unsigned long yt_line_of(yaml_mark_t m)
{
	return (unsigned long)m.line + 1;
}

static inline unsigned long yt_column_of(yaml_mark_t m)
{
	return (unsigned long)m.column + 1;
}

/* Report the error that stopped parser p on data (size bytes), after
 * `documents` documents had started: a bad UTF-8 byte at its position, a
 * tab used for indentation, text after the document, or libyaml's problem
 * and context. */
void yt_report_parser_error(rl_diagctx *d, const yaml_parser_t *p,
                            const char *data, size_t size, int documents);

#endif

/* Growing byte buffers of the command line (exam text, SVG, key lists). */
#ifndef RADLOC_CLI_BUFFER_H
#define RADLOC_CLI_BUFFER_H

#include <stddef.h>

/* Room for need bytes in *buf (*cap bytes now): the capacity doubles from
 * first until it holds them. 0, or -1 out of memory with *buf and *cap as
 * they were. */
int cli_reserve(char **buf, size_t *cap, size_t need, size_t first);

#endif

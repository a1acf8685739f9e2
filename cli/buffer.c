/* Growing byte buffers: doubling keeps appending byte by byte linear. */
#include <stdlib.h>

#include "buffer.h"

int cli_reserve(char **buf, size_t *cap, size_t need, size_t first)
{
	if (need <= *cap)
		return 0;
	size_t grown_cap = *cap ? *cap : first;
	while (grown_cap < need)
		grown_cap *= 2;
	char *grown = realloc(*buf, grown_cap);
	if (grown == NULL)
		return -1;
	*buf = grown;
	*cap = grown_cap;
	return 0;
}

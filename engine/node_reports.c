/* Reports located at a tree node: its line and column, and the one place
 * every "did you mean" suggestion is written. */
#include "yamltree.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "radloc_limits.h"
#include "textutil.h"

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

size_t yt_report_unknown_keys(rl_diagctx *d, const yt_node *map, const char *const *keys,
                              size_t count, const char *where)
{
	size_t bad = 0;
	for (const yt_node *k = map->first; k; k = k->next) {
		size_t i;
		for (i = 0; i < count && strcmp(k->text, keys[i]) != 0; i++)
			;
		if (i == count) {
			yt_report_unknown(d, k, RADLOC_ERR_SCHEMA, "key", where, keys, count);
			bad++;
		}
	}
	return bad;
}

#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "radloc_limits.h"
#include "textutil.h"

void rl_diag_init(rl_diagctx *d, radloc_diag_fn *fn, void *user,
                  const char *file)
{
	d->fn = fn;
	d->user = user;
	d->file = file ? file : "<input>";
	d->first = RADLOC_OK;
	d->count = 0;
	d->line_offset = 0;
}

radloc_status rl_report(rl_diagctx *d, radloc_status status,
                        unsigned long line, unsigned long column,
                        const char *fmt, ...)
{
	char message[RADLOC_MAX_MESSAGE_BYTES];
	va_list ap;

	if (d->first == RADLOC_OK)
		d->first = status;
	/* Past the cap, keep the status but stop flooding the caller; say so
	 * once, so that nobody takes the list for complete. */
	if (d->fn == NULL || d->count > RADLOC_MAX_DIAGNOSTICS) {
		d->count++;
		return status;
	}
	if (d->count++ == RADLOC_MAX_DIAGNOSTICS) {
		radloc_diag stop = {status, d->file, 0, 0,
		                    "too many problems; stopping the list here"};
		d->fn(&stop, d->user);
		return status;
	}
	va_start(ap, fmt);
	vsnprintf(message, sizeof message, fmt, ap);
	va_end(ap);
	radloc_diag diag = {status, d->file, line ? line + d->line_offset : 0,
	                    column, message};
	d->fn(&diag, d->user);
	return status;
}

const char *rl_printable(char *buf, size_t size, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t o = 0, shown = 0, left = strlen((const char *)s);

	if (size < 16)
		return "";
	while (*s && o + 8 < size) {
		if (shown == 48) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		size_t n = rl_utf8_length(s, left, NULL);
		if (n == 0 || (n == 1 && (*s < 0x20 || *s == 0x7F))) {
			o += (size_t)snprintf(buf + o, size - o, "\\x%02X", *s);
			n = 1;
		} else {
			memcpy(buf + o, s, n);
			o += n;
		}
		s += n;
		left -= n;
		shown++;
	}
	buf[o] = '\0';
	return buf;
}

const char *rl_value_for_message(char *buf, const char *text)
{
	return rl_printable(buf, RL_PRINTABLE_SIZE, text);
}

radloc_status rl_io_status(int err)
{
	return err == ENOMEM ? RADLOC_ERR_NOMEM : RADLOC_ERR_IO;
}

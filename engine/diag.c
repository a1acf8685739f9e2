#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "radloc_limits.h"

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

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one. */
static size_t utf8_length(const unsigned char *s)
{
	size_t n;
	unsigned min;
	unsigned long cp;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0) {
		n = 2; cp = s[0] & 0x1Fu; min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3; cp = s[0] & 0x0Fu; min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4; cp = s[0] & 0x07u; min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3Fu);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

const char *rl_printable(char *buf, size_t size, const char *text)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t o = 0, shown = 0;

	if (size < 16)
		return "";
	while (*s && o + 8 < size) {
		if (shown == 48) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		size_t n = utf8_length(s);
		if (n == 1 && (*s < 0x20 || *s == 0x7F)) {
			o += (size_t)snprintf(buf + o, size - o, "\\x%02X", *s);
			s++;
		} else if (n == 0) {
			o += (size_t)snprintf(buf + o, size - o, "\\x%02X", *s);
			s++;
		} else {
			memcpy(buf + o, s, n);
			o += n;
			s += n;
		}
		shown++;
	}
	buf[o] = '\0';
	return buf;
}

radloc_status rl_io_status(int err)
{
	return err == ENOMEM ? RADLOC_ERR_NOMEM : RADLOC_ERR_IO;
}

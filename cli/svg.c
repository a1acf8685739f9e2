/* Writing SVG safely: a growing buffer, and text that no exam id or rule
 * name can break (markup escaped, what XML cannot carry replaced). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "svg.h"
#include "textutil.h"

/* n bytes as they are. */
static void svg_raw(svg_sink *s, const char *text, size_t n)
{
	if (s->failed)
		return;
	if (cli_reserve(&s->buf, &s->cap, s->len + n + 1, 16384) != 0) {
		s->failed = 1;
		return;
	}
	memcpy(s->buf + s->len, text, n);
	s->len += n;
	s->buf[s->len] = '\0';
}

void svg_put(svg_sink *s, const char *fmt, ...)
{
	char small[512];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		s->failed = 1;
		return;
	}
	if ((size_t)n < sizeof small) {
		svg_raw(s, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (big == NULL) {
		s->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	svg_raw(s, big, (size_t)n);
	free(big);
}

/* Length of the UTF-8 sequence at p that XML 1.0 allows, or 0: valid
 * UTF-8 (the engine's one decoder) less the control characters and the
 * two non-characters XML refuses. */
static size_t xml_char(const unsigned char *p)
{
	uint32_t c;

	if (p[0] < 0x80)
		return p[0] >= 0x20 || p[0] == '\t' || p[0] == '\n' ? 1 : 0;
	size_t n = rl_utf8_length(p, strnlen((const char *)p, 4), &c);
	return n == 0 || c == 0xFFFE || c == 0xFFFF ? 0 : n;
}

void svg_text(svg_sink *s, const char *t)
{
	const unsigned char *p = (const unsigned char *)(t ? t : "");

	while (*p) {
		size_t n = xml_char(p);
		if (n == 0) {
			svg_raw(s, "\xEF\xBF\xBD", 3);
			p++;
			continue;
		}
		switch (*p) {
		case '&': svg_raw(s, "&amp;", 5); break;
		case '<': svg_raw(s, "&lt;", 4); break;
		case '>': svg_raw(s, "&gt;", 4); break;
		case '"': svg_raw(s, "&quot;", 6); break;
		case '\'': svg_raw(s, "&apos;", 6); break;
		case '\n': svg_raw(s, "&#10;", 5); break;
		case '\t': svg_raw(s, "&#9;", 4); break;
		default: svg_raw(s, (const char *)p, n); break;
		}
		p += n;
	}
}

void svg_points(svg_sink *s, const svg_point *p, size_t n)
{
	svg_put(s, " points=\"");
	for (size_t i = 0; i < n; i++)
		svg_put(s, "%s%.1f,%.1f", i ? " " : "", p[i].x, p[i].y);
	svg_put(s, "\"");
}

void svg_label(svg_sink *s, double x, double y, const char *attrs, const char *t)
{
	svg_put(s, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attrs);
	svg_text(s, t);
	svg_put(s, "</text>\n");
}

/* Characters (not bytes) in a UTF-8 string. */
static size_t text_width(const char *t, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)t[i] & 0xC0) != 0x80;
	return w;
}

double svg_paragraph(svg_sink *s, double x, double y, double step, size_t cols,
                        const char *attrs, const char *t)
{
	char line[512];
	const char *p = t ? t : "";

	while (*p) {
		size_t n = strlen(p), cut = n;
		if (text_width(p, n) > cols) {
			cut = 0;
			for (size_t i = 0; i < n && text_width(p, i) <= cols; i++)
				if (p[i] == ' ')
					cut = i;
			if (cut == 0)
				for (cut = 1; cut < n && text_width(p, cut) < cols; cut++)
					;
		}
		if (cut >= sizeof line)
			cut = sizeof line - 1;
		while (cut > 1 && cut < n && ((unsigned char)p[cut] & 0xC0) == 0x80)
			cut--; /* never split a character */
		memcpy(line, p, cut);
		line[cut] = '\0';
		if (s)
			svg_label(s, x, y, attrs, line);
		y += step;
		p += cut;
		while (*p == ' ')
			p++;
	}
	return y;
}

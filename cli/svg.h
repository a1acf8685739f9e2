/* Writing SVG safely: markup into a growing buffer, text escaped so that
 * no exam id or rule name can break the document, labels and paragraphs
 * of text. Knows nothing of the body chart. */
#ifndef RADLOC_SVG_H
#define RADLOC_SVG_H

#include <stddef.h>

/* A point in the document's user units (y downwards). */
typedef struct svg_point {
	double x, y;
} svg_point;

/* The document being written; starts zeroed. Once an allocation fails,
 * failed is set and nothing more is written. buf is NUL-terminated; the
 * caller frees it. */
typedef struct svg_sink {
	char *buf;
	size_t len, cap;
	int failed;
} svg_sink;

/* Formatted markup; values given as text must go through svg_text. */
__attribute__((format(printf, 2, 3)))
void svg_put(svg_sink *s, const char *fmt, ...);

/* Text as XML character data or attribute value: markup escaped, and
 * anything XML cannot carry (control bytes, broken UTF-8) replaced by
 * U+FFFD. NULL writes nothing. */
void svg_text(svg_sink *s, const char *t);

/* A points="x,y x,y ..." attribute, one decimal. */
void svg_points(svg_sink *s, const svg_point *p, size_t n);

/* <text x y ATTRS>t</text>; attrs is markup. */
void svg_label(svg_sink *s, double x, double y, const char *attrs, const char *t);

/* A paragraph broken at spaces into lines of at most `cols` characters,
 * `step` apart. Returns the y below it; with s NULL, only measures. */
double svg_paragraph(svg_sink *s, double x, double y, double step, size_t cols,
                     const char *attrs, const char *t);

#endif

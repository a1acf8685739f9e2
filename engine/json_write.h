/* Internal: the streaming JSON writer behind json.c. yajl's generator
 * (a kept library: every string escaped by it, byte for byte as jansson
 * escapes) writes straight into one growing buffer, with no tree of
 * objects in between; numbers are formatted here, as jansson wrote them
 * before, so the output did not move by a byte. */
#ifndef RADLOC_JSON_WRITE_H
#define RADLOC_JSON_WRITE_H

#include <stddef.h>

#include "radloc.h"

typedef struct rl_jw rl_jw;

/* A writer of compact JSON (indent 0) or indented by `indent` spaces
 * (1..31), laid out as jansson's JSON_INDENT laid it out; NULL when
 * memory is short or indent is out of range. */
rl_jw *rl_jw_new(int indent);

/* Each call after a failure does nothing; the failure is reported once,
 * by rl_jw_finish. */
void rl_jw_object(rl_jw *w);
void rl_jw_object_end(rl_jw *w);
void rl_jw_array(rl_jw *w);
void rl_jw_array_end(rl_jw *w);
void rl_jw_key(rl_jw *w, const char *key);
/* A string, or null when s is NULL. A string that is not valid UTF-8
 * fails the document, as jansson's json_string refused it. */
void rl_jw_text(rl_jw *w, const char *s);
void rl_jw_null(rl_jw *w);
void rl_jw_integer(rl_jw *w, long long v);
/* x rounded to 4 decimals (null when not finite): see rl_jw_format4. */
void rl_jw_number4(rl_jw *w, double x);

/* The document in *out (free()); frees the writer. RADLOC_ERR_NOMEM
 * after any failure. */
radloc_status rl_jw_finish(rl_jw *w, char **out);

/* round(x * 1e4) / 1e4 written exactly as jansson writes that double with
 * JSON_REAL_PRECISION(6) ("%.6g", then ".0" when there is neither '.' nor
 * 'e', the exponent without '+' or leading zeros): 0.4845, 1.0, -0.0,
 * 123.457, 1.23457e6. buf holds at least 32 bytes; returns the length.
 * x must be finite. */
size_t rl_jw_format4(double x, char *buf);

#endif

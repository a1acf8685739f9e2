/* Internal: reading numbers and names written by people. */
#ifndef RADLOC_TEXTUTIL_H
#define RADLOC_TEXTUTIL_H

#include <stddef.h>
#include <stdint.h>

/* Parse a plain decimal ("0.70", "-3", "1e-3") exactly as written,
 * independently of the process locale (strtod would read "0,7" under a
 * comma-decimal locale and refuse "0.7"). Returns 0 on success, -1 if the
 * text is not a finite decimal number. Leading '+', ".7" and "7." are
 * refused: rule files are read by people, and such forms hide typos. */
int rl_parse_double(const char *text, double *out);

/* Parse a whole integer in [min, max]. Returns 0, or -1 if it is not an
 * integer, or 1 if it is out of range. */
int rl_parse_long(const char *text, long min, long max, long *out);

/* Edit distance (Damerau-Levenshtein, optimal string alignment) between
 * two short ids, case-insensitive; capped at cap + 1 for speed. */
size_t rl_edit_distance(const char *a, const char *b, size_t cap);

/* The candidate nearest to name, or NULL when none is within a plausible
 * typo distance (a third of the name's length, at least 2). */
const char *rl_nearest(const char *name, const char *const *candidates,
                       size_t count);

/* Length 1..4 of the valid UTF-8 sequence at s (not overlong, no
 * surrogates, <= U+10FFFF, within avail bytes), 0 if invalid; *codepoint
 * is set when not NULL. The one decoder: messages quote text with it and
 * the YAML reader points at the first bad byte with it. */
size_t rl_utf8_length(const unsigned char *s, size_t avail, uint32_t *codepoint);

/* Offset of the first byte of s[0..size) that does not start a valid
 * UTF-8 sequence (as rl_utf8_length judges it), or size if there is none:
 * the YAML reader's error position, and the JSON reader's and writer's
 * check that a string is text. ASCII bytes are passed over without a
 * call, as JSON is mostly ASCII. */
size_t rl_utf8_valid_prefix(const unsigned char *s, size_t size);

#endif

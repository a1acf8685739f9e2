#include "radloc.h"
#include "textutil.h"

#include <ctype.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

/* Both number grammars start alike: an optional '-', then a digit. Returns
 * where the digits start (past the sign), or NULL when there is no digit. */
static const char *after_sign(const char *text, int *negative)
{
	*negative = *text == '-';
	const char *s = text + *negative;
	return isdigit((unsigned char)*s) ? s : NULL;
}

int rl_parse_double(const char *text, double *out)
{
	int negative, digits = 0, exp_sign = 1;
	long exponent = 0, exp_value = 0;
	/* 19 significant digits fit in an unsigned long long exactly. */
	unsigned long long mantissa = 0;
	int significant = 0;
	const char *s = after_sign(text, &negative);

	if (s == NULL)
		return -1;
	while (isdigit((unsigned char)*s)) {
		if (significant < 19) {
			if (mantissa || *s != '0') {
				mantissa = mantissa * 10 + (unsigned)(*s - '0');
				significant++;
			}
		} else {
			exponent++;
		}
		digits++;
		s++;
	}
	if (*s == '.') {
		s++;
		if (!isdigit((unsigned char)*s))
			return -1;
		while (isdigit((unsigned char)*s)) {
			if (significant < 19) {
				if (mantissa || *s != '0')
					significant++;
				mantissa = mantissa * 10 + (unsigned)(*s - '0');
				exponent--;
			}
			s++;
		}
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '-' || *s == '+') {
			exp_sign = *s == '-' ? -1 : 1;
			s++;
		}
		if (!isdigit((unsigned char)*s))
			return -1;
		while (isdigit((unsigned char)*s)) {
			if (exp_value < 100000)
				exp_value = exp_value * 10 + (*s - '0');
			s++;
		}
	}
	if (*s != '\0' || digits == 0)
		return -1;
	exponent += exp_sign * exp_value;
	double value = (double)mantissa;
	if (value != 0.0) {
		if (exponent > 330 || exponent < -360)
			return -1;
		/* Dividing by an exact power of ten rounds once for |exp| <= 22. */
		if (exponent < 0 && exponent >= -22)
			value /= pow(10.0, (double)-exponent);
		else
			value *= pow(10.0, (double)exponent);
	}
	if (!isfinite(value))
		return -1;
	*out = negative ? -value : value;
	return 0;
}

int rl_parse_long(const char *text, long min, long max, long *out)
{
	int negative;
	long value = 0;
	const char *s = after_sign(text, &negative);

	if (s == NULL)
		return -1;
	while (isdigit((unsigned char)*s)) {
		int digit = *s - '0';
		if (value > (LONG_MAX - digit) / 10)
			return 1;
		value = value * 10 + digit;
		s++;
	}
	if (*s != '\0')
		return -1;
	if (negative)
		value = -value;
	if (value < min || value > max)
		return 1;
	*out = value;
	return 0;
}

size_t rl_edit_distance(const char *a, const char *b, size_t cap)
{
	/* Ids are short; longer ones are compared on their first 63 bytes. */
	enum { N = 64 };
	size_t la = strlen(a), lb = strlen(b);
	size_t prev2[N], prev[N], cur[N];

	if (la >= N) la = N - 1;
	if (lb >= N) lb = N - 1;
	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	memset(prev2, 0, sizeof prev2);
	for (size_t i = 1; i <= la; i++) {
		size_t row_min;
		cur[0] = row_min = i;
		for (size_t j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);
			size_t cost = ca != cb;
			size_t best = prev[j] + 1;
			if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
			if (prev[j - 1] + cost < best) best = prev[j - 1] + cost;
			if (i > 1 && j > 1 &&
			    ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb &&
			    prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
			if (best < row_min)
				row_min = best;
		}
		if (row_min > cap)
			return cap + 1;
		memcpy(prev2, prev, sizeof prev);
		memcpy(prev, cur, sizeof cur);
	}
	return prev[lb];
}

/* How far apart, in value, the first characters that differ are. */
static size_t char_gap(const char *a, const char *b)
{
	size_t i = 0;
	while (a[i] && tolower((unsigned char)a[i]) == tolower((unsigned char)b[i]))
		i++;
	int ca = tolower((unsigned char)a[i]), cb = tolower((unsigned char)b[i]);
	return (size_t)(ca > cb ? ca - cb : cb - ca);
}

const char *rl_nearest(const char *name, const char *const *candidates,
                       size_t count)
{
	size_t len = strlen(name);
	size_t cap = len / 3 > 2 ? len / 3 : 2;
	const char *best = NULL;
	size_t best_d = cap + 1;

	for (size_t i = 0; i < count; i++) {
		size_t d = rl_edit_distance(name, candidates[i], cap);
		/* On a tie prefer the nearer character: "L6" is a slip for
		 * "L5" rather than "L4", "C9" for "C8" rather than "C7". */
		if (d < best_d || (d == best_d && best &&
		                   char_gap(name, candidates[i]) < char_gap(name, best))) {
			best_d = d;
			best = candidates[i];
		}
	}
	/* Also catch a word-order or prefix slip: "foot_dorsum" for
	 * "dorsum_foot", "great_toe" for "great_toe_extension". */
	if (best == NULL && len >= 4) {
		for (size_t i = 0; i < count; i++) {
			if (strncmp(candidates[i], name, len) == 0)
				return candidates[i];
		}
	}
	return best;
}

const char *radloc_nearest(const char *word, const char *const *candidates, size_t count)
{
	if (word == NULL || (candidates == NULL && count > 0))
		return NULL;
	for (size_t i = 0; i < count; i++)
		if (candidates[i] == NULL)
			return NULL;
	return rl_nearest(word, candidates, count);
}

size_t rl_utf8_length(const unsigned char *s, size_t avail, uint32_t *codepoint)
{
	size_t n;
	uint32_t cp, min;

	if (avail == 0)
		return 0;
	if (s[0] < 0x80) {
		n = 1; cp = s[0]; min = 0;
	} else if ((s[0] & 0xE0) == 0xC0) {
		n = 2; cp = s[0] & 0x1Fu; min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		n = 3; cp = s[0] & 0x0Fu; min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		n = 4; cp = s[0] & 0x07u; min = 0x10000;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3Fu);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if (codepoint)
		*codepoint = cp;
	return n;
}

size_t rl_utf8_valid_prefix(const unsigned char *s, size_t size)
{
	size_t i = 0, n;
	while (i < size) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = rl_utf8_length(s + i, size - i, NULL)) == 0)
			break;
		i += n;
	}
	return i;
}

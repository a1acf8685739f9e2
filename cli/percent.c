/* A probability as a clinician reads it (percent.h). The JSON keeps the
 * numbers; only the words printed for people are rounded here. */
#include <stdio.h>
#include <string.h>

#include "percent.h"

/* Below 0.1 % and above 99.9 % the digits stop meaning anything a
 * clinician can act on, and "100 %" would claim certainty. */
#define PERCENT_LOW 0.1
#define PERCENT_HIGH 99.9

static void number(char *out, size_t size, double v, int decimals, const char *unit)
{
	if (decimals == 0 && (v >= 99.5 || v < 0.5))
		decimals = 1;
	snprintf(out, size, "%.*f%s", decimals, v, unit);
}

/* p as a number with unit, or the words for beyond the digits' reach. */
static void bounded(char *out, size_t size, double p, int decimals, const char *above,
                    const char *below, const char *unit)
{
	double v = 100.0 * p;
	if (v > PERCENT_HIGH)
		snprintf(out, size, "%s", above);
	else if (v < PERCENT_LOW)
		snprintf(out, size, "%s", below);
	else
		number(out, size, v, decimals, unit);
}

void percent_text(char *out, size_t size, double p, int decimals)
{
	bounded(out, size, p, decimals, "> 99.9 %", "< 0.1 %", " %");
}

void percent_bound(char *out, size_t size, double p, int decimals)
{
	bounded(out, size, p, decimals, ">99.9", "<0.1", "");
}

void percent_interval(char *out, size_t size, double lower, double upper,
                      int decimals)
{
	char a[PERCENT_SIZE], b[PERCENT_SIZE];
	percent_bound(a, sizeof a, lower, decimals);
	percent_bound(b, sizeof b, upper, decimals);
	if (strcmp(a, b) == 0)
		percent_text(out, size, lower, decimals);
	else if (a[0] == '<' || b[0] == '>')
		snprintf(out, size, "%s to %s %%", a, b);
	else
		snprintf(out, size, "%s-%s %%", a, b);
}

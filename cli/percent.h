/* A probability as a clinician reads it: never "100 %" for what is not
 * certain nor "0 %" for what is not impossible (issue #12). */
#ifndef RADLOC_CLI_PERCENT_H
#define RADLOC_CLI_PERCENT_H

#include <stddef.h>

/* Large enough for any text below. */
#define PERCENT_SIZE 24

/* "59 %" (decimals 0), "59.2 %" (decimals 1); above 99.9 % "> 99.9 %",
 * below 0.1 % "< 0.1 %"; with decimals 0, a value that would round to
 * 100 or 0 gets one decimal ("99.6 %", "0.4 %"). */
void percent_text(char *out, size_t size, double p, int decimals);

/* The same as a bound of an interval, without the unit and the space:
 * "47", "47.2", ">99.9", "<0.1". */
void percent_bound(char *out, size_t size, double p, int decimals);

/* An interval: "47-65 %"; bounds that print alike once ("< 0.1 %"); one
 * beyond the ends in words ("99.2 to >99.9 %"), since "99.2->99.9" reads
 * as an arrow. */
void percent_interval(char *out, size_t size, double lower, double upper,
                      int decimals);

#endif

/* ISNCSCI worksheets (the object the Praxis `isncsci` library and web app
 * classify) read into a radloc exam, and the note that a worksheet looks
 * like a root, nerve or plexus lesion rather than a cord injury
 * (docs/isncsci.md). */
#ifndef RADLOC_CLI_ISNCSCI_H
#define RADLOC_CLI_ISNCSCI_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "radloc.h"

/* 2 sides x (10 muscles + 2 x 28 points) + anal contraction. */
#define CLI_ISNCSCI_MAX_VALUES 140

/* The worksheet's abnormal values not already tagged `*`: the ones a
 * clinician may tag when the cord is not their cause ("right.motor.L5 3"). */
typedef struct cli_isncsci_values {
	char value[CLI_ISNCSCI_MAX_VALUES][40];
	size_t count;
} cli_isncsci_values;

/* Whether data is a worksheet by its content: a JSON object with `left`
 * and `right` objects (an exam to the contract has neither). */
int cli_isncsci_is_worksheet(const char *data, size_t size);

/* Read a worksheet into *out. Problems go to diag as NAME:LINE:COLUMN:
 * message naming the key (left.motor.L5); the first one's status is
 * returned. values (may be NULL) gets the abnormal values. */
radloc_status cli_isncsci_parse(const radloc_rules *rules, const char *data, size_t size,
                                const char *name, radloc_diag_fn *diag, void *user,
                                radloc_exam **out, cli_isncsci_values *values);

/* `radloc score --from isncsci FILE`: as cli_read_exam; the values are
 * kept for cli_isncsci_note. */
int cli_isncsci_read(const radloc_rules *rules, const char *path, radloc_exam **out);

/* The values to consider tagging `*` when the result's leader is a root,
 * nerve or plexus lesion and the cord hypotheses are improbable; NULL
 * (the cord leads, or nothing abnormal) otherwise. A new JSON array. */
json_t *cli_isncsci_not_cord(const radloc_result *res, const cli_isncsci_values *v);

/* The values kept by the last cli_isncsci_read (NULL if none). */
const cli_isncsci_values *cli_isncsci_last(void);

/* Add "isncsci": {"not_cord": [...]} to a result's JSON text when the
 * rule above holds; returns the new text (freeing text) or text. */
char *cli_isncsci_json(char *text, int indent, const radloc_result *res,
                       const cli_isncsci_values *v);

/* The same as a warning in words, on out; nothing when it does not hold. */
void cli_isncsci_print(FILE *out, const radloc_result *res, const cli_isncsci_values *v);

#endif

/* FHIR R4 for radloc (docs/fhir.md): an exam as a Bundle of Observations
 * and back. radloc's own coding is derived by rule from the rule set's
 * ids, so a Bundle reads back to the same exam and the same answer; the
 * verified standard codes of rules/coding.yaml come before it. */
#ifndef RADLOC_CLI_FHIR_H
#define RADLOC_CLI_FHIR_H

#include <jansson.h>

#include "radloc.h"

/* radloc's own code systems: FHIR_SYSTEM "region", "movement", ... */
#define FHIR_SYSTEM "http://radloc.example/fhir/CodeSystem/"
#define FHIR_EXAM_ID_SYSTEM "http://radloc.example/fhir/exam-id"

/* The exam as a Bundle (type collection), NULL when out of memory.
 * subject, when not NULL, is a reference ("Patient/123") each Observation
 * names. */
json_t *fhir_bundle_of_exam(const radloc_rules *rules, const radloc_exam *exam,
                            const char *subject);

/* A Bundle (or a searchset from a FHIR server) read back into the
 * contract's exam JSON object; NULL with the reason in why (size bytes)
 * when it is not one. An element is read from radloc's coding, or from a
 * standard code the rules give as an exact match of one element. */
json_t *fhir_exam_of_bundle(const radloc_rules *rules, const json_t *bundle, char *why,
                            size_t size);

/* Read a Bundle file ("-" = standard input) and parse its exam, printing
 * problems as "FILE: message"; an exit code (cli.h). */
int fhir_read_exam(const radloc_rules *rules, const char *path, radloc_exam **out);

#endif

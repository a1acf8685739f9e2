/* The command line's text in clinical words (issue #16): findings,
 * hypotheses, extents, forms and flags as a clinician says them. JSON keeps
 * the ids; these are for people. The names come from the rules (`name:`)
 * where the rules have them; what the rules do not name (patterns,
 * extents, forms, flags) is this file's one word table. */
#ifndef RADLOC_CLI_CLINICAL_H
#define RADLOC_CLI_CLINICAL_H

#include <stddef.h>

#include "radloc.h"

/* Large enough for any text below. */
#define CLINICAL_SIZE 320

/* A finding: "left wrist extension MRC 4", "left dorsum of the foot:
 * reduced (pin prick)", "left ankle (Achilles) reflex 0 (absent)", "left
 * straight-leg raise: positive", "pain in the left lateral leg". */
void clinical_finding(const radloc_rules *r, const radloc_finding *f, char *out,
                      size_t size);

/* The finding of exam whose label is label, in words; the label itself
 * when the exam has none (or exam is NULL). */
void clinical_finding_label(const radloc_rules *r, const radloc_exam *exam,
                            const char *label, char *out, size_t size);

/* A hypothesis: "L5 left", "common peroneal (fibular) nerve, left, at the
 * fibular head", "cauda equina syndrome (conus: S1-S5, ...)",
 * "myelopathy at C6 (transverse: the whole cord)", two lesions joined by " + ". */
void clinical_hypothesis(const radloc_rules *r, const radloc_hypothesis *h, char *out,
                         size_t size);

/* The hypothesis of res labelled label, in words; the label when res
 * does not report it. */
void clinical_label(const radloc_rules *r, const radloc_result *res, const char *label,
                    char *out, size_t size);

/* An expected answer (a teaching case's `expect:`) in words, with its
 * label in [brackets]: "common peroneal (fibular) nerve, left, at the
 * fibular head [common_peroneal left]". */
void clinical_expectation(const radloc_rules *r, const radloc_expectation *e, char *out,
                          size_t size);

/* A reflex grade's meaning: "absent", "reduced", "normal" or "brisk"
 * (on the exam's scale, as the engine read it). */
const char *clinical_reflex_grade(const radloc_finding *f);

/* A pattern as a clinician names it ("length-dependent polyneuropathy"). */
const char *clinical_pattern(radloc_pattern p);

/* A polyneuropathy's or cauda equina's extent ("up to the knees,
 * fingertips reached"; "conus: S1-S5, early sphincter failure"); the id
 * when unknown. */
const char *clinical_extent(const char *extent);

/* A myelopathy's form ("transverse: the whole cord"); the id when unknown. */
const char *clinical_form(const char *form);

/* A flag as a short phrase ("Low confidence"). */
const char *clinical_flag(unsigned flag);

/* Shortens text (UTF-8, at least 4 bytes past the cut) in place to at
 * most columns characters, ending in an ellipsis at a word boundary, for
 * a line of the body chart. */
void clinical_fit(char *text, size_t columns);

/* A name without a trailing parenthesis: "dorsum of the foot (ISNCSCI
 * L5 key point)" -> "dorsum of the foot"; "patellar (knee) reflex" kept. */
void clinical_short(const char *name, char *out, size_t size);

#endif

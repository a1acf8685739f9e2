/* The id of an exam that could not be scored, so that its error line in a
 * batch can say which exam it was. */
#ifndef RADLOC_CLI_EXAM_ID_H
#define RADLOC_CLI_EXAM_ID_H

#include <stddef.h>

/* Copies the exam's top-level "id" (a non-empty value shorter than
 * bufsize) into buf and returns 1; returns 0, buf empty, when the
 * document has none. A document the exam reader would refuse as YAML (a
 * duplicate key, an alias, past a limit) is read again as lenient JSON. */
int exam_id_peek(const char *data, size_t size, char *buf, size_t bufsize);

#endif

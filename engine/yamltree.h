/* Internal: a YAML (or JSON) document read through libyaml's event API
 * into a small tree, with every guard the input needs: size, depth and
 * node limits, no anchors or aliases (libyaml 0.2.5 lets an alias point at
 * its own parent), no tags, no duplicate keys, only scalar keys. Each node
 * keeps its 1-based position for messages.
 *
 * One header for the tree's users, its functions in files by job:
 * yamltree.c (the guarded reader, tree access), yaml_errors.c (libyaml's
 * errors as located messages), json_tree.c (the JSON fast path),
 * slurp.c (reading whole files), node_reports.c (reports at a node). */
#ifndef RADLOC_YAMLTREE_H
#define RADLOC_YAMLTREE_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

typedef enum yt_type { YT_SCALAR, YT_SEQUENCE, YT_MAPPING } yt_type;

typedef struct yt_node yt_node;
struct yt_node {
	yt_type type;
	int plain;                 /* scalar written without quotes */
	unsigned long line, column;
	const char *text;          /* scalar: NUL-terminated */
	size_t length;
	yt_node *first;            /* sequence items, or mapping keys */
	yt_node *next;             /* next sibling */
	yt_node *value;            /* for a mapping key: its value */
	size_t count;              /* items or keys */
};

typedef struct yt_doc yt_doc;

/* Read exactly one document from a buffer. Empty input or a document that
 * is only a comment gives an error. */
radloc_status yt_read_buffer(const char *data, size_t size, long max_bytes,
                             rl_diagctx *d, yt_doc **out);

/* Sees the bytes of a file as read, before they are parsed. */
typedef void yt_seen_fn(void *user, const char *data, size_t size);

/* Read a whole file (at most max_bytes, slurp.c) then parse it; *bytes
 * (when not NULL) gets the file's size, for a limit on a set of files;
 * seen (when not NULL) sees the bytes read, parsed or not (the rule set's
 * fingerprint is of the files as they are). */
radloc_status yt_read_file(const char *path, long max_bytes, rl_diagctx *d,
                           yt_doc **out, size_t *bytes, yt_seen_fn *seen, void *user);

/* The same tree from a JSON object, through yajl's event parser (json_tree.c):
 * several times faster than libyaml for the JSON Lines of a batch, and it
 * accepts exactly what the jansson version before it accepted. Positions
 * are unknown (0).
 * Silent: any input it cannot mirror exactly (a real, true, false, null,
 * a duplicate key, bad UTF-8, a limit) returns non-OK, and the caller
 * reads the input again with yt_read_buffer, which reports it. */
radloc_status yt_from_json(const char *data, size_t size, yt_doc **out);

/* Read a small file whole (an exam or a case: at most max bytes, which is
 * reported as a limit naming `what`). *data is NUL-terminated; free() it. */
radloc_status yt_slurp(const char *path, long max, const char *what,
                       rl_diagctx *d, char **data, size_t *size);

/* Report a problem at a node's position, formatted like printf. */
radloc_status yt_report(rl_diagctx *d, const yt_node *n, radloc_status status,
                        const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/* Report like yt_report, ending the message with "; did you mean 'S'?"
 * when suggestion is not NULL: every "did you mean" is written here. */
radloc_status yt_report_suggesting(rl_diagctx *d, const yt_node *n,
                                   radloc_status status,
                                   const char *suggestion, const char *fmt,
                                   ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

/* Report "unknown WHAT 'TEXT'" at n, TEXT being n's text made printable,
 * then " in WHERE" unless where is NULL, then the suggestion of the
 * candidate nearest TEXT (rl_nearest), if one is near. */
radloc_status yt_report_unknown(rl_diagctx *d, const yt_node *n,
                                radloc_status status, const char *what,
                                const char *where,
                                const char *const *candidates, size_t count);

/* Each key of map that is not one of keys reported as an unknown key (in
 * where), with the nearest of keys; returns how many. */
size_t yt_report_unknown_keys(rl_diagctx *d, const yt_node *map, const char *const *keys,
                              size_t count, const char *where);

yt_node *yt_root(const yt_doc *doc);
void yt_free(yt_doc **doc);

/* A mapping's value for key, or NULL. */
yt_node *yt_get(const yt_node *map, const char *key);

/* "a mapping", "a list", "a value": for messages. */
const char *yt_type_name(const yt_node *node);

#endif

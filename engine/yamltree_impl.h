/* Internal to the two readers that build a yt_doc: the YAML reader
 * (yamltree.c) and the JSON fast path (json_tree.c). Everyone else sees
 * the document only through yamltree.h. */
#ifndef RADLOC_YAMLTREE_IMPL_H
#define RADLOC_YAMLTREE_IMPL_H

#include "arena.h"
#include "yamltree.h"

/* Nodes and strings live in one arena per document: one free, no leaks
 * on any error path. */
struct yt_doc {
	yt_node *root;
	rl_arena *arena;
	size_t nodes;
};

/* An empty document with its arena, or NULL when memory is short. */
yt_doc *yt_doc_new(void);

/* Append a child (a list item or a mapping key) to a collection whose
 * last child so far is *last. */
void yt_append_child(yt_node *parent, yt_node **last, yt_node *child);

#endif

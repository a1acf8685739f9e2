/* Internal: a bump allocator. Objects built from many small pieces (a YAML
 * tree, a rule set) live in one arena, so one free releases everything and
 * no error path can leak. */
#ifndef RADLOC_ARENA_H
#define RADLOC_ARENA_H

#include <stddef.h>

typedef struct rl_arena rl_arena;

rl_arena *rl_arena_new(void);
/* Releases the caller's hold on the arena and sets *arena to NULL; the
 * memory goes when the last holder lets go. */
void rl_arena_free(rl_arena **arena);
/* One more holder (returns arena): a result holds its rule set's arena so
 * that the rules' strings it hands out outlive the rule set without being
 * copied for every scored exam. Thread-safe against rl_arena_free; nothing
 * may be allocated in an arena once it is shared. */
rl_arena *rl_arena_retain(rl_arena *arena);
/* 16-byte aligned, zero-filled; NULL when out of memory. */
void *rl_arena_alloc(rl_arena *arena, size_t size);
/* A copy of s (NULL stays NULL); NULL when out of memory. */
char *rl_arena_strdup(rl_arena *arena, const char *s);

#endif

/* Internal: a bump allocator. Objects built from many small pieces (a YAML
 * tree, a rule set) live in one arena, so one free releases everything and
 * no error path can leak. */
#ifndef RADLOC_ARENA_H
#define RADLOC_ARENA_H

#include <stddef.h>

typedef struct rl_arena rl_arena;

rl_arena *rl_arena_new(void);
void rl_arena_free(rl_arena **arena);
/* 16-byte aligned, zero-filled; NULL when out of memory. */
void *rl_arena_alloc(rl_arena *arena, size_t size);
/* A copy of s (NULL stays NULL); NULL when out of memory. */
char *rl_arena_strdup(rl_arena *arena, const char *s);

#endif

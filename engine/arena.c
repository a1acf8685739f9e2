#include "arena.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct block {
	struct block *next;
	size_t used, size;
	unsigned char *data;
} block;

struct rl_arena {
	block *blocks;
	atomic_size_t holders;
};

enum { BLOCK_SIZE = 16384 };

rl_arena *rl_arena_new(void)
{
	rl_arena *a = calloc(1, sizeof(rl_arena));
	if (a)
		atomic_init(&a->holders, 1);
	return a;
}

rl_arena *rl_arena_retain(rl_arena *arena)
{
	if (arena)
		atomic_fetch_add_explicit(&arena->holders, 1, memory_order_relaxed);
	return arena;
}

void rl_arena_free(rl_arena **arena)
{
	if (arena == NULL || *arena == NULL)
		return;
	/* Another holder keeps it: acquire-release so that the last one sees
	 * every other holder's reads done before it frees. */
	if (atomic_fetch_sub_explicit(&(*arena)->holders, 1, memory_order_acq_rel) > 1) {
		*arena = NULL;
		return;
	}
	block *b = (*arena)->blocks;
	while (b) {
		block *next = b->next;
		free(b);
		b = next;
	}
	free(*arena);
	*arena = NULL;
}

void *rl_arena_alloc(rl_arena *arena, size_t n)
{
	block *b = arena->blocks;

	if (n > SIZE_MAX / 2)
		return NULL;
	n = (n + 15u) & ~(size_t)15u;
	if (b == NULL || b->size - b->used < n) {
		size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
		b = malloc(sizeof *b + size + 16);
		if (b == NULL)
			return NULL;
		b->data = (unsigned char *)(b + 1);
		b->data += (16 - ((uintptr_t)b->data & 15u)) & 15u;
		b->used = 0;
		b->size = size;
		b->next = arena->blocks;
		arena->blocks = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *rl_arena_strdup(rl_arena *arena, const char *s)
{
	if (s == NULL)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = rl_arena_alloc(arena, n);
	if (p)
		memcpy(p, s, n);
	return p;
}

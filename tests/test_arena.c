/* arena.c: a bump allocator whose pieces are aligned for any type,
 * zero-filled, and live until the one free. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "tests.h"

/* The header promises 16 bytes, which covers every C type here. */
#define ALIGN 16u

static int aligned(const void *p)
{
	return (uintptr_t)p % ALIGN == 0 && (uintptr_t)p % _Alignof(max_align_t) == 0;
}

START_TEST(allocations_are_aligned_for_any_type)
{
	rl_arena *a = rl_arena_new();
	ck_assert_ptr_nonnull(a);
	/* Odd sizes one after another: each start is still aligned. */
	for (size_t size = 1; size <= 64; size++) {
		unsigned char *p = rl_arena_alloc(a, size);
		ck_assert_ptr_nonnull(p);
		ck_assert_msg(aligned(p), "size %zu at %p", size, (void *)p);
		for (size_t i = 0; i < size; i++)
			ck_assert_uint_eq(p[i], 0);
		memset(p, 0xAB, size);
	}
	/* A long double and a pointer stored where the arena says. */
	long double *ld = rl_arena_alloc(a, sizeof *ld);
	ck_assert(aligned(ld));
	*ld = 1.5L;
	ck_assert(*ld == 1.5L);
	void **pp = rl_arena_alloc(a, 3 * sizeof *pp);
	ck_assert(aligned(pp));
	pp[2] = ld;
	ck_assert_ptr_eq(pp[2], ld);
	/* A zero-size request is still a usable, aligned pointer. */
	void *z = rl_arena_alloc(a, 0);
	ck_assert_ptr_nonnull(z);
	ck_assert(aligned(z));
	rl_arena_free(&a);
	ck_assert_ptr_null(a);
}
END_TEST

START_TEST(strdup_copies)
{
	rl_arena *a = rl_arena_new();
	char text[] = "dorsum_foot";
	char *copy = rl_arena_strdup(a, text);
	ck_assert_ptr_nonnull(copy);
	ck_assert_ptr_ne(copy, text);
	ck_assert_str_eq(copy, "dorsum_foot");
	/* A copy, not an alias: changing the original leaves it. */
	text[0] = 'X';
	ck_assert_str_eq(copy, "dorsum_foot");
	char *empty = rl_arena_strdup(a, "");
	ck_assert_ptr_nonnull(empty);
	ck_assert_str_eq(empty, "");
	ck_assert_ptr_ne(empty, copy);
	ck_assert_ptr_null(rl_arena_strdup(a, NULL));
	rl_arena_free(&a);
}
END_TEST

/* Far more than one block (16 KiB) of small pieces, each written with its
 * own pattern and read back after all are allocated: a new block never
 * moves or overwrites an old one. */
START_TEST(many_allocations_across_blocks_survive)
{
	enum { COUNT = 5000, SIZE = 40 };
	static unsigned char *piece[COUNT];
	rl_arena *a = rl_arena_new();
	for (size_t i = 0; i < COUNT; i++) {
		piece[i] = rl_arena_alloc(a, SIZE);
		ck_assert_ptr_nonnull(piece[i]);
		ck_assert(aligned(piece[i]));
		memset(piece[i], (int)(i % 251), SIZE);
	}
	for (size_t i = 0; i < COUNT; i++)
		for (size_t j = 0; j < SIZE; j++)
			ck_assert_msg(piece[i][j] == (unsigned char)(i % 251),
			              "piece %zu byte %zu", i, j);
	/* No two pieces overlap (16-byte rounding keeps them apart). */
	for (size_t i = 1; i < COUNT; i++)
		ck_assert_ptr_ne(piece[i], piece[i - 1]);
	rl_arena_free(&a);
}
END_TEST

START_TEST(allocation_larger_than_a_block)
{
	rl_arena *a = rl_arena_new();
	unsigned char *small = rl_arena_alloc(a, 100);
	memset(small, 7, 100);
	size_t big = 5u * 16384u + 3u;
	unsigned char *p = rl_arena_alloc(a, big);
	ck_assert_ptr_nonnull(p);
	ck_assert(aligned(p));
	for (size_t i = 0; i < big; i++)
		ck_assert_uint_eq(p[i], 0);
	memset(p, 0xCD, big);
	/* Small pieces after it, and the one before it, are untouched. */
	unsigned char *after = rl_arena_alloc(a, 32);
	ck_assert_ptr_nonnull(after);
	ck_assert_uint_eq(after[0], 0);
	ck_assert_uint_eq(p[big - 1], 0xCD);
	for (size_t i = 0; i < 100; i++)
		ck_assert_uint_eq(small[i], 7);
	/* A size that cannot be met is refused, not wrapped around. */
	ck_assert_ptr_null(rl_arena_alloc(a, SIZE_MAX));
	ck_assert_ptr_null(rl_arena_alloc(a, SIZE_MAX - 8));
	rl_arena_free(&a);
}
END_TEST

/* A held arena outlives its first owner's free: its memory stays
 * readable and writable until the last holder lets go. */
START_TEST(a_held_arena_lives_until_the_last_holder_lets_go)
{
	rl_arena *a = rl_arena_new();
	ck_assert_ptr_nonnull(a);
	char *s = rl_arena_strdup(a, "L5 left");
	rl_arena *held = rl_arena_retain(a);
	rl_arena *again = rl_arena_retain(a);
	ck_assert_ptr_eq(held, a);
	ck_assert_ptr_eq(again, a);
	rl_arena_free(&a);
	ck_assert_ptr_null(a);
	ck_assert_str_eq(s, "L5 left");
	rl_arena_free(&again);
	ck_assert_ptr_null(again);
	s[0] = 'S';
	ck_assert_str_eq(s, "S5 left");
	rl_arena_free(&held);
	ck_assert_ptr_null(held);
	ck_assert_ptr_null(rl_arena_retain(NULL));
}
END_TEST

START_TEST(freeing_null_is_fine)
{
	rl_arena_free(NULL);
	rl_arena *none = NULL;
	rl_arena_free(&none);
	ck_assert_ptr_null(none);
	/* An arena never used frees too, and the handle is cleared. */
	rl_arena *a = rl_arena_new();
	ck_assert_ptr_nonnull(a);
	rl_arena_free(&a);
	ck_assert_ptr_null(a);
	rl_arena_free(&a);
}
END_TEST

Suite *suite_arena(void)
{
	return make_suite("arena", 0,
	                  TESTS(allocations_are_aligned_for_any_type, strdup_copies,
	                        many_allocations_across_blocks_survive,
	                        allocation_larger_than_a_block, freeing_null_is_fine,
	                        a_held_arena_lives_until_the_last_holder_lets_go));
}

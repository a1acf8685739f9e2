/* The clinician's page of `radloc serve` as the binary carries it: every
 * file of cli/page/, embedded at build time by the Makefile (nothing is
 * read from disk at run time), found by the URL that names it. */
#ifndef RADLOC_CLI_PAGE_ASSETS_H
#define RADLOC_CLI_PAGE_ASSETS_H

#include <stddef.h>

/* One file of cli/page/: its name there and its bytes (with a NUL after
 * them that size leaves out). */
typedef struct {
	const char *name;
	const unsigned char *bytes;
	size_t size;
} page_file;

/* Written by the Makefile from the files of cli/page/. */
extern const page_file page_files[];
extern const size_t page_file_count;

/* The page file a URL names ("/" is index.html) and its content type;
 * NULL when no page file has that name. */
const page_file *page_file_at(const char *url, const char **content_type);

#endif

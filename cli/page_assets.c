/* The clinician's page by URL: "/name" serves cli/page/name, "/" the
 * markup. Separate files (markup, styles, scripts) let the CSP refuse any
 * inline script or style. The content type comes from the file's
 * extension: the Makefile embeds only these kinds of file, and the
 * browser, told nosniff, runs a script only under a script's type. */
#include <string.h>

#include "page_assets.h"

static const struct {
	const char *extension;
	const char *type;
} content_types[] = {
	{".html", "text/html; charset=utf-8"},
	{".css", "text/css; charset=utf-8"},
	{".js", "text/javascript; charset=utf-8"},
};

const page_file *page_file_at(const char *url, const char **content_type)
{
	if (url[0] != '/')
		return NULL;
	const char *name = strcmp(url, "/") == 0 ? "index.html" : url + 1;
	for (size_t i = 0; i < page_file_count; i++) {
		if (strcmp(page_files[i].name, name) != 0)
			continue;
		const char *dot = strrchr(name, '.');
		for (size_t t = 0; dot && t < sizeof content_types / sizeof content_types[0]; t++)
			if (strcmp(dot, content_types[t].extension) == 0) {
				*content_type = content_types[t].type;
				return &page_files[i];
			}
		return NULL;
	}
	return NULL;
}

/* `radloc score --from FORMAT FILE`: exams written in another format,
 * read into a radloc exam. One line per format. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "isncsci.h"

static const struct {
	const char *name;
	int (*read)(const radloc_rules *rules, const char *path, radloc_exam **out);
} formats[] = {
	{"isncsci", cli_isncsci_read}, /* docs/isncsci.md */
};
#define NFORMATS (sizeof formats / sizeof formats[0])

int cli_from_known(const char *name)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (strcmp(formats[i].name, name) == 0)
			return 1;
	return 0;
}

void cli_from_names(FILE *out)
{
	for (size_t i = 0; i < NFORMATS; i++)
		fprintf(out, "%s%s", i ? ", " : "", formats[i].name);
}

int cli_from_read(const radloc_rules *rules, const char *name, const char *path,
                  radloc_exam **out)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (strcmp(formats[i].name, name) == 0)
			return formats[i].read(rules, path, out);
	return EXIT_USAGE;
}

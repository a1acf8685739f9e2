/* Finding rule files (one file, or a directory's *.yaml files in name
 * order) and reading each into a parsed document for the passes. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rules_loader.h"

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

/* strerror as the middle of a message: "too many levels of symbolic
 * links", not a capital in mid-sentence. */
static const char *lower_strerror(int err)
{
	static _Thread_local char text[128];
	snprintf(text, sizeof text, "%s", strerror(err));
	if (text[0] >= 'A' && text[0] <= 'Z')
		text[0] = (char)(text[0] - 'A' + 'a');
	return text;
}

/* What a file that is not a plain file is, for the message. */
static const char *file_type(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a plain file";
}

/* A file of a rule directory must be a plain file: a FIFO would wait for
 * a writer that never comes, a device could be endless. Reported at the
 * file; the caller leaves it out. A file named on purpose (`--rules
 * <(...)`) is read whatever it is. */
static radloc_status check_plain(rl_loader *L)
{
	struct stat st;
	if (stat(L->d.file, &st) != 0)
		return rl_report(&L->d, rl_io_status(errno), 0, 0, "cannot open: %s",
		                 lower_strerror(errno));
	if (!S_ISREG(st.st_mode))
		return rl_report(&L->d, RADLOC_ERR_IO, 0, 0,
		                 "not a rule file: it is %s, and a rule directory holds "
		                 "plain files only", file_type(st.st_mode));
	return RADLOC_OK;
}

/* Collect the file names to read: the file itself, or the directory's
 * *.yaml files in name order. */
static radloc_status list_files(rl_loader *L, const char *path, char ***out,
                                size_t *count)
{
	struct stat st;
	char **names = NULL;
	size_t n = 0;

	*out = NULL;
	*count = 0;
	if (stat(path, &st) != 0)
		return rl_report(&L->d, rl_io_status(errno), 0, 0, "cannot open rules: %s",
		                 lower_strerror(errno));
	if (!S_ISDIR(st.st_mode)) {
		names = calloc(1, sizeof *names);
		if (names == NULL || (names[0] = strdup(path)) == NULL) {
			free(names);
			return rl_loader_nomem(L);
		}
		*out = names;
		*count = 1;
		return RADLOC_OK;
	}
	DIR *dir = opendir(path);
	if (dir == NULL)
		return rl_report(&L->d, rl_io_status(errno), 0, 0,
		                 "cannot open rule directory: %s", strerror(errno));
	names = calloc(RADLOC_MAX_RULE_FILES + 1, sizeof *names);
	if (names == NULL) {
		closedir(dir);
		return rl_loader_nomem(L);
	}
	radloc_status status = RADLOC_OK;
	struct dirent *ent;
	while ((ent = readdir(dir)) != NULL) {
		if (!has_yaml_suffix(ent->d_name))
			continue;
		if (n == RADLOC_MAX_RULE_FILES) {
			status = rl_report(&L->d, RADLOC_ERR_LIMIT, 0, 0,
			                   "more than %d rule files", RADLOC_MAX_RULE_FILES);
			break;
		}
		size_t len = strlen(path) + strlen(ent->d_name) + 2;
		names[n] = malloc(len);
		if (names[n] == NULL) {
			status = rl_loader_nomem(L);
			break;
		}
		snprintf(names[n], len, "%s/%s", path, ent->d_name);
		n++;
	}
	closedir(dir);
	if (status == RADLOC_OK && n == 0)
		status = rl_report(&L->d, RADLOC_ERR_IO, 0, 0,
		                   "no *.yaml rule files in the directory");
	if (status != RADLOC_OK) {
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return status;
	}
	qsort(names, n, sizeof *names, compare_names);
	*out = names;
	*count = n;
	return RADLOC_OK;
}

radloc_status rl_loader_read_path(rl_loader *L, const char *path)
{
	char **files = NULL;
	size_t count = 0, total = 0;
	struct stat st;
	int directory = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	radloc_status status = list_files(L, path, &files, &count);

	if (status != RADLOC_OK)
		return status;
	for (size_t f = 0; f < count; f++) {
		/* File names live in the rule set: entries keep pointing at them. */
		char *name = rl_arena_strdup(L->r->arena, files[f]);
		free(files[f]);
		if (name == NULL) {
			rl_loader_nomem(L);
			continue;
		}
		L->d.file = name;
		L->docs[L->ndocs].file = name;
		if (total > (size_t)RADLOC_MAX_RULE_SET_BYTES)
			continue;
		if (directory && check_plain(L) != RADLOC_OK)
			continue;
		size_t bytes = 0;
		radloc_status s = yt_read_file(name, RADLOC_MAX_RULE_FILE_BYTES, &L->d,
		                               &L->docs[L->ndocs].doc, &bytes,
		                               rl_fingerprint_add, L);
		/* Every tree is kept until the passes end: the files together
		 * are capped, so 64 files at the file limit cannot take a GB. */
		total += bytes;
		if (total > (size_t)RADLOC_MAX_RULE_SET_BYTES) {
			yt_free(&L->docs[L->ndocs].doc);
			rl_report(&L->d, RADLOC_ERR_LIMIT, 0, 0,
			          "the rule files up to this one are more than the limit of "
			          "%ld bytes together; the rest are not read",
			          (long)RADLOC_MAX_RULE_SET_BYTES);
			continue;
		}
		if (s == RADLOC_OK)
			L->ndocs++;
	}
	free(files);
	return RADLOC_OK;
}

void rl_loader_read_buffer(rl_loader *L, const char *data, size_t size,
                           const char *name)
{
	L->docs[0].file = rl_arena_strdup(L->r->arena, name);
	if (L->docs[0].file == NULL) {
		rl_loader_nomem(L);
		return;
	}
	L->d.file = L->docs[0].file;
	rl_fingerprint_add(L, data ? data : "", size);
	if (yt_read_buffer(data ? data : "", size, RADLOC_MAX_RULE_FILE_BYTES,
	                   &L->d, &L->docs[0].doc) == RADLOC_OK)
		L->ndocs = 1;
}

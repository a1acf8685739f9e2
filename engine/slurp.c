/* Reading whole files: a small input (an exam, a case) into a buffer, or
 * a rule file straight into the YAML reader. Each size is checked before
 * the bytes are kept, so a huge file is refused, not read. */
#include "yamltree.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

radloc_status yt_read_file(const char *path, long max_bytes, rl_diagctx *d,
                           yt_doc **out)
{
	FILE *f;
	char *data;
	long size;
	radloc_status status;

	*out = NULL;
	f = fopen(path, "rb");
	if (f == NULL)
		return rl_report(d, rl_io_status(errno), 0, 0, "cannot open: %s",
		                 strerror(errno));
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return rl_report(d, RADLOC_ERR_IO, 0, 0, "cannot read: %s",
		                 strerror(errno));
	}
	if (size > max_bytes) {
		fclose(f);
		return rl_report(d, RADLOC_ERR_LIMIT, 1, 1,
		                 "file is %ld bytes, more than the limit of %ld",
		                 size, max_bytes);
	}
	data = malloc((size_t)size + 1);
	if (data == NULL) {
		fclose(f);
		return rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	}
	size_t got = fread(data, 1, (size_t)size, f);
	int err = ferror(f);
	fclose(f);
	if (err || got != (size_t)size) {
		free(data);
		return rl_report(d, RADLOC_ERR_IO, 0, 0, "cannot read: short read");
	}
	status = yt_read_buffer(data, got, max_bytes, d, out);
	free(data);
	return status;
}

radloc_status yt_slurp(const char *path, long max, const char *what,
                       rl_diagctx *d, char **data, size_t *size)
{
	*data = NULL;
	*size = 0;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return rl_report(d, rl_io_status(errno), 0, 0, "cannot open: %s", strerror(errno));
	/* One byte past the limit tells a file at the limit from one over it. */
	char *buf = malloc((size_t)max + 2);
	if (buf == NULL) {
		fclose(f);
		return rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
	}
	size_t n = fread(buf, 1, (size_t)max + 1, f);
	int err = ferror(f);
	fclose(f);
	radloc_status status = RADLOC_OK;
	if (err)
		status = rl_report(d, RADLOC_ERR_IO, 0, 0, "cannot read the file");
	else if (n > (size_t)max)
		status = rl_report(d, RADLOC_ERR_LIMIT, 1, 1, "%s is more than the limit of %ld bytes",
		                   what, max);
	if (status != RADLOC_OK) {
		free(buf);
		return status;
	}
	buf[n] = '\0';
	*data = buf;
	*size = n;
	return RADLOC_OK;
}

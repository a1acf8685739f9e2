/* Reading whole files: a small input (an exam, a case) into a buffer, or
 * a rule file straight into the YAML reader. Never more than the limit is
 * kept: a regular file whose size is over it is refused unread, and every
 * file is read by reading (a /proc file says 0 bytes and has content).
 * Opened without blocking, so that a FIFO with no writer cannot hang the
 * caller; a directory is refused by name. */
#include "yamltree.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What reading found when it was not the bytes. */
typedef enum { READ_OK, READ_OVER, READ_ERROR } read_outcome;

/* Read at most max bytes of path into *data (NUL-terminated). READ_OVER
 * when there are more, with *known the file's size when the file system
 * said it (else -1); READ_ERROR reported here. */
static read_outcome read_whole(const char *path, long max, rl_diagctx *d,
                               radloc_status *status, char **data,
                               size_t *size, long *known)
{
	*data = NULL;
	*size = 0;
	*known = -1;
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	if (fd < 0) {
		*status = rl_report(d, rl_io_status(errno), 0, 0, "cannot open: %s",
		                    strerror(errno));
		return READ_ERROR;
	}
	struct stat st;
	int err = fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
	if (err) {
		close(fd);
		*status = rl_report(d, RADLOC_ERR_IO, 0, 0, "cannot read: %s", strerror(err));
		return READ_ERROR;
	}
	if (S_ISREG(st.st_mode) && st.st_size > max) {
		close(fd);
		*known = (long)st.st_size;
		return READ_OVER;
	}
	/* From here reads may wait: for a FIFO someone opened on purpose
	 * (`--rules <(...)`), a writer is there; with none, reading ends at
	 * once. */
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	/* One byte past the limit tells a file at the limit from one over it. */
	size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 2 : 4096;
	if (cap > (size_t)max + 2)
		cap = (size_t)max + 2;
	char *buf = malloc(cap);
	size_t n = 0;
	while (buf != NULL) {
		if (n + 1 == cap) {
			if (n > (size_t)max)
				break;
			size_t ncap = cap * 2 > (size_t)max + 2 ? (size_t)max + 2 : cap * 2;
			char *p = realloc(buf, ncap);
			if (p == NULL) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = p;
			cap = ncap;
		}
		ssize_t got = read(fd, buf + n, cap - 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			err = errno;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (buf == NULL) {
		*status = rl_report(d, RADLOC_ERR_NOMEM, 0, 0, "out of memory");
		return READ_ERROR;
	}
	if (err) {
		free(buf);
		*status = rl_report(d, RADLOC_ERR_IO, 0, 0, "cannot read: %s", strerror(err));
		return READ_ERROR;
	}
	if (n > (size_t)max) {
		free(buf);
		return READ_OVER;
	}
	buf[n] = '\0';
	*data = buf;
	*size = n;
	return READ_OK;
}

radloc_status yt_read_file(const char *path, long max_bytes, rl_diagctx *d,
                           yt_doc **out, size_t *bytes, yt_seen_fn *seen, void *user)
{
	char *data;
	size_t size;
	long known;
	radloc_status status = RADLOC_OK;

	*out = NULL;
	if (bytes)
		*bytes = 0;
	switch (read_whole(path, max_bytes, d, &status, &data, &size, &known)) {
	case READ_ERROR:
		return status;
	case READ_OVER:
		if (known >= 0)
			return rl_report(d, RADLOC_ERR_LIMIT, 1, 1,
			                 "file is %ld bytes, more than the limit of %ld",
			                 known, max_bytes);
		return rl_report(d, RADLOC_ERR_LIMIT, 1, 1,
		                 "file is more than the limit of %ld bytes", max_bytes);
	case READ_OK:
		break;
	}
	if (bytes)
		*bytes = size;
	if (seen)
		seen(user, data, size);
	status = yt_read_buffer(data, size, max_bytes, d, out);
	free(data);
	return status;
}

radloc_status yt_slurp(const char *path, long max, const char *what,
                       rl_diagctx *d, char **data, size_t *size)
{
	long known;
	radloc_status status = RADLOC_OK;
	switch (read_whole(path, max, d, &status, data, size, &known)) {
	case READ_ERROR:
		return status;
	case READ_OVER:
		return rl_report(d, RADLOC_ERR_LIMIT, 1, 1,
		                 "%s is more than the limit of %ld bytes", what, max);
	case READ_OK:
		break;
	}
	return RADLOC_OK;
}

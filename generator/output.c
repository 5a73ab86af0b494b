/* Atomic replacement of an output file: a temporary file beside the target, written,
 * synced and renamed over it, never over an input, a non-PDF or a non-regular file. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "interrupt.h"
#include "util.h"

static int
write_all(int fd, const unsigned char *data, size_t len, output_write_fn *fn)
{
	while (len > 0) {
		ssize_t n = fn(fd, data, len);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Bytes that begin every PDF file. */
#define PDF_MAGIC "%PDF-"

/* The process's umask: POSIX can read it only by setting it (declgen has one thread). */
static mode_t
current_umask(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return mask;
}

/* 1 if the file at path starts as a PDF, 0 if not, -1 with errno if it cannot be read.
 * O_NONBLOCK: a FIFO put there after lstat must not hang us. */
static int
starts_as_pdf(const char *path)
{
	char head[sizeof PDF_MAGIC - 1];
	size_t have = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK), err = 0;

	if (fd == -1)
		return -1;
	while (have < sizeof head) {
		ssize_t n = read(fd, head + have, sizeof head - have);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			err = n == -1 ? errno : 0;
			break;
		}
		have += (size_t)n;
	}
	close(fd);
	if (err) {
		errno = err;
		return -1;
	}
	return have == sizeof head && memcmp(head, PDF_MAGIC, sizeof head) == 0;
}

/* Whether the file at path may be replaced; sets *mode to the permissions the new file
 * gets. Reports why not. */
static int
target_replaceable(const char *path, unsigned flags, mode_t *mode, struct diag *d)
{
	struct stat st;
	int pdf;

	*mode = 0666 & ~current_umask();
	/* A missing file is fine; any other reason to fail shows when creating the file. */
	if (lstat(path, &st) != 0)
		return 1;
	if (!S_ISREG(st.st_mode)) {
		diag_report(d, DIAG_FATAL, path, 0, 0, "%s; name a regular file to write",
		    S_ISDIR(st.st_mode) ? "is a directory" :
		    S_ISLNK(st.st_mode) ? "is a symbolic link" : "is not a regular file");
		return 0;
	}
	*mode = st.st_mode & 0777;
	/* An empty file holds nothing to lose. */
	if ((flags & OUTPUT_FORCE) || st.st_size == 0)
		return 1;
	if ((pdf = starts_as_pdf(path)) == 1)
		return 1;
	if (pdf == 0)
		diag_report(d, DIAG_FATAL, path, 0, 0, "is not a PDF (it does not start with "
		    "\"%s\") and is kept; name another file, or give --force to replace it",
		    PDF_MAGIC);
	else
		diag_report(d, DIAG_FATAL, path, 0, 0, "cannot read it to see whether it is a "
		    "PDF: %s; it is kept", strerror(errno));
	return 0;
}

/* ".NAME.XXXXXX" beside path, for mkstemp. NAME is cut (at a character boundary) so
 * that the temporary name is no longer than any name the file system allows. */
static void
temp_name(const char *path, struct buf *tmp)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t len = strlen(base), room = NAME_MAX - (sizeof ".." - 1) - (sizeof "XXXXXX" - 1);

	if (len > room) {
		len = room;
		while (len > 0 && ((unsigned char)base[len] & 0xC0) == 0x80)
			len--;
	}
	if (slash)
		buf_append(tmp, path, (size_t)(base - path));
	buf_printf(tmp, ".%.*s.XXXXXX", (int)len, base);
}

int
output_write(const char *path, const unsigned char *data, size_t len, unsigned flags,
    output_write_fn *fn, struct diag *d)
{
	struct buf tmp = {0};
	mode_t mode;
	int fd, err, sig;

	if (!target_replaceable(path, flags, &mode, d))
		return -1;
	/* The temporary file lives beside the target, so rename is atomic. */
	temp_name(path, &tmp);
	if ((fd = mkstemp(tmp.data)) == -1) {
		diag_report(d, DIAG_FATAL, path, 0, 0, "cannot create a file in its directory: %s",
		    strerror(errno));
		buf_free(&tmp);
		return -1;
	}
	if (write_all(fd, data, len, fn ? fn : write) != 0 || fchmod(fd, mode) != 0 ||
	    fsync(fd) != 0) {
		err = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) != 0) {
		err = errno;
		goto fail;
	}
	/* The last moment an interruption can leave everything as it was. */
	if ((sig = interrupt_pending()) != 0) {
		unlink(tmp.data);
		buf_free(&tmp);
		return sig;
	}
	if (rename(tmp.data, path) != 0) {
		err = errno;
		goto fail;
	}
	buf_free(&tmp);
	return 0;
fail:
	unlink(tmp.data);
	diag_report(d, DIAG_FATAL, path, 0, 0, "cannot write: %s; the previous file is unchanged",
	    strerror(err));
	buf_free(&tmp);
	return -1;
}

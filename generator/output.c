#include "output.h"

#include <errno.h>
#include <fcntl.h>
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

int
output_write(const char *path, const unsigned char *data, size_t len,
    output_write_fn *fn, struct diag *d)
{
	struct stat st;
	const char *slash = strrchr(path, '/');
	struct buf tmp = {0};
	int fd, err, sig;

	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_report(d, DIAG_FATAL, path, 0, 0, "%s; name a regular file to write",
		    S_ISDIR(st.st_mode) ? "is a directory" :
		    S_ISLNK(st.st_mode) ? "is a symbolic link" : "is not a regular file");
		return -1;
	}
	/* The temporary file lives beside the target, so rename is atomic. */
	if (slash)
		buf_append(&tmp, path, (size_t)(slash - path) + 1);
	buf_printf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : path);
	if ((fd = mkstemp(tmp.data)) == -1) {
		diag_report(d, DIAG_FATAL, path, 0, 0, "cannot create a file in its directory: %s",
		    strerror(errno));
		buf_free(&tmp);
		return -1;
	}
	if (write_all(fd, data, len, fn ? fn : write) != 0 || fchmod(fd, 0644) != 0 ||
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

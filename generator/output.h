/* Writing a finished file so that nothing is lost on any failure. */
#ifndef DECLGEN_OUTPUT_H
#define DECLGEN_OUTPUT_H

#include <stddef.h>
#include <sys/types.h>

struct diag;

/* How bytes reach the disk: write(2), or a fake that fails in tests. */
typedef ssize_t output_write_fn(int fd, const void *buf, size_t len);

/* output_write's flags. */
enum {
	OUTPUT_FORCE = 1 << 0	/* replace a regular file even if it is not a PDF */
};

/* Writes data to path through a temporary file in the same directory, synced and then
 * renamed over path: a file at path is only ever replaced by a complete new one, and
 * no temporary file outlives a failure. path must be a regular file or not exist; a
 * file that does not start with "%PDF-" is replaced only with OUTPUT_FORCE. The new
 * file keeps the permissions of the one it replaces; a new one gets 0666 less the
 * umask. write may be NULL for write(2). Returns 0; -1 after reporting an error; or
 * the number of a pending interrupting signal, with path untouched. */
int output_write(const char *path, const unsigned char *data, size_t len, unsigned flags,
    output_write_fn *write, struct diag *d);

#endif

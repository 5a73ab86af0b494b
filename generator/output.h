/* Writing a finished file so that nothing is lost on any failure. */
#ifndef DECLGEN_OUTPUT_H
#define DECLGEN_OUTPUT_H

#include <stddef.h>

struct diag;

/* Writes data to path through a temporary file in the same directory, synced and then
 * renamed over path: a file at path is only ever replaced by a complete new one.
 * path must be a regular file or not exist. Returns 0, or -1 after reporting. */
int output_write(const char *path, const unsigned char *data, size_t len, struct diag *d);

#endif

/* Allocation that never returns NULL, growable byte buffers, bounded file reading. */
#ifndef DECLGEN_UTIL_H
#define DECLGEN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/* Exit status for usage and system errors (out of memory, I/O). */
#define EXIT_SYSTEM 2

/* The x-functions print a message and exit with EXIT_SYSTEM when memory is exhausted,
 * so callers never test for NULL. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

/* Returns array (of *cap elements of elem_size bytes) grown to hold at least need. */
void *array_grow(void *array, size_t *cap, size_t need, size_t elem_size);

/* Appends a zeroed element to the array ptr of count elements and capacity cap, and
 * evaluates to a pointer to it. The arguments are evaluated more than once. */
#define ARRAY_PUSH(ptr, count, cap) \
	((ptr) = array_grow((ptr), &(cap), (count) + 1, sizeof *(ptr)), \
	memset(&(ptr)[(count)], 0, sizeof *(ptr)), &(ptr)[(count)++])

/* A growable byte buffer; always NUL-terminated after buf_* calls. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_append(struct buf *b, const char *s, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);

/* Reads the whole file at path into *data (owned by the caller, NUL-terminated) unless it
 * is larger than max_bytes. Returns 0, or an errno value: EFBIG when the file is too large,
 * EISDIR for a directory, EINVAL for anything else that is not a regular file (a FIFO or
 * a device, which is never waited for). */
int read_file(const char *path, size_t max_bytes, char **data, size_t *len);

/* Frees the n strings of list and list itself. */
void free_strings(char **list, size_t n);

#endif

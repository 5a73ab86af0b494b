/* Allocation that exits on failure, growable arrays and buffers, and reading a whole
 * regular file with a size limit. */
#include "util.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

static void *
oom(void)
{
	fputs("declgen: error: out of memory\n", stderr);
	exit(EXIT_SYSTEM);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	return p ? p : oom();
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	return p ? p : oom();
}

void *
xreallocarray(void *ptr, size_t count, size_t size)
{
	void *p;

	if (size && count > SIZE_MAX / size)
		return oom();
	p = realloc(ptr, count * size > 0 ? count * size : 1);
	return p ? p : oom();
}

char *
xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void *
array_grow(void *array, size_t *cap, size_t need, size_t elem_size)
{
	size_t n = *cap ? *cap : 8;

	if (need <= *cap)
		return array;
	while (n < need) {
		assert(n <= SIZE_MAX / 2);	/* need is bounded by what memory can hold */
		n *= 2;
	}
	*cap = n;
	return xreallocarray(array, n, elem_size);
}

void
buf_append(struct buf *b, const char *s, size_t len)
{
	b->data = array_grow(b->data, &b->cap, b->len + len + 1, 1);
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	size_t room = b->cap - b->len;
	int n;

	/* Formatted once where it fits (the renderer writes a number at a time), twice
	 * only to grow. */
	va_copy(again, ap);
	n = vsnprintf(room > 0 ? b->data + b->len : NULL, room, fmt, again);
	va_end(again);
	if (n <= 0)
		return;
	if ((size_t)n >= room) {
		b->data = array_grow(b->data, &b->cap, b->len + (size_t)n + 1, 1);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int
read_file(const char *path, size_t max_bytes, char **data, size_t *len)
{
	struct stat st;
	size_t have = 0, cap;
	char *p;
	int fd, flags, err = 0;

	*data = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO would wait for a writer, for ever. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return errno;
	if (fstat(fd, &st) == -1)
		err = errno;
	else if (!S_ISREG(st.st_mode))
		err = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	else if ((flags = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1)
		err = errno;
	if (err) {
		close(fd);
		return err;
	}
	if ((uintmax_t)st.st_size > max_bytes) {
		close(fd);
		return EFBIG;
	}
	/* The size may change while we read: read up to one byte past the limit. */
	cap = (size_t)st.st_size + 1;
	p = xmalloc(cap + 1);
	for (;;) {
		ssize_t n;

		if (have == cap) {
			if (cap > max_bytes) {
				err = EFBIG;
				break;
			}
			cap = cap * 2 > max_bytes + 1 ? max_bytes + 1 : cap * 2;
			p = xreallocarray(p, cap + 1, 1);
		}
		n = read(fd, p + have, cap - have);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			err = errno;
			break;
		}
		if (n == 0)
			break;
		have += (size_t)n;
	}
	close(fd);
	if (!err && have > max_bytes)
		err = EFBIG;
	if (err) {
		free(p);
		return err;
	}
	p[have] = '\0';
	*data = p;
	*len = have;
	return 0;
}

void
free_strings(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

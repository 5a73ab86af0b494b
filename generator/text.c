#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

uint32_t
utf8_decode(const char *s, size_t len, size_t *n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	k = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    len > 4 ? 4 : (utf8proc_ssize_t)len, &cp);
	if (k <= 0) {
		*n = 1;
		return UINT32_MAX;
	}
	*n = (size_t)k;
	return (uint32_t)cp;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	return (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
}

char *
text_nfc(const char *s)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t n;
	char *copy;

	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfc,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return NULL;
	/* utf8proc allocates with malloc; hand the caller a string of ours. */
	copy = xstrndup((const char *)nfc, (size_t)n);
	free(nfc);
	return copy;
}

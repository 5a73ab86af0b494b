/* Writing JSON (json.h). */
#include "json.h"

#include <stdint.h>
#include <string.h>

#include "util.h"

/* Length of the valid UTF-8 sequence at s (of at most len bytes), 0 if there is none:
 * no overlong form, no surrogate, nothing beyond U+10FFFF. */
static size_t
utf8_valid_length(const unsigned char *s, size_t len)
{
	size_t n;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (n == 0 || n > len || s[0] > 0xF4)
		return 0;
	cp = s[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

void
json_string(struct buf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, n;

	if (s == NULL) {
		buf_puts(b, "null");
		return;
	}
	len = strlen(s);
	buf_puts(b, "\"");
	for (size_t i = 0; i < len; i += n ? n : 1) {
		n = utf8_valid_length(u + i, len - i);
		if (n == 0)
			buf_puts(b, "\\ufffd");
		else if (u[i] == '"' || u[i] == '\\')
			buf_printf(b, "\\%c", u[i]);
		else if (u[i] < 0x20 || u[i] == 0x7F)
			buf_printf(b, "\\u%04x", u[i]);
		else if (n == 2 && u[i] == 0xC2 && u[i + 1] < 0xA0)	/* C1 control */
			buf_printf(b, "\\u%04x", u[i + 1]);
		else
			buf_append(b, s + i, n);
	}
	buf_puts(b, "\"");
}

void
json_key_string(struct buf *b, const char *key, const char *value)
{
	json_string(b, key);
	buf_puts(b, ":");
	json_string(b, value);
}

void
json_key_number(struct buf *b, const char *key, long value)
{
	json_string(b, key);
	buf_printf(b, ":%ld", value);
}

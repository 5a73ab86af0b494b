/* UTF-8 decoding and encoding, NFC normalisation through utf8proc, and the text
 * helpers of messages: web and e-mail addresses, identifiers, edit distance. */
#include "text.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

	/* ASCII is its own NFC; most text is, and a large file has much of it. */
	for (n = 0; s[n] != '\0' && (unsigned char)s[n] < 0x80; n++)
		;
	if (s[n] == '\0')
		return xstrdup(s);
	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfc,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return NULL;
	/* utf8proc allocates with malloc; hand the caller a string of ours. */
	copy = xstrndup((const char *)nfc, (size_t)n);
	free(nfc);
	return copy;
}

int
text_has_prefix_ci(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && strncasecmp(s, prefix, n) == 0;
}

/* ASCII only, whatever the locale says. */
static int
is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Characters of the part before "@" and of a domain name (ASCII only). */
static int
is_local_char(char c)
{
	return is_alnum(c) || strchr("._%+-", c) != NULL;
}

static int
is_domain_char(char c)
{
	return is_alnum(c) || c == '.' || c == '-';
}

/* What may follow an address in a sentence without being part of it: ".", ",", ";",
 * ":", "!", "?", an unbalanced ")", and closing quotation marks. */
static size_t
trim_address_end(const char *s, size_t len)
{
	static const char *const closing[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
	    "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\xB9", "\xE2\x80\xBA", "\"", "'"};
	int trimmed = 1;

	while (len > 0 && trimmed) {
		size_t open = 0, close = 0;

		trimmed = 0;
		for (size_t i = 0; i < len; i++) {
			open += s[i] == '(';
			close += s[i] == ')';
		}
		if (strchr(".,;:!?", s[len - 1]) || (s[len - 1] == ')' && close > open)) {
			len--;
			trimmed = 1;
			continue;
		}
		for (size_t k = 0; k < sizeof closing / sizeof *closing && !trimmed; k++) {
			size_t n = strlen(closing[k]);

			if (len >= n && memcmp(s + len - n, closing[k], n) == 0) {
				len -= n;
				trimmed = 1;
			}
		}
	}
	return len;
}

/* A web address starting at s[i]: "https://x", "http://x" or "www.x", not inside a word. */
static size_t
web_address_at(const char *s, size_t len, size_t i)
{
	static const char *const starts[] = {"https://", "http://", "www."};
	size_t n;

	if (i > 0 && (is_alnum(s[i - 1]) || strchr("./@-_", s[i - 1])))
		return 0;
	for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
		if (text_has_prefix_ci(s + i, len - i, starts[k])) {
			n = trim_address_end(s + i, len - i);
			return n > strlen(starts[k]) ? n : 0;
		}
	return 0;
}

/* An e-mail address around the "@" at s[at]: local part, "@", a domain with a dot. */
static int
mail_address_at(const char *s, size_t len, size_t at, size_t *start, size_t *alen)
{
	size_t a = at, e = at + 1, dot = 0;

	while (a > 0 && is_local_char(s[a - 1]))
		a--;
	while (e < len && is_domain_char(s[e]))
		e++;
	while (e > at + 1 && (s[e - 1] == '.' || s[e - 1] == '-'))
		e--;
	for (size_t i = at + 1; i < e; i++)
		if (s[i] == '.')
			dot = i;
	if (a == at || dot == 0 || dot == at + 1 || dot + 1 >= e)
		return 0;
	*start = a;
	*alen = e - a;
	return 1;
}

int
text_find_address(const char *s, size_t len, size_t *at, size_t *alen)
{
	for (size_t i = 0; i < len; i++) {
		size_t n = web_address_at(s, len, i);

		if (n > 0) {
			*at = i;
			*alen = n;
			return 1;
		}
		if (s[i] == '@' && mail_address_at(s, len, i, at, alen))
			return 1;
	}
	return 0;
}

int
text_is_address(const char *s, size_t len)
{
	size_t at, alen, skip = text_has_prefix_ci(s, len, "mailto:") ? strlen("mailto:") : 0;

	/* "mailto:name@example.org" as the text of a <link> is its own target. */
	if (skip > 0 && (memchr(s + skip, '@', len - skip) == NULL ||
	    memchr(s + skip, ':', len - skip) != NULL))
		return 0;
	return text_find_address(s + skip, len - skip, &at, &alen) && at == 0 &&
	    alen == len - skip;
}

char *
text_address_uri(const char *s, size_t len)
{
	struct buf b = {0};

	if (text_has_prefix_ci(s, len, "www."))
		buf_puts(&b, "http://");
	else if (memchr(s, '@', len) != NULL && memchr(s, ':', len) == NULL)
		buf_puts(&b, "mailto:");
	buf_append(&b, s, len);
	return b.data;
}

/* German letters without a plain ASCII form; other accents are dropped. */
static const struct {
	const char *utf8, *ascii;
} transliterations[] = {
	{"\xC3\xA4", "ae"}, {"\xC3\xB6", "oe"}, {"\xC3\xBC", "ue"}, {"\xC3\x84", "ae"},
	{"\xC3\x96", "oe"}, {"\xC3\x9C", "ue"}, {"\xC3\x9F", "ss"},
};

char *
text_identifier(const char *s, size_t max)
{
	struct buf b = {0};
	utf8proc_uint8_t *plain = NULL;

	for (const char *t = s; *t; t++) {
		size_t k;

		for (k = 0; k < sizeof transliterations / sizeof *transliterations; k++)
			if (strncmp(t, transliterations[k].utf8, 2) == 0)
				break;
		if (k < sizeof transliterations / sizeof *transliterations) {
			buf_puts(&b, transliterations[k].ascii);
			t++;
		} else {
			buf_append(&b, t, 1);
		}
	}
	buf_append(&b, "", 0);
	/* "é" -> "e", "A" -> "a" */
	if (utf8proc_map((const utf8proc_uint8_t *)b.data, 0, &plain, UTF8PROC_NULLTERM |
	    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD) < 0)
		plain = NULL;
	b.len = 0;
	for (const char *t = plain ? (const char *)plain : ""; *t && b.len < max; t++) {
		if (is_alnum(*t))
			buf_append(&b, t, 1);
		else if (b.len > 0 && b.data[b.len - 1] != '-')
			buf_append(&b, "-", 1);
	}
	free(plain);
	while (b.len > 0 && b.data[b.len - 1] == '-')
		b.len--;
	buf_append(&b, "", 0);
	return b.data;
}

int
text_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	int d[65][65];

	if (n > 64 || m > 64)
		return INT_MAX;
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[n][m];
}

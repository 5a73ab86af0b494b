#include "hyph.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "text.h"
#include "util.h"

struct hyph {
	HyphenDict *dict;
};

struct hyph *
hyph_load(const char *path)
{
	struct hyph *h;
	HyphenDict *dict = hnj_hyphen_load(path);

	if (dict == NULL)
		return NULL;
	h = xmalloc(sizeof *h);
	h->dict = dict;
	return h;
}

void
hyph_free(struct hyph *h)
{
	if (h == NULL)
		return;
	hnj_hyphen_free(h->dict);
	free(h);
}

/* Lowercase ISO-8859-1 letter for cp, or 0 if cp is not a letter of that set. */
static unsigned char
latin1_lower(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return (unsigned char)cp;
	if (cp >= 'A' && cp <= 'Z')
		return (unsigned char)(cp + 32);
	if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
		return (unsigned char)cp;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return (unsigned char)(cp + 32);
	return 0;
}

size_t
hyph_word(const struct hyph *h, const char *word, size_t wlen,
    unsigned char *breaks, size_t max)
{
	char latin[128];
	char hyphens[128 + 5];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	size_t n = 0, k, last = 0;

	if (max > sizeof latin - 1)
		max = sizeof latin - 1;
	for (size_t i = 0; i < wlen; i += k) {
		uint32_t cp = utf8_decode(word + i, wlen - i, &k);
		unsigned char c = latin1_lower(cp);

		if (c == 0 || n == max)
			return 0;
		latin[n++] = (char)c;
	}
	if (n < HYPH_MIN_LEFT + HYPH_MIN_RIGHT)
		return 0;
	latin[n] = '\0';
	/* libhyphen dereferences rep, pos and cut: they must not be NULL. */
	if (hnj_hyphen_hyphenate2(h->dict, latin, (int)n, hyphens, NULL, &rep, &pos, &cut) != 0)
		return 0;
	if (rep != NULL) {
		/* Non-standard breaks (replacements) do not occur in German patterns. */
		for (size_t i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	memset(breaks, 0, n);
	for (size_t i = HYPH_MIN_LEFT - 1; i + HYPH_MIN_RIGHT < n; i++) {
		if (!(hyphens[i] & 1))
			continue;
		/* A break one letter after the previous one leaves a one-letter segment. */
		if (last && i - last < 2)
			continue;
		breaks[i] = 1;
		last = i;
	}
	return n;
}

#include "hyph.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "text.h"
#include "util.h"

/* Largest pattern file read, in bytes. */
#define MAX_PATTERN_FILE (16u * 1024u * 1024u)

struct hyph {
	HyphenDict *dict;
};

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

/* A set of strings, kept as 64-bit hashes: a collision only keeps a pattern more. */
struct hashset {
	uint64_t *slots;	/* 0 = empty */
	size_t mask;
	size_t count;
};

static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return h ? h : 1;
}

static int
set_has(const struct hashset *set, uint64_t h)
{
	for (size_t i = h & set->mask; set->slots[i]; i = (i + 1) & set->mask)
		if (set->slots[i] == h)
			return 1;
	return 0;
}

static void
set_add(struct hashset *set, uint64_t h)
{
	size_t i;

	if ((set->count + 1) * 2 > set->mask + 1) {
		struct hashset big = {xcalloc((set->mask + 1) * 2, sizeof *big.slots),
		    (set->mask + 1) * 2 - 1, 0};

		for (size_t k = 0; k <= set->mask; k++)
			if (set->slots[k])
				set_add(&big, set->slots[k]);
		free(set->slots);
		*set = big;
	}
	for (i = h & set->mask; set->slots[i]; i = (i + 1) & set->mask)
		if (set->slots[i] == h)
			return;
	set->slots[i] = h;
	set->count++;
}

/* Adds every substring of at most maxlen bytes of ".word." for each word of text. */
static void
add_substrings(struct hashset *set, const char *text, size_t len, size_t maxlen)
{
	struct hashset words = {xcalloc(1024, sizeof *words.slots), 1023, 0};
	char w[130];
	size_t n = 0, k;

	for (size_t i = 0; i <= len; i += k) {
		uint32_t cp = i < len ? utf8_decode(text + i, len - i, &k) : 0;
		unsigned char c = i < len ? latin1_lower(cp) : 0;

		if (i == len)
			k = 1;
		if (c && n < sizeof w - 2) {
			w[++n] = (char)c;
			continue;
		}
		if (n > 0) {
			uint64_t h;

			w[0] = '.';
			w[n + 1] = '.';
			h = hash(w, n + 2);
			if (!set_has(&words, h)) {
				set_add(&words, h);
				for (size_t a = 0; a < n + 2; a++)
					for (size_t b = a + 1; b <= n + 2 && b - a <= maxlen; b++)
						set_add(set, hash(w + a, b - a));
			}
		}
		n = 0;
	}
	free(words.slots);
}

/* The letters of a pattern line ("1b2ei3ß" -> "beiß"), up to any "/" replacement. */
static size_t
pattern_core(const char *line, size_t len, char *core, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < len && line[i] != '/' && n < max; i++)
		if (!(line[i] >= '0' && line[i] <= '9'))
			core[n++] = line[i];
	return n;
}

static int
is_pattern(const char *line, size_t len)
{
	/* Comments, directives (LEFTHYPHENMIN 2, NEXTLEVEL, ...) and blank lines. */
	return len > 0 && line[0] != '%' && line[0] != '#' && !(line[0] >= 'A' && line[0] <= 'Z');
}

struct hyph *
hyph_load(const char *path, const char *text, size_t len)
{
	struct hashset subs = {xcalloc(1024, sizeof *subs.slots), 1023, 0};
	struct buf kept = {0};
	char *data, core[256];
	size_t dlen, maxlen = 0;
	struct hyph *h = NULL;
	FILE *f;

	if (read_file(path, MAX_PATTERN_FILE, &data, &dlen) != 0) {
		free(subs.slots);
		return NULL;
	}
	for (size_t i = 0; i < dlen;) {
		size_t e = i;

		while (e < dlen && data[e] != '\n')
			e++;
		if (i > 0 && is_pattern(data + i, e - i)) {
			size_t n = pattern_core(data + i, e - i, core, sizeof core);

			if (n > maxlen)
				maxlen = n;
		}
		i = e + 1;
	}
	add_substrings(&subs, text, len, maxlen);
	/* The first line names the encoding; directives stay; patterns that match. */
	for (size_t i = 0; i < dlen;) {
		size_t e = i;

		while (e < dlen && data[e] != '\n')
			e++;
		if (i == 0 || !is_pattern(data + i, e - i) ||
		    set_has(&subs, hash(core, pattern_core(data + i, e - i, core, sizeof core))))
			buf_append(&kept, data + i, e - i + (e < dlen));
		i = e + 1;
	}
	free(data);
	free(subs.slots);
	if (kept.len > 0 && (f = fmemopen(kept.data, kept.len, "r")) != NULL) {
		HyphenDict *dict = hnj_hyphen_load_file(f);

		fclose(f);
		if (dict != NULL) {
			h = xmalloc(sizeof *h);
			h->dict = dict;
		}
	}
	buf_free(&kept);
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
